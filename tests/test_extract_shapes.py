"""Name shapes: what an unknown Latin-script token looks like, sizes and model families."""

from __future__ import annotations

import re

import pytest

from kg.extract.shapes import family_key, is_acronym, is_size, shape_strength


@pytest.mark.parametrize(
    ("token", "strength"),
    [
        # a capitalised word with its release's month and day; a year or a bare number is none
        ("Huginn-0125", 2),
        ("Foo-2024", 0),
        ("Stage-0100", 0),
        # a difference sign before one letter is a quantity's change; before more, a name
        ("ΔW", 0),
        ("ΔE", 0),
        ("ΔSE", 2),
        ("ΔtPSNR", 2),
        ("RynnBrain", 2),
        ("SAW-Bench", 2),
        ("Qwen3", 2),
        ("IM2GPS3K", 2),
        ("V-Retrver", 2),
        ("CoP", 2),
        ("Context-Cycling", 1),
        ("Multi-Turn", 1),
        ("training", 0),
        ("Training", 0),
        ("7B", 0),
        ("30B-A3B", 0),
        ("7Hz", 0),
        ("Q_1", 0),
        # a name with a lower-case variant after an underscore; notation is not
        ("Time-MoE_base", 2),
        ("o200k_base", 2),
        ("L_AttnRL", 0),
        ("x_t", 0),
        ("Foo_V2", 0),
        ("Seed-TTS_DiT", 2),  # a named variant after an underscore
        ("U-Mamba_Bot", 2),  # a capitalised word after an underscore, too
        ("Acc_Total", 0),  # but not after a plain word
        ("GRPO_KL", 0),
        ("SV3D_u", 2),  # a one-letter variant after a name with a number
        ("GRPO_t", 0),
        ("3DTopia-XL", 2),
        ("3D-FUTURE", 2),
        ("4DGen", 2),
        ("3D", 0),
        ("3D-aware", 0),
        ("2D-3D", 0),
        ("4K", 0),
        # a capitalised word with its version is a name; a lower-case one is not
        ("Tulu-v2", 2),
        ("Orb-v3.1", 2),
        ("model-v2", 0),
    ],
)
def test_extract_shapes_strength(token: str, strength: int) -> None:
    assert shape_strength(token) == strength


@pytest.mark.parametrize(
    ("token", "expected"),
    [("7B", True), ("0.6B", True), ("A3B", True), ("8x7B", True), ("92K", True), ("Qwen3", False)],
)
def test_extract_shapes_size(token: str, expected: bool) -> None:
    assert is_size(token) is expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("PPI", True), ("CoP", True), ("vIoU", True), ("LUSPO", True), ("Sokoban", False)],
)
def test_extract_shapes_acronym(token: str, expected: bool) -> None:
    assert is_acronym(token) is expected


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Qwen2.5-VL-7B", "qwen2.5-vl"),
        ("Qwen2.5-VL-7B-Instruct", "qwen2.5-vl"),
        ("Qwen3-30B-A3B-Instruct", "qwen3"),
        ("Wan2.1-1.3B", "wan2.1"),
        ("Llama 3 8B", "llama-3"),
        ("Qwen3-VL", None),
        ("GPT-4o", None),
    ],
)
def test_extract_shapes_family_key(name: str, family: str | None) -> None:
    assert family_key(name) == family


def _report_words() -> list[str]:
    from pathlib import Path

    from kg.extract.text import paper_sentences
    from kg.extract.tokenizer import NAME_TOKEN
    from kg.parse import iter_papers, parse_folder

    reports = Path(__file__).resolve().parent.parent / "reports"
    words = set()
    for p in iter_papers(parse_folder(reports)):
        words.update(re.findall(NAME_TOKEN, paper_sentences(p)[0]))
    return sorted(w for w in words if w.isalpha() and len(w) >= 2)


@pytest.mark.parametrize(
    "words",
    [
        ["Model", "RynnBrain", "iPhone", "ALLCAPS", "ab", "Ab", "aB", "中文", "αβ", "Ωmega", "ǅa"],
        ["aǅ", "Aǅb", "ﬁne", "ǲǲ", "Straße", "İstanbul", "ΣΩ", "σΩ", "xⅫ", "ªb", "Ⅻx"],
        _report_words(),
    ],
    ids=["names", "unicode", "reports"],
)
def test_shapes_word_strength_is_the_strength_of_the_full_reading(words: list[str]) -> None:
    """A word of letters only takes a short way through shape_strength: the same strength."""
    from kg.extract.shapes import _shape_strength, _word_strength

    for w in words:
        if w.isalpha() and len(w) >= 2:
            assert _word_strength(w) == _shape_strength(w), w
