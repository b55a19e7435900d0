"""networkx graph -> rdflib Graph, and the byte-deterministic writers (Turtle, N-Triples,
JSON-LD, Oxigraph store)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg.errors import UserError
from kg.io import atomic_path, write_bytes
from kg.iri import field_iri, mention_iri, relation_evidence_iri, report_iri
from kg.model import Evidence
from kg.rdf.turtle import to_turtle
from kg.rdf.vocab import (
    DCTERMS,
    ENTITY_CLASSES,
    KG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RELATION_PROPERTIES,
    ROLE_PROPERTIES,
    SKOS,
    XSD,
)

FORMATS: tuple[str, ...] = ("ttl", "nt", "jsonld", "oxigraph")
FILE_NAMES: dict[str, str] = {
    "ttl": "graph.ttl",
    "nt": "graph.nt",
    "jsonld": "graph.jsonld",
    "oxigraph": "store",
}
VOID_FILE = "void.ttl"
_IRI = re.compile(r'^https?://[^\s<>"{}|\\^`]+$')


def new_graph() -> Graph:
    """Empty graph with the project's prefixes bound (and rdflib's defaults dropped)."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """Translate the networkx graph (schema of docs/ARCHITECTURE.md) into RDF."""
    g = new_graph()
    areas = {a.key: a for a in G.graph.get("areas", ())}
    for node, data in sorted(G.nodes(data=True), key=lambda nd: nd[0]):
        kind = data.get("kind")
        if kind == "Paper":
            _add_paper(g, URIRef(node), data)
        elif kind == "Field":
            _add_field(g, URIRef(node), data)
        elif kind in ENTITY_CLASSES:
            _add_entity(g, URIRef(node), kind, data)
        else:
            raise ValueError(f"node {node!r} has unknown kind {kind!r}")
    # Top-level areas are concepts of the taxonomy even when no paper is in them.
    for key in sorted(areas):
        area = areas[key]
        iri = URIRef(field_iri(area.key))
        if iri not in G:
            _add_field(g, iri, {"label": area.en, "zh": area.zh, "en": area.en, "top": True})
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        rel = data.get("rel", key)
        s, o = URIRef(u), URIRef(v)
        if rel == "mentions":
            _add_link(g, G.nodes[u]["arxiv_id"], s, o, data)
        elif rel == "inField":
            g.add((s, KG.inField, o))
            _add_evidence(g, G.nodes[u]["arxiv_id"], s, o, data.get("evidence", ()))
        elif rel == "broader":
            g.add((s, SKOS.broader, o))
        else:
            prop = RELATION_PROPERTIES.get(rel, KG.relatedTo)
            g.add((s, prop, o))
            evidence = data.get("evidence", ())
            papers = data.get("papers", (None,) * len(evidence))
            _add_relation_evidence(g, s, prop, o, rel, zip(evidence, papers, strict=True))
    return g


def _add_paper(g: Graph, p: URIRef, data: dict[str, Any]) -> None:
    g.add((p, RDF.type, KG.Paper))
    g.add((p, KG.arxivId, Literal(data["arxiv_id"])))
    title = data.get("title") or data.get("label") or data["arxiv_id"]
    g.add((p, DCTERMS.title, Literal(title)))
    g.add((p, RDFS.label, Literal(title)))
    if _is_iri(data.get("url")):
        g.add((p, KG.hfPage, URIRef(data["url"])))
    for date in data.get("dates", ()):
        g.add((p, KG.reportDate, Literal(date, datatype=XSD.date)))
    if data.get("read_source"):
        g.add((p, KG.readSource, Literal(data["read_source"])))
    g.add((p, KG.analysisFailed, Literal(bool(data.get("failed", False)))))
    if data.get("error"):
        g.add((p, KG.analysisError, Literal(data["error"])))
    for source, _line in data.get("sources", ()):
        g.add((p, KG.reportedIn, _add_report(g, source)))


def _is_iri(url: str | None) -> bool:
    """An absolute http(s) IRI that Turtle can write as <...> (report text can be anything)."""
    return bool(url) and _IRI.match(url) is not None


def _add_report(g: Graph, source: str) -> URIRef:
    r = URIRef(report_iri(source))
    g.add((r, RDF.type, KG.Report))
    g.add((r, RDF.type, PROV.Entity))
    g.add((r, KG.sourceFile, Literal(source)))
    return r


def _add_entity(g: Graph, e: URIRef, kind: str, data: dict[str, Any]) -> None:
    g.add((e, RDF.type, ENTITY_CLASSES[kind]))
    g.add((e, RDFS.label, Literal(data["label"])))
    g.add((e, SKOS.prefLabel, Literal(data["label"])))
    for alias in data.get("aliases", ()):
        g.add((e, SKOS.altLabel, Literal(alias.text, lang=alias.lang)))
    if data.get("key"):
        g.add((e, KG.key, Literal(data["key"])))
    g.add((e, KG.supportCount, Literal(int(data.get("support", 0)))))
    g.add((e, KG.inKnowledgeBase, Literal(bool(data.get("in_kb", False)))))


def _add_field(g: Graph, f: URIRef, data: dict[str, Any]) -> None:
    g.add((f, RDF.type, KG.Field))
    g.add((f, RDF.type, SKOS.Concept))
    g.add((f, SKOS.inScheme, KG.FieldTaxonomy))
    labels = [(data.get(lang), lang) for lang in ("en", "zh") if data.get(lang)]
    if not labels:
        labels = [(data["label"], None)]
    for text, lang in labels:
        g.add((f, RDFS.label, Literal(text, lang=lang)))
        g.add((f, SKOS.prefLabel, Literal(text, lang=lang)))
    for alias in data.get("aliases", ()):
        g.add((f, SKOS.altLabel, Literal(alias.text, lang=alias.lang)))
    if data.get("key"):
        g.add((f, KG.key, Literal(data["key"])))
    if "support" in data:
        g.add((f, KG.supportCount, Literal(int(data["support"]))))
    if data.get("top"):
        g.add((f, SKOS.topConceptOf, KG.FieldTaxonomy))
        g.add((KG.FieldTaxonomy, SKOS.hasTopConcept, f))
    g.add((KG.FieldTaxonomy, RDF.type, SKOS.ConceptScheme))


def _add_link(g: Graph, arxiv_id: str, p: URIRef, e: URIRef, data: dict[str, Any]) -> None:
    g.add((p, KG.mentions, e))
    for role in data.get("roles", ()):
        g.add((p, ROLE_PROPERTIES.get(role, KG.mentions), e))
    _add_evidence(g, arxiv_id, p, e, data.get("evidence", ()))


def _add_evidence(
    g: Graph, arxiv_id: str, p: URIRef, target: URIRef, evidence: Iterable[Evidence]
) -> None:
    """One kg:Mention node per Evidence: which paper, which entity or field, where, what."""
    for index, ev in enumerate(evidence, start=1):
        m = URIRef(mention_iri(arxiv_id, str(target), index))
        g.add((m, RDF.type, KG.Mention))
        g.add((m, KG.paper, p))
        g.add((m, KG.entity, target))
        _add_where(g, m, ev)


def _add_relation_evidence(
    g: Graph,
    s: URIRef,
    prop: URIRef,
    o: URIRef,
    rel: str,
    evidence: Iterable[tuple[Evidence, str | None]],
) -> None:
    """One kg:RelationEvidence node (an rdf:Statement) per sentence stating s -prop-> o, with
    the paper whose block holds the sentence."""
    for index, (ev, paper) in enumerate(evidence, start=1):
        m = URIRef(relation_evidence_iri(str(s), rel, str(o), index))
        g.add((m, RDF.type, KG.RelationEvidence))
        g.add((m, RDF.type, RDF.Statement))
        g.add((m, RDF.subject, s))
        g.add((m, RDF.predicate, prop))
        g.add((m, RDF.object, o))
        if paper:
            g.add((m, KG.paper, URIRef(paper)))
        _add_where(g, m, ev)


def _add_where(g: Graph, m: URIRef, ev: Evidence) -> None:
    """Where a piece of evidence was read: sentence, section, report file and line."""
    g.add((m, RDF.type, PROV.Entity))
    g.add((m, KG.sentence, Literal(ev.sentence)))
    g.add((m, KG.section, Literal(ev.section)))
    g.add((m, KG.sourceFile, Literal(ev.source)))
    g.add((m, KG.line, Literal(int(ev.line))))
    g.add((m, PROV.wasDerivedFrom, _add_report(g, ev.source)))


# --- writers ----------------------------------------------------------------------------


def write_rdf(g: Graph, out_dir: Path, formats: Sequence[str]) -> tuple[Path, ...]:
    """Write `g` in each format (graph.ttl, graph.nt, graph.jsonld, store/) plus void.ttl."""
    from kg.rdf.void import describe

    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise UserError(
            f"unknown RDF format(s): {', '.join(unknown)} (choose from {', '.join(FORMATS)})"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    turtle = b""

    def ttl(path: Path) -> None:
        nonlocal turtle
        turtle = serialize_turtle(g)
        write_bytes(path, turtle)

    writers: dict[str, Callable[[Path], None]] = {
        "ttl": ttl,
        "nt": lambda path: write_bytes(path, serialize_ntriples(g)),
        "jsonld": lambda path: write_bytes(path, serialize_jsonld(g)),
        # The store loads the Turtle just written rather than serializing the graph again.
        "oxigraph": lambda path: write_store(g, path, turtle=turtle or None),
    }
    written = []
    for fmt in sorted(set(formats), key=FORMATS.index):
        path = out_dir / FILE_NAMES[fmt]
        writers[fmt](path)
        written.append(path)
    void_path = out_dir / VOID_FILE
    write_bytes(void_path, serialize_turtle(describe(g)))
    written.append(void_path)
    return tuple(written)


def serialize_turtle(g: Graph) -> bytes:
    """Sorted Turtle from our own writer: rdflib's needs minutes for a million triples."""
    return to_turtle(g, PREFIXES).encode("utf-8")


def serialize_ntriples(g: Graph) -> bytes:
    """N-Triples with lines sorted: the serializer follows store order, sorting fixes it."""
    text = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def jsonld_context() -> dict[str, str]:
    return dict(PREFIXES)


def serialize_jsonld(g: Graph) -> bytes:
    """Compacted JSON-LD with an @context; arrays sorted (JSON-LD sets have no order)."""
    text = g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    doc = _sorted_json(json.loads(text))
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _sorted_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def write_store(g: Graph, path: Path, *, turtle: bytes | None = None) -> None:
    """Build an on-disk Oxigraph store in a sibling temp dir, then swap it in by renames.

    `turtle`, when given, must be `serialize_turtle(g)` (saves serializing twice)."""
    import pyoxigraph

    with atomic_path(path, directory=True) as tmp:
        store = pyoxigraph.Store(str(tmp))
        store.bulk_load(turtle or serialize_turtle(g), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        del store
