"""The public API: one extraction per paper, in order, deterministic; failed papers empty."""

from __future__ import annotations

from dataclasses import replace

import pytest
from extract_fixtures import paper

from kg.extract import extract_paper, extract_papers


def test_extract_api_one_per_paper_in_order_and_failed_empty() -> None:
    ok = paper(usage="使用 8 张 NVIDIA A40。", arxiv_id="2601.00001")
    bad = replace(paper(usage="使用 H100。", arxiv_id="2601.00002"), failed=True, error="x")
    out = list(extract_papers([ok, bad, ok]))
    assert [x.arxiv_id for x in out] == ["2601.00001", "2601.00002", "2601.00001"]
    assert out[1].entities == () and out[1].fields == () and out[1].relations == ()
    assert out[0] == out[2]


def test_extract_api_deterministic_and_sorted() -> None:
    p = paper(
        title="ZetaNet: A Foundation Model",
        fields="计算机视觉 - 视频生成",
        usage="基于 Qwen2.5-VL-7B，使用 DeepSpeed 与 PyTorch 在 A100 上训练。",
        results="在 MMLU、GSM8K 上优于 GPT-4o。",
    )
    a, b = list(extract_papers([p, p]))
    assert a == b
    assert [e.key for e in a.entities] == sorted(e.key for e in a.entities)
    for e in a.entities:
        assert list(e.aliases) == sorted(e.aliases, key=lambda x: (x.text, x.lang or ""))
        assert e.evidence


@pytest.mark.parametrize(
    "text",
    [
        "",
        "（",
        "）（（）)",
        "“”（）",
        "A (B",
        "Qwen3 Base/",
        "/Instruct",
        "在 上",
        "如（如（如 X",
        "$\\pi$-Distill（）和 $Q_1$",
        "x" * 5000,
        "中" * 5000,
    ],
)
def test_extract_api_odd_text_does_not_fail(text: str) -> None:
    x = extract_paper(paper(title=text or "T", fields=text, usage=text, results=text))
    assert x.arxiv_id == "2601.00001"


def test_extract_api_tally_counts_like_a_counter() -> None:
    from collections import Counter

    from kg.extract.cands import Tally

    votes = Tally()
    votes["Model"] += 2
    assert votes["Method"] == 0 and "Method" not in votes  # reading adds no key
    total = Counter({"Model": 1})
    total.update(votes)
    assert total == Counter({"Model": 3}) and votes.copy() == votes
