"""Sized checkpoints: family key on the mention and a variantOf relation to the family."""

from __future__ import annotations

import pytest
from extract_fixtures import by_name, extract


@pytest.mark.parametrize(
    ("text", "name", "family", "family_name"),
    [
        ("基于 Qwen2.5-VL-7B 初始化。", "Qwen2.5-VL-7B", "qwen2.5-vl", "Qwen2.5-VL"),
        ("对比 Qwen3-30B-A3B-Instruct。", "Qwen3-30B-A3B-Instruct", "qwen3", "Qwen3"),
        ("使用 Wan2.1-1.3B 模型。", "Wan2.1-1.3B", "wan2.1", "Wan2.1"),
        ("相比 U-MARVEL-7B 提升。", "U-MARVEL-7B", "u-marvel", "U-MARVEL"),
    ],
)
def test_extract_family_of_sized_checkpoint(
    text: str, name: str, family: str, family_name: str
) -> None:
    x = extract(usage=text)
    e = by_name(x)[name]
    assert e.etype == "Model"
    assert e.family == family
    (rel,) = [r for r in x.relations if r.predicate == "variantOf"]
    assert (rel.subject, rel.object) == (e.key, family)
    assert (rel.object_name, rel.object_type) == (family_name, "Model")


def test_extract_family_versions_stay_distinct() -> None:
    x = extract(results="在 Qwen2.5-VL 与 Qwen3-VL 上，Janus 与 Janus-Pro 均被超越。")
    assert {"Qwen2.5-VL", "Qwen3-VL", "Janus", "Janus-Pro"} <= set(by_name(x))
    assert all(e.family is None for e in x.entities)


def test_extract_family_surface_forms_collapse_to_one_key() -> None:
    x = extract(usage="使用 Qwen2.5-VL-7B。", results="Qwen2.5 VL 7B 的结果。")
    assert [e.key for e in x.entities] == ["qwen2.5-vl-7b"]
