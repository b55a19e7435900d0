"""Tests of kg.rdf.shacl: the export conforms to ontology/shapes.ttl; broken graphs do not."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from rdf_fixtures import synthetic_graph, tiny_graph
from rdflib import Graph, Literal, URIRef

from kg.iri import entity_iri, paper_iri
from kg.rdf.export import to_rdf
from kg.rdf.shacl import ShaclResult, validate
from kg.rdf.vocab import DCTERMS, KG, RDF, RDFS, SKOS, XSD

P1 = URIRef(paper_iri("2602.15927"))
GRPO = URIRef(entity_iri("Method", "grpo"))


def test_shacl_export_conforms() -> None:
    result = validate(to_rdf(tiny_graph()))
    assert isinstance(result, ShaclResult)
    assert result.conforms, result.text
    assert result.violations == 0


def _mention(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, KG.Mention))[0]


def _top(g: Graph) -> URIRef:
    return sorted(g.subjects(SKOS.topConceptOf, None))[0]


def _field(g: Graph) -> URIRef:
    """A field that is no top-level area."""
    tops = set(g.subjects(SKOS.topConceptOf, None))
    return sorted(set(g.subjects(RDF.type, KG.Field)) - tops)[0]


BREAKAGES: dict[str, Callable[[Graph], None]] = {
    "second arXiv id": lambda g: g.add((P1, KG.arxivId, Literal("9999.99999"))),
    "no title": lambda g: g.remove((P1, DCTERMS.title, None)),
    "date not xsd:date": lambda g: g.add((P1, KG.reportDate, Literal("19 Feb 2026"))),
    "second entity label": lambda g: g.add((GRPO, RDFS.label, Literal("Grpo"))),
    "entity with two types": lambda g: g.add((GRPO, RDF.type, KG.Model)),
    "mention without line": lambda g: g.remove((_mention(g), KG.line, None)),
    "mention without sentence": lambda g: g.remove((_mention(g), KG.sentence, None)),
    "line not an integer": lambda g: g.set((_mention(g), KG.line, Literal("42"))),
    "mentions a field": lambda g: g.add(
        (P1, KG.mentions, sorted(g.subjects(RDF.type, KG.Field))[0])
    ),
    "inField to a non-field": lambda g: g.add((P1, KG.inField, GRPO)),
    "failed flag missing": lambda g: g.remove((P1, KG.analysisFailed, None)),
    "top area under a field": lambda g: g.add((_top(g), SKOS.broader, _field(g))),
    "field under no area": lambda g: g.remove((_field(g), SKOS.broader, None)),
    "support not integer": lambda g: g.set(
        (GRPO, KG.supportCount, Literal("2", datatype=XSD.string))
    ),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_shacl_detects_violation(breakage: str) -> None:
    g = to_rdf(tiny_graph())
    BREAKAGES[breakage](g)
    result = validate(g)
    assert not result.conforms
    assert result.violations >= 1
    assert "Violation" in result.text


def test_shacl_is_fast_on_a_few_thousand_triples() -> None:
    g = to_rdf(synthetic_graph(200))
    assert len(g) > 8000
    start = time.perf_counter()
    result = validate(g)
    seconds = time.perf_counter() - start
    assert result.conforms, result.text
    assert seconds < 15, f"SHACL took {seconds:.1f} s on {len(g)} triples"


def test_shacl_bundled_reports_conform(built) -> None:  # noqa: ANN001 - fixture
    result = validate(to_rdf(built.graph))
    assert result.conforms, result.text[:3000]
    assert built.summary.shacl_violations == 0
