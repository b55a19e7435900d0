"""Hand-made PaperRecords for the extractor tests (sections as a report would give them)."""

from __future__ import annotations

from kg.extract import extract_paper
from kg.model import EntityMention, PaperExtraction, PaperRecord, Section

SECTION_ORDER = ("fields", "contribution", "usage", "innovations", "results")


def paper(
    title: str = "A Paper",
    *,
    fields: str = "",
    contribution: str = "",
    usage: str = "",
    innovations: str = "",
    results: str = "",
    arxiv_id: str = "2601.00001",
) -> PaperRecord:
    """A paper whose sections start on lines 10, 20, 30, ... of report `r.txt`."""
    texts = dict(
        fields=fields,
        contribution=contribution,
        usage=usage,
        innovations=innovations,
        results=results,
    )
    sections = tuple(
        Section(key, texts[key], 10 * (i + 1)) for i, key in enumerate(SECTION_ORDER) if texts[key]
    )
    return PaperRecord(
        arxiv_id=arxiv_id,
        title=title,
        url=f"https://huggingface.co/papers/{arxiv_id}",
        date="2026-02-01",
        source="r.txt",
        line=1,
        sections=sections,
    )


def extract(**kwargs: str) -> PaperExtraction:
    return extract_paper(paper(**kwargs))


def by_name(x: PaperExtraction) -> dict[str, EntityMention]:
    return {e.name: e for e in x.entities}


def labels(e: EntityMention) -> set[str]:
    return {e.name} | {a.text for a in e.aliases}
