"""The `kg build` job: reports folder -> parse -> extract -> graph -> RDF + HTML, with a summary."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import networkx as nx
from tqdm import tqdm

from kg.errors import UserError
from kg.model import ENTITY_TYPES, BuildSummary, Corpus, PaperRecord
from kg.parse import parse_folder

RDF_FORMATS = ("ttl", "nt", "jsonld", "oxigraph")
T = TypeVar("T")


def _progress(
    items: Iterable[T], enabled: bool, desc: str, total: int | None = None
) -> Iterator[T]:
    # disable=None lets tqdm hide itself when stderr is not a terminal (CI logs stay clean).
    yield from tqdm(
        items, desc=desc, total=total, unit="", leave=False, disable=None if enabled else True
    )


def read_corpus(reports: Path, progress: bool = False) -> Corpus:
    """Parse every report under `reports`, with a progress bar over the files."""
    if not reports.exists():
        raise UserError(f"reports folder not found: {reports}")
    if not reports.is_dir():
        raise UserError(f"not a folder: {reports}")
    return parse_folder(reports, lambda paths: _progress(paths, progress, "parse", len(paths)))


def assemble(reports: Path, progress: bool = False) -> tuple[Corpus, nx.MultiDiGraph]:
    """Parse, extract and merge: the in-memory graph of a reports folder."""
    from kg.extract import extract_papers, taxonomy_areas
    from kg.graph import build_graph

    corpus = read_corpus(reports, progress)
    records: list[PaperRecord] = [p for r in corpus.reports for p in r.papers]
    extractions = list(_progress(extract_papers(records), progress, "extract", len(records)))
    return corpus, build_graph(records, extractions, taxonomy_areas())


def build(
    reports: Path,
    out: Path,
    *,
    formats: Sequence[str] = ("ttl",),
    html_max_nodes: int | None = 2000,
    validate: bool = True,
    progress: bool = False,
) -> BuildSummary:
    """Build the knowledge graph of `reports` into `out`; returns what was done."""
    from kg.html.render import write_html
    from kg.rdf.export import to_rdf, write_rdf

    unknown = sorted(set(formats) - set(RDF_FORMATS))
    if unknown:
        raise UserError(
            f"unknown --format {', '.join(unknown)} (choose from {', '.join(RDF_FORMATS)})"
        )
    if out.exists() and not out.is_dir():
        raise UserError(f"--out is a file, not a folder: {out}")
    start = time.perf_counter()
    corpus, G = assemble(reports, progress)

    rdf = to_rdf(G)
    violations = 0
    if validate:
        from kg.rdf.shacl import validate as shacl_validate

        result = shacl_validate(rdf)
        violations = result.violations
    out.mkdir(parents=True, exist_ok=True)
    written = list(write_rdf(rdf, out, tuple(dict.fromkeys(formats or ("ttl",)))))
    html = write_html(G, out / "graph.html", max_nodes=html_max_nodes)
    written.append(out / "graph.html")

    kinds = Counter(d["kind"] for _, d in G.nodes(data=True))
    papers = [d for _, d in G.nodes(data=True) if d["kind"] == "Paper"]
    return BuildSummary(
        papers=len(papers),
        failed_papers=sum(1 for d in papers if d["failed"]),
        entities_by_type={t: kinds[t] for t in ENTITY_TYPES},
        fields=kinds["Field"],
        links=sum(1 for *_, k in G.edges(keys=True) if k == "mentions"),
        triples=len(rdf),
        skipped=corpus.issues,
        outputs=tuple(sorted(str(p) for p in written)),
        seconds=time.perf_counter() - start,
        shacl_violations=violations,
        html_note=html.note,
        report_files=corpus.files_seen,
        reports_read=len(corpus.reports),
        paper_blocks=sum(len(r.papers) for r in corpus.reports),
    )


def format_summary(s: BuildSummary) -> str:
    """The human summary printed by `kg build`."""
    lines = [
        f"papers: {s.papers} ({s.failed_papers} failed analyses, no entities extracted)",
        f"  from {s.paper_blocks} paper blocks in {s.reports_read} of {s.report_files} report files",
        "entities: " + str(sum(s.entities_by_type.values())),
    ]
    lines += [f"  {t:<13}{n:>6}" for t, n in s.entities_by_type.items()]
    lines += [
        f"fields: {s.fields}",
        f"paper-entity links: {s.links}",
        f"RDF triples: {s.triples}",
        f"SHACL violations: {s.shacl_violations}",
    ]
    if s.html_note:
        lines.append(s.html_note)
    lines.append(f"skipped / problems: {len(s.skipped)}")
    lines += [f"  {issue}" for issue in s.skipped]
    lines.append("wrote: " + ", ".join(s.outputs))
    lines.append(f"time: {s.seconds:.2f} s")
    return "\n".join(lines)
