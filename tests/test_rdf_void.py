"""Tests of kg.rdf.void: the VoID/DCAT description counts what the graph holds."""

from __future__ import annotations

from pathlib import Path

from rdf_fixtures import tiny_graph
from rdflib import Graph, Literal, URIRef

from kg.iri import report_iri
from kg.rdf.export import to_rdf, write_rdf
from kg.rdf.vocab import DCAT, DCTERMS, KG, RDF, VOID
from kg.rdf.void import GRAPH_IRI, describe


def _partition(d: Graph, prop: URIRef, key: URIRef, value: URIRef) -> int:
    for part in d.objects(GRAPH_IRI, prop):
        if d.value(part, key) == value:
            return int(
                d.value(part, VOID.entities if prop == VOID.classPartition else VOID.triples)
            )
    raise AssertionError(f"no partition for {value}")


def test_void_counts_triples_classes_and_properties() -> None:
    g = to_rdf(tiny_graph())
    d = describe(g)
    assert (GRAPH_IRI, RDF.type, VOID.Dataset) in d
    assert (GRAPH_IRI, RDF.type, DCAT.Dataset) in d
    assert d.value(GRAPH_IRI, VOID.triples) == Literal(len(g))
    assert _partition(d, VOID.classPartition, VOID["class"], KG.Paper) == 2
    assert _partition(d, VOID.classPartition, VOID["class"], KG.Model) == 2
    assert _partition(d, VOID.classPartition, VOID["class"], KG.Mention) == 7
    mentions = len(list(g.triples((None, KG.mentions, None))))
    assert _partition(d, VOID.propertyPartition, VOID.property, KG.mentions) == mentions
    assert set(d.objects(GRAPH_IRI, DCTERMS.source)) == {
        URIRef(report_iri("000_a.txt")),
        URIRef(report_iri("001_b.txt")),
    }


def test_void_written_next_to_graph(tmp_path: Path) -> None:
    g = to_rdf(tiny_graph())
    write_rdf(g, tmp_path, ["ttl"])
    d = Graph().parse(tmp_path / "void.ttl", format="turtle")
    assert d.value(GRAPH_IRI, VOID.triples) == Literal(len(g))
    titles = {lit.language for lit in d.objects(GRAPH_IRI, DCTERMS.title)}
    assert titles == {"en", "zh"}
