"""Entity, relation and field extraction from parsed papers (spaCy stays inside this package)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract.fields import paper_fields, taxonomy_areas
from kg.model import PaperExtraction, PaperRecord

__all__ = ["extract_paper", "extract_papers", "taxonomy_areas"]


def extract_paper(paper: PaperRecord) -> PaperExtraction:
    """Entities, relations and fields of one paper; failed papers give an empty extraction."""
    if paper.failed:
        return PaperExtraction(arxiv_id=paper.arxiv_id)
    from kg.extract.aggregate import entities
    from kg.extract.pipeline import make_doc, run
    from kg.extract.text import paper_sentences

    text, sents = paper_sentences(paper)
    doc = run(make_doc(text, sents, paper.title))
    mentions, relations = entities(doc, paper)
    return PaperExtraction(
        arxiv_id=paper.arxiv_id,
        entities=mentions,
        fields=paper_fields(paper),
        relations=relations,
    )


# spaCy's vocabulary keeps every new token string (most Chinese chunks are new), so a fresh
# pipeline is built now and then to bound memory on large corpora; output is unaffected.
_RENEW_EVERY = 5000


def extract_papers(papers: Iterable[PaperRecord]) -> Iterator[PaperExtraction]:
    """One PaperExtraction per paper, in input order; deterministic."""
    from kg.extract.pipeline import nlp

    for i, paper in enumerate(papers, 1):
        yield extract_paper(paper)
        if i % _RENEW_EVERY == 0:
            nlp.cache_clear()
