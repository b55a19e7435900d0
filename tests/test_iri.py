"""Tests of kg.iri and kg.keys: IRIs are valid whatever a name contains, keys merge variants."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.iri import BASE, entity_iri, field_iri, mention_iri, paper_iri
from kg.keys import arxiv_key, entity_key, glued_key, spelling_key

# Characters RFC 3987 forbids in an IRI (plus the path separators we never leave raw).
FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|\\^`#?\s]")

NASTY = [
    "Qwen2.5-VL-7B",
    "GPT 4o <script>alert(1)</script>",
    "a\"b'c&d",
    "H100/H800",
    "x?y#z",
    "100% {ok}",
    "视觉记忆注入",
    "back\\slash`tick^caret|pipe",
    "tab\tnew\nline",
    "",
    "   ",
    "\u2028\u2029\ufeff",
    "emoji 🚀",
    "..",
]


@pytest.mark.parametrize("name", NASTY)
def test_iri_entity_is_always_valid(name: str) -> None:
    iri = entity_iri("Model", name)
    assert iri.startswith(BASE + "model/")
    assert not FORBIDDEN.search(iri.removeprefix("https://"))
    assert iri.removeprefix(BASE + "model/") not in ("", ".", "..")
    g = Graph()
    g.add((URIRef(iri), RDFS.label, Literal(name)))
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert {str(s) for s in back.subjects()} == {iri}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qwen2.5-VL-7B", "Qwen2.5 VL 7B"),
        ("Qwen2.5-VL-7B", "qwen2.5-vl-7b"),
        ("Qwen2.5-VL-7B", "Qwen2.5_VL_7B"),
        ("Qwen2.5－VL－7B", "Qwen2.5-VL-7B"),
        ("Ｈ１００", "H100"),
        ("DALL·E 3", "DALL-E 3"),
    ],
)
def test_keys_variants_share_a_key(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)
    assert entity_iri("Model", a) == entity_iri("Model", b)


@pytest.mark.parametrize(
    ("a", "b"), [("Qwen2.5-VL", "Qwen3-VL"), ("H100", "H800"), ("Janus", "Janus-Pro")]
)
def test_keys_distinct_versions_stay_distinct(a: str, b: str) -> None:
    assert entity_iri("Model", a) != entity_iri("Model", b)


def _entity_key_reference(name: str) -> str:
    """entity_key as written before its ASCII fast path."""
    import unicodedata

    from kg.keys import _DASHES, _MULTI_DASH, _SEP

    s = unicodedata.normalize("NFKC", name).strip().casefold()
    s = _DASHES.sub("-", s)
    s = _SEP.sub("-", s)
    s = _MULTI_DASH.sub("-", s)
    return s.strip("-")


@pytest.mark.parametrize(
    "name",
    [
        *NASTY,
        "Qwen2.5 VL 7B",
        " GPT--4o_mini ",
        "-a - - b-",
        "Foo\x1cBar\x1f",
        "MiXeD CaSe",
        "ＧＰＴ－４",  # full width: NFKC makes it ASCII
        "DALL·E 3",
        "Straße",  # casefold differs from lower
        "ﬁne-tune",  # a ligature NFKC splits
        "a\u2014b",
        "x\u3000y",
    ],
)
def test_keys_entity_key_matches_the_reference(name: str) -> None:
    assert entity_key.__wrapped__(name) == _entity_key_reference(name)


def test_iri_paper_and_version() -> None:
    assert paper_iri("2602.15927") == BASE + "paper/2602.15927"
    assert paper_iri("2602.15927v3") == paper_iri("2602.15927")
    assert arxiv_key(" 2602.15927v12 ") == "2602.15927"


def test_iri_benchmark_shares_dataset_segment() -> None:
    assert entity_iri("Benchmark", "VBench") == entity_iri("Dataset", "vbench")


def test_iri_field_and_mention_are_valid() -> None:
    f = field_iri("多模态 大模型/安全")
    assert f.startswith(BASE + "field/") and not FORBIDDEN.search(f.removeprefix("https://"))
    m = mention_iri("2602.15927", entity_iri("Model", "GPT-4o"), 0)
    assert m == BASE + "mention/2602.15927/model-gpt-4o/0"


@pytest.mark.parametrize(
    ("key", "spelling", "glued"),
    [
        ("next-qa", "nextqa", "next-qa"),
        ("phi-3", "phi3", "phi3"),
        ("qwen2.5-vl-7b", "qwen2.5vl7b", "qwen2.5vl7b"),
        # a hyphen between two digits is part of the name
        ("gemma-3-4b", "gemma3-4b", "gemma3-4b"),
        # glued keys keep hyphens between letters: `agent-s` is not the word `agents`
        ("agent-s", "agents", "agent-s"),
    ],
)
def test_keys_spelling_and_glued_keys(key: str, spelling: str, glued: str) -> None:
    assert spelling_key(key) == spelling
    assert glued_key(key) == glued
