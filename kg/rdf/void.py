"""VoID + DCAT description of an exported graph (written next to it as void.ttl)."""

from __future__ import annotations

from collections import Counter

from rdflib import BNode, Graph, Literal, URIRef

from kg.iri import BASE, graph_iri
from kg.rdf.export import new_graph
from kg.rdf.vocab import DCAT, DCTERMS, KG, PREFIXES, RDF, VOID

# The IRI of the exported dataset itself. TODO(lead): mint it in kg/iri.py (graph_iri()).
GRAPH_IRI = URIRef(graph_iri())

# Vocabularies whose terms appear in the export.
_VOCABULARIES = ("kg", "rdf", "rdfs", "xsd", "skos", "dcterms", "prov")


def describe(g: Graph) -> Graph:
    """VoID/DCAT statistics of `g`: size, entities per class, triples per property, sources.

    Kept out of graph.ttl so the data graph stays pure instance data; partitions are blank
    nodes with fixed ids so that the Turtle output is byte-identical between runs.
    """
    d = new_graph()
    ds = GRAPH_IRI
    d.add((ds, RDF.type, VOID.Dataset))
    d.add((ds, RDF.type, DCAT.Dataset))
    d.add((ds, DCTERMS.title, Literal("paperkg knowledge graph", lang="en")))
    d.add((ds, DCTERMS.title, Literal("paperkg 论文知识图谱", lang="zh")))
    d.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "Papers, entities, fields and evidence extracted from Hugging Face Daily Papers"
                " reports.",
                lang="en",
            ),
        )
    )
    d.add(
        (
            ds,
            DCTERMS.description,
            Literal("从 Hugging Face 每日论文报告中抽取的论文、实体、领域及证据。", lang="zh"),
        )
    )
    d.add((ds, VOID.uriSpace, Literal(BASE)))
    for prefix in _VOCABULARIES:
        d.add((ds, VOID.vocabulary, URIRef(PREFIXES[prefix])))
    subjects = set(g.subjects())
    d.add((ds, VOID.triples, Literal(len(g))))
    d.add((ds, VOID.distinctSubjects, Literal(len(subjects))))
    d.add((ds, VOID.distinctObjects, Literal(len(set(g.objects())))))
    typed = {s for s in g.subjects(RDF.type, None)}
    d.add((ds, VOID.entities, Literal(len(typed))))
    classes = Counter(o for _, o in g.subject_objects(RDF.type))
    d.add((ds, VOID.classes, Literal(len(classes))))
    for cls in sorted(classes):
        part = BNode(f"class{_local(cls)}")
        d.add((ds, VOID.classPartition, part))
        d.add((part, VOID["class"], cls))
        d.add((part, VOID.entities, Literal(classes[cls])))
    properties = Counter(p for _, p, _ in g)
    d.add((ds, VOID.properties, Literal(len(properties))))
    for prop in sorted(properties):
        part = BNode(f"property{_local(prop)}")
        d.add((ds, VOID.propertyPartition, part))
        d.add((part, VOID.property, prop))
        d.add((part, VOID.triples, Literal(properties[prop])))
    for report in sorted(g.subjects(RDF.type, KG.Report)):
        d.add((ds, DCTERMS.source, report))
    return d


def _local(iri: URIRef) -> str:
    """A blank node id from an IRI: prefix name plus local name, letters and digits only."""
    text = str(iri)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            text = prefix.capitalize() + text[len(ns) :]
            break
    return "".join(ch for ch in text if ch.isalnum())
