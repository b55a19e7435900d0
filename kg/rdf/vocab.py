"""The one home of the RDF vocabulary: the kg: ontology terms and every external namespace."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    VOID,
    XSD,
    DefinedNamespace,
)

from kg.iri import BASE, ONTOLOGY, SEGMENT

__all__ = [
    "DCAT",
    "DCTERMS",
    "FABIO",
    "KG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "VOID",
    "XSD",
]

SCHEMA = SDO


class KG(DefinedNamespace):
    """paperkg ontology (ontology/paperkg.ttl declares and documents every term)."""

    _NS = Namespace(ONTOLOGY)
    _fail = True

    # Classes
    Entity: URIRef
    Paper: URIRef
    Model: URIRef
    Dataset: URIRef
    Benchmark: URIRef
    Hardware: URIRef
    Method: URIRef
    Metric: URIRef
    Software: URIRef
    Organization: URIRef
    Field: URIRef
    Mention: URIRef
    RelationEvidence: URIRef
    Report: URIRef
    # The concept scheme holding every Field
    FieldTaxonomy: URIRef
    # Paper data
    arxivId: URIRef
    hfPage: URIRef
    reportDate: URIRef
    readSource: URIRef
    analysisFailed: URIRef
    analysisError: URIRef
    reportedIn: URIRef
    # Paper -> entity links
    mentions: URIRef
    proposes: URIRef
    uses: URIRef
    evaluatesOn: URIRef
    comparesWith: URIRef
    runsOn: URIRef
    # Paper -> field
    inField: URIRef
    # Entity -> entity
    relatedTo: URIRef
    variantOf: URIRef
    fineTunedFrom: URIRef
    basedOn: URIRef
    distilledFrom: URIRef
    trainedOn: URIRef
    # Entity and field data
    key: URIRef
    supportCount: URIRef
    inKnowledgeBase: URIRef
    # Evidence (Mention) data
    paper: URIRef
    entity: URIRef
    sentence: URIRef
    section: URIRef
    sourceFile: URIRef
    line: URIRef


class FABIO(DefinedNamespace):
    """The FaBiO terms we align to (SPAR ontologies, http://purl.org/spar/fabio/)."""

    _NS = Namespace("http://purl.org/spar/fabio/")
    _fail = True

    ResearchPaper: URIRef
    hasArXivId: URIRef


# Node kind of the networkx graph -> class.
ENTITY_CLASSES: dict[str, URIRef] = {
    "Model": KG.Model,
    "Dataset": KG.Dataset,
    "Benchmark": KG.Benchmark,
    "Hardware": KG.Hardware,
    "Method": KG.Method,
    "Metric": KG.Metric,
    "Software": KG.Software,
    "Organization": KG.Organization,
}

# Specific role -> sub-property of kg:mentions (every link also gets kg:mentions itself).
ROLE_PROPERTIES: dict[str, URIRef] = {
    "proposes": KG.proposes,
    "uses": KG.uses,
    "evaluatesOn": KG.evaluatesOn,
    "comparesWith": KG.comparesWith,
    "runsOn": KG.runsOn,
    "mentions": KG.mentions,
}

# Entity -> entity predicate of the networkx graph -> property; others become kg:relatedTo.
RELATION_PROPERTIES: dict[str, URIRef] = {
    "relatedTo": KG.relatedTo,
    "variantOf": KG.variantOf,
    "fineTunedFrom": KG.fineTunedFrom,
    "basedOn": KG.basedOn,
    "distilledFrom": KG.distilledFrom,
    "trainedOn": KG.trainedOn,
}

# Prefixes bound in every serialization and offered to user queries: kg:, one prefix per
# instance IRI segment (model:qwen2.5-vl-7b) and the external vocabularies.
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY,
    **{seg: f"{BASE}{seg}/" for seg in sorted(set(SEGMENT.values())) if seg != "mention"},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "fabio": str(FABIO),
    "prov": str(PROV),
    "void": str(VOID),
    "dcat": str(DCAT),
}
