"""Typing of unknown names: by shape, known parts, title, modifiers and bare acronyms.

These test the cue rules, so the learned second opinion (type_model) is off here; it is
tested in test_extract_type_model.py.
"""

from __future__ import annotations

import pytest
from extract_fixtures import by_name, extract, paper

from kg.extract import extract_paper, type_model


@pytest.fixture(autouse=True)
def _cues_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type_model, "weights", lambda: {})


def _etype(found: dict, name: str) -> str:
    assert name in found, sorted(found)
    etype = found[name].etype
    return "Dataset" if etype == "Benchmark" else etype


def _found_type(found: dict, name: str) -> str | None:
    """The name's type (Benchmark as Dataset), or None when it was not found."""
    return _etype(found, name) if name in found else None


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("对比了 ZorbCodec 的重建质量。", "ZorbCodec", "Model"),
        ("Florp-Omni 支持语音输入。", "Florp-Omni", "Model"),
        ("Florp-7B-Thinking 给出长推理。", "Florp-7B-Thinking", "Model"),
        ("对比了 ZorbFormer 的分割质量。", "ZorbFormer", "Model"),
        ("对比了 Zorb-CLIP 的检索质量。", "Zorb-CLIP", "Model"),
        ("结果显示 Zorb-Verified 更难。", "Zorb-Verified", "Dataset"),
        ("结果显示 FlorpSuite 覆盖广。", "FlorpSuite", "Dataset"),
        ("使用 ZorbKit 完成部署。", "ZorbKit", "Software"),
        ("使用 Florp-SDK 完成部署。", "Florp-SDK", "Software"),
        ("报告 ZorbRate 的变化。", "ZorbRate", "Metric"),
        ("报告 MotionGap 的变化。", "MotionGap", "Metric"),
        ("报告 Succ^4 的变化。", "Succ^4", "Metric"),
        # an optimizer named after the one it changes, even where it is a baseline
        ("训练时间比 ZorbAdamW 基线快约 8%。", "ZorbAdamW", "Method"),
        ("训练时间比 Florp-SGD 基线快约 8%。", "Florp-SGD", "Method"),
        ("结果显示 Florp-72B-DPO 更强。", "Florp-72B-DPO", "Model"),
        ("结果显示 ZorbRec 更准。", "ZorbRec", "Model"),
        ("结果显示 Florp-TTS 更自然。", "Florp-TTS", "Model"),
        ("结果显示 ZorbKV 更省显存。", "ZorbKV", "Method"),
        ("结果显示 FlorpCache 更快。", "FlorpCache", "Method"),
        ("结果显示 ZorbPrune 更快。", "ZorbPrune", "Method"),
    ],
)
def test_extract_typing_by_name_shape(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("报告 gFID 与 rPSNR 的数值。", "gFID", "Metric"),
        ("报告 gFID 与 rPSNR 的数值。", "rPSNR", "Metric"),
        ("对比 zorb-Qwen3 的检索效果。", "zorb-Qwen3", "Model"),
        ("报告 Zorb-FID 的数值。", "Zorb-FID", "Metric"),
    ],
)
def test_extract_typing_by_known_part(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("title", "etype"),
    [
        ("Zorbit: Probing Spatial Reasoning of Vision-Language Models", "Dataset"),
        ("Zorbit: A Benchmark for Long Video Agents", "Dataset"),
        ("Zorbit: An Open Audio Language Model with Discrete Tokens", "Model"),
        ("Zorbit: Scaling Interactive World Models to Long Horizons", "Model"),
        ("Zorbit: Faster Shampoo via Blocked Preconditioning", "Method"),
        ("Zorbit: A Toolkit for Agent Evaluation", "Software"),
        ("Zorbit: Learning Memory Skills for Agents", "Method"),
        ("Zorbit: Training Deep Research Agents with Evidence Rewards", "Model"),
        # a technical report is of the name before it
        ("Zorbit Technical Report: The Practice and Future of Video Foundation Model", "Model"),
    ],
)
def test_extract_typing_by_title(title: str, etype: str) -> None:
    x = extract_paper(paper(title, contribution="本文提出 Zorbit。"))
    assert _etype(by_name(x), "Zorbit") == etype
    assert not any("Report" in e.name for e in x.entities)


@pytest.mark.parametrize(
    ("text", "name", "etype", "absent"),
    [
        ("使用 Anchored DPO 训练策略。", "Anchored DPO", "Method", "DPO"),
        ("使用 Multi-Task PPO 训练策略。", "Multi-Task PPO", "Method", "PPO"),
        # a plain modifier leaves the known name; `Vanilla` names the plain baseline
        ("对比 Standard GRPO 的表现。", "GRPO", "Method", "Standard GRPO"),
        ("对比 Vanilla GRPO 的表现。", "Vanilla GRPO", "Method", "GRPO"),
        ("冻结 Wan VAE 的参数。", "Wan-VAE", "Model", "Wan"),
        ("使用 Distilled Llama 3 生成数据。", "Llama 3", "Model", "Distilled Llama 3"),
        ("报告 Validation Perplexity 的变化。", "Validation Perplexity", "Metric", "Perplexity"),
    ],
)
def test_extract_typing_modifier_keeps_longer_name(
    text: str, name: str, etype: str, absent: str
) -> None:
    found = by_name(extract(innovations=text))
    assert _etype(found, name) == etype
    assert absent not in found


def test_extract_typing_modifier_acronym_joins_long_name() -> None:
    x = extract_paper(
        paper("Cross-Task DPO: Reliable Alignment", results="CT-DPO 在所有任务上提升。")
    )
    found = by_name(x)
    assert "CT-DPO" not in found
    assert any(a.text == "CT-DPO" for a in found["Cross-Task DPO"].aliases)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("结果表明 QZ 很有效。", False),
        ("提出了 QZ 方法，效果很好。", True),
        ("采用量子压缩（QZ）降低开销。", True),
    ],
)
def test_extract_typing_bare_acronym_needs_evidence(text: str, kept: bool) -> None:
    found = extract(results=text)
    assert any("QZ" in {e.name, *(a.text for a in e.aliases)} for e in found.entities) is kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("DINO score 提升明显。", "DINO Score"),
        ("MSE 降低 10%。", "MSE"),
        ("TTFT 降低 30%。", "Time to First Token"),
        ("Maj@k 提升明显。", "Maj@k"),
    ],
)
def test_extract_typing_metric_knowledge(text: str, name: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == "Metric"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("以 ZorBix 作为基座模型进行训练。", "ZorBix", "Model"),
        ("ZorBix 是一个全新的评测基准。", "ZorBix", "Dataset"),
        ("ZorBix 是目前最快的开源推理引擎。", "ZorBix", "Software"),
        ("对比 ZorBix-V2 的表现。", "ZorBix-V2", "Model"),
        # a release number before a variant word: `Foo-1.5-Pro` is a release, not a method
        ("ZorBix-1.5-Pro 为 64.9%。", "ZorBix-1.5-Pro", "Model"),
        ("使用 ZorBix 奖励模型打分。", "ZorBix", "Model"),
        ("以 ZorBix 为基座模型进行训练。", "ZorBix", "Model"),
        ("ZorBix 是一个开源框架。", "ZorBix", "Software"),
        ("采用 ZorBix 评估指标衡量质量。", "ZorBix", "Metric"),
    ],
)
def test_extract_typing_by_apposition_and_release(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(innovations=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (r"在 Q\* Bench 上评估。", "Q* Bench"),
        ("在 **ZorbBench** 上评估。", "ZorbBench"),
    ],
)
def test_extract_typing_markdown_in_names(text: str, name: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == "Dataset"


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        (
            "模型面对基于提示词的攻击（Prompt-based attacks）时很脆弱。",
            "Prompt-based attacks",
            False,
        ),
        (
            "引入信息门控机制（Information-gating mechanism）过滤噪声。",
            "Information-gating mechanism",
            True,
        ),
    ],
)
def test_extract_typing_lowercase_gloss_needs_method_head(text: str, name: str, kept: bool) -> None:
    assert (name in by_name(extract(innovations=text))) is kept


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a technique's Chinese ending types the titled gloss; a plain noun's does not
        (
            "再由多轮的选择状态机（Selection State Machine）检查候选。",
            "Selection State Machine",
            "Method",
        ),
        ("再由多轮的选择流程（Selection Flow）检查候选。", "Selection Flow", None),
    ],
)
def test_extract_typing_chinese_ending_types_a_titled_gloss(
    text: str, name: str, etype: str | None
) -> None:
    assert _found_type(by_name(extract(usage=text)), name) == etype


@pytest.mark.parametrize(
    ("title", "name", "kept"),
    [
        ("Beyond Static Maps: Dynamic Routing for Agents", "Beyond Static Maps", False),
        ("When Agents Lie: A Study of Deception", "When Agents Lie", False),
        ("Static Maps: Dynamic Routing for Agents", "Static Maps", True),
        # a copula, a question word or a contraction inside makes the head a clause
        ("Credit Where It's Due: Segment Advantages for RL", "Credit Where It's Due", False),
        ("Less Is More: Sparse Routing for Agents", "Less Is More", False),
        ("Codec Does Matter: Exploring Codecs for Audio LMs", "Codec Does Matter", False),
        ("Vision Meets Sound: Joint Audio-Visual Learning", "Vision Meets Sound", False),
        ("Static Maps Revisited: Dynamic Routing for Agents", "Static Maps Revisited", True),
    ],
)
def test_extract_typing_title_phrase_is_no_name(title: str, name: str, kept: bool) -> None:
    assert (name in by_name(extract_paper(paper(title, contribution="见正文。")))) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("采用 Fringe 蒸馏降低成本。", False),
        ("设计了 Fringe 算法降低成本。", True),
    ],
)
def test_extract_typing_plain_word_method_needs_strong_cue(text: str, kept: bool) -> None:
    assert ("Fringe" in by_name(extract(innovations=text))) is kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("训练中出现了“奖励欺骗”（Reward Hacking）。", "Reward Hacking"),
        ("微调导致灾难性遗忘（Catastrophic Forgetting）。", "Catastrophic Forgetting"),
        ("模型表现出“语义漂移”（Semantic Drift）。", "Semantic Drift"),
        # kinds of task a count announces
        ("六类任务分别为通用工具（General Tool）、网络购物（Web Shopping）。", "General Tool"),
        (
            "涵盖三种场景：室内导航（Indoor Navigation）与户外探索（Outdoor Zorbing）。",
            "Indoor Navigation",
        ),
    ],
)
def test_extract_typing_phenomenon_gloss_is_no_name(text: str, name: str) -> None:
    assert name not in by_name(extract(innovations=text))


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("ZorBix 上的准确率提升了 5%。", "ZorBix", "Dataset"),
        ("ZorbBench 得分提升明显。", "ZorbBench", "Dataset"),
    ],
)
def test_extract_typing_results_on_benchmark(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("在 Zorblens-1M 和 Quuxlens-20M 上评估。", "Zorblens-1M", "Dataset"),
        ("在 Zorb@5 和 Quux@10 上提升。", "Zorb@5", "Metric"),
        ("在 Zorb-8B 上进行实验。", "Zorb-8B", "Model"),
        # a measure the paper defined by its gloss stays one when results are "on" it
        (
            "输出可解决通过率（Solvable Zorb Rate, SoZR）。GPT-4 在 SoZR 与 SoQR 上均最佳。",
            "Solvable Zorb Rate",
            "Metric",
        ),
    ],
)
def test_extract_typing_evaluated_on_unless_shape_says_otherwise(
    text: str, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("FooGen 优于 ZorBix 与 QuuXon。", "Model"),
        ("与 ZorBix、QuuXon 相比，误差更低。", "Model"),
        ("零样本性能已可比肩 ZorBix 与 QuuXon。", "Model"),
        ("ZorBix 与 QuuXon 被用于数据清洗。", "Method"),
        ("FID 明显低于 ZorBix 与 QuuXon。", "Model"),
        ("比同规模的 ZorBix 与 QuuXon 提升 5.1 个点。", "Model"),
        ("PSNR 较 ZorBix 提升 1.0 dB，较 QuuXon 提升 1.6 dB。", "Model"),
        ("TAE 接近 ZorBix，也接近 QuuXon。", "Model"),
    ],
)
def test_extract_typing_compared_unknown_names_are_models(text: str, etype: str) -> None:
    found = by_name(extract(results=text))
    assert _etype(found, "ZorBix") == _etype(found, "QuuXon") == etype


@pytest.mark.parametrize(
    ("text", "name"),
    [("在 Level 2 上的表现最好。", "Level 2"), ("Rank 128 上的准确率最高。", "Rank 128")],
)
def test_extract_typing_counters_are_no_names(text: str, name: str) -> None:
    names = {e.name for e in extract(results=text).entities}
    assert name not in names
    assert names <= {"Accuracy"}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("L2 误差降低 10%。", "L2 Error", "Metric"),
        ("DINO 相似度提升。", "DINO Similarity", "Metric"),
        ("DINO 自相似度（结构保持）更高。", "DINO Self-Similarity", "Metric"),
        ("Chamfer 距离下降。", "Chamfer Distance", "Metric"),
        # a known measure's own score is that measure
        ("施加基于 BLEU 相似度的重复惩罚。", "BLEU", "Metric"),
    ],
)
def test_extract_typing_latin_name_before_measure_noun_is_a_metric(
    text: str, name: str, etype: str
) -> None:
    found = by_name(extract(results=text))
    assert _etype(found, name) == etype
    assert "DINO" not in found


@pytest.mark.parametrize("text", ["计算 Token 相似度。", "与 GPT-4o 的距离缩小。"])
def test_extract_typing_plain_word_or_owner_before_measure_noun_is_no_metric(text: str) -> None:
    assert not [e for e in extract(results=text).entities if e.etype == "Metric"]


@pytest.mark.parametrize("title", ["A Paper", "ZorbVox: Reinforcement Learning for Speech"])
def test_extract_typing_name_with_sized_checkpoints_is_a_model(title: str) -> None:
    x = extract_paper(
        paper(
            title,
            contribution="提出 ZorbVox，通过交织建模提升语音质量。",
            usage="提供 ZorbVox-0.5B 与 ZorbVox-1.5B 两个版本。",
        )
    )
    assert _etype(by_name(x), "ZorbVox") == "Model"


def test_extract_typing_sized_checkpoints_count_once_per_name() -> None:
    # The acronym of a training method shares its stem with one sized checkpoint; that
    # one piece of evidence must not outvote the method's own cue words.
    x = extract_paper(
        paper(
            "Late-to-Early Zorbing: Efficient Training",
            contribution="提出了一种“Late-to-Early Zorbing (LEZ)”范式。",
            results="LEZ 实现了 1.6 倍加速；LEZ 在各规模上均有效；LEZ-1.4B 模型超越基线。",
        )
    )
    assert _etype(by_name(x), "Late-to-Early Zorbing") == "Method"


def test_extract_typing_cue_before_a_list_types_every_member() -> None:
    found = by_name(extract(results="对比了联合生成模型 Zorbi、FlorpDiT 和 QuuxVerse-1。"))
    assert {_etype(found, n) for n in ("Zorbi", "FlorpDiT", "QuuxVerse-1")} == {"Model"}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("手部位姿由 ZorbPose 估计。", "Model"),
        ("先用 ZorbPose 从视频中恢复手部网格。", "Model"),
        ("ZorbPose 估计物体位姿，再生成轨迹。", "Model"),
        ("2D 关键点伪标签由 ZorbPose 生成。", "Model"),
        ("使用 ZorbPose 算法在单次前向中打分。", "Method"),
        ("识别出 ZorbPose 估计器（一种低方差的估计）。", "Method"),
    ],
)
def test_extract_typing_model_used_as_a_perception_tool(text: str, etype: str) -> None:
    assert _etype(by_name(extract(usage=text)), "ZorbPose") == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("可接入 ZorbServe 推理服务。", "ZorbServe", "Software"),
        ("所有代码在 FlorpBox 沙箱中执行。", "FlorpBox", "Software"),
        ("训练数据为 ZorbSpeech 与 FlorpTalk。", "FlorpTalk", "Dataset"),
        ("定位数据来自 ZorbUI 与 FlorpGround。", "FlorpGround", "Dataset"),
        ("基于 ZorbSat、FlorpView 的标注构建。", "FlorpView", "Dataset"),
        ("在 ZorbSat 与 Florp-300B 混合语料上预训练。", "Florp-300B", "Dataset"),
        ("并发布了 ZorbMix 预训练数据。", "ZorbMix", "Dataset"),
    ],
)
def test_extract_typing_serving_stacks_and_data_sources(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(usage=text)), name) == etype


@pytest.mark.parametrize(
    ("title", "name", "etype"),
    [
        ("Zorbit-R1: Learning When to Stop Thinking", "Zorbit-R1", "Model"),
        ("Zorbit-World: Scaling Interactive World Models", "Zorbit-World", "Model"),
        ("ZorbBench: Learning to Rank Agents", "ZorbBench", "Dataset"),
    ],
)
def test_extract_typing_title_name_ending_outranks_a_training_phrase(
    title: str, name: str, etype: str
) -> None:
    x = extract_paper(paper(title, contribution=f"提出 {name}。"))
    assert _etype(by_name(x), name) == etype


def test_extract_typing_long_described_noun_phrase_types_the_name() -> None:
    x = extract(
        contribution="提出 ZorbMind，一个以“元动作推理 + 扩散轨迹头”为结构的端到端自动驾驶 VLA 模型。"
    )
    assert _etype(by_name(x), "ZorbMind") == "Model"


@pytest.mark.parametrize(
    "text",
    [
        "基于 ZorBix 进行全参数微调，得到新模型。",
        "使用 ZorBix 作为教师生成数据。",
        "ZorBix 作为基座模型。",
    ],
)
def test_extract_typing_fine_tuned_base_and_teacher_are_models(text: str) -> None:
    assert _etype(by_name(extract(usage=text)), "ZorBix") == "Model"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("*   **ZorbSR / QuuxSR**：PSNR 分别为 25.91 与 28.47 dB。", "QuuxSR", "Dataset"),
        ("*   **ZorbLQ250 合成退化**：DISTS 为 0.168。", "ZorbLQ250", "Dataset"),
        ("*   **与 ZorbNet 对比**：误差更低。", "ZorbNet", "Model"),
    ],
)
def test_extract_typing_results_heading_of_names_are_benchmarks(
    text: str, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


def test_extract_typing_image_quality_metric_ending() -> None:
    found = by_name(extract(results="无参考指标 ZorbIQA 为 0.561，在 ZorbQA 上更好。"))
    assert _etype(found, "ZorbIQA") == "Metric"
    assert _etype(found, "ZorbQA") == "Dataset"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("ScanNet 上为 79.6，ScanNet200 为 37.8。", "ScanNet200", "Dataset"),
        ("明显优于 YOLO-World-L 与 OWLv2。", "YOLO-World-L", "Model"),
        ("Arena-Hard-v3 得分提升 6.2 个点。", "Arena-Hard-v3", "Dataset"),
        ("ZorbRM-32B 得分 78.4。", "ZorbRM-32B", "Model"),
    ],
)
def test_extract_typing_known_stem_or_size_outweighs_score_words(
    text: str, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "etype"),
    [("基于 ZorbLens 与 QuuxKit 实现。", "Software"), ("使用 ZorbLens 部署。", "Software")],
)
def test_extract_typing_what_a_system_is_built_with_is_software(text: str, etype: str) -> None:
    assert _etype(by_name(extract(usage=text)), "ZorbLens") == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("以 Zorb 损失联合监督。", "Zorb Loss", "Method"),
        ("以 Dice 损失联合监督。", "Dice Loss", "Method"),
        ("GRPO 损失保持不变。", "GRPO", "Method"),
    ],
)
def test_extract_typing_latin_name_before_loss_noun_is_a_loss(
    text: str, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(innovations=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("WebShop 报告平均奖励（Average Reward）。", "Average Reward", "Metric"),
        # a loss reported on a data split is a measure; a named loss is a technique
        ("Adam-mini 的验证损失（Validation Loss）与 AdamW 基本一致。", "Validation Loss", "Metric"),
        (
            "验证交叉熵（Validation Cross-Entropy）随计算量平滑下降。",
            "Validation Cross-Entropy",
            "Metric",
        ),
        ("提出对比损失（Contrastive Loss）。", "Contrastive Loss", "Method"),
        ("以累计回报（Cumulative Return）衡量。", "Cumulative Return", "Metric"),
        ("设计格式奖励（Format Reward）。", "Format Reward", "Method"),
    ],
)
def test_extract_typing_reported_reward_or_loss_is_a_measure(
    text: str, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "从全面性（Comprehensiveness）、多样性（Diversity）两个维度评估回答。",
            "Diversity",
            "Metric",
        ),
        (
            "从全面性（Comprehensiveness）、多样性（Diversity）两个维度评估回答。",
            "Comprehensiveness",
            "Metric",
        ),
        (
            "SkyReels-V2 在指令遵循（Instruction Adherence）维度领先。",
            "Instruction Adherence",
            "Metric",
        ),
        ("在运动质量（Motion Quality）维度上得分最高。", "Motion Quality", "Metric"),
        # a dimension something is computed along is no score
        ("在通道（Channel）维度上做归一化。", "Channel", None),
        (
            "跨镜头编码（Cross-Shot Encoding）在时间维度上分配位置。",
            "Cross-Shot Encoding",
            "Method",
        ),
    ],
)
def test_extract_typing_gloss_scored_along_a_dimension_is_a_measure(
    text: str, name: str, etype: str | None
) -> None:
    found = by_name(extract(results=text))
    assert _found_type(found, name) == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "据此提出语言对齐（Language Alignment）与空间对齐（Spatial Alignment）。",
            "Spatial Alignment",
            "Method",
        ),
        (
            "* **掩码引导反演（Mask-Guided Inversion）与重初始化策略（Reinitialization）**：去除残留。",
            "Reinitialization",
            "Method",
        ),
        # a plain word's gloss after a gloss that is no technique stays a translation
        ("分为图像（Image）与视频（Video）两类。", "Video", None),
        # the list is broken by a full clause
        (
            "提出语言对齐（Language Alignment）。随后做空间对齐（Spatial Alignment）。",
            "Spatial Alignment",
            None,
        ),
    ],
)
def test_extract_typing_gloss_listed_after_a_technique_gloss(
    text: str, name: str, etype: str | None
) -> None:
    found = by_name(extract(innovations=text))
    assert _found_type(found, name) == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "MotionLCM 的轨迹误差（Traj. err.）与位置误差（Loc. err.）均更低。",
            "Traj. err.",
            "Metric",
        ),
        (
            "MotionLCM 的轨迹误差（Traj. err.）与位置误差（Loc. err.）均更低。",
            "Loc. err.",
            "Metric",
        ),
        # cut-short words under a term that is no measure name nothing
        ("在骨干网络（Res. Net.）上训练。", "Res. Net.", None),
    ],
)
def test_extract_typing_abbreviated_gloss_of_a_measure(
    text: str, name: str, etype: str | None
) -> None:
    found = by_name(extract(results=text))
    assert _found_type(found, name) == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a name with a variant after an underscore glosses a term; its Chinese types it
        ("在 CLIP 图像相似度（CLIP_img）和编辑方向上更好。", "CLIP_img", "Metric"),
        ("在 DINO 特征相似度（DINO_sim）与编辑方向上更好。", "DINO_sim", "Metric"),
    ],
)
def test_extract_typing_gloss_with_an_underscore_variant(text: str, name: str, etype: str) -> None:
    found = by_name(extract(results=text))
    assert _etype(found, name) == etype
    assert any("\u4e00" <= ch <= "\u9fff" for a in found[name].aliases for ch in a.text)


def test_extract_typing_capitalised_variant_after_an_underscore_is_the_stems_kind() -> None:
    found = by_name(extract(usage="提供 U-Mamba_Bot 与 U-Mamba_Enc 两个变体。"))
    assert _etype(found, "U-Mamba_Bot") == _etype(found, "U-Mamba_Enc") == "Model"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a count with its classifier between a list and its head noun
        (
            "已在 RobotEra 的 XBot-S（身高 1.2 米）和 XBot-L（身高 1.65 米）两款人形机器人上验证。",
            "XBot-L",
            "Hardware",
        ),
        ("在 Zorb-A1 和 Zorb-B2 两台机械臂上测试。", "Zorb-A1", "Hardware"),
    ],
)
def test_extract_typing_counted_list_takes_the_head_noun(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(usage=text)), name) == etype


def test_extract_typing_measure_glossed_at_more_length_is_the_glossed_one() -> None:
    text = "提出蛋白质结构 Fréchet 距离（Fréchet Protein Structure Distance, FPSD）评估分布。"
    found = by_name(extract(innovations=text))
    assert _etype(found, "Fréchet Protein Structure Distance") == "Metric"
    assert "Fréchet Distance" not in found


@pytest.mark.parametrize("text", ["噪声（x_t）与损失（L_AttnRL）更新。", "报告一致性（G_SC）。"])
def test_extract_typing_notation_in_brackets_is_no_name(text: str) -> None:
    assert extract(results=text).entities == ()


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        ("用随机 Hadamard 变换旋转隐藏状态。", "Hadamard Transform", "Hadamard"),
        ("直接使用 Euler 反演效果较差。", "Euler Inversion", "Euler"),
        ("相比 Cosine 调度器，WSD 无需预先确定总步数。", "Cosine Scheduler", "Cosine"),
        ("通过多级 Haar 小波变换注入潜变量。", "Haar Wavelet Transform", "Haar Transform"),
        ("对输入做 Zorbian 插值。", "Zorbian Interpolation", "Zorbian"),
        ("引入 LeCam 正则化稳定判别器。", "LeCam Regularization", "LeCam"),
        ("用可学习的 Givens 旋转替代随机变换。", "Givens Rotation", "Givens"),
        (
            "离线将 Walsh-Hadamard 变换融合进分解矩阵。",
            "Walsh-Hadamard Transform",
            "Walsh-Hadamard",
        ),
        # a coined name or an acronym before a technique noun (not before 损失)
        ("通过 Ego3D 位置编码把 3D 空间信息注入视觉观测。", "Ego3D Position Encoding", "Ego3D"),
        ("将门控因子融入 WY 表示与 UT 变换。", "UT Transform", "UT"),
    ],
)
def test_extract_typing_name_before_technique_noun_is_the_technique(
    text: str, name: str, absent: str
) -> None:
    found = by_name(extract(usage=text))
    assert _etype(found, name) == "Method"
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "name", "other"),
    [
        # a known name's own step stays the known name; a glossed one is the pair's
        ("在 DDIM 反演后编辑。", "DDIM", "DDIM Inversion"),
        ("使用随机 Hadamard 变换（RHT）处理权重。", "RHT", "Hadamard Transform"),
    ],
)
def test_extract_typing_technique_noun_after_known_or_glossed_name(
    text: str, name: str, other: str
) -> None:
    found = by_name(extract(usage=text))
    assert name in found
    assert other not in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an acronym or a plain word before 损失 is what the loss is computed from
        ("以 CRPS 损失训练集合成员。", "CRPS Loss"),
        ("以 OT 损失对齐两个分布。", "OT Loss"),
        ("采用 pairwise 损失排序。", "pairwise Loss"),
    ],
)
def test_extract_typing_loss_of_a_measure_is_no_named_loss(text: str, absent: str) -> None:
    assert absent not in by_name(extract(innovations=text))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("显著优于 Zorb-Game 2.0、Yomo、Oasa 和 FlorpWorld-Voyager。", {"Yomo", "Oasa"}, set()),
        ("优于 Shape of Zorbing、FlorpSca 与 Deformable 3D Zorbs。", {"FlorpSca"}, {"Zorbing"}),
        ("优于 Baseline、Random 和 Oracle 设置。", set(), {"Baseline", "Random", "Oracle"}),
    ],
)
def test_extract_typing_words_listed_with_compared_names_are_names(
    text: str, present: set[str], absent: set[str]
) -> None:
    found = by_name(extract(results=text))
    assert {_etype(found, n) for n in present} <= {"Model"}
    assert not absent & set(found)


@pytest.mark.parametrize(
    ("text", "name", "listed"),
    [
        # among two known techniques a plain capitalised word is a technique too
        ("优于 EAGLE-3、Medusa-2、Zorbix 与 Lookahead Decoding。", "Zorbix", True),
        ("对比 SmoothQuant、OmniQuant、QLLM、Zorb 和 QuaRot。", "Zorb", True),
        # one known technique is not enough to outweigh the English word
        ("结合 GRPO 与 Zorb 使用。", "Zorb", False),
    ],
)
def test_extract_typing_plain_word_among_known_methods_is_a_method(
    text: str, name: str, listed: bool
) -> None:
    found = by_name(extract(results=text))
    assert (name in found and found[name].etype == "Method") is listed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FVD 比 Zorb-Game 2.0 低 23%。", "Zorb-Game 2.0"),
        ("Mobile-Zorb-v3 为 22.1%。", "Mobile-Zorb-v3"),
        ("仅次于商业系统 Suno v4.5。", "Suno v4.5"),
    ],
)
def test_extract_typing_capitalised_name_with_release_is_a_name(text: str, name: str) -> None:
    assert name in by_name(extract(results=text))


@pytest.mark.parametrize(
    "text",
    [
        "模型规格：Zorb-2-Small（38M）、Zorb-2-Base（205M）与 Zorb-2-Large（710M）。",
        "提供 Zorb-2-S/M/L 三个尺寸。",
    ],
)
def test_extract_typing_one_stem_in_several_sizes_is_a_model(text: str) -> None:
    found = by_name(extract(usage=text))
    sized = [n for n in found if n.startswith("Zorb-2-")]
    assert len(sized) == 3
    assert {_etype(found, n) for n in sized} == {"Model"}


def test_extract_typing_compared_bare_acronyms_are_methods() -> None:
    found = by_name(extract(results="准确率提升 6.1 个点，优于 ZQD、FlorpGen 与 QXA。"))
    assert _etype(found, "ZQD") == _etype(found, "QXA") == "Method"
    assert _etype(found, "FlorpGen") == "Model"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a terse `超 X` ranks the paper above X
        ("整体 61.8，超 Dispider、Flash-VStream、StreamForest。", "StreamForest", "Model"),
        # an enumeration ends at a full comma: the next clause's chip types nothing
        ("对比 MonkeyOCR-pro-3B、GOT-OCR2.0、Marker，H100 上每页 0.32s。", "Marker", "Model"),
        # a compared mention outweighs an uncued one
        ("超越 RFdiffusion 与 ESM3。ESM3 为 17 个。", "ESM3", "Model"),
    ],
)
def test_extract_typing_comparison_and_lists(text: str, name: str, etype: str) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == etype


@pytest.mark.parametrize(
    ("title", "name", "etype"),
    [
        # the task a system performs, as the phrase's head noun
        ("ZorbVox: Zero-Shot Speech Synthesis with Flow Matching", "ZorbVox", "Model"),
        ("ZorbWeave: Minute-Level Video Generation with Memory", "ZorbWeave", "Model"),
        ("ZorbKV: Query-Agnostic KV Cache Eviction via Spectra", "ZorbKV", "Method"),
        ("ZorbEdit: Training-Free Video Editing via Inversion", "ZorbEdit", "Method"),
    ],
)
def test_extract_typing_title_task_noun(title: str, name: str, etype: str) -> None:
    x = extract_paper(paper(title, contribution=f"提出 {name}。"))
    assert _etype(by_name(x), name) == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a parameter count outweighs a known stem's type; a few million rows are data
        ("高于 ToolACE-2-8B。", "ToolACE-2-8B", "Model"),
        ("构建了 ZorbEdit-3M 用于训练。", "ZorbEdit-3M", "Dataset"),
        ("对比 Zorb-350M。", "Zorb-350M", "Model"),
        # a known measure over a count of samples is the measure, not data
        ("在 MS-COCO 2017 上的 FID-30k 与 CLIP Score 几乎不变。", "FID-30k", "Metric"),
        ("FID-50K 为 2.1。", "FID-50K", "Metric"),
        ("在 Zorb-30K 上评测。", "Zorb-30K", "Dataset"),
    ],
)
def test_extract_typing_sizes_and_row_counts(text: str, name: str, etype: str) -> None:
    want = {etype, "Benchmark"} if etype == "Dataset" else {etype}
    assert _etype(by_name(extract(results=text)), name) in want


@pytest.mark.parametrize(
    ("kwargs", "name", "etype"),
    [
        # a named subset or glued release of a known dataset is a dataset of its own
        ({"results": "在 OSWorld-G 与 PixMo-Docs 上提升。"}, "OSWorld-G", "Dataset"),
        ({"usage": "在 Objects365v1 上训练。"}, "Objects365v1", "Dataset"),
        # an innovation's heading gloss is the paper's component, not a measure
        (
            {"innovations": "**自适应保留率（Adaptive Keep Ratio）**：按信息熵调整保留数。"},
            "Adaptive Keep Ratio",
            "Method",
        ),
        # the paper's own glossed name heading a result is not a benchmark
        (
            {
                "innovations": "**结构优先提示（SFP）**：先输出骨架再答题。",
                "results": "**SFP**：ZorbVL-8B +5.6。",
            },
            "SFP",
            "Method",
        ),
        ({"results": "*   **+ZorbChain**：ZorbVL-8B +9.7。"}, "ZorbChain", "Method"),
        # a full comma ends a list: the next clause's benchmark types nothing before it
        ({"results": "消融：去 ZorbRC，DocVQA -3.1。"}, "ZorbRC", "Method"),
    ],
)
def test_extract_typing_subsets_headings_and_clauses(kwargs: dict, name: str, etype: str) -> None:
    want = {etype, "Benchmark"} if etype == "Dataset" else {etype}
    assert _etype(by_name(extract(**kwargs)), name) in want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("整体 61.8，超 Zorbider、FlorpStream。", "Zorbider"),
        ("比 Zorbider 解耦架构更轻。", "Zorbider"),
    ],
)
def test_extract_typing_capitalised_word_ranked_against_is_a_model(text: str, name: str) -> None:
    assert _etype(by_name(extract(innovations=text)), name) == "Model"


@pytest.mark.parametrize(
    ("kwargs", "name", "etype"),
    [
        ({"results": "平均 zcTM 为 0.93，优于基线。"}, "zcTM", "Metric"),
        ({"results": "ZSR 达到 71.2%。"}, "ZSR", "Metric"),
        ({"results": "重折叠后 zcTM > 0.5 的比例为 93%。"}, "zcTM", "Metric"),
        # a longer coined name given a value is a system's score, not a measure
        ({"results": "zcTM：0.87，LigandZorb 为 0.82。"}, "LigandZorb", "Method"),
        # in brackets after a score: systems compared on that score
        ({"results": "FAD 为 1.82（ZorbNet 为 3.41，FlorpGen 为 2.67）。"}, "FlorpGen", "Method"),
        # a heading's colon opens the item, it gives no value
        (
            {
                "usage": "合成退化增强（Zorb Degradation Augmentation, ZDA）模拟洇墨。",
                "innovations": "**ZDA**：16 种退化渲染。",
            },
            "Zorb Degradation Augmentation",
            "Method",
        ),
    ],
)
def test_extract_typing_short_name_given_a_value_is_a_metric(
    kwargs: dict, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(**kwargs)), name) == etype


@pytest.mark.parametrize(
    ("title", "etype"),
    [
        ("ZorbKV: Importance-Aware KV Cache Eviction for Long Contexts", "Method"),
        ("ZorbVL: An Open Vision-Language Model", "Model"),
        ("A Paper", "Model"),
    ],
)
def test_extract_typing_compared_names_are_of_the_papers_own_kind(title: str, etype: str) -> None:
    found = by_name(extract_paper(paper(title, results="FooGen 优于 ZorBix 与 QuuXon。")))
    assert _etype(found, "ZorBix") == _etype(found, "QuuXon") == etype


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("对称性分析依赖 pymatgen 与 zorblib。", "zorblib", True),
        ("使用 torch-zorbics 实现球谐变换。", "torch-zorbics", True),
        ("熵编码使用 zorbac 库。", "zorbac", True),
        ("使用 token 级奖励和 greedy 策略。", "greedy", False),
        ("调用具体工具（如 calc_zorb_interference）。", "calc_zorb_interference", False),
        ("代码基于 GRPO pipeline 修改。", "pipeline", False),
    ],
)
def test_extract_typing_lower_case_package_names(text: str, name: str, kept: bool) -> None:
    found = by_name(extract(usage=text))
    assert (name in found and found[name].etype == "Software") is kept, sorted(found)


@pytest.mark.parametrize(
    ("kwargs", "name", "etype"),
    [
        # glued adapter and splatting scheme endings
        ({"results": "优于 ZorbLoRA 与 Florp-GS。"}, "ZorbLoRA", "Method"),
        ({"results": "优于 ZorbLoRA 与 Florp-GS。"}, "Florp-GS", "Method"),
        # a yearly edition is a competition's set
        ({"results": "ZORBO 2025 与 Florp 2024 的结果均有提升。"}, "ZORBO 2025", "Dataset"),
        # a pipeline cue before the name
        (
            {"contribution": "提出一套数据合成管线 ZorbMirror，用于长文档问答。"},
            "ZorbMirror",
            "Method",
        ),
        # a gloss inside the described noun phrase does not end it
        (
            {
                "contribution": "提出 ZorbSage，一个在共折叠（co-folding）框架中引入约束的结构预测模型。"
            },
            "ZorbSage",
            "Model",
        ),
    ],
)
def test_extract_typing_name_endings_cues_and_glossed_appositions(
    kwargs: dict, name: str, etype: str
) -> None:
    assert _etype(by_name(extract(**kwargs)), name) == etype


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        # `Foo-S` and `Foo-L` beside the titled `Foo`: its sizes
        (
            {
                "title": "Zorbscope: A Forecasting Foundation Model",
                "contribution": "提出 Zorbscope（提供 Zorbscope-S 与 Zorbscope-L 两个规模）。",
            },
            "Zorbscope-L",
        ),
    ],
)
def test_extract_typing_sizes_of_a_named_stem_are_kept(kwargs: dict, name: str) -> None:
    assert _etype(by_name(extract(**kwargs)), name) == "Model"


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        # a unit right after a number is no measure
        ("单张 H100 上可达 24 FPS。", "FPS", False),
        ("BF16 峰值为 989 TFLOPS。", "TFLOPS", False),
        ("规模最高超过 100 GFLOP/样本。", "GFLOP", False),
        ("每样本 20 GFLOPs。", "GFLOPs", False),
        ("实现了 684 PFLOPS 到 1.6 EFLOPS 的持续吞吐。", "PFLOPS", False),
        ("实现了 684 PFLOPS 到 1.6 EFLOPS 的持续吞吐。", "EFLOPS", False),
        ("仅增加了 **5.22% 的 FLOPs**。", "FLOPs", False),
        # elsewhere the unit word names the measure compared
        ("预填充阶段 FLOPs 降低 81%。", "FLOPs", True),
        ("FPS 从 12 提升到 30。", "FPS", True),
        # a bracketed unit after a Chinese measure is that measure's name
        ("推理吞吐量（FPS）几乎无损。", "FPS", True),
        ("计算量（FLOPs）降低 40%。", "FLOPs", True),
        # a speed reported in the unit is its measure; a rate set in it is not
        ("推理速度达到 **57.4 FPS**，优于基线。", "FPS", True),
        ("整体速度约 8 FPS。", "FPS", True),
        ("在单张 H100 上以 25 FPS 实时生成视频。", "FPS", False),
    ],
)
def test_extract_typing_unit_after_a_number_is_no_measure(text: str, name: str, kept: bool) -> None:
    found = by_name(extract(results=text))
    assert (name in found) == kept, sorted(found)
    if kept:
        assert found[name].etype == "Metric"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("端到端解码吞吐量（Zorb Throughput）提升 3.9 倍。", "Zorb Throughput"),
        ("首包延迟（Zorb Latency）降低 40%。", "Zorb Latency"),
        ("平均加速比（Zorb Speedup）为 2.1。", "Zorb Speedup"),
        # a ratio glossed as one is a measure
        ("压缩比（Compression Ratio）最高达到 5.02 倍。", "Compression Ratio"),
        ("效率增益（Efficiency Zorb, EZ）领先于 FNO。", "Efficiency Zorb"),
        ("离散度-技巧比率（Spread-Skill Ratio）接近 1。", "Spread-Skill Ratio"),
    ],
)
def test_extract_typing_glossed_speed_measures_are_metrics(text: str, name: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == "Metric"


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        # a video resolution after a checkpoint is a setting of the run, not its variant
        (
            "ZorbVideo-T2V-14B 720p 生成：单卡耗时 638 秒。",
            "ZorbVideo-T2V-14B",
            "ZorbVideo-T2V-14B 720p",
        ),
        # nor is a resolution with a clip length
        ("在 Open-Sora 720p-2s 视频生成上达到 4.7× 加速。", "Open-Sora", "Open-Sora 720p-2s"),
        # after another name's score, a number after a name is its score, not a release
        ("SSIM 0.902，LPIPS 0.061，rZorb 42；优于基线。", "rZorb", "rZorb 42"),
    ],
)
def test_extract_typing_resolutions_and_listed_scores_do_not_extend_names(
    text: str, name: str, absent: str
) -> None:
    found = by_name(extract(results=text))
    assert name in found and absent not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("在 ZorbBench 四个子套件（Spatial、Object、Goal、Long）上平均成功率 94.1%。", "Spatial"),
        ("在 ZorbBench 的三个难度子集（Easy、Normal、Hard）上均领先。", "Normal"),
        # labels listed before the subset noun and its count
        ("在 ZorbBench 的 Beauty、Sports、Toys 三个子集上均领先。", "Toys"),
    ],
)
def test_extract_typing_subset_labels_listed_after_a_subset_noun_are_no_names(
    text: str, dropped: str
) -> None:
    found = by_name(extract(results=text))
    assert "ZorbBench" in found and dropped not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("分为 ZorbA 与 ZorbB 两个子集。", "Dataset"),
        ("对比 ZorbA、ZorbB 三种方法。", "Method"),
        ("对比 ZorbA 与 ZorbB 两个模型。", "Model"),
    ],
)
def test_extract_typing_cue_after_a_counted_list(text: str, etype: str) -> None:
    found = by_name(extract(usage=text))
    types = {found["ZorbA"].etype, found["ZorbB"].etype}
    assert types == {etype} or (etype == "Dataset" and types == {"Benchmark"})


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("提出了名为 ZorBix 的评测基准。", "ZorBix", "Dataset"),
        # past the name's bracketed acronym (`名为 “…” (DeR²) 的基准测试`)
        (
            '提出了名为 "Florp Quarry Sandbox" (FQS²) 的基准测试。',
            "Florp Quarry Sandbox",
            "Dataset",
        ),
        ("提出了名为 ZorBix（ZRX）的多模态大模型。", "ZorBix", "Model"),
    ],
)
def test_extract_typing_named_then_head_noun(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(contribution=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在帧间连贯性（Temporal Consistency）等指标上领先。", {"Temporal Consistency"}),
        (
            "在动作保真度（Motion Fidelity）、视觉质量（Visual Quality）等指标上领先。",
            {"Motion Fidelity", "Visual Quality"},
        ),
        (
            "在视觉质量（Visual Quality）和帧间连贯性（Temporal Consistency）三项指标上领先。",
            {"Visual Quality", "Temporal Consistency"},
        ),
    ],
)
def test_extract_typing_glossed_list_takes_the_cue_after_it(text: str, names: set[str]) -> None:
    found = by_name(extract(results=text))
    assert {n: _etype(found, n) for n in names} == dict.fromkeys(names, "Metric")


@pytest.mark.parametrize(
    "text",
    [
        "**注意力策略化 (Attention as Policy)**：把注意力当作策略优化。",
        "**从示范学习 (Learning from Demonstrations)**：把示范当作监督。",
    ],
)
def test_extract_typing_heading_gloss_with_lowercase_connector(text: str) -> None:
    found = by_name(extract(innovations=text))
    name = text[text.index("(") + 1 : text.index(")")]
    assert _etype(found, name) == "Method"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a member named in Chinese and glossed does not end the list
        ("评测指标包括 AUC、精度（Precision, P）、AO、SR 与 PR。", {"AO", "SR", "PR"}),
        ("指标为 AUC、召回率（Recall, R）、AO 与 SR。", {"AO", "SR"}),
    ],
)
def test_context_typer_list_goes_on_after_a_glossed_member(text: str, names: set[str]) -> None:
    found = by_name(extract(results=text))
    assert {n: _etype(found, n) for n in names} == dict.fromkeys(names, "Metric")


_LISTED = [
    dict(results="在 MathVista、DynaMath 和 ZorbBench 上优于 Qwen2.5-VL、InternVL3 与 FooNet。"),
    dict(usage="基于 Triton 实现，以 MIT 协议开源，依赖 pymatgen 与 spglib、Apache 2.0 许可。"),
    dict(
        results="RM-Bench 的 Hard 子集、Beauty、Sports、Toys 三个子集上，Zorb 与 Blorp（B）及 Qux 最好。"
    ),
    dict(results="评测指标包括 AUC、精度（Precision, P）、AO、SR 与 PR，以及甲乙（Zorb 与 Qux）。"),
]


@pytest.mark.parametrize("source", ["reports", *range(len(_LISTED))])
def test_context_typer_lists_walked_once_are_the_lists_walked_fresh(
    monkeypatch: pytest.MonkeyPatch, source: str | int
) -> None:
    """A list the typer keeps (`_Lists.after`) is the list a fresh walk over the names' live
    state finds, at every ask, while names are dropped."""
    from pathlib import Path

    from kg.extract import context_typer
    from kg.parse import iter_papers, parse_folder

    asked = 0
    kept = context_typer._Lists.after

    def checked(self: context_typer._Lists, c: object) -> tuple:
        nonlocal asked
        walked = kept(self, c)
        assert walked == context_typer._list_after(self.st, c, self.by_start)
        asked += 1
        return walked

    monkeypatch.setattr(context_typer._Lists, "after", checked)
    if source == "reports":
        reports = Path(__file__).resolve().parent.parent / "reports"
        papers = list(iter_papers(parse_folder(reports)))
    else:
        papers = [paper("Zorb: A Zorbing Model", **_LISTED[int(source)])]
    for p in papers:
        extract_paper(p)
    assert asked >= len(papers)


_QUARTET = "Quartet: Native FP4 Training Can Be Optimal for Large Language Models"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "在 C4 上训练的 Llama 风格模型中，Quartet 的验证损失低于 LUQ、Jetfire、HALO 与 LSS"
            " 等已有 FP4/INT4 训练方法，并接近 FP8 训练。",
            True,
        ),
        # not ranked against: a plain word listed with names is not thereby a name
        ("训练中结合 LUQ、Jetfire、HALO 与 LSS 等量化。", False),
    ],
)
def test_extract_typing_plain_word_ranked_among_shaped_names(text: str, kept: bool) -> None:
    found = by_name(extract(title=_QUARTET, results=text))
    assert ("Jetfire" in found) == kept
    if kept:
        assert found["Jetfire"].etype == "Method"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("与持续预训练的 Yarn-Mistral-128K 相当。", "Yarn-Mistral-128K", "Model"),
        ("LongRoPE-Mistral-2048k 在 4k–2048k 上检索准确。", "LongRoPE-Mistral-2048k", "Model"),
        ("与 LWM-Text-Chat-128K 对比。", "LWM-Text-Chat-128K", "Model"),
        # rows, not a window: no power of two, or no model's word before it
        ("使用 LLaVA-Instruct-150K 训练。", "LLaVA-Instruct-150K", "Dataset"),
        ("在 Foo-Data-128K 上训练。", "Foo-Data-128K", "Dataset"),
        ("在 MovieLens-1M 上评测。", "MovieLens-1M", "Dataset"),
    ],
)
def test_extract_typing_context_length_after_a_model_word(text: str, name: str, etype: str) -> None:
    assert _etype(by_name(extract(results=text)), name) == etype


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "提供树遍历（Tree Traversal）和折叠树（Collapsed Tree）两种查询策略，后者更好。",
            "Tree Traversal",
            "Method",
        ),
        (
            "提供树遍历（Tree Traversal）和折叠树（Collapsed Tree）两种查询策略，后者更好。",
            "Collapsed Tree",
            "Method",
        ),
        # words that qualify the counted noun, up to the place word after it
        (
            "在概念保持（Concept Preservation）与提示跟随（Prompt Following）两项由 GPT-4o 打分的指标上均最佳。",
            "Prompt Following",
            "Metric",
        ),
        # no count: the cue must follow the list right away
        (
            "提供树遍历（Tree Traversal）和折叠树（Collapsed Tree）供查询策略使用。",
            "Collapsed Tree",
            None,
        ),
    ],
)
def test_extract_typing_counted_kind_after_a_gloss_list(
    text: str, name: str, etype: str | None
) -> None:
    found = by_name(extract(usage=text))
    assert _found_type(found, name) == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "* **三类动作**：把查询改写（Query Rewriting）、查询分解（Query Decomposition）"
            "和查询消歧（Query Disambiguation）作为显式动作。",
            "Query Rewriting",
            "Method",
        ),
        (
            "对齐字符片段（Text Piece）与片段级最优传输（Optimal Transport）。",
            "Text Piece",
            "Method",
        ),
        # a comma opens the next clause, not the next member
        ("对齐字符片段（Text Piece），再以最优传输（Optimal Transport）匹配。", "Text Piece", None),
    ],
)
def test_extract_typing_gloss_listed_before_a_technique_gloss(
    text: str, name: str, etype: str | None
) -> None:
    found = by_name(extract(innovations=text))
    assert _found_type(found, name) == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # `在…上` over a list of measures: the unknown names in it are measures too
        ("在 CLIP-F、CLIP-O、PSNR、SSIM、LPIPS 与 FVD 上全面领先。", "CLIP-F", "Metric"),
        ("在 Zorb-S、PSNR 与 SSIM 上领先。", "Zorb-S", "Metric"),
        # one known measure is not enough, nor a list of data with a measure
        ("在 ZorbSet、PSNR 上领先。", "ZorbSet", "Dataset"),
        ("在 ZorbSet、MMLU 与 GSM8K 上领先。", "ZorbSet", "Dataset"),
    ],
)
def test_extract_typing_name_listed_among_measures_is_a_measure(
    text: str, name: str, etype: str
) -> None:
    want = {etype, "Benchmark"} if etype == "Dataset" else {etype}
    assert _etype(by_name(extract(results=text)), name) in want
