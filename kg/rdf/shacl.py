"""SHACL validation of an exported graph against ontology/shapes.ttl (pyshacl, no inference)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import SH

from kg.paths import ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class ShaclResult:
    """Outcome of a validation: `text` is pyshacl's human-readable report."""

    conforms: bool
    violations: int
    text: str


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate(g: Graph) -> ShaclResult:
    """Validate `g` with the project shapes.

    No RDFS/OWL inference: the shapes name every target class, and inferring over the
    data graph would only cost time (see the timings in the RDF report).
    """
    from pyshacl import validate as shacl_validate

    conforms, report, text = shacl_validate(
        g,
        shacl_graph=_shapes(),
        inference="none",
        advanced=False,
        allow_warnings=True,
    )
    if not isinstance(report, Graph):  # pyshacl could not run the shapes themselves
        raise RuntimeError(f"SHACL validation failed to run: {text}")
    violations = sum(1 for _ in report.subjects(SH.resultSeverity, SH.Violation))
    return ShaclResult(conforms=bool(conforms), violations=violations, text=str(text))
