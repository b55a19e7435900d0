"""Time every named query with rdflib and pyoxigraph on a graph of >= 10,000 papers.

The bundled reports' graph is repeated with fresh arXiv ids (entities and fields shared, so
counts grow as in a real corpus) until it holds --papers papers. Not a test:

    python benchmarks/bench_query.py [--papers 10000] [--reports reports] [--timeout 120]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import assemble  # noqa: E402
from kg.iri import paper_iri  # noqa: E402
from kg.query import Dataset, named_query, open_dataset  # noqa: E402
from kg.rdf.export import to_rdf, write_rdf  # noqa: E402
from kg.rdf.shacl import validate  # noqa: E402


def repeat_papers(G: nx.MultiDiGraph, papers: int) -> nx.MultiDiGraph:
    """A copy of G whose papers are repeated under new arXiv ids until there are `papers`."""
    originals = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "Paper")
    if not originals:
        raise SystemExit("the bundled graph has no papers")
    big = G.copy()
    copy = 0
    count = len(originals)
    while count < papers:
        copy += 1
        for i, p in enumerate(originals):
            if count >= papers:
                break
            data = dict(G.nodes[p])
            # arXiv-shaped ids whose "year-month" is the copy number: never a real id.
            new_id = f"{copy:04d}.{i:05d}"
            data["arxiv_id"] = new_id
            data["url"] = f"https://huggingface.co/papers/{new_id}"
            new = paper_iri(new_id)
            big.add_node(new, **data)
            for _, target, key, edata in G.out_edges(p, keys=True, data=True):
                big.add_edge(new, target, key=key, **edata)
            count += 1
    for node, data in big.nodes(data=True):
        if data["kind"] != "Paper":
            data["support"] = len(
                {u for u, _ in big.in_edges(node) if big.nodes[u]["kind"] == "Paper"}
            )
    return big


def _timed(ds: Dataset, text: str, name: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = ds.query(text, name)
    return time.perf_counter() - start, len(result.rows)


def _child(conn, ds: Dataset, text: str, name: str) -> None:  # noqa: ANN001 - Connection
    conn.send(_timed(ds, text, name))
    conn.close()


def time_with_timeout(ds: Dataset, text: str, name: str, timeout: float) -> tuple[float, int]:
    """Run the query in a forked child (the loaded graph is shared copy-on-write) so that a
    slow rdflib query can be abandoned after `timeout` seconds; (inf, -1) then."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, ds, text, name))
    proc.start()
    child.close()
    if parent.poll(timeout):
        seconds, rows = parent.recv()
        proc.join()
        return seconds, rows
    proc.terminate()
    proc.join()
    return float("inf"), -1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=10_000)
    ap.add_argument("--reports", type=Path, default=Path("reports"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/paperkg-bench"))
    ap.add_argument("--timeout", type=float, default=120.0, help="rdflib seconds per query")
    args = ap.parse_args()

    t0 = time.perf_counter()
    _, G = assemble(args.reports)
    big = repeat_papers(G, args.papers)
    t1 = time.perf_counter()
    g = to_rdf(big)
    t2 = time.perf_counter()
    write_rdf(g, args.out, ["ttl", "oxigraph"])
    t3 = time.perf_counter()
    shacl = validate(g)
    t4 = time.perf_counter()
    n_papers = sum(1 for _, d in big.nodes(data=True) if d["kind"] == "Paper")
    print(f"papers: {n_papers}  nodes: {big.number_of_nodes()}  triples: {len(g)}")
    print(
        f"build nx {t1 - t0:.1f} s | to_rdf {t2 - t1:.1f} s | write ttl+store {t3 - t2:.1f} s"
        f" | SHACL {t4 - t3:.1f} s ({shacl.violations} violations)"
    )
    del g

    t = time.perf_counter()
    ox = open_dataset(args.out / "store", "oxigraph")
    t_ox = time.perf_counter() - t
    t = time.perf_counter()
    rl = open_dataset(args.out / "graph.ttl", "rdflib")
    t_rl = time.perf_counter() - t
    print(f"load: oxigraph store {t_ox:.2f} s | rdflib parse graph.ttl {t_rl:.1f} s\n")

    from kg.query import list_queries

    header = (
        f"| {'query':<28} | {'rows':>5} | {'pyoxigraph s':>12} | {'rdflib s':>9} | {'ratio':>6} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for name in list_queries():
        text = named_query(name).text
        ox_s, ox_rows = _timed(ox, text, name)
        rl_s, rl_rows = time_with_timeout(rl, text, name, args.timeout)
        rl_text = f">{args.timeout:.0f}" if rl_rows < 0 else f"{rl_s:.2f}"
        ratio = "" if rl_rows < 0 else f"{rl_s / max(ox_s, 1e-6):.0f}x"
        agree = "" if rl_rows in (-1, ox_rows) else " (row counts differ!)"
        print(f"| {name:<28} | {ox_rows:>5} | {ox_s:>12.3f} | {rl_text:>9} | {ratio:>6} |{agree}")


if __name__ == "__main__":
    main()
