"""Benchmark of `kg build` stage by stage on the bundled reports repeated to N papers."""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LINK = re.compile(r"(huggingface\.co/papers/)(\d{4})\.(\d{4,5})")


def make_reports(target: Path, papers: int) -> int:
    """Copies of the bundled reports with fresh arXiv ids until `papers` paper blocks exist."""
    sources = sorted((ROOT / "reports").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    per_round = sum(t.count("## 📄") for t in texts)
    n = rnd = 0
    while n < papers:
        serial = iter(range(10**5))
        # Round r gets the unused arXiv month prefix (10 + r // 12)(r % 12 + 1): ids never clash.
        prefix = f"{10 + rnd // 12:02d}{rnd % 12 + 1:02d}"
        for src, text in zip(sources, texts, strict=True):
            fresh = _LINK.sub(lambda m, p=prefix, s=serial: f"{m.group(1)}{p}.{next(s):05d}", text)
            (target / f"{rnd:04d}_{src.name}").write_text(fresh, encoding="utf-8")
        n += per_round
        rnd += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--papers", type=int, default=10_000)
    ap.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    args = ap.parse_args()

    from kg.build import read_corpus
    from kg.extract import extract_papers, taxonomy_areas
    from kg.graph import build_graph
    from kg.html.render import write_html
    from kg.rdf.export import to_rdf, write_rdf

    work = Path(tempfile.mkdtemp(prefix="kgbench-"))
    try:
        reports, out = work / "reports", work / "out"
        reports.mkdir()
        n = make_reports(reports, args.papers)
        rows = []

        def stage(name: str, fn):
            t = time.perf_counter()
            value = fn()
            rows.append((name, time.perf_counter() - t))
            print(f"  {name}: {rows[-1][1]:.2f} s", flush=True)
            return value

        corpus = stage("parse", lambda: read_corpus(reports))
        records = [p for r in corpus.reports for p in r.papers]
        list(extract_papers(records[:5]))  # pipeline construction is not throughput
        exs = stage("extract", lambda: list(extract_papers(records)))
        G = stage("graph", lambda: build_graph(records, exs, taxonomy_areas()))
        g = stage("to_rdf", lambda: to_rdf(G))
        if not args.no_validate:
            from kg.rdf.shacl import validate

            stage("shacl", lambda: validate(g))
        stage("write ttl", lambda: write_rdf(g, out, ("ttl",)))
        stage("write html", lambda: write_html(G, out / "graph.html", max_nodes=2000))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{len(records)} paper blocks ({n} generated), {G.number_of_nodes()} nodes, {len(g)} triples"
        )
        print(f"{'stage':<12}{'seconds':>10}{'papers/s':>12}")
        for name, sec in rows:
            print(f"{name:<12}{sec:>10.2f}{len(records) / sec:>12.0f}")
        total = sum(s for _, s in rows)
        print(f"{'total':<12}{total:>10.2f}{len(records) / total:>12.0f}")
        print(f"triples/s (to_rdf): {len(g) / dict(rows)['to_rdf']:.0f}; peak RSS {peak:.0f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
