"""The one place where instance IRIs are minted from normalized keys."""

from __future__ import annotations

from urllib.parse import quote

from kg.keys import arxiv_key, entity_key

BASE = "https://w3id.org/paperkg/id/"
ONTOLOGY = "https://w3id.org/paperkg/ontology#"

# IRI path segment per kind. Benchmark shares Dataset's segment so that an entity keeps its
# IRI when later papers flip it between Dataset and Benchmark.
SEGMENT: dict[str, str] = {
    "Paper": "paper",
    "Model": "model",
    "Dataset": "dataset",
    "Benchmark": "dataset",
    "Hardware": "hardware",
    "Method": "method",
    "Metric": "metric",
    "Software": "software",
    "Organization": "organization",
    "Field": "field",
    "Mention": "mention",
    "Report": "report",
}

# RFC 3987 iunreserved minus nothing: keep ASCII unreserved and non-ASCII letters readable,
# percent-encode everything else (spaces, <>"{}|\^`, #, ?, /, %...).
_SAFE = "-._~"


def _segment(text: str) -> str:
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch if (ch.isalnum() or ch in _SAFE) else quote(ch, safe=""))
        elif (
            ch.isprintable()
            and not ch.isspace()
            and ord(ch) >= 0xA0
            and not (0xE000 <= ord(ch) <= 0xF8FF or ord(ch) >= 0xFFF0)
        ):
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    s = "".join(out)
    if not s.strip("."):
        # "." and ".." would be removed by IRI path normalization (RFC 3986 5.2.4).
        return s.replace(".", "%2E") or "_"
    return s


def paper_iri(arxiv_id: str) -> str:
    return BASE + "paper/" + _segment(arxiv_key(arxiv_id))


def entity_iri(kind: str, key: str) -> str:
    """IRI of an entity or field of `kind` (a class name such as 'Model' or 'Field')."""
    return BASE + SEGMENT[kind] + "/" + _segment(entity_key(key))


def field_iri(key: str) -> str:
    return entity_iri("Field", key)


def mention_iri(arxiv_id: str, entity_iri_: str, index: int) -> str:
    """IRI of the index-th evidence node of the link paper -> entity."""
    tail = entity_iri_.removeprefix(BASE).replace("/", "-")
    return BASE + "mention/" + _segment(arxiv_key(arxiv_id)) + "/" + _segment(tail) + f"/{index}"


def relation_evidence_iri(subject_iri: str, predicate: str, object_iri: str, index: int) -> str:
    """IRI of the index-th evidence node of the entity relation subject -predicate-> object."""
    s = subject_iri.removeprefix(BASE).replace("/", "-")
    o = object_iri.removeprefix(BASE).replace("/", "-")
    return BASE + "evidence/" + "/".join(_segment(x) for x in (s, predicate, o)) + f"/{index}"


def report_iri(source: str) -> str:
    return BASE + "report/" + _segment(source)


def graph_iri() -> str:
    """IRI of the exported dataset as a whole (the subject of its VoID description)."""
    return BASE + "graph"
