"""Tests of ontology/paperkg.ttl: every term the export uses is declared, bilingual, aligned."""

from __future__ import annotations

import pytest
from rdf_fixtures import synthetic_graph, tiny_graph
from rdflib import Graph, URIRef

from kg.paths import ONTOLOGY_DIR
from kg.rdf.export import to_rdf
from kg.rdf.vocab import DCTERMS, FABIO, KG, OWL, RDF, RDFS, SCHEMA, SKOS
from kg.rdf.void import describe

ONTOLOGY = ONTOLOGY_DIR / "paperkg.ttl"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _used_terms(g: Graph) -> set[URIRef]:
    preds = {p for p in g.predicates() if p != RDF.type}
    classes = set(g.objects(None, RDF.type))
    return {t for t in preds | classes if isinstance(t, URIRef)}


def _assert_declared_bilingual(onto: Graph, terms: set[URIRef]) -> None:
    declared = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    problems = []
    for term in sorted(terms):
        if not set(onto.objects(term, RDF.type)) & declared:
            problems.append(f"{term}: not declared")
            continue
        for prop in (RDFS.label, RDFS.comment):
            langs = {lit.language for lit in onto.objects(term, prop)}
            if not {"en", "zh"} <= langs:
                problems.append(f"{term}: {prop} lacks en or zh ({sorted(map(str, langs))})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("make", [tiny_graph, synthetic_graph], ids=["tiny", "synthetic"])
def test_ontology_declares_every_exported_term(onto: Graph, make) -> None:  # noqa: ANN001
    g = to_rdf(make())
    _assert_declared_bilingual(onto, _used_terms(g) | _used_terms(describe(g)))


def test_ontology_declares_every_term_of_the_bundled_export(onto: Graph, built) -> None:  # noqa: ANN001
    g = to_rdf(built.graph)
    _assert_declared_bilingual(onto, _used_terms(g) | _used_terms(describe(g)))


def test_ontology_and_vocab_module_agree(onto: Graph) -> None:
    """kg/rdf/vocab.py's closed namespace and the ontology list the same kg: terms."""
    in_onto = {s for s in onto.subjects() if isinstance(s, URIRef) and s.startswith(str(KG))}
    in_vocab = {URIRef(KG[name]) for name in KG.__annotations__}
    assert in_onto == in_vocab
    _assert_declared_bilingual(onto, in_vocab - {KG.FieldTaxonomy})


@pytest.mark.parametrize(
    ("s", "p", "o"),
    [
        (KG.Paper, RDFS.subClassOf, SCHEMA.ScholarlyArticle),
        (KG.Paper, RDFS.subClassOf, FABIO.ResearchPaper),
        (KG.Benchmark, RDFS.subClassOf, KG.Dataset),
        (KG.Field, RDFS.subClassOf, SKOS.Concept),
        (KG.mentions, RDFS.subPropertyOf, SCHEMA.mentions),
        (KG.uses, RDFS.subPropertyOf, KG.mentions),
        (KG.arxivId, RDFS.subPropertyOf, FABIO.hasArXivId),
        (KG.fineTunedFrom, RDFS.subPropertyOf, KG.basedOn),
        (KG.inField, RDFS.subPropertyOf, DCTERMS.subject),
    ],
)
def test_ontology_alignments(onto: Graph, s: URIRef, p: URIRef, o: URIRef) -> None:
    assert (s, p, o) in onto


def test_ontology_kg_properties_have_domain_and_range(onto: Graph) -> None:
    missing = []
    for prop_type in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in onto.subjects(RDF.type, prop_type):
            if not str(prop).startswith(str(KG)):
                continue
            if onto.value(prop, RDFS.domain) is None:
                missing.append(f"{prop} domain")
            if prop != KG.hfPage and onto.value(prop, RDFS.range) is None:
                missing.append(f"{prop} range")
    assert not missing, missing
