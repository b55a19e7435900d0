"""The RDF contract users' SPARQL relies on, checked on output/graph.ttl of the bundled reports."""

from __future__ import annotations

import pytest
from rdflib import Graph

PREFIXES = """
PREFIX kg: <https://w3id.org/paperkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

# (contract item, ASK query that must be true)
MUST_HOLD = [
    (
        "paper IRI, arXiv id, title, HF link and xsd:date",
        """ASK { <https://w3id.org/paperkg/id/paper/2602.15927> a kg:Paper ;
                  kg:arxivId "2602.15927" ;
                  dcterms:title "Visual Memory Injection Attacks for Multi-Turn Conversations" ;
                  kg:hfPage <https://huggingface.co/papers/2602.15927> ;
                  kg:reportDate "2026-02-19"^^xsd:date }""",
    ),
    (
        "failed analysis kept as a paper",
        """ASK { ?p a kg:Paper ; kg:arxivId "2602.16666" ; kg:analysisFailed true ;
                  dcterms:title "Towards a Science of AI Agent Reliability" .
                 FILTER NOT EXISTS { ?p kg:mentions ?e } }""",
    ),
    (
        "model entity with canonical label",
        """ASK { ?m a kg:Model ; rdfs:label "Qwen3-VL" .
                 FILTER(STRSTARTS(STR(?m), "https://w3id.org/paperkg/id/model/")) }""",
    ),
    ("hardware entity", """ASK { ?h a kg:Hardware ; rdfs:label "H100" }"""),
    ("benchmark entity", """ASK { ?b a kg:Benchmark ; rdfs:label "VBench" }"""),
    ("method entity", """ASK { ?m a kg:Method ; rdfs:label "GRPO" }"""),
    ("Chinese alias tagged @zh", """ASK { ?e skos:altLabel ?a . FILTER(LANG(?a) = "zh") }"""),
    ("direct paper-entity triple", """ASK { ?p a kg:Paper ; kg:mentions ?e . ?e a kg:Model }"""),
    ("specific role property", """ASK { ?p kg:evaluatesOn ?b . ?b a kg:Benchmark }"""),
    ("proposes role", """ASK { ?p a kg:Paper ; kg:proposes ?x }"""),
    ("runs-on role", """ASK { ?p kg:runsOn ?h . ?h a kg:Hardware }"""),
    (
        "field with zh and en labels",
        """ASK { ?p kg:inField ?f . ?f a kg:Field ; rdfs:label ?zh, ?en .
                 FILTER(LANG(?zh) = "zh" && LANG(?en) = "en") }""",
    ),
    ("field taxonomy", """ASK { ?f a kg:Field ; skos:broader ?top . ?top skos:topConceptOf ?s }"""),
    ("Benchmark is a kind of Dataset", """ASK { kg:Benchmark rdfs:subClassOf kg:Dataset }"""),
    (
        "entity relation with its evidence (基于 X 微调)",
        """ASK { ?s kg:fineTunedFrom ?o .
                 ?m a kg:RelationEvidence ; rdf:subject ?s ; rdf:predicate kg:fineTunedFrom ;
                    rdf:object ?o ; kg:sentence ?t ; kg:line ?l . FILTER(CONTAINS(?t, "基于")) }""",
    ),
]

# (contract item, ASK query for a counter-example: must be false)
MUST_NOT_HOLD = [
    (
        "every role link also has kg:mentions",
        """ASK { ?p ?role ?e . ?role rdfs:subPropertyOf kg:mentions .
                 FILTER(?role != kg:mentions) FILTER NOT EXISTS { ?p kg:mentions ?e } }""",
    ),
    (
        "every entity has exactly one rdfs:label",
        """ASK { ?p kg:mentions ?e . ?e rdfs:label ?a, ?b . FILTER(?a != ?b) }""",
    ),
    (
        "every entity has a label",
        """ASK { ?p kg:mentions ?e . FILTER NOT EXISTS { ?e rdfs:label ?l } }""",
    ),
    (
        "report dates are xsd:date",
        """ASK { ?p kg:reportDate ?d . FILTER(DATATYPE(?d) != xsd:date) }""",
    ),
    (
        "every paper has an arXiv id and a title",
        """ASK { ?p a kg:Paper . FILTER NOT EXISTS { ?p kg:arxivId ?i ; dcterms:title ?t } }""",
    ),
    (
        "every entity relation has evidence",
        """ASK { ?s kg:fineTunedFrom|kg:basedOn ?o .
                 FILTER NOT EXISTS { ?m rdf:subject ?s ; rdf:object ?o ; kg:sentence ?t } }""",
    ),
    (
        "entity IRIs live under /id/",
        """ASK { ?p kg:mentions ?e .
                 FILTER(!STRSTARTS(STR(?e), "https://w3id.org/paperkg/id/")) }""",
    ),
]


@pytest.fixture(scope="module")
def exported(built) -> Graph:
    g = Graph().parse(built.out_dir / "graph.ttl", format="turtle")
    from kg.paths import ONTOLOGY_DIR

    g.parse(ONTOLOGY_DIR / "paperkg.ttl", format="turtle")
    return g


@pytest.mark.parametrize(("item", "query"), MUST_HOLD, ids=[i for i, _ in MUST_HOLD])
def test_contract_item_holds(exported: Graph, item: str, query: str) -> None:
    assert exported.query(PREFIXES + query).askAnswer, item


@pytest.mark.parametrize(("item", "query"), MUST_NOT_HOLD, ids=[i for i, _ in MUST_NOT_HOLD])
def test_contract_no_counter_example(exported: Graph, item: str, query: str) -> None:
    assert not exported.query(PREFIXES + query).askAnswer, item


def test_contract_summary_matches_graph(built) -> None:
    s = built.summary
    assert s.papers == 100 and s.failed_papers == 1
    assert s.skipped == ()
    assert s.shacl_violations == 0
    kinds = [d["kind"] for _, d in built.graph.nodes(data=True)]
    assert s.entities_by_type["Model"] == kinds.count("Model") > 0
    assert s.links == sum(1 for *_, k in built.graph.edges(keys=True) if k == "mentions")
