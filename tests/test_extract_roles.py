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


@pytest.mark.parametrize(
    ("text", "name", "runs_on"),
    [
        ("输出可在 Apple Vision Pro、Meta Quest 3 等头显上观看。", "Apple Vision Pro", False),
        ("推理在单张 RTX 4090 上运行，结果在 iPhone 上显示。", "iPhone", False),
        ("推理在单张 RTX 4090 上运行，结果在 iPhone 上显示。", "RTX 4090", True),
        # a camera the data was shot with
        ("在 iPhone 随手拍摄的测试集上优于已有方法。", "iPhone", False),
    ],
)
def test_extract_roles_a_screen_is_not_run_on(text: str, name: str, runs_on: bool) -> None:
    assert ("runsOn" in by_name(extract(usage=text))[name].roles) is runs_on


@pytest.mark.parametrize(
    "text",
    [
        "提出了一种基于 GRPO 的新方法。",
        "提出将 GRPO 扩展到多轮对话的方法。",
        "提出了比 GRPO 更稳定的算法。",
        "提出 ZorbPO，并在 GRPO 上验证。",
    ],
)
def test_extract_roles_known_names_are_not_proposed(text: str) -> None:
    assert "proposes" not in by_name(extract(contribution=text))["GRPO"].roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the paper that made a name known proposes it (the knowledge base knows it now)
        ("提出了 PRIME（Process Reinforcement through IMplicit rEwards）框架。", "PRIME"),
        ("ByteDance Seed 团队发布了视觉-语言基础模型 Seed1.5-VL。", "Seed1.5-VL"),
    ],
)
def test_extract_roles_known_name_the_claim_names_is_proposed(text: str, name: str) -> None:
    assert by_name(extract(contribution=text))[name].roles == ("proposes",)


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


@pytest.mark.parametrize(
    "innovations",
    [
        "*   **批量块预条件（Batched Block Preconditioning）**：把预条件矩阵分块批量计算。",
        "2.  **ZorbRouter**：按难度分配专家。",
    ],
)
def test_extract_roles_innovation_heading_names_the_papers_own_component(
    innovations: str,
) -> None:
    x = by_name(extract(innovations=innovations))
    own = [e for e in x.values() if "proposes" in e.roles]
    assert [e.name for e in own] in (["Batched Block Preconditioning"], ["ZorbRouter"])


@pytest.mark.parametrize(
    ("kwargs", "name", "proposed"),
    [
        # a technique the paper coins a name for is its own, wherever it is named
        (
            {"usage": "推理时采用视觉记忆注入（Visual Zorb Injection）。"},
            "Visual Zorb Injection",
            True,
        ),
        (
            {"results": "去掉分组路由（Grouped Zorb Routing）后下降 3 分。"},
            "Grouped Zorb Routing",
            True,
        ),
        # another's technique arrives named, and a glossed known one is not coined
        ({"usage": "采用 ZorbNorm 归一化。"}, "ZorbNorm", False),
        ({"usage": "采用流匹配（Flow Matching）训练。"}, "Flow Matching", False),
    ],
)
def test_extract_roles_coined_technique_is_proposed(
    kwargs: dict, name: str, proposed: bool
) -> None:
    assert ("proposes" in by_name(extract(**kwargs))[name].roles) is proposed


def test_extract_roles_known_name_in_a_heading_is_not_proposed() -> None:
    x = by_name(extract(innovations="*   **GRPO 改进**：在 GRPO 上加入锚轨迹。"))
    assert "proposes" not in x["GRPO"].roles


def test_extract_roles_examples_after_a_comparison_are_compared_with() -> None:
    x = by_name(
        extract(results="ZorbPO 优于现有的基线（如 Clip-Higher, DAPO, Dynamic Clipping）。")
    )
    assert "comparesWith" in x["DAPO"].roles and "comparesWith" in x["Clip-Higher"].roles


def test_extract_roles_own_method_is_neither_used_nor_compared_with() -> None:
    x = by_name(
        extract(
            contribution="提出 ZorbPO 算法。",
            results="相比 GRPO，基于 ZorbPO 的训练更稳定。",
        )
    )
    assert x["ZorbPO"].roles == ("proposes",)
    assert "comparesWith" in x["GRPO"].roles


def test_extract_roles_a_metric_is_not_used() -> None:
    assert "uses" not in by_name(extract(results="采用 FID 指标评估生成质量。"))["FID"].roles


@pytest.mark.parametrize(
    ("kwargs", "name", "role"),
    [
        # another's model named in 实验效果 with no other role is a baseline
        ({"results": "ZorbNet 得分 71.2，Qwen3-8B 为 65.0。"}, "Qwen3-8B", "comparesWith"),
        # a model, dataset or tool named in 使用指南 with no other role is used
        ({"usage": "训练数据来自 NuminaMath-1.5 与 TACO。"}, "TACO", "uses"),
        ({"usage": "教师模型为 Qwen2.5-72B-Instruct。"}, "Qwen2.5-72B-Instruct", "uses"),
        # another's technique or model named in a claim with no cue is built on too
        ({"innovations": "* **门控**：在 GRPO 的优势上加门控。"}, "GRPO", "uses"),
        ({"innovations": "* **分析**：Mamba 的状态会遗忘早期信息。"}, "Mamba", "uses"),
    ],
)
def test_extract_roles_from_the_section_when_no_cue_gives_one(
    kwargs: dict, name: str, role: str
) -> None:
    assert role in by_name(extract(contribution="提出 ZorbNet 模型。", **kwargs))[name].roles


def test_extract_roles_a_model_of_the_usage_named_again_in_the_results_is_used() -> None:
    x = by_name(
        extract(
            contribution="提出 ZorbTune 方法。",
            usage="* **输入**：预训练大模型（如 Mistral-7B）与指令数据。",
            results="Mistral-7B 上峰值显存约 36GB。",
        )
    )
    assert x["Mistral-7B"].roles == ("uses",)


def test_extract_roles_and_is_no_use() -> None:
    # `以及` holds `以` (with, a use) but only joins the list
    results = "ZorbNet 优于 Time-LLM、UniTime，以及 iTransformer、DLinear 等专用模型。"
    x = by_name(extract(contribution="提出 ZorbNet 模型。", results=results))
    assert x["DLinear"].roles == ("comparesWith",)


def test_extract_roles_bits_are_no_comparison() -> None:
    # `比特` holds `比` (than), but counts bits
    x = by_name(extract(usage="* **输入**：1.58 比特权重的 BitNet 模型。"))
    assert x["BitNet"].roles == ("uses",)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"innovations": "* 不同于 SparseGPT 的权重级剪枝，直接删除整个专家。"}, "SparseGPT"),
        ({"innovations": "* 无需 MCTS 式的大量 rollout 即可得到步级奖励。"}, "MCTS"),
        ({"results": "区别于 MVBench 等侧重识别的基准，ZorbBench 关注知识迁移。"}, "MVBench"),
    ],
)
def test_extract_roles_a_name_set_apart_is_only_mentioned(kwargs: dict, name: str) -> None:
    x = by_name(extract(contribution="提出 ZorbNet 方法。", **kwargs))
    assert x[name].roles == ()


def test_extract_roles_a_baseline_is_not_also_used() -> None:
    x = by_name(
        extract(
            contribution="提出 ZorbNet 模型。",
            usage="使用 Qwen3-8B 生成候选。",
            results="ZorbNet 优于 Qwen3-8B。",
        )
    )
    assert x["Qwen3-8B"].roles == ("comparesWith",)


def test_extract_roles_no_default_role_from_the_fields_line() -> None:
    assert by_name(extract(fields="多模态 - CLIP 检索"))["CLIP"].roles == ()


def test_extract_roles_section_default_never_adds_to_a_given_role() -> None:
    x = by_name(
        extract(contribution="提出 ZorbNet 模型。", results="在 MMLU 上，ZorbNet 优于 GPT-4o。")
    )
    assert x["GPT-4o"].roles == ("comparesWith",)
    assert x["MMLU"].roles == ("evaluatesOn",)
    assert x["ZorbNet"].roles == ("proposes",)


@pytest.mark.parametrize(
    ("kwargs", "name", "roles"),
    [
        # a tool compared with is not also used
        ({"results": "ZorbServe 的吞吐比 llama.cpp 高 2.1 倍。"}, "llama.cpp", ("comparesWith",)),
        # a platform the code is released on is not used
        ({"usage": "代码已在 GitHub 开源。"}, "GitHub", ()),
        # even after a `以` that otherwise says what is used
        ({"usage": "权重以 Apache 2.0 协议在 Hugging Face 发布。"}, "Hugging Face", ()),
        # the paper's own checkpoints share its name
        ({"usage": "发布 ZorbNet-7B 与 ZorbNet-72B 两个规模。"}, "ZorbNet-7B", ("proposes",)),
        # the paper's own tool is not used by it
        ({"usage": "基于 ZorbServe 部署。"}, "ZorbServe", ("proposes",)),
    ],
)
def test_extract_roles_tools_and_own_releases(kwargs: dict, name: str, roles: tuple) -> None:
    x = by_name(extract(contribution="提出 ZorbNet 模型和 ZorbServe 推理框架。", **kwargs))
    assert x[name].roles == roles


@pytest.mark.parametrize(
    ("results", "name", "role", "not_role"),
    [
        # the models a method is run on are used, not compared with
        (
            "在 Qwen3-1.7B 和 Qwen3-8B 模型上，ZorbPO 均提升 5 分。",
            "Qwen3-1.7B",
            "uses",
            "comparesWith",
        ),
        (
            "在 Qwen3-1.7B 和 Qwen3-8B 模型上，ZorbPO 均提升 5 分。",
            "Qwen3-8B",
            "uses",
            "comparesWith",
        ),
        (
            "*   **模型**：Qwen3-0.6B, Gemma-3-1B, Llama-2-7B。",
            "Gemma-3-1B",
            "uses",
            "comparesWith",
        ),
        # a model the results beat stays a baseline
        ("ZorbPO 在 MMLU 上超过 Llama-3-8B。", "Llama-3-8B", "comparesWith", "uses"),
        # every model of the list the method runs on, not only the one right before 上
        (
            "在 LongChat-7B-v1.5-32K、Mistral-7B-Instruct-v0.2 和 Qwen2-7B 上，ZorbPO 优于 H2O。",
            "Mistral-7B-Instruct-v0.2",
            "uses",
            "comparesWith",
        ),
        # the list may end in a kind of model other than 模型 (`LLM 上`, `骨干上`)
        ("在 Vicuna-7B、Yi-34B 等不同规模的 LLM 上均带来提升。", "Yi-34B", "uses", "comparesWith"),
    ],
)
def test_extract_roles_models_run_on_are_used(
    results: str, name: str, role: str, not_role: str
) -> None:
    x = extract(
        title="ZorbPO: Policy Optimization for Zorb", contribution="提出 ZorbPO。", results=results
    )
    roles = by_name(x)[name].roles
    assert role in roles and not_role not in roles


@pytest.mark.parametrize(
    ("contribution", "name", "proposed"),
    [
        # what a release lists after 包括 is the paper's own too
        (
            "发布了训练配方 ZorbKit，包括数据混合 ZorbMix 以及最终模型 Zorb-1B 与 Zorb-4B。",
            "Zorb-4B",
            True,
        ),
        (
            "发布了训练配方 ZorbKit，包括数据混合 ZorbMix 以及最终模型 Zorb-1B 与 Zorb-4B。",
            "ZorbMix",
            True,
        ),
        # a list after 包括 with no release before it proposes nothing
        ("对比的方法包括 ZorbNet 与 FlorpNet。", "FlorpNet", False),
    ],
)
def test_extract_roles_released_list_is_proposed(
    contribution: str, name: str, proposed: bool
) -> None:
    found = by_name(extract(contribution=contribution))
    assert ("proposes" in found[name].roles) is proposed


def test_extract_roles_known_checkpoint_of_the_papers_own_name_is_its_own() -> None:
    # SANA and SANA-1.6B are both in the knowledge base; the paper that is SANA releases both
    x = by_name(
        extract(
            title="SANA: Efficient High-Resolution Image Synthesis",
            results="SANA-1.6B 在 GenEval 上得分 0.66，优于 FLUX-dev。",
        )
    )
    assert "proposes" in x["SANA-1.6B"].roles
    assert "comparesWith" not in x["SANA-1.6B"].roles
    # the baseline is not the paper's own
    assert {n for n, e in x.items() if "proposes" in e.roles} == {"SANA", "SANA-1.6B"}


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        # a checkpoint of the paper's own name, spelled without its space
        (
            {
                "title": "ZorbLLaMA 2: Advancing Video Understanding",
                "results": "ZorbLLaMA2-7B 优于 LLaVA-OneVision 与 Qwen2-VL。",
            },
            "ZorbLLaMA2-7B",
        ),
        # a model trained with the paper's own method carries its name at the end
        (
            {
                "contribution": "提出 ZorbPO 偏好优化算法。",
                "results": "Llama-3-8B-Instruct-ZorbPO 优于 Llama-3-8B-Instruct-DPO。",
            },
            "Llama-3-8B-Instruct-ZorbPO",
        ),
    ],
)
def test_extract_roles_the_papers_own_checkpoints_are_proposed(kwargs: dict, name: str) -> None:
    x = by_name(extract(**kwargs))
    assert "proposes" in x[name].roles
    assert "comparesWith" not in x[name].roles


@pytest.mark.parametrize(
    "left",
    [
        "",
        "提出了",
        "我们，提出了",
        "A：B；C，D",
        "结尾，",
        "，",
        "a,b:c;d。e",
        "无标点 text",
        "：开头",
    ],
)
def test_role_assigner_clause_start_is_after_the_last_clause_mark(left: str) -> None:
    """The clause start found from the end is where the last `_CLAUSE` match ends."""
    from kg.extract.role_assigner import _CLAUSE, _clause_start

    assert _clause_start(left) == max((m.end() for m in _CLAUSE.finditer(left)), default=0)


@pytest.mark.parametrize(
    ("usage", "name", "proposed"),
    [
        # a claim in 使用指南: the model the paper's steps end in is its own
        ("3. 在策展后的数据上重新微调基座模型，得到最终模型 ZorbCurated。", "ZorbCurated", True),
        # a framework built on there is another's, even an in-house one
        ("基于自研分布式框架 ZorbLLM 训练。", "ZorbLLM", False),
    ],
)
def test_extract_roles_claims_in_the_usage_section(usage: str, name: str, proposed: bool) -> None:
    assert ("proposes" in by_name(extract(usage=usage))[name].roles) is proposed


@pytest.mark.parametrize(
    ("results", "name", "roles"),
    [
        # data in a comparison's object list is compared with, not evaluated on
        (
            "以 ZorbWeb 训练的模型优于以 RefinedWeb、C4 训练的模型。",
            "RefinedWeb",
            ("comparesWith",),
        ),
        # the place a comparison is made is still evaluated on
        ("ZorbNet 超过 GPT-4o 在 MMLU 上的得分。", "MMLU", ("evaluatesOn",)),
    ],
)
def test_extract_roles_data_compared_with(results: str, name: str, roles: tuple) -> None:
    x = by_name(extract(contribution="提出 ZorbWeb 数据集。", results=results))
    assert x[name].roles == roles
