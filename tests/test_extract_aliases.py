"""Chinese aliases: the term before a gloss, notes after a name, and kind words."""

from __future__ import annotations

import pytest
from extract_fixtures import by_name, extract, labels

from kg.extract.pair_linker import PairLinker, _clipped_words, _spelled_by_capitals


@pytest.mark.parametrize(
    ("left", "term"),
    [
        ("方法上并配合中间填充", "中间填充"),
        ("沿用 DAPO 中动态采样", "动态采样"),
        ("在 CVTG-2K 上单词准确率", "单词准确率"),
        ("提出了一种受最大后验策略优化", "最大后验策略优化"),
        ("设计了一种基于 Jensen-Shannon 散度", "Jensen-Shannon 散度"),
        ("训练中以公平 CRPS", "公平 CRPS"),
        ("二是专家子空间对齐", "专家子空间对齐"),
        ("主要瓶颈在于 知识调取", "知识调取"),
        # words that start like a clause opener but are words of the term
        ("并行草稿生成", "并行草稿生成"),
        ("在线注意力蒸馏", "在线注意力蒸馏"),
        ("硬件在环奖励", "硬件在环奖励"),
        ("等效电路先验注意力", "等效电路先验注意力"),
        ("模型合并", "模型合并"),
        ("比特分配", "比特分配"),
        ("上下文折叠", "上下文折叠"),
        # who does it or when, before the term; `由粗到细` is part of one
        ("先由轨迹压缩器", "轨迹压缩器"),
        ("再由交叉解码器", "交叉解码器"),
        ("便借助时序注意力移植", "时序注意力移植"),
        ("经过后训练量化", "后训练量化"),
        ("由粗到细匹配", "由粗到细匹配"),
        # an example's opener is no word of the term; 如同 and 如何 are words
        ("如高分辨率图像", "高分辨率图像"),
        ("例如多视角图像", "多视角图像"),
        ("如同素描", "如同素描"),
        ("把生成样本存入回放缓冲区", "回放缓冲区"),
        # a plain English word opening the term is the term's; a name is the clause's
        ("Token 合并模块", "Token 合并模块"),
        ("Patch 级对比损失", "Patch 级对比损失"),
        ("Qwen2.5-VL 视觉编码器", "视觉编码器"),
        ("相机参数以 Plücker 射线嵌入", "射线嵌入"),
        ("先验注意力", "先验注意力"),
        # a place in the paper's own list is no name
        ("第一阶段", None),
        ("方法二", None),
    ],
)
def test_extract_aliases_chinese_term_before_a_gloss(left: str, term: str | None) -> None:
    assert PairLinker._zh_term(left) == term


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("提出 ZorbNet（佐布网络），一个新的检测模型。", "ZorbNet", "佐布网络"),
        ("并用 LoRA（低秩适配）微调。", "LoRA", "低秩适配"),  # the known name's own
        # a Chinese phrase that spells out a known acronym names it
        ("基于潜在扩散模型（LDM）生成。", "LDM", "潜在扩散模型"),
    ],
)
def test_extract_aliases_chinese_name_after_a_name_is_kept(
    text: str, name: str, alias: str
) -> None:
    assert alias in labels(by_name(extract(usage=text))[name])


@pytest.mark.parametrize(
    ("text", "name", "note"),
    [
        ("在 OSWorld（50 步）上成功率 41%。", "OSWorld", "50 步"),
        ("Qwen3-32B（思考模式）为 35%。", "Qwen3-32B", "思考模式"),
        ("基于 GRPO（强化学习）训练。", "GRPO", "强化学习"),
        ("Cradle（基于 GPT-4o）完成率 20%。", "Cradle", "基于 GPT-4o"),
        ("ZorbNet（测试时方法）表现最好。", "ZorbNet", "测试时方法"),
    ],
)
def test_extract_aliases_note_after_a_name_is_no_alias(text: str, name: str, note: str) -> None:
    assert note not in labels(by_name(extract(results=text))[name])


@pytest.mark.parametrize(
    ("text", "name", "term"),
    [
        # an amount is no name
        ("整个配比搜索仅需约 64 GPU 小时（A100）。", "A100", "比搜索仅需约 64 GPU 小时"),
        # a known entry's Chinese name with words before it is a narrower thing or the clause
        ("在四个子集上准确率（Accuracy）均提升。", "Accuracy", "四个子集上准确率"),
        ("降低了上下文下首 token 延迟（TTFT）。", "Time to First Token", "上下文下首 token 延迟"),
        # a known model or tool glossed by a Chinese phrase is described, not named
        ("直接复用 DiT 主干（FLUX.1）处理条件图像。", "FLUX.1", "直接复用 DiT 主干"),
        ("以预训练语言模型（Mistral-7B）初始化。", "Mistral-7B", "预训练语言模型"),
    ],
)
def test_extract_aliases_term_before_a_known_name_is_no_alias(
    text: str, name: str, term: str
) -> None:
    assert term not in labels(by_name(extract(results=text))[name])


def test_extract_aliases_two_known_names_behind_a_slash_stay_two() -> None:
    found = by_name(extract(usage="应用的延迟 SLO 要求（TTFT / TPOT）。"))
    assert labels(found["TPOT"]) == {"TPOT"}
    assert "TTFT" in labels(found["Time to First Token"])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("优于大语言模型（DeepSeek-V3）。", "DeepSeek-V3", "大语言模型"),
        ("与开源模型（Qwen3-8B）对比。", "Qwen3-8B", "开源模型"),
        ("在评测基准（FooBench）上。", "FooBench", "评测基准"),
        ("优于 SOTA 方法（ZorbNet）。", "ZorbNet", "SOTA 方法"),
        (
            "引入忠实度感知的奖励（Faithfulness-Aware Reward）。",
            "Faithfulness-Aware Reward",
            "奖励",
        ),
    ],
)
def test_extract_aliases_kind_word_is_no_alias(text: str, name: str, kind: str) -> None:
    found = by_name(extract(results=text))
    assert name in found
    assert not any(kind in label for label in labels(found[name]))


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        # the initials of a hyphened name as written, here a known one
        ("比较了 Bradley-Terry 损失与带间隔的 BT 损失。", "Bradley-Terry Model", "BT"),
        ("提出 Zorble-Quux 机制，ZQ 带来 3 分提升。", "Zorble-Quux", "ZQ"),
    ],
)
def test_extract_aliases_acronym_of_a_hyphened_name(text: str, name: str, acronym: str) -> None:
    found = by_name(extract(innovations=text))
    assert acronym not in found
    assert acronym in {a.text for a in found[name].aliases}


def test_extract_aliases_acronym_label_gives_no_initials() -> None:
    # `BC-Dice` is an acronym already; its `BD` is not the branch-detection rate
    found = by_name(
        extract(
            innovations="边界条件化 Dice（Boundary-Conditioned Dice, BC-Dice）。",
            results="分支检测率（BD）提升 6.9 个百分点。",
        )
    )
    assert "BD" not in {a.text for a in found["Boundary-Conditioned Dice"].aliases}


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        # a one-word short form made of each word's prefix is the name's alias
        ("或门控保留（Gated Retention, gRet），对应两种变体。", "Gated Retention", "gRet"),
        ("采用分块缩放（Zorb Quux, ZoQu）。", "Zorb Quux", "ZoQu"),
        # a name-shaped word with the name's first letter
        (
            "**无歧义图像表示（Unambiguous image Representation, Uni-Rep）**：加入指示 token。",
            "Unambiguous image Representation",
            "Uni-Rep",
        ),
    ],
)
def test_extract_aliases_short_form_of_each_word_is_an_alias(
    text: str, name: str, short: str
) -> None:
    found = by_name(extract(innovations=text))
    assert short not in found
    assert short in {a.text for a in found[name].aliases}


@pytest.mark.parametrize(
    ("text", "name", "present"),
    [
        # the Chinese term inside the brackets, then its English name
        ("少数头（检索头，Zorb Heads）需要完整注意力。", "Zorb Heads", True),
        ("大部分头（流式头，Streaming Heads）只关注最近的 token。", "Streaming Heads", True),
        # a plain word so glossed is a translation
        ("信仰（飞天意面神教，Pastafarianism）的例子。", "Pastafarianism", False),
    ],
)
def test_extract_aliases_chinese_then_english_inside_brackets(
    text: str, name: str, present: bool
) -> None:
    found = by_name(extract(innovations=text))
    assert (name in found and found[name].etype == "Method") is present


def test_extract_aliases_short_form_with_the_names_head_word() -> None:
    # `STC Connector`: the initials of the first words, then the name's last word; its other
    # mentions are the glossed name, not the acronym alone
    found = by_name(
        extract(
            contribution="通过时空卷积连接器（Spatial-Temporal Zorb Connector, STZ Connector）增强建模。",
            usage="逐帧提取特征后经 STZ Connector 进行时空下采样。",
        )
    )
    assert "STZ" not in found
    name = found["Spatial-Temporal Zorb Connector"]
    assert "STZ Connector" in {a.text for a in name.aliases}


@pytest.mark.parametrize(
    ("name", "expansion", "spelled"),
    [
        ("Moirai", "Masked EncOder-based UnIveRsAl TIme Series Forecasting Transformer", True),
        ("TiZoRA", "TIme ZOne Residual Adapter", True),
        # capitals only at the words' starts: an ordinary expansion, not a spelled one
        ("Moirai", "Masked Encoder-based Universal Time Series", False),
        # the capitals do not spell the name in order
        ("Moirai", "Masked EncOder-based TIme UniveRsAl Series", False),
        ("Ab", "AlBert", False),  # too short to tell
    ],
)
def test_extract_aliases_expansion_spelled_by_inner_capitals(
    name: str, expansion: str, spelled: bool
) -> None:
    assert _spelled_by_capitals(name, expansion) is spelled


@pytest.mark.parametrize(
    ("text", "name", "labels_"),
    [
        # a measure named from a Latin name and its noun, glossed: one entity, every label
        ("Chamfer 距离（CD）更低。", "Chamfer Distance", {"CD", "Chamfer 距离"}),
        (
            "在 ZorbNet 相似度（ZorbNet_sim）上更好。",
            "ZorbNet_sim",
            {"ZorbNet Similarity", "ZorbNet 相似度"},
        ),
    ],
)
def test_extract_aliases_glossed_measure_is_one_entity(
    text: str, name: str, labels_: set[str]
) -> None:
    found = by_name(extract(results=text))
    assert len(found) == 1
    assert labels_ <= labels(found[name])


@pytest.mark.parametrize(
    ("name", "expansion", "expected"),
    [
        ("NoCha", "Novel Challenge", True),
        ("MoCo", "Momentum Contrast", True),
        ("DiT", "Diffusion Transformer", True),
        ("MoCo", "Masked Contrast", False),
        ("Qwen", "Tongyi Qianwen", False),
        ("NoCha", "Novel Long-Context Challenge", False),
    ],
)
def test_extract_aliases_clipped_words(name: str, expansion: str, expected: bool) -> None:
    assert _clipped_words(name, expansion) is expected


@pytest.mark.parametrize(
    ("text", "expansion"),
    [
        ("构建了 ZorNo（Zorbic Novelty）基准，用于评测。", "Zorbic Novelty"),
        # the expansion's words joined by hyphens
        ("提出 ZorNo（Zorbic-Novelty）方法，直接在帧上叠加编号。", "Zorbic-Novelty"),
    ],
)
def test_extract_aliases_name_of_clipped_words_takes_the_expansion(
    text: str, expansion: str
) -> None:
    found = by_name(extract(contribution=text))
    assert expansion not in found
    assert expansion in labels(found["ZorNo"])
