"""Tests of kg.rdf.turtle: the sorted Turtle writer is valid, faithful and stable."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.iri import entity_iri
from kg.rdf.turtle import to_turtle
from kg.rdf.vocab import KG, PREFIXES, RDF, RDFS, XSD

NASTY = [
    'quote " and backslash \\ and "" triple """',
    "line\nbreak\r\nand\ttab",
    "control \x01\x1f\x7f chars",
    "中文 and emoji 🚀",
    "",
    "ends with backslash \\",
]
S = URIRef(entity_iri("Model", "Qwen2.5-VL-7B"))


def _nasty_graph() -> Graph:
    g = Graph()
    g.add((S, RDF.type, KG.Model))
    for i, text in enumerate(NASTY):
        g.add((S, RDFS.comment, Literal(text)))
        g.add((S, RDFS.label, Literal(text + str(i), lang="zh")))
    g.add((S, KG.supportCount, Literal(42)))
    g.add((S, KG.inKnowledgeBase, Literal(True)))
    g.add((S, KG.line, Literal("007", datatype=XSD.integer)))
    g.add((S, KG.key, Literal("2026-02-19", datatype=XSD.date)))
    g.add((S, KG.relatedTo, URIRef(entity_iri("Model", "GPT 4o <script>"))))
    g.add((S, KG.relatedTo, URIRef(entity_iri("Model", "ends.with.dot."))))
    g.add((S, KG.relatedTo, URIRef("https://example.org/x#frag")))
    g.add((BNode("part1"), KG.relatedTo, S))
    return g


def test_turtle_round_trips_through_rdflib_and_oxigraph() -> None:
    g = _nasty_graph()
    text = to_turtle(g, PREFIXES)
    assert isomorphic(Graph().parse(data=text, format="turtle"), g)
    quads = list(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(g)


def test_turtle_is_independent_of_insertion_order() -> None:
    g = _nasty_graph()
    reversed_g = Graph()
    for t in sorted(g, reverse=True):
        reversed_g.add(t)
    assert to_turtle(g, PREFIXES) == to_turtle(reversed_g, PREFIXES)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (Literal(42), "42"),
        (Literal(False), "false"),
        (Literal("2026-02-19", datatype=XSD.date), '"2026-02-19"^^xsd:date'),
        (Literal('a"b'), '"a\\"b"'),
        (Literal("x", lang="zh"), '"x"@zh'),
        (URIRef(entity_iri("Model", "Qwen2.5-VL-7B")), "model:qwen2.5-vl-7b"),
        (
            URIRef(entity_iri("Model", "ends.with.dot.")),
            "<https://w3id.org/paperkg/id/model/ends.with.dot.>",
        ),
        (KG.Paper, "kg:Paper"),
    ],
)
def test_turtle_term_forms(term, expected: str) -> None:  # noqa: ANN001
    g = Graph()
    g.add((S, KG.key, term))
    assert f"kg:key {expected} .\n" in to_turtle(g, PREFIXES)


def test_turtle_declares_only_used_prefixes() -> None:
    g = Graph()
    g.add((S, RDF.type, KG.Model))
    head = [line for line in to_turtle(g, PREFIXES).splitlines() if line.startswith("@prefix")]
    assert head == [
        "@prefix kg: <https://w3id.org/paperkg/ontology#> .",
        "@prefix model: <https://w3id.org/paperkg/id/model/> .",
    ]
