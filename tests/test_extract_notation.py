"""Inline LaTeX and web addresses, Greek-prefixed names, sibling releases after a slash, `w/`."""

from __future__ import annotations

import random
import re

import pytest
from extract_fixtures import by_name, extract

from kg.extract.shapes import shape_strength
from kg.extract.text import _blank_urls, _plain_math


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("$\\pi$-Distill 和 OPSD", "    π-Distill 和 OPSD"),
        ("混合 KL-$\\chi^2$ 正则化", "混合 KL-         正则化"),
        ("奖励 $r$，平均 $\\bar{r}$。", "奖励    ，平均          。"),
        ("$\\mathcal{J}_{\\text{LUSPO}}$ 目标", " " * 28 + " 目标"),
        ("$R^2$ 为 0.91", "$R^2$ 为 0.91"),  # a measure's own name stays
        ("成本 $5 与 $10 之间", "成本 $5 与 $10 之间"),  # money, not math
        ("没有公式", "没有公式"),
    ],
)
def test_extract_notation_inline_math_is_blanked_offsets_kept(text: str, plain: str) -> None:
    out = _plain_math(text)
    assert out == plain
    assert len(out) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "代码已开源（https://github.com/someone/Privileged-Information-Distillation），基于 H100。",
        "地址为 https://example.org/FooNet-Bench 。",
    ],
)
def test_extract_notation_web_address_names_nothing(text: str) -> None:
    blanked = _blank_urls(text)
    assert len(blanked) == len(text) and "://" not in blanked
    names = set(by_name(extract(usage=text)))
    assert not names & {"Privileged-Information-Distillation", "FooNet-Bench", "GitHub"}


@pytest.mark.parametrize(
    ("token", "strength"),
    [("π-Distill", 2), ("α-DPO", 2), ("V-Retrver", 2), ("ε-greedy", 0), ("π", 0)],
)
def test_extract_notation_greek_letter_prefix_makes_a_name(token: str, strength: int) -> None:
    assert shape_strength(token) == strength


def test_extract_notation_greek_name_in_math_is_extracted_and_formula_is_not() -> None:
    x = by_name(
        extract(
            contribution="提出了 $\\pi$-Distill 算法，等价于引入混合 KL-$\\chi^2$ 正则化。",
            results="$\\pi$-Distill 在 Tau-Bench 上提升 11.8%。",
        )
    )
    assert x["π-Distill"].etype == "Method"
    assert not any("chi" in name for name in x)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("如 Kimi K1.5/K2 中使用的方法", {"Kimi k1.5", "Kimi K2"}),
        ("与 Kimi K1.5/VL 对比", {"Kimi k1.5"}),  # another letter is no sibling release
    ],
)
def test_extract_notation_sibling_release_after_a_slash(text: str, names: set[str]) -> None:
    models = {n for n, e in by_name(extract(innovations=text)).items() if e.etype == "Model"}
    assert names <= models
    assert "K2" not in by_name(extract(innovations=text))


@pytest.mark.parametrize(
    "text",
    [
        "显著优于行业标准方法（SFT w/ CoT + RL）。",
        "消融实验（GRPO w/o KL）表明其作用。",
    ],
)
def test_extract_notation_with_without_settings_are_no_gloss(text: str) -> None:
    names = set(by_name(extract(results=text)))
    assert not any(n.endswith((" w", " w/o")) for n in names)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("ReLU 线性注意力把复杂度从 O(N²) 降至 O(N)，并用 DeR² 重排。", "N²", "DeR²"),
        ("注意力开销为 O(K³)，而 FooNet2 为线性。", "K³", "FooNet2"),
    ],
)
def test_extract_notation_size_inside_a_complexity_names_nothing(
    text: str, absent: str, present: str
) -> None:
    names = set(by_name(extract(innovations=text)))
    assert absent not in names
    assert present in names


@pytest.mark.parametrize(
    ("name", "lookbehind_first"),
    [
        ("_NAME_STAR", r"(?<=[A-Za-z0-9])\\\*"),
        ("_TRAILING_STAR", r"(?<=[A-Za-z0-9])\*(?![A-Za-z0-9*])"),
        ("_OPENING_STAR", r"(?<![*A-Za-z0-9])\*(?=[^\s*])"),
        ("_MARKUP_HASH", r"(?<![A-Za-z0-9])#"),
    ],
)
def test_text_markup_patterns_match_where_their_lookbehind_forms_did(
    name: str, lookbehind_first: str
) -> None:
    """The star and hash patterns test the character before the mark after it (a fast scan):
    the same matches as the lookbehind-first forms."""
    from kg.extract import text as text_module

    pattern = getattr(text_module, name)
    before = re.compile(lookbehind_first)
    pieces = ["*", "**", "\\*", "#", "V", "a", "9", " ", "\n", "中", "_", "x*y", "$"]
    rng = random.Random(name)
    samples = [
        "",
        "*",
        "#",
        "\\*",
        "V\\* Bench",
        "**粗体** Retro* 的",
        "QuIP# 与 # 标题",
        "*a",
        "a*",
    ]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(500)]
    for s in samples:
        assert [m.span() for m in pattern.finditer(s)] == [m.span() for m in before.finditer(s)]


@pytest.mark.parametrize(
    "raw",
    [
        "",
        " ",
        "a  b",
        " **粗体**  名称\u3000与\t`代码`\n",
        "\u2003x\u00a0y\u2028",
        "ab\x1c\x1dcd",
        "  \n ",
    ],
)
def test_text_evidence_collapses_spaces_like_the_regex(raw: str) -> None:
    """Evidence text splits on the spaces `\\s+` matched (Unicode ones too) and strips them."""
    from kg.extract.text import evidence_text

    expected = re.sub(r"\s+", " ", raw.replace("**", "").replace("`", "")).strip()
    expected = re.sub(r"^(?:[-•]|\d+\.)\s+", "", expected.lstrip("*# ").strip())
    assert evidence_text.__wrapped__(raw) == expected
