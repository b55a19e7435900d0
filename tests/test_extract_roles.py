"""Roles of the paper towards each entity, and entity-entity relations."""

from __future__ import annotations

import pytest
from extract_fixtures import by_name, extract


@pytest.mark.parametrize(
    ("kwargs", "name", "role"),
    [
        ({"contribution": "提出了 ZetaNet，一个开源的基础模型。"}, "ZetaNet", "proposes"),
        ({"contribution": "构建了 FooBench 基准测试集。"}, "FooBench", "proposes"),
        ({"usage": "基于 PyTorch 实现，使用 DeepSpeed 训练。"}, "DeepSpeed", "uses"),
        ({"usage": "采用 GRPO 进行强化学习。"}, "GRPO", "uses"),
        ({"results": "在 MMLU 基准上取得提升。"}, "MMLU", "evaluatesOn"),
        ({"results": "显著优于 GPT-4o 和 Claude 3.5 Sonnet。"}, "GPT-4o", "comparesWith"),
        ({"usage": "实验在 H100 GPU 上完成。"}, "H100", "runsOn"),
    ],
)
def test_extract_roles_from_cues(kwargs: dict, name: str, role: str) -> None:
    e = by_name(extract(**kwargs))[name]
    assert role in e.roles
    assert list(e.roles) == sorted(e.roles)


def test_extract_roles_known_names_are_not_proposed() -> None:
    e = by_name(extract(contribution="提出了一种基于 GRPO 的新方法。"))["GRPO"]
    assert "proposes" not in e.roles


def test_extract_roles_evaluated_dataset_is_benchmark() -> None:
    assert by_name(extract(results="在 ISO3D 数据集上评估。"))["ISO3D"].etype == "Benchmark"


def test_extract_roles_fine_tuned_from_relation() -> None:
    x = extract(
        title="GeoAgent: Geolocation with Reasoning Models",
        usage="GeoAgent 基于 Qwen2.5-VL-7B 进行微调。",
    )
    rels = {(r.subject, r.predicate, r.object) for r in x.relations}
    assert ("geoagent", "fineTunedFrom", "qwen2.5-vl-7b") in rels


@pytest.mark.parametrize(
    ("usage", "subject"),
    [
        ("加载 ZorbCaptioner 模型（基于 Qwen2.5-VL-7B 微调），生成描述。", "zorbcaptioner"),
        ("ZorbAgent-7B 基于 Qwen2.5-VL-7B 微调，训练数据来自 R2R。", "zorbagent-7b"),
        ("其中基于 Qwen2.5-VL-7B 训练的 ZorbCaptioner 表现最好。", "zorbcaptioner"),
        ("本文基于 Qwen2.5-VL-7B 进行微调。", "zorbagent"),
    ],
)
def test_extract_roles_fine_tuned_subject_is_the_model_the_sentence_names(
    usage: str, subject: str
) -> None:
    x = extract(title="ZorbAgent: Agents for Zorb", contribution="提出 ZorbAgent。", usage=usage)
    rels = {(r.subject, r.predicate, r.object) for r in x.relations}
    assert (subject, "fineTunedFrom", "qwen2.5-vl-7b") in rels


def test_extract_roles_compared_fine_tune_is_no_relation() -> None:
    x = extract(
        title="GeoAgent: Geolocation with Reasoning Models",
        results="GeoAgent 优于基于 OpenVLA 微调的模型。",
    )
    assert not [r for r in x.relations if r.predicate == "fineTunedFrom"]


def test_extract_roles_evidence_points_to_file_line_and_section() -> None:
    x = extract(usage="第一行没有名字。\n实验使用 8 张 NVIDIA A40 显卡。")
    (ev,) = by_name(x)["A40"].evidence
    assert (ev.source, ev.line, ev.section) == ("r.txt", 31, "usage")
    assert ev.sentence == "实验使用 8 张 NVIDIA A40 显卡。"
