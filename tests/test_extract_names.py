"""Unknown names by shape and context, pairs and acronyms, slashes, stop-list, hardware counts."""

from __future__ import annotations

import pytest
from extract_fixtures import by_name, extract, labels


@pytest.mark.parametrize(
    ("kwargs", "name", "etype"),
    [
        ({"contribution": "提出了 FooBench 基准测试集，用于评估。"}, "FooBench", "Dataset"),
        ({"contribution": "提出了一种名为 ZetaNet 的多模态模型。"}, "ZetaNet", "Model"),
        ({"results": "显著优于 TaylorSeer、Fast3Dcache 等现有加速技术。"}, "Fast3Dcache", "Method"),
        ({"results": "在 Toys4K 和 ISO3D 数据集上取得提升。"}, "ISO3D", "Dataset"),
        ({"usage": "使用专用模型（如 LamRA）检索候选。"}, "LamRA", "Model"),
        ({"results": "在 MathVista、DynaMath 上表现强劲。"}, "DynaMath", "Dataset"),
        ({"usage": "利用了 LLaMA-Factory 和 verl-tool 框架。"}, "verl-tool", "Software"),
        ({"results": "Geometry3K 上的表现。"}, "Geometry3K", "Dataset"),
        ({"usage": "基于 PyRep 控制 CoppeliaSim。"}, "CoppeliaSim", "Software"),
        ({"results": "对比 pass@8 分数。"}, "pass@8", "Metric"),
        # a checkpoint trained by RL from its base, and a set of them
        # a package installed with pip, however it is cased
        ({"usage": "通过 pip 安装 zorb-torch 后即可调用。"}, "zorb-torch", "Software"),
        ({"usage": "代码已开源，支持 pip 安装（zorb_engine）。"}, "zorb_engine", "Software"),
        ({"usage": "模型、训练代码（zorb-engine）和基准均已开放。"}, "zorb-engine", "Software"),
        # a maker's name before another word names the maker's product
        ({"innovations": "构建了 Amazon-C4 复杂检索数据集。"}, "Amazon-C4", "Dataset"),
        ({"results": "如 ZorbRL-Zoo、Zorb-Zero、Quux-Zero 等。"}, "Zorb-Zero", "Model"),
        ({"results": "如 ZorbRL-Zoo、Zorb-Zero、Quux-Zero 等。"}, "ZorbRL-Zoo", "Model"),
    ],
)
def test_extract_names_shape_and_context_type(kwargs: dict, name: str, etype: str) -> None:
    found = by_name(extract(**kwargs))
    assert name in found
    want = {etype, "Benchmark"} if etype == "Dataset" else {etype}
    assert found[name].etype in want


@pytest.mark.parametrize(
    ("text", "name", "others"),
    [
        (
            "使用本文提出的**预测策略改进 (Predictive Policy Improvement, PPI)** 算法。",
            "Predictive Policy Improvement",
            {"PPI", "预测策略改进"},
        ),
        (
            "提出了一种名为“视觉记忆注入”（Visual Memory Injection）的隐蔽攻击方法。",
            "Visual Memory Injection",
            {"视觉记忆注入"},
        ),
        ("优化中需应用“上下文循环”（Context-Cycling）技术。", "Context-Cycling", {"上下文循环"}),
        (
            "提出了 BABE（Biology Arena BEnchmark），一个生物学基准。",
            "BABE",
            {"Biology Arena BEnchmark"},
        ),
        ("在 Aria Digital Twin (ADT) 数据集上评估。", "Aria Digital Twin", {"ADT"}),
        # capitals marked inside the words spell the name: the words are its expansion
        (
            "提出了预测 Transformer——Moirai（Masked EncOder-based UnIveRsAl TIme Series），"
            "统一训练。",
            "Moirai",
            {"Masked EncOder-based UnIveRsAl TIme Series"},
        ),
        # an acronym, the kind of thing it is, then its expansion
        (
            "LOTSA 数据集（Large-scale Open Time Series Archive）：汇集 9 个领域。",
            "LOTSA",
            {"Large-scale Open Time Series Archive"},
        ),
        ("发布了 ZQB 基准（Zorb Quality Bench），覆盖 9 类任务。", "ZQB", {"Zorb Quality Bench"}),
        # a Chinese modifier before a known name, glossed by the variant's acronym
        ("**早截断 GRPO（ECPO）**：在 GRPO 基础上提前截断。", "ECPO", {"早截断 GRPO"}),
        # a light verb before the Chinese term is no part of it
        ("并施加旋转位置编码（RoPE）。", "RoPE", {"旋转位置编码"}),
        ("通过引入量化感知蒸馏（QAD）降低误差。", "QAD", {"量化感知蒸馏"}),
        (
            "再引入软超长惩罚（Soft Zorb Punishment），按长度扣分。",
            "Soft Zorb Punishment",
            {"软超长惩罚"},
        ),
    ],
)
def test_extract_names_pairs_link_labels(text: str, name: str, others: set[str]) -> None:
    x = extract(innovations=text)
    found = by_name(x)
    assert name in found, [e.name for e in x.entities]
    assert others <= labels(found[name])
    assert len([e for e in x.entities if labels(e) & (others | {name})]) == 1


def test_extract_names_acronym_used_later_joins_its_expansion() -> None:
    x = extract(
        usage="使用本文提出的预测策略改进 (Predictive Policy Improvement, PPI) 算法。",
        results="PPI 智能体成功收敛。",
    )
    e = by_name(x)["Predictive Policy Improvement"]
    assert len(e.evidence) == 2
    assert "PPI" not in by_name(x)


@pytest.mark.parametrize(
    "text",
    [
        "对比推理模型（Thinking models）的表现。",
        "可提示（Promptable）模型。",
        "发现了“干预悖论”（Intervention Paradox）。",
        "首次发现“视觉测试时扩展（Visual Test-Time Scaling）”现象。",
    ],
)
def test_extract_names_plain_glosses_are_not_entities(text: str) -> None:
    assert extract(innovations=text).entities == ()


@pytest.mark.parametrize(
    "text",
    [
        "多模态大模型（MLLM）在 LLM 与 VLM 上，需要 GPU 资源。",
        "作为 Agent 的 benchmark，支持 ASR 和 TTS 任务。",
        "多智能体系统（MAS）框架中的 AI 与 SOTA 对比。",
        "基于 LLM-based 的 Transformer-style 设计，以 24 FPS 运行。",
        "在半监督 VOS 任务上优于 V1 版本。",
        "采用 W4A4KV4 与 W8A8 量化，提升 2 dB。",
        "带隙误差降至 0.12 eV，采样率 16 kHz。",
        "以 FP4 权重与 E8M0 缩放因子，在 CPU-GPU 协同与多块 NPUs 上运行。",
        "详见第 II 与 III 部分。",
        "KV cache 预先存储在 GPU 显存、CPU 内存或 SSD 上。",
        "训练预算仅为数个 GPU-day 量级，共约 1000 GPU-hours。",
    ],
)
def test_extract_names_category_words_are_not_entities(text: str) -> None:
    assert extract(usage=text).entities == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在 H100/H800 GPU 上训练。", {"H100", "H800"}),
        ("基于 Qwen3 Base/Instruct 对比。", {"Qwen3 Base", "Qwen3 Instruct"}),
        # a spaced slash parts sizes and variants too
        ("基座模型（LLaMA-2 7B / 13B）。", {"Llama-2-7B", "Llama-2-13B"}),
        ("基于 Qwen3 Base / Instruct 对比。", {"Qwen3 Base", "Qwen3 Instruct"}),
        ("采用 ZorbNet-2/3 训练。", {"ZorbNet-2", "ZorbNet-3"}),
        ("微调 Zorb-4B/8B/14B 模型。", {"Zorb-4B", "Zorb-8B", "Zorb-14B"}),
        # sizes after a variant of a known name
        ("在 LLaMA2-Chat 7B/13B 上加速。", {"LLaMA2-Chat 7B", "LLaMA2-Chat 13B"}),
        ("在 ZORB24/25 上评估。", {"ZORB24", "ZORB25"}),
        # known siblings of a known name's stem
        (
            "Claude 3 Haiku/Sonnet/Opus 均被攻破。",
            {"Claude 3 Haiku", "Claude 3 Sonnet", "Claude 3 Opus"},
        ),
    ],
)
def test_extract_names_slash_compounds_split(text: str, names: set[str]) -> None:
    found = set(by_name(extract(usage=text)))
    assert names <= found
    assert not any("/" in n for n in found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # sizes after a spaced family name: one checkpoint each
        ("在 Gemma 3 1B/4B/12B 上评估。", {"gemma-3-1b", "gemma-3-4b", "gemma-3-12b"}),
        ("在 Llama 3.1 8B/70B 上评估。", {"llama-3.1-8b", "llama-3.1-70b"}),
        # one-digit releases after a known name: one each
        ("使用 Landsat 8/9 影像。", {"landsat-8", "landsat-9"}),
        # an instruction-tuned checkpoint's `-IT`
        ("超过同基座的 Gemma 3 12B-IT。", {"gemma-3-12b-it"}),
    ],
)
def test_extract_names_slashed_sizes_after_a_spaced_name(text: str, names: set[str]) -> None:
    found = {e.key for e in extract(results=text).entities}
    assert names <= found
    assert not any("/" in k for k in found)


@pytest.mark.parametrize(
    ("text", "key", "absent"),
    [
        # a score or a count after a name is no release
        ("GPT-4o 在 3/5 个任务上领先。", "gpt-4o", "gpt-4o-3"),
        # releases of one tool are that tool
        ("使用 Python 3/4 脚本处理。", "python", "python-3"),
    ],
)
def test_extract_names_slashed_numbers_that_name_no_variant(
    text: str, key: str, absent: str
) -> None:
    found = {e.key: e for e in extract(results=text).entities}
    assert key in found and absent not in found
    assert all(a.text != "4" for a in found[key].aliases)


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        ("在 Amazon Zorbles 和 Quux-1M 上评估。", "Amazon Zorbles", {"Amazon", "Zorbles"}),
        ("使用 Google Gemini 作为评审。", "Gemini", {"Google Gemini", "Google"}),
        ("对比 OpenAI o1-preview 与 GPT-4o。", "o1-preview", {"OpenAI o1-preview", "OpenAI"}),
        # a typing word ends the organisation's thing
        (
            "训练数据为 OpenAI Contractor Dataset 中的轨迹。",
            "OpenAI Contractor Dataset",
            {"OpenAI Contractor", "OpenAI"},
        ),
        # named without the vendor elsewhere: the vendor only prefixes it
        (
            "部署在两颗 NVIDIA Zorb X 芯片上。在 Zorb X 上延迟 410ms。",
            "Zorb X",
            {"NVIDIA Zorb X", "NVIDIA"},
        ),
    ],
)
def test_extract_names_words_after_organisation_name_their_own_thing(
    text: str, name: str, absent: set[str]
) -> None:
    found = by_name(extract(results=text))
    assert name in found
    assert not absent & set(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a hub identifier with a parameter count, or opening with a known model's name
        ("从 zephyr-7b-sft-full 出发继续微调。", "zephyr-7b-sft-full"),
        ("对比 dbrx-instruct 的回答。", "dbrx-instruct"),
        ("在 llama-2-13b-code-alpaca 上复现。", "llama-2-13b-code-alpaca"),
    ],
)
def test_extract_names_lower_case_hub_identifier_is_a_model(text: str, name: str) -> None:
    assert by_name(extract(results=text))[name].etype == "Model"


@pytest.mark.parametrize(
    "text", ["用 multi-qa-mpnet-base-cos-v1 检索。", "替换 self-attention 与 chain-of-thought。"]
)
def test_extract_names_other_lower_case_hyphened_words_stay_words(text: str) -> None:
    assert extract(results=text).entities == ()


@pytest.mark.parametrize(
    ("text", "name", "known"),
    [
        ("在作者构建的 Minecraft Interaction 基准上评测。", "Minecraft Interaction", "Minecraft"),
        ("在 MDR Phonon 基准上误差最低。", "MDR Phonon", "Median Rank"),
        ("在 Zorbix 上训练，在 Zorbix Dexterity 数据集上测试。", "Zorbix Dexterity", None),
    ],
)
def test_extract_names_words_after_a_known_tool_before_a_set_noun_name_a_set(
    text: str, name: str, known: str | None
) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype in ("Dataset", "Benchmark")
    assert known is None or known not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after a model's name the words are its variant's, not a set's
        ("在 Qwen2.5 Math 数据集上对比。", "Qwen2.5 Math"),
        # not next to the set noun
        ("在 Minecraft 中收集 Interaction 数据。", "Minecraft Interaction"),
    ],
)
def test_extract_names_known_tool_words_without_a_set_noun_stay_apart(text: str, name: str) -> None:
    found = by_name(extract(results=text))
    assert name not in found or found[name].etype not in ("Dataset", "Benchmark")


@pytest.mark.parametrize(
    "text",
    [
        "代码以 Apache 2.0 协议开源。",
        "权重以 MIT 许可发布。",
        "模型以 Zorb Open Model License 开源。",
        "代码采用 MIT 协议。",
    ],
)
def test_extract_names_licences_are_not_entities(text: str) -> None:
    assert extract(usage=text).entities == ()


def test_extract_names_software_release_is_an_alias() -> None:
    e = by_name(extract(usage="场景需要 Blender 4.3 渲染。"))["Blender"]
    assert e.etype == "Software"
    assert "Blender 4.3" in labels(e)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("在 H100 SXM5 上训练。", "H100", "H100 SXM5"),
        ("使用 4 张 A100 80GB 显卡。", "A100", "A100 80GB"),
        ("在 8 卡 A100-80GB 上训练。", "A100", "A100-80GB"),
    ],
)
def test_extract_names_board_form_is_an_alias_of_the_chip(text: str, name: str, alias: str) -> None:
    found = by_name(extract(usage=text))
    assert set(found) == {name}
    assert alias in labels(found[name])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Depth Anything V2-Large 的误差最低。", "Depth Anything V2-Large"),
        ("对比 Qwen3 Base 与 Qwen2.5-VL-7B-Instruct。", "Qwen3 Base"),
        # an edge-device edition
        ("提供 DINO-X Pro 与 DINO-X Edge 两个版本。", "DINO-X Edge"),
    ],
)
def test_extract_names_hyphenated_variant_extends_the_name(text: str, name: str) -> None:
    found = set(by_name(extract(results=text)))
    assert name in found
    assert not {"V2-Large", "Large", "Depth Anything"} & found


@pytest.mark.parametrize(
    ("text", "name", "labels_"),
    [
        (
            "时长课程式 GRPO（Duration-Curriculum GRPO）：逐级扩展。",
            "Duration-Curriculum GRPO",
            {"时长课程式 GRPO"},
        ),
        (
            "在图上跑个性化 PageRank（Personalized PageRank, PPR）。",
            "Personalized PageRank",
            {"PPR"},
        ),
    ],
)
def test_extract_names_gloss_ending_in_a_known_name_is_its_variant(
    text: str, name: str, labels_: set[str]
) -> None:
    found = by_name(extract(innovations=text))
    assert found[name].etype == "Method"
    assert labels_ <= labels(found[name])


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a glossed single name is a method unless its own ending says otherwise
        ("代码与数据（Eurus-2-RL-Data）均已开源。", "Eurus-2-RL-Data", "Dataset"),
        ("并结合“分组采样”（GroupSamp）策略。", "GroupSamp", "Method"),
    ],
)
def test_extract_names_glossed_single_name_is_typed_by_its_ending(
    text: str, name: str, etype: str
) -> None:
    found = by_name(extract(usage=text))
    assert found[name].etype in (etype, "Benchmark" if etype == "Dataset" else etype)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("并结合特征钳制（Feature Clamping）放大特征。", "Feature Clamping"),
        ("引入全局批次均衡（Global-Batch Load Balancing）。", "Global-Batch Load Balancing"),
        ("并结合分块量化（Block Quantization）。", "Block Quantization"),
        # a named variant of a known technique, whatever the Chinese term ends in
        ("结合加权自洽性（Weighted Self-Consistency）投票选出答案。", "Weighted Self-Consistency"),
        # two joined terms glossed by two names joined with `&` are two techniques
        (
            "3. **表量化与镜像合并（Table Quantization & Zorb Consolidation）**：只存一半。",
            "Table Quantization",
        ),
        (
            "3. **表量化与镜像合并（Table Quantization & Zorb Consolidation）**：只存一半。",
            "Zorb Consolidation",
        ),
        # a quoted single word the technique noun after it names
        ("提出“回溯”（Backtracking）训练方法：让模型回退。", "Backtracking"),
        # search and projection algorithms
        ("再用基于 logprob 的随机搜索（Random Search）。", "Random Search"),
        ("通过随机投影（Random Projection）降到 8192 维。", "Random Projection"),
        # constraints, gates, buffers, templates and other technique heads
        (
            "引入自车-智能体碰撞约束（Ego-Agent Collision Constraint）。",
            "Ego-Agent Collision Constraint",
        ),
        ("加入输出门（Output Gate）与归一化。", "Output Gate"),
        ("将生成样本存入回放缓冲区（Replay Buffer）重复利用。", "Replay Buffer"),
        (
            "用邻域细节模板（Neighborhood Detail Template）转为序列。",
            "Neighborhood Detail Template",
        ),
        ("仅保留最近 3 张截图（Context Clipping）。", "Context Clipping"),
        # architecture heads of a system's parts, and technique heads
        (
            "送入扩散动作 Transformer（Diffusion Zorb Transformer）去噪。",
            "Diffusion Zorb Transformer",
        ),
        ("附加约 300M 参数的动作专家（Zorb Expert）。", "Zorb Expert"),
        ("**语音适配器（Zorb Adaptor）**：下采样 5 倍。", "Zorb Adaptor"),
        ("先运行频谱探测（Zorb Probing）确定临界频率。", "Zorb Probing"),
        ("三者的集成（Zorb Ensemble）选出最优噪声。", "Zorb Ensemble"),
        ("停滞时执行参考策略重置（Zorb Policy Reset）。", "Zorb Policy Reset"),
        ("引入一个尺度 Token（Zorb Token）预测度量尺度。", "Zorb Token"),
        # a hyphened head is looked up joined
        ("对动态区域的注意力进行重加权（Zorb Re-weighting）。", "Zorb Re-weighting"),
        ("对每个块联合微调（Zorb Fine-tuning）。", "Zorb Fine-tuning"),
        # a gloss that opens with a dimension
        ("**一维图块标签（1-D Tile-Tagging）**：为每个图块插入文本标签。", "1-D Tile-Tagging"),
    ],
)
def test_extract_names_title_cased_gloss_with_technique_head_is_a_method(
    text: str, name: str
) -> None:
    assert by_name(extract(innovations=text))[name].etype == "Method"


@pytest.mark.parametrize("joiner", ["与", "和", "以及"])
def test_extract_names_two_joined_terms_keep_their_own_chinese_names(joiner: str) -> None:
    text = f"提出表量化{joiner}镜像合并（Table Quantization & Zorb Consolidation）。"
    found = by_name(extract(innovations=text))
    assert labels(found["Table Quantization"]) >= {"表量化"}
    assert not any(a.text.endswith("以") for a in found["Table Quantization"].aliases)
    assert "镜像合并" in labels(found["Zorb Consolidation"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "通过锚点引导相关体（Anchor-Guided Zorb Volume）找回查询点。",
            "Anchor-Guided Zorb Volume",
        ),
        ("并通过滑动身份锚点（Sliding Identity Zorb）实现长视频生成。", "Sliding Identity Zorb"),
        ("通过外部工具（Visual Zorb Tools）获取视觉信息。", None),
        ("通过网络搜索（Web Search）生成。", None),
        # two title-cased words, brought in by the means that uses them
        ("最终采用自适应归一化（Adaptive Zorb）把运动块注入每个模块。", "Adaptive Zorb"),
        ("在输入末尾加入可学习的认知 token（Zorb Token）。", "Zorb Token"),
        ("用滑动平均（Zorbing Average）提取慢梯度分量。", "Zorbing Average"),
    ],
)
def test_extract_names_component_introduced_by_its_means_is_a_method(
    text: str, name: str | None
) -> None:
    found = by_name(extract(innovations=text))
    if name is None:
        assert not [e for e in found.values() if e.etype == "Method"]
    else:
        assert found[name].etype == "Method"


@pytest.mark.parametrize(
    "text", ["缓解奖励投机（Reward Hacking）问题。", "出现模式坍塌（Mode Collapse）。"]
)
def test_extract_names_title_cased_gloss_of_a_phenomenon_is_no_name(text: str) -> None:
    assert extract(innovations=text).entities == ()


def test_extract_names_latin_word_ending_a_chinese_term_takes_the_gloss() -> None:
    x = extract(
        contribution="提出了时空对齐 Transformer（Spatio-Temporal Zorb Transformer, STZT）。"
    )
    assert len(x.entities) == 1
    assert {"STZT", "Spatio-Temporal Zorb Transformer"} <= labels(x.entities[0])


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("领先 ZorbSeg 2.4 分。", {"ZorbSeg"}, {"ZorbSeg 2.4"}),
        ("超过 ZorbNav 3.8 和 5.5 个点。", {"ZorbNav"}, {"ZorbNav 3.8"}),
        ("mZorb 17.82、ZorbSim 0.663。", {"mZorb", "ZorbSim"}, {"mZorb 17.82"}),
        ("对比 ZorbSim 3.0 的结果。", {"ZorbSim 3.0"}, set()),
        ("上 ZorbDoc 88.7、ZorbEdit 89.5。", set(), {"ZorbDoc 88.7", "ZorbEdit 89.5"}),
        # a span of time or a count after a name
        ("有效时效为 31 天（ZorbCast 28 天，FlorpNet 19 天）。", {"ZorbCast"}, {"ZorbCast 28"}),
    ],
)
def test_extract_names_score_after_a_name_is_not_its_version(
    text: str, names: set[str], absent: set[str]
) -> None:
    found = set(by_name(extract(results=text)))
    assert names <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在 BFCL v3 上评估。", "BFCL v3"),
        ("在 HMMT February 2025 上评估。", "HMMT February 2025"),
        ("在 COCO Panoptic 上评估。", "COCO Panoptic"),
        ("在 ADE-847 与 ADE20K 上评估。", "ADE-847"),
        ("在 AlpacaEval 2 上评估。", "AlpacaEval 2"),
        ("在 Spider 2.0-Lite 上评估。", "Spider 2.0-Lite"),
        ("在 Arena-Hard 2 个设置上评估。", "Arena-Hard"),
        ("在 AutoPET III 上评估。", "AutoPET III"),
        # a plain capitalised word that ends the run names a release
        ("在 MovieLens Latest、Criteo 上评估。", "MovieLens Latest"),
        ("在 Criteo Terabyte 上评估。", "Criteo Terabyte"),
        # a known name spelled with a slash
        ("在 CNN/DM 与 XSum 上评估。", "CNN/DailyMail"),
        # a benchmark named after a known model
        ("在 Vicuna Eval 上评估。", "Vicuna Eval"),
        # the data released with a known model, under the model's name
        ("Ai2 开源了模型权重以及 MolmoAct Dataset。", "MolmoAct Dataset"),
    ],
)
def test_extract_names_dataset_release_and_subset_extend_the_name(text: str, name: str) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype in ("Dataset", "Benchmark")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("骨干为 ZorbNeXt-Tiny/Small/Base。", {"ZorbNeXt-Tiny", "ZorbNeXt-Small", "ZorbNeXt-Base"}),
        (
            "优于 FLUX.1 Kontext [dev] 与 FLUX.1 Kontext [pro]。",
            {"FLUX.1 Kontext [dev]", "FLUX.1 Kontext [pro]"},
        ),
        # the bracketed release joined by a hyphen
        ("默认基于 FLUX.1-[dev] 实现。", {"FLUX.1-[dev]"}),
        ("优于 FLUX.1 Kontext-[pro]。", {"FLUX.1 Kontext-[pro]"}),
    ],
)
def test_extract_names_slashed_and_bracketed_variants(text: str, names: set[str]) -> None:
    found = by_name(extract(results=text))
    assert set(found) == names
    assert {e.etype for e in found.values()} == {"Model"}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a known technique with its configuration glued in a bracket is a variant of it
        ("精度沿用 ZeroQuant(4+2) 的结论。", "ZeroQuant(4+2)", "Method"),
        ("为 DDIM、DPM-Solver++(2M) 和 Euler 等求解器设计调度。", "DPM-Solver++(2M)", "Method"),
        # a coined name with one: the bracket stays in the name
        ("提出 CodeI/O 方法，并以多轮修订增强（CodeI/O++）。", "CodeI/O++", "Method"),
    ],
)
def test_extract_names_glued_configuration_is_part_of_the_name(
    text: str, name: str, etype: str
) -> None:
    found = by_name(extract(innovations=text))
    assert found[name].etype == etype
    assert not {"ZeroQuant", "DPM-Solver++", "CodeI"} & set(found), sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        ("均优于 Vanilla KD、SeqKD 和 MiniLLM 等蒸馏基线。", "Vanilla KD", "KD"),
        ("对比 Vanilla LoRA 与 DoRA。", "Vanilla LoRA", "LoRA"),
    ],
)
def test_extract_names_plain_form_word_names_a_baseline(text: str, name: str, absent: str) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == "Method"
    assert absent not in found, sorted(found)


@pytest.mark.parametrize(
    "text", ["与 Vanilla 方法相比。", "相较 Naive 基线。", "优于 Vanilla LLM。"]
)
def test_extract_names_plain_form_word_alone_names_nothing(text: str) -> None:
    assert not {n for n in by_name(extract(results=text)) if "Vanilla" in n or "Naive" in n}


def test_extract_names_group_bracket_is_no_configuration() -> None:
    found = by_name(extract(innovations="用一组 SE(3) 刚体变换基表示运动。"))
    assert not {"SE(3)", "SE"} & set(found), sorted(found)


def test_extract_names_plus_joins_known_names_and_ends_some() -> None:
    found = set(by_name(extract(results="比 DUSt3R+3DGS 高，SFT+RL 训练，在 RefCOCO+ 上评估。")))
    assert {"DUSt3R", "3D Gaussian Splatting", "RefCOCO+"} <= found
    assert not {"DUSt3R+3DGS", "SFT+RL"} & found


def test_extract_names_backbone_spec_extends_a_model() -> None:
    found = by_name(extract(usage="DINOv3 ViT-L/16 全程冻结。"))
    assert set(found) == {"DINOv3 ViT-L/16"}


def test_extract_names_dataset_split_word_extends_known_dataset() -> None:
    found = by_name(extract(results="在 SWE-bench Lite 与 DAVIS 2017 上评估，得分 2024 分。"))
    assert set(found) == {"SWE-bench Lite", "DAVIS 2017"}
    assert {e.etype for e in found.values()} <= {"Dataset", "Benchmark"}


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("在 Xiaomi 15 Pro 与 Pixel 9 Pro 手机上运行。", "Xiaomi 15 Pro", None),
        ("在 Xiaomi 15 Pro 与 Pixel 9 Pro 手机上运行。", "Pixel 9 Pro", None),
        ("冷门专家由 Intel Xeon 执行。", "Xeon", "Intel Xeon"),
        ("部署在 Jetson Orin Nano Super 上。", "Jetson Orin Nano Super", None),
        ("芯片为 Dimensity 9400。", "Dimensity 9400", None),
        ("节点间通过 NVLink 与 InfiniBand 互联。", "InfiniBand", None),
        ("训练约 10 小时（TPU v5p-64）。", "TPU v5p", "TPU v5p-64"),
        ("在 Ascend 910B3 上评测。", "Ascend 910B3", None),
        # a laptop or desktop named with its chip, even where `在 … 上` reads like a set's
        ("模型可在 MacBook M3 Pro 上完全本地运行。", "MacBook M3 Pro", None),
        ("在 Mac Studio M2 Ultra 上推理。", "Mac Studio M2 Ultra", None),
    ],
)
def test_extract_names_hardware_family_grammar(text: str, name: str, alias: str | None) -> None:
    e = by_name(extract(usage=text))[name]
    assert e.etype == "Hardware"
    assert alias is None or alias in labels(e)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a device named in brackets after what it is, with its model number
        ("环境集群为纯 CPU 节点（AMD EPYC 9654），单节点可承载 96 个并发。", "EPYC 9654"),
        ("在 LEAP Hand、Inspire RH56 与 Shadow Hand 上实现稳定抓取。", "Inspire RH56"),
    ],
)
def test_extract_names_device_with_its_model_number(text: str, name: str) -> None:
    found = by_name(extract(usage=text))
    assert found[name].etype == "Hardware"
    assert not {"RH56", "Inspire"} & set(found)


@pytest.mark.parametrize("text", ["Pixel 8B 模型表现最好。", "在 Pixel 级别与 Galaxy 图像上评估。"])
def test_extract_names_hardware_grammar_needs_the_whole_name(text: str) -> None:
    assert not [e for e in extract(results=text).entities if e.etype == "Hardware"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在 8×A100 上训练。", {"A100"}),
        ("使用 2xH100 与 4×RTX 4090。", {"H100", "RTX 4090"}),
        ("在 8×A100-80G 节点上训练。", {"A100"}),
    ],
)
def test_extract_names_device_count_glued_to_the_name(text: str, names: set[str]) -> None:
    found = by_name(extract(usage=text))
    assert set(found) == names
    assert {e.etype for e in found.values()} == {"Hardware"}


@pytest.mark.parametrize(
    "text",
    [
        "再做 Rejection Sampling 过滤。",
        "用 Importance Sampling 修正分布偏移。",
        # model kinds, as LLM is one
        "对比自回归（AR）与非自回归（NAR）两种生成方式。",
        "采用 Linear Probing 评估。",
        "结合知识蒸馏与序列并行。",
        "尾延迟 P99 与 P90 均下降。",
        # study designs and licences are no measures and no tools
        "用户主观评分（User Study）显示其真实感最高。",
        "消融实验（Ablation Study）验证了各模块。",
        "模型以 Apache 2.0 协议在社区发布。",
        "数据以 CC BY-NC 4.0 许可提供。",
        "推理在 bfloat16 精度下约需 15GB 显存。",
        # generic techniques, attention parts and imaging modalities
        "借助 In-Context Learning 与 Linear Attention 实现。",
        "可调用网络搜索（Web Search）工具。",
        "在注意力的 Key/Value 上插入旋转。",
        "支持 CT、MRI、PET 三种模态。",
    ],
)
def test_extract_names_generic_procedures_are_not_entities(text: str) -> None:
    assert extract(usage=text).entities == ()


def test_extract_names_hardware_count_is_not_part_of_name() -> None:
    e = by_name(extract(usage="训练使用 8 张 NVIDIA A40 显卡。"))["A40"]
    assert e.etype == "Hardware"
    assert "NVIDIA A40" in labels(e)
    assert e.roles == ("runsOn",)


def test_extract_names_inside_longer_name_not_separate() -> None:
    x = extract(innovations="提出了 Asymmetric Dual-Stream DiT 架构，以及 AST-RoPE 编码。")
    names = {e.name for e in x.entities}
    assert "DiT" not in names
    assert "RoPE" not in names
    assert "AST-RoPE" in names


def test_extract_names_title_head_is_the_papers_own() -> None:
    x = extract(title="RynnBrain: Open Embodied Foundation Models", results="RynnBrain 表现优异。")
    e = by_name(x)["RynnBrain"]
    assert e.etype == "Model"
    assert "proposes" in e.roles
    assert len(e.evidence) == 2


@pytest.mark.parametrize(
    ("title", "name", "in_kb"),
    [
        # a known acronym the title spells out anew is the paper's own name everywhere
        ("MMA: Multimodal Memory Agent", "MMA", False),
        # spelled out as the knowledge base spells it: the known thing
        ("GRPO: Group Relative Policy Optimization Revisited", "GRPO", True),
    ],
)
def test_extract_names_title_acronym_spelled_out_anew_is_local(
    title: str, name: str, in_kb: bool
) -> None:
    x = extract(title=title, contribution=f"提出 {name}，并与 MemGPT 对比。")
    e = by_name(x)[name]
    assert e.in_kb is in_kb
    assert e.etype != "Metric"


@pytest.mark.parametrize(
    ("text", "name", "namesake"),
    [
        ("音素错误率 PER 为 9.8%，低于基线。", "Phone Error Rate", "Prioritized Experience Replay"),
        ("带隙目标的平均绝对误差 MAE 0.31 eV。", "Mean Absolute Error", "MAE"),
    ],
)
def test_extract_names_acronym_after_the_chinese_term_it_abbreviates(
    text: str, name: str, namesake: str
) -> None:
    found = by_name(extract(results=text))
    assert namesake not in found
    assert found[name].etype == "Metric"


@pytest.mark.parametrize(
    "title",
    [
        "Breaking the Static Graph: X",
        "Failing to Explore: Y",
        "Bigger, Regularized, Optimistic: Scaling for Continuous Control",
        # an article opens a description, not a name
        "The Zorbic Hierarchy: Training Models to Prioritize Instructions",
        "A Zorbic Recipe: Training Agents",
    ],
)
def test_extract_names_descriptive_title_head_is_no_name(title: str) -> None:
    assert extract(title=title).entities == ()


@pytest.mark.parametrize(
    ("title", "body", "absent", "present"),
    [
        # a known model, dataset or tool only in the title's wording after the head
        ("DICE: Diffusion Language Models Excel at Kernels", "", {"Microsoft Excel"}, set()),
        ("SkyEns: Scalable Latent Diffusion for Forecasting", "", {"LDM"}, set()),
        # an unknown capitalised compound there too
        ("BrickSim: GPU-Parallel Simulation of Objects", "", {"GPU-Parallel"}, {"BrickSim"}),
        ("FooASR: Speech Recognition with LLM-Corrected Labels", "", {"LLM-Corrected"}, set()),
        # without a colon, all but the first word
        ("On Robustness of RL-Finetuned VLMs", "", {"RL-Finetuned"}, set()),
        ("ZorbNet Learns to Plan", "", set(), {"ZorbNet"}),
        # the body names it: kept
        ("Foo: Distilling into Qwen3-8B", "以 Qwen3-8B 为基座。", set(), {"Qwen3-8B"}),
        # the title's head is the paper's own name, known or not
        ("Trellis: Gated State Fusion", "", set(), {"TRELLIS"}),
        # known techniques are named in titles
        ("Tada: Tuning Audio via Activation Steering", "", set(), {"Activation Steering"}),
    ],
)
def test_extract_names_title_wording_after_the_head_is_no_name(
    title: str, body: str, absent: set, present: set
) -> None:
    found = set(by_name(extract(title=title, usage=body) if body else extract(title=title)))
    assert not absent & found
    assert present <= found


def test_extract_names_lowercase_tail_leaves_the_name() -> None:
    assert set(by_name(extract(usage="采用 CLIP-based 检索与 FooNet-style 模块。"))) == {
        "CLIP",
        "FooNet",
    }


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("在 Qwen3-8B 上进行实验。", set(), {("Qwen3-8B", "Model")}),
        ("检测效果（AUC 0.730）优于基线。", {"AUC 0.730"}, {("AUC", "Metric")}),
        ("形成致密的时间流形（dense temporal manifold）。", {"dense temporal manifold"}, set()),
        ("预测 t+1 时刻的状态。", {"t+1"}, set()),
        # a plain modifier before a generic word names nothing
        (
            "不同于隐式去噪方法（如 RetRobust、Vanilla SFT）。",
            {"Vanilla"},
            {("RetRobust", "Method")},
        ),
    ],
)
def test_extract_names_generic_guards(text: str, absent: set, present: set) -> None:
    found = by_name(extract(results=text))
    assert not absent & set(found)
    assert present <= {(n, e.etype) for n, e in found.items()}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a title abbreviation's dot stays inside a known name
        ("全面优于 GRPO、Dr. GRPO 与 GSPO。", {"Dr. GRPO", "GRPO"}, set()),
        # a hyphened size after a known name of several words is its variant
        (
            "使用 Grounding DINO-L 检测，并与 Grounding DINO-T 对比。",
            {"Grounding DINO-L", "Grounding DINO-T"},
            {"DINO-L", "Grounding"},
        ),
        ("真机为 Unitree H1-2。", {"Unitree H1-2"}, {"H1-2"}),
        # a yearly dataset's second edition after a slash
        ("在 AIME 2024/2025 上提升。", {"AIME 2024", "AIME 2025"}, {"2025"}),
        # a month's edition, and a version the set's own words follow
        ("在 HMMT Feb 2025 上提升。", {"HMMT Feb 2025"}, {"HMMT", "Feb 2025"}),
        ("CATH 4.2 测试集上恢复率 58.9%。", {"CATH 4.2"}, {"CATH"}),
        ("在 BTCV 和 AMOS 22 上平均 Dice 为 87.6%。", {"AMOS 22"}, {"AMOS"}),
        # a whole number before another set's name is an edition; scores listed are not
        ("在 Common Voice 15 与 LibriSpeech 上 WER 更低。", {"Common Voice 15"}, {"Common Voice"}),
        ("MMLU 72 与 GSM8K 81。", {"MMLU", "GSM8K"}, {"MMLU 72"}),
        # a year in a gloss is the known set's edition, not a score
        (
            "在腹部 MRI 分割（AMOS 2022）与器械分割（EndoVis 2017）上领先。",
            {"AMOS 2022", "EndoVis 2017"},
            {"AMOS", "EndoVis"},
        ),
        # a test's lower-case phrase of several words is its name
        ("与 RULER、needle-in-a-haystack 等合成基准不同。", {"Needle in a Haystack"}, set()),
        # a number after a set's name elsewhere is its score
        ("MMLU 71.2，GSM8K 85.3。", {"MMLU", "GSM8K"}, {"MMLU 71.2"}),
        # a metric after a checkpoint is the score's metric, not a model code
        ("POPE：LLaVA-1.5-7B F1 88.1。", {"LLaVA-1.5-7B", "F1"}, {"LLaVA-1.5-7B F1"}),
        # names listed in brackets right after a score carry scores, not releases
        ("CER 3.9（Kestrel 5.6、TrOCR-large 7.8）。", {"TrOCR-large"}, {"TrOCR-large 7.8"}),
        # a version after a space is part of the name (`Qwen 2.5` is the known Qwen2.5)
        ("对比 Genie Sim 3.0 和 Qwen 2.5。", {"Genie Sim 3.0", "Qwen2.5"}, set()),
        # a subscripted metric is a metric of its own
        ("CHAIR_S 48.2 → 31.6，CHAIR_I 13.9 → 8.7。", {"CHAIR_S", "CHAIR_I"}, set()),
        # a model's API identifier and a package's install name are known names in lower case
        (
            "在 gpt-4-turbo、claude-3-opus、mistral-large 和 llama-3-70b 上对比。",
            {"GPT-4 Turbo", "Claude 3 Opus", "Mistral Large", "Llama-3-70B"},
            set(),
        ),
        # a hyphened lower-case phrase of another kind is no identifier
        ("将 self-attention 替换为线性注意力。", set(), {"Self-Attention", "self-attention"}),
        # the transport protocol of serving systems
        ("节点间通过 800Gbps RDMA 网络互连。", {"RDMA"}, set()),
        ("resiliparse 和 trafilatura 抽取的文本更干净。", {"Resiliparse", "Trafilatura"}, set()),
        # a middle dot spells a hyphen
        ("与 DALL·E 3 接近。", {"DALL-E 3"}, {"DALL", "E 3"}),
        # a count of joints after an arm's name is no release of it
        (
            "采用 Franka Panda 7 自由度机械臂。",
            {"Franka Emika Panda"},
            {"Franka Panda 7", "Franka Emika Panda 7"},
        ),
        # precision settings name nothing, in a gloss or alone
        (
            "全部为 4 比特（W4A4KV4）的设定下，解决了 KV4 下精度骤降的问题。",
            set(),
            {"W4A4KV4", "KV4"},
        ),
    ],
)
def test_extract_names_forms_of_known_names(text: str, present: set, absent: set) -> None:
    found = by_name(extract(results=text))
    assert present <= set(found)
    assert not absent & set(found)


@pytest.mark.parametrize(
    ("text", "name", "others", "absent"),
    [
        # the gloss's own acronym is no second name inside it
        (
            "动态副本放置（Dynamic Replica Placement, DRP）：按热度迁移。",
            "Dynamic Replica Placement",
            {"DRP", "动态副本放置"},
            {"Dynamic Replica"},
        ),
    ],
)
def test_extract_names_gloss_with_known_prefix(
    text: str, name: str, others: set, absent: set
) -> None:
    found = by_name(extract(innovations=text))
    assert name in found and others <= labels(found[name])
    assert not absent & set(found)


def test_extract_names_two_names_in_brackets_stay_two() -> None:
    found = by_name(extract(results="对比了 NAS 方法（AutoFIS, NASRec）。"))
    assert {"AutoFIS", "NASRec"} <= set(found)


def test_extract_names_slash_edition_has_no_fragment_alias() -> None:
    found = by_name(extract(results="在 AIME 2024/2025 与 Qwen3 Base/Instruct 上。"))
    assert labels(found["AIME 2025"]) == {"AIME 2025"}
    assert labels(found["Qwen3 Instruct"]) == {"Qwen3 Instruct"}


@pytest.mark.parametrize(
    "text",
    ["在 RM-Bench 的 Hard 子集上提升尤为明显。", "在 ZorbQA 的 Long 难度上提升。"],
)
def test_extract_names_subset_label_is_no_name(text: str) -> None:
    found = by_name(extract(results=text))
    assert not {"Hard", "Long"} & set(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("先由轨迹压缩器（Trace Zorbsor Compressor）把轨迹压短。", "Trace Zorbsor Compressor"),
        ("由探针头（Probe Head）估计概率。", "Probe Head"),
        ("加入记忆编码器（Memory Encoder）和记忆库。", "Memory Encoder"),
        ("使用视觉分词器（Visual Tokenizer）和图像编码器（Image Encoder）。", None),
        ("映射到与标准图像编码器（Zorb Space）一致的空间。", None),  # glossed by no part
        # a modality's part the paper says it made is its own
        ("提出视觉感知器（Vision Perceiver）从多层抽取特征。", "Vision Perceiver"),
        ("提出了新的视觉分词器（Visual Tokenizer）。", "Visual Tokenizer"),
    ],
)
def test_extract_names_gloss_with_component_head_is_a_method(text: str, name: str | None) -> None:
    found = by_name(extract(usage=text))
    if name is None:
        assert not [e for e in found.values() if e.etype == "Method"], sorted(found)
    else:
        assert found[name].etype == "Method"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "音素错误率（PER）为 11.3%。",
            "Phone Error Rate",
            "Metric",
        ),  # not Prioritized Experience Replay
        ("采用优先经验回放（PER）。", "Prioritized Experience Replay", "Method"),
    ],
)
def test_extract_names_measure_gloss_outranks_a_known_acronym(
    text: str, name: str, etype: str
) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a known measure word inside a longer glossed term is part of that term
        ("步骤准确率（Zorb Step Accuracy）为 81。", "Zorb Step Accuracy", "Accuracy"),
        # a Latin measure name right before the Chinese word already says which measure
        ("在 Diving-48 上的 Top-1 准确率为 81。", "Top-1 Accuracy", "Accuracy"),
        # a list of measures is two measures
        ("与下游任务性能（如 AUPRC、准确率）强相关。", "Accuracy", None),
    ],
)
def test_extract_names_qualified_measure_is_not_the_generic_one(
    text: str, present: str, absent: str | None
) -> None:
    found = by_name(extract(results=text))
    assert present in found, sorted(found)
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("采用 Multi-Task GRPO 训练。", "Multi-Task GRPO"),
        # a capitalised word the knowledge base spells otherwise (PoSE) still qualifies
        ("身体姿态通过 Pose ControlNet 注入。", "Pose ControlNet"),
    ],
)
def test_extract_names_capitalised_word_before_known_technique_names_a_new_one(
    text: str, name: str
) -> None:
    assert by_name(extract(usage=text))[name].etype == "Method"


def test_extract_names_where_measured_is_not_part_of_the_glossed_term() -> None:
    found = by_name(extract(results="在 CVTG-2K 上单词准确率（Zorb Word Accuracy）为 0.81。"))
    assert labels(found["Zorb Word Accuracy"]) >= {"单词准确率"}
    assert not any("CVTG" in a for a in labels(found["Zorb Word Accuracy"]))


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("任务成功率（SR）为 71%。", "Success Rate", "SR"),
        ("平均交并比（mIoU）为 71。", "mIoU", "平均交并比"),  # no known measure ends the term
    ],
)
def test_extract_names_acronym_spelling_the_known_measure_that_ends_the_term(
    text: str, name: str, alias: str
) -> None:
    found = by_name(extract(results=text))
    assert alias in labels(found[name]), sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype", "in_kb"),
    [
        # the known VCR is Visual Commonsense Reasoning: the paper gives it a meaning of its own
        (
            "**可验证化学奖励（Verifiable Chemistry Reward, VCR）**：综合合法性。VCR 使训练稳定。",
            "Verifiable Chemistry Reward",
            "Method",
            False,
        ),
        # the known DFD (DeepFakeDetection) runs its words together; later bare mentions
        # are the paper's own name too
        (
            "提出下游反馈蒸馏（Downstream Feedback Distillation, DFD）。DFD 显著提升。",
            "Downstream Feedback Distillation",
            "Method",
            False,
        ),
        # a spelling variant of the known long form is the known entity
        (
            "采用组相对策略优化（Group Relative Policy Optimisation, GRPO）训练。",
            "GRPO",
            "Method",
            True,
        ),
        # the known SWA (Stochastic Weight Averaging) glossed as another known technique is it
        (
            "将 Mamba 与滑动窗口注意力（SWA）逐层交替堆叠；SWA 负责在窗口内检索。",
            "Sliding Window Attention",
            "Method",
            True,
        ),
    ],
)
def test_extract_names_paper_redefines_a_known_acronym(
    text: str, name: str, etype: str, in_kb: bool
) -> None:
    found = by_name(extract(innovations=text))
    assert found[name].etype == etype, sorted(found)
    assert found[name].in_kb is in_kb
    assert not {"VCR", "DeepFakeDetection", "Stochastic Weight Averaging"} & set(found)


@pytest.mark.parametrize(
    ("kwargs", "name", "etype", "in_kb"),
    [
        # the known LISA is a model the knowledge base never spells out: an expansion naming
        # a sampling method is the paper's own, in its title too
        (
            {
                "title": "LISA: Layerwise Importance Sampling for Memory-Efficient Fine-Tuning",
                "contribution": "提出分层重要性采样（Layerwise Importance Sampling, LISA）策略。",
                "results": "LISA 优于 LoRA。",
            },
            "Layerwise Importance Sampling",
            "Method",
            False,
        ),
        # an expansion of the known type spells the known name out; its purpose (`for
        # Language Models`) does not type it
        (
            {"contribution": "提出了 AQLM（Additive Quantization for Language Models）。"},
            "AQLM",
            "Method",
            True,
        ),
    ],
)
def test_extract_names_expansion_of_another_type_redefines_a_bare_known_acronym(
    kwargs: dict, name: str, etype: str, in_kb: bool
) -> None:
    found = by_name(extract(**kwargs))
    assert found[name].etype == etype, sorted(found)
    assert found[name].in_kb is in_kb
    assert "LISA" not in found


@pytest.mark.parametrize(
    ("en", "etype"),
    [
        ("Additive Quantization for Language Models", "Method"),
        ("Layerwise Importance Sampling", "Method"),
        ("Large Language Models", "Model"),
        ("Holistic Evaluation", "Dataset"),
        ("Zorb Qux", None),
    ],
)
def test_extract_names_expansion_type_is_its_last_cue_before_a_purpose(
    en: str, etype: str | None
) -> None:
    from kg.extract.names import expansion_type
    from kg.extract.resources import resources

    assert expansion_type(resources(), en) == etype


@pytest.mark.parametrize(
    ("kwargs", "etype"),
    [
        (
            {"innovations": "**前沿价值评分（Zorb Value Scoring, ZVS）**：模型先推理再打分。"},
            "Method",
        ),
        ({"results": "平均价值评分（Zorb Value Scoring, ZVS）为 3.2。"}, "Metric"),
    ],
)
def test_extract_names_measure_gloss_heading_an_innovation_is_a_component(
    kwargs: dict, etype: str
) -> None:
    assert by_name(extract(**kwargs))["Zorb Value Scoring"].etype == etype


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        # the one-sentence contribution names the paper's parts
        (
            {
                "contribution": "提出 DriveVLM，通过场景描述 (Scene Description) 与分层规划 (Hierarchical Planning) 推理。"
            },
            "Scene Description",
        ),
        ({"contribution": "在线回环检测（Loop Closing）实时优化位姿。"}, "Loop Closing"),
        # the same gloss in a result translates
        ({"results": "在场景描述 (Scene Description) 任务上更优。"}, None),
    ],
)
def test_extract_names_title_cased_gloss_in_the_contribution_is_a_part(
    kwargs: dict, name: str | None
) -> None:
    found = by_name(extract(**kwargs))
    if name is None:
        assert "Scene Description" not in found, sorted(found)
    else:
        assert found[name].etype == "Method", sorted(found)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        # capitalised words joined by hyphens, where the paper presents its contribution,
        # are a coined name
        ({"innovations": "通过错误思维链引导（Wrong-Think）量化文本先验。"}, "Wrong-Think"),
        (
            {"innovations": "**机理链数据（Mechanism-of-Thought）**：按步推理。"},
            "Mechanism-of-Thought",
        ),
        # elsewhere such a gloss translates
        ({"usage": "输入为开放词汇（Open-Vocabulary）指令。"}, None),
        ({"results": "在自重演（Self-Reenactment）设置下更优。"}, None),
        # lowercase parts describe
        ({"innovations": "该方法为免训练（Training-free）。"}, None),
    ],
)
def test_extract_names_hyphened_capitalised_gloss_in_contributions_is_a_name(
    kwargs: dict, name: str | None
) -> None:
    found = by_name(extract(**kwargs))
    if name is None:
        assert not found, sorted(found)
    else:
        assert found[name].etype == "Method", sorted(found)


@pytest.mark.parametrize("text", ["Z500 RMSE 降低 8%，T850 与 U10 也有提升。", "MSLP 误差更低。"])
def test_extract_names_weather_variables_are_not_entities(text: str) -> None:
    found = by_name(extract(results=text))
    assert not {"Z500", "T850", "U10", "MSLP"} & set(found), sorted(found)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a hash right after a name ends it; elsewhere it is markdown
        ("2-bit 下优于 QuIP#（6.19/8.35）与 AQLM。", "QuIP#", "QuIP"),
        ("## 实验\n优于 AQLM 与 #QuIP 标签。", "AQLM", "#QuIP"),
        # a single star after a name that no star on the line opened ends the name
        ("比使用 Retro* 的基线高出 6 个百分点。", "Retro*", "Retro"),
        ("GenEval 0.74（CFG-Zero* 0.72）。", "CFG-Zero*", "CFG-Zero"),
        ("*   **基座模型**：PaLM 2-S*（Codey）。", "PaLM 2-S*", "PaLM 2-S"),
        # a closing italic star is markup
        ("*ZorbNet* 优于 FooNet。", "ZorbNet", "ZorbNet*"),
        # so is bold
        ("**ZorbNet** 优于 FooNet。", "ZorbNet", "ZorbNet*"),
    ],
)
def test_extract_names_markup_sign_after_a_name_is_part_of_it(
    text: str, present: str, absent: str
) -> None:
    found = {e.name for e in extract(results=text).entities}
    assert present in found and absent not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a gloss may hold a glued bracket; the group itself is no name
        (
            "*   **SE(3) 运动基 (SE(3) Motion Bases)**：用一组 SE(3) 刚体变换基。",
            "SE(3) Motion Bases",
            {"SE", "SE(3)"},
        ),
        ("采用时序差分（TD(λ)）估计优势。", "TD(λ)", {"TD"}),
    ],
)
def test_extract_names_glued_bracket_is_part_of_the_name(
    text: str, present: str, absent: set[str]
) -> None:
    found = {e.name for e in extract(innovations=text).entities}
    assert present in found and not absent & found, sorted(found)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a known word or measure after a dataset is not its release
        ("在 MovieLens Accuracy 更高。", "MovieLens Accuracy"),
        # nor a word in the middle of a run
        ("在 MovieLens Latest Foo 上评估。", "MovieLens Latest"),
        # a number after a set in the results is its score
        ("MMLU 7.2，优于基线。", "MMLU 7.2"),
    ],
)
def test_extract_names_dataset_release_word_needs_a_plain_final_word(
    text: str, absent: str
) -> None:
    assert absent not in by_name(extract(results=text))


def test_extract_names_vendor_prefix_is_an_alias_of_the_known_name() -> None:
    found = by_name(extract(results="对比 OpenAI o1-preview 与 GPT-4o。"))
    assert "OpenAI o1-preview" in labels(found["o1-preview"])


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a GPU spelled like a stop term (the level L4) where devices are counted or run on
        ("推理在单张 L4 上即可满足实时要求。", True),
        ("在 2 张 L4 GPU 上部署。", True),
        ("在 L4 子集上跌到 20% 以下。", False),
        ("按跳数划分 L1–L4 四个难度等级。", False),
    ],
)
def test_extract_names_device_spelled_like_a_stop_term(text: str, present: bool) -> None:
    found = by_name(extract(usage=text))
    assert ("L4" in found and found["L4"].etype == "Hardware") is present, sorted(found)


def test_extract_names_dataset_one_digit_release_outside_the_results() -> None:
    assert "Dolma 1.7" in by_name(extract(usage="在 Dolma 1.7 语料上预训练。"))
    assert "Dolma 1.7" not in by_name(extract(results="在 Dolma 1.7 语料上预训练。"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a model category after a name is none of it
        ("整体沿用 Prismatic-7B VLM 的结构。", "Prismatic-7B"),
        # typing words that end a name stay on it
        ("在 LLaVA-Interleave Bench 上评估。", "LLaVA-Interleave Bench"),
        ("部署用 QNN SDK 完成。", "QNN SDK"),
        ("对比 Foo3 Arena。", "Foo3 Arena"),
    ],
)
def test_extract_names_word_after_a_shaped_name(text: str, name: str) -> None:
    found = by_name(extract(usage=text))
    assert name in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在 NRGBD 上，准确度（Acc.）与完整度（Comp.）优于 VGGT。", {"Acc.", "Comp."}),
        ("提出控制度（Control）与扩展斜率（Scaling）两个度量。", {"Control", "Scaling"}),
        # after a known measure's gloss and its note
        (
            "在可设计性（Designability，scRMSD < 2Å 的比例）、多样性（Diversity）上领先。",
            {"Designability", "Diversity", "scRMSD"},
        ),
        # a measure ending in -ness, and a property listed after a measure, even "on" them
        (
            "电路在忠实度（Faithfulness）与完整性（Completeness）上更好。",
            {"Faithfulness", "Completeness"},
        ),
        # a single glossed word alone is a translation; letters name no measure
        ("引入对激活峰度（Kurtosis）的显式惩罚。", set()),
        ("拆分为计算输入梯度（B）和计算权重梯度（W）两部分。", set()),
        ("输入为参数（Parameters）和梯度（Gradients）。", set()),
    ],
)
def test_extract_names_measures_listed_by_glossed_names(text: str, names: set[str]) -> None:
    found = by_name(extract(results=text))
    assert {n for n, e in found.items() if e.etype == "Metric"} == names


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a dimension before a known technique, measure or model, or a generic architecture
        ("使用 3D RoPE 编码时空位置，并用 3D VAE 压缩视频。", {"3D RoPE", "3D VAE"}, {"RoPE"}),
        ("报告 3D IoU 与 2D RoPE。", {"3D IoU", "2D RoPE"}, {"IoU", "RoPE"}),
        ("主干为 3D U-Net。", {"3D U-Net"}, {"U-Net"}),
        # an imaging modality is no architecture
        ("输入 3D CT 影像。", set(), {"3D CT"}),
    ],
)
def test_extract_names_dimension_before_a_name_is_part_of_it(
    text: str, names: set[str], absent: set[str]
) -> None:
    found = by_name(extract(innovations=text))
    assert names <= set(found), sorted(found)
    assert not absent & set(found)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a patch size after a sized encoder is no sibling's size
        ("理解侧使用 SigLIP2-so400m/14 作为视觉编码器。", {"SigLIP2-so400m/14"}, {"SigLIP2-so14"}),
        ("对比 ViT-L/14 与 Qwen3-4B/8B。", {"ViT-L/14", "Qwen3-4B", "Qwen3-8B"}, set()),
        # `Experimental` is a release of the model before it
        ("对比 Gemini 2.0 Pro Experimental。", {"Gemini 2.0 Pro Experimental"}, {"Experimental"}),
    ],
)
def test_extract_names_patch_sizes_and_release_words(
    text: str, names: set[str], absent: set[str]
) -> None:
    found = by_name(extract(results=text))
    assert names <= set(found), sorted(found)
    assert not absent & set(found)


@pytest.mark.parametrize(
    ("text", "name", "etype", "kept"),
    [
        # a gloss, then a note on it after a comma, is still the gloss
        (
            "随机搜索（Random Search）、零阶搜索（Zero-Order Search，在当前最优噪声的邻域内迭代）。",
            "Zero-Order Search",
            "Method",
            set(),
        ),
        (
            "运动保持度（Motion Preservation，基于 RAFT 光流计算）提升。",
            "Motion Preservation",
            "Metric",
            {"RAFT"},
        ),
        # a two-word gloss listed with a known technique is a technique
        (
            "结合 LAMB 优化器、2D RoPE、注意力池化（Attention Pooling）与掩码正则化等改进。",
            "Attention Pooling",
            "Method",
            {"2D RoPE"},
        ),
    ],
)
def test_extract_names_noted_and_listed_glosses(
    text: str, name: str, etype: str, kept: set[str]
) -> None:
    found = by_name(extract(results=text))
    assert name in found, sorted(found)
    assert found[name].etype == etype
    assert kept <= set(found)


def test_extract_names_gloss_listed_with_a_generic_part_stays_a_translation() -> None:
    found = by_name(extract(results="结合视觉编码器（Vision Encoder）与 RoPE。"))
    assert "Vision Encoder" not in found


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        # unknown letter codes label conditions, hypotheses and settings
        ("在条件 C3 下，假设 H1 成立，M+1 设置更好。", {"C3", "H1", "M+1"}, set()),
        ("以 D0 引导 D1 采样。", {"D0", "D1"}, set()),
        # special tokens in brackets
        ("输出特殊的 [RESET] 标记并重新作答，ZorbNet 更安全。", {"RESET"}, {"ZorbNet"}),
        # so do data splits' labels
        (
            "设计了 Train-Random/Test-Random、Train-Device/Test-Device 两种数据划分，评估 ZorbNet。",
            {"Train-Random", "Test-Random", "Train-Device", "Test-Device"},
            {"ZorbNet"},
        ),
        ("在 MS COCO val2017 上达到 40.6% mAP。", {"val2017"}, {"COCO"}),
        # environments trained on, then the one tested on
        ("在 CALVIN ABC→D 与 ABCD -> D 上平均完成长度 4.1。", {"ABC", "ABCD"}, {"CALVIN"}),
        # known ones are names
        ("对比 T5 与 Mistral，报告 F1。", set(), {"T5", "F1"}),
    ],
)
def test_extract_names_unknown_letter_codes_are_labels(
    text: str, absent: set[str], kept: set[str]
) -> None:
    found = set(by_name(extract(results=text)))
    assert not absent & found
    assert kept <= found


@pytest.mark.parametrize(
    "text",
    [
        "英国 AI 安全研究所（UK AI Safety Institute）联合提出了该基准。",
        "由某人工智能实验室（Zorbic AI Laboratory）发布。",
        "与佐尔布大学（University of Zorbia）合作完成。",
        # a company named with its Chinese ending, and a team named by its owner
        "佐尔布科技（Zorb-AI Tech）发布了完全开源的项目。",
        "Zorbacus.AI 的研究团队证明了该失效模式。",
    ],
)
def test_extract_names_gloss_of_an_institution_is_an_organization(text: str) -> None:
    found = by_name(extract(contribution=text))
    assert [e.etype for e in found.values()] == ["Organization"]


def test_extract_names_product_named_after_its_team_is_no_organization() -> None:
    x = extract(
        contribution="字节跳动 Seed 团队提出了 Seed-TTS 系列模型。",
        innovations="Seed-TTS_DiT 为完全非自回归的扩散变体。",
    )
    found = by_name(x)
    assert found["Seed"].etype == "Organization"
    assert found["Seed-TTS_DiT"].etype == "Model"  # a variant of the team's Seed-TTS


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a known name the glossed name ends with is part of it, in a Chinese or Latin term
        ("采用残差 K-means 量化（RQ-Kmeans）生成语义 ID。", {"RQ-KMeans"}, {"K-Means"}),
        ("采用残差 K-Means（Residual K-Means）量化。", {"Residual K-Means"}, {"K-Means"}),
        # or opens with (`CLIP-I`, `CLIP_img`: measures computed with CLIP)
        ("在 CLIP 图像相似度（CLIP-I）上更好。", {"CLIP-I"}, {"CLIP"}),
        ("在 CLIP 图像相似度（CLIP_img）和编辑方向上更好。", {"CLIP_img"}, {"CLIP"}),
        # standing alone, or not ending the glossed name, it is a name of its own
        ("长期层通过在线 K-Means 聚类压缩历史特征。", {"K-Means"}, set()),
        ("基于 GRPO 的组优势（GRPO-A）提升稳定性。", {"GRPO", "GRPO-A"}, set()),
        ("权重使用 GPTQ（或简单的 RTN 四舍五入）量化到 INT4。", {"GPTQ", "RTN"}, set()),
    ],
)
def test_extract_names_known_name_ending_a_glossed_name_is_part_of_it(
    text: str, present: set, absent: set
) -> None:
    found = set(by_name(extract(innovations=text)))
    assert present <= found
    assert not absent & found


def test_extract_names_an_agents_tools_listed_by_call_name_are_no_packages() -> None:
    found = by_name(
        extract(
            usage="*   **工具**：search（Serper API）、visit（Jina Reader 抓取）、Python 执行器。"
        )
    )
    assert not {"search", "visit"} & set(found)
    assert {"Serper", "Jina Reader", "Python"} <= set(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # a lab's name ends with its kind, as one organisation
        ("来自香港大学 ZORB Lab 与 Salesforce 的研究者提出。", "ZORB Lab", "Organization"),
        ("Florp7 AI 与英国研究所联合提出。", "Florp7 AI", "Organization"),
        # a protocol, unlike a licence, is named before 协议
        ("支持 MCP 协议与 A2A 协议。", "MCP", "Software"),
    ],
)
def test_extract_names_labs_and_protocols(text: str, name: str, etype: str) -> None:
    found = by_name(extract(contribution=text))
    assert found[name].etype == etype
    assert not {"Lab", "ZORB", "AI"} & set(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a coined, hyphened qualifier names the paper's way of reasoning
        (
            "**由粗到细的时序推理（Coarse-to-Fine Temporal Reasoning）**：先定位候选片段。",
            "Coarse-to-Fine Temporal Reasoning",
        ),
        ("**子步骤推理（Sub-step Reasoning）**：将长程任务拆分。", "Sub-step Reasoning"),
        # the agents a multi-agent system is made of
        ("**流程**：管理智能体（Zorb Agent）分解任务。", "Zorb Agent"),
        ("规划智能体（Planner Agent）：把任务分解为子任务。", "Planner Agent"),
    ],
)
def test_extract_names_coined_reasoning_and_role_agents_are_methods(text: str, name: str) -> None:
    assert by_name(extract(innovations=text))[name].etype == "Method"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # abilities and kinds of agents are no names
        ("模型缺乏基础空间推理（Spatial Reasoning）能力。", "Spatial Reasoning"),
        ("GUI 智能体（GUI Agent）在屏幕上操作。", "GUI Agent"),
        ("大模型智能体（LLM Agents）发展迅速。", "LLM Agents"),
        ("分析了暴露偏差（Exposure Bias）问题。", "Exposure Bias"),
    ],
)
def test_extract_names_plain_reasoning_and_agent_kinds_are_no_names(text: str, name: str) -> None:
    assert name not in by_name(extract(innovations=text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("风格分（Style Score）为 4.2。", "Style Score"),
        ("内容分（Content Score）为 3.9。", "Content Score"),
    ],
)
def test_extract_names_glossed_score_is_a_metric(text: str, name: str) -> None:
    assert by_name(extract(results=text))[name].etype == "Metric"


@pytest.mark.parametrize(
    ("text", "name", "present"),
    [
        # a gloss that is a whole item's heading names the part the item describes
        ("1. **语音适配器（Zorb Blend）**：对语音表示下采样。", "Zorb Blend", True),
        ("*   **先提示后检测（Prompt-then-Zorb）**：离线编码词表。", "Prompt-then-Zorb", True),
        (
            "*   **诊断工具-模型协同进化（Zorb Tool - Model Co-Evolution）**：交替更新。",
            "Zorb Tool - Model Co-Evolution",
            True,
        ),
        # not when the heading says more than the gloss, nor for a plain word or a concept
        ("*   **通过语音适配器（Zorb Blend）实现对齐**：下采样。", "Zorb Blend", False),
        ("*   **定位（Localization）**：先定位目标。", "Localization", False),
        ("*   **干预悖论（Intervention Paradox）**：干预越多越差。", "Intervention Paradox", False),
    ],
)
def test_extract_names_gloss_that_is_a_whole_heading_names_a_part(
    text: str, name: str, present: bool
) -> None:
    assert (name in by_name(extract(innovations=text))) is present


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("采用 Plücker 射线嵌入（Plücker Ray Embedding）。", "Plücker Ray Embedding"),
        ("引入 Fréchet 特征对齐（Fréchet Feature Alignment）。", "Fréchet Feature Alignment"),
    ],
)
def test_extract_names_gloss_with_accented_letters_is_one_name(text: str, name: str) -> None:
    found = by_name(extract(innovations=text))
    assert name in found, sorted(found)
    assert "Ray" not in found  # a known tool's name inside the gloss is part of it


@pytest.mark.parametrize(
    ("text", "known", "absent"),
    [
        ("**早截断 GRPO（ECPO）**：在 GRPO 基础上提前截断。", "GRPO", "ECPO"),
        # an acronym that does not end as the name is a note on it, not its variant
        ("16K 长度下 Titans (MAC) 仍保持高准确率。", "Titans", "长度下 Titans"),
    ],
)
def test_extract_names_variant_acronym_leaves_the_known_name(
    text: str, known: str, absent: str
) -> None:
    found = by_name(extract(results=text))
    assert absent not in labels(found[known]), sorted(labels(found[known]))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a known name in brackets after another is a note on it, not its alias
        ("图像编码器为 ResNet-34（NAVSIM）或 V2-99（nuScenes）。", {"ResNet-34", "NAVSIM"}, set()),
        ("对比 GPT-4o（GPT-5）的回答。", {"GPT-4o", "GPT-5"}, set()),
        # or the variant the first is part of
        ("在图上运行个性化 PageRank（PPR）。", {"Personalized PageRank"}, {"PageRank"}),
    ],
)
def test_extract_names_two_known_names_stay_apart(
    text: str, present: set[str], absent: set[str]
) -> None:
    found = by_name(extract(usage=text))
    assert present <= set(found), sorted(found)
    assert not absent & set(found)
    assert all(
        not (labels(found[a]) & labels(found[b])) for a in present for b in present if a != b
    )


@pytest.mark.parametrize(
    ("kwargs", "name", "etype"),
    [
        # a plain word that opens the contribution and proposes the work is its maker
        ({"contribution": "Zorbia 提出了 τ-bench，一个评测基准。"}, "Zorbia", "Organization"),
        ({"contribution": "Zorbex 联合发布了 Project Sid。"}, "Zorbex", "Organization"),
    ],
)
def test_extract_names_maker_of_the_work(kwargs: dict, name: str, etype: str) -> None:
    assert by_name(extract(**kwargs))[name].etype == etype


def test_extract_names_plain_subject_elsewhere_is_no_maker() -> None:
    # a plain subject that does something other than make the work is no organisation
    found = by_name(extract(contribution="Quokka 通过新方法提升了推理。"))
    assert "Quokka" not in found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("提出了 BRO（Bigger, Regularized, Optimistic）算法，扩大 Critic 网络。", {"BRO"}),
        # words that do not spell the name before them are names listed as examples
        (
            "提出了 XBRO（Bigger, Regularized, Optimistic）算法。",
            {"XBRO", "Bigger", "Regularized", "Optimistic"},
        ),
    ],
)
def test_extract_names_words_an_acronym_abbreviates_are_no_names(
    text: str, names: set[str]
) -> None:
    assert set(by_name(extract(contribution=text))) == names


@pytest.mark.parametrize(
    ("kwargs", "names"),
    [
        (
            {
                "innovations": "* **动作准确率**：评估每一步。",
                "results": "动作准确率（Action Accuracy）达到 71.2%。",
            },
            {"Action Accuracy"},
        ),
        (
            {"results": "* **任务成功率**：WebVoyager 的任务成功率（Task Success Rate）为 59.1%。"},
            {"Task Success Rate", "WebVoyager"},
        ),
        # standing alone, the known measure is still named
        (
            {"results": "成功率为 50%，任务成功率（Task Success Rate）为 59.1%。"},
            {"Success Rate", "Task Success Rate"},
        ),
        # so is a name with a Chinese head noun, after a space in the glossed term
        (
            {
                "contribution": "提出一种可学习的分块 Hadamard 旋转量化方法。",
                "innovations": "1. **分块 Hadamard 旋转（Block-Hadamard Rotation）**：逐块旋转。",
            },
            {"Block-Hadamard Rotation"},
        ),
        ({"usage": "配合 Hadamard 旋转消除通道级异常值。"}, {"Hadamard Rotation"}),
    ],
)
def test_extract_names_known_chinese_name_inside_a_glossed_term_is_part_of_it(
    kwargs: dict, names: set[str]
) -> None:
    assert set(by_name(extract(**kwargs))) == names


@pytest.mark.parametrize(
    ("fields", "absent", "present"),
    [
        (
            "机器人学习 (Robot Learning)、机器人操作数据集 (Robot Manipulation Datasets)",
            "Datasets",
            None,
        ),
        ("模型压缩 (Structured Pruning)、推理加速", "Structured Pruning", None),
        # a note in Chinese may name a model
        ("视频生成加速（特别是视频扩散模型，如Wan2.1）", None, "Wan2.1"),
    ],
)
def test_extract_names_words_of_a_fields_english_name_are_no_names(
    fields: str, absent: str | None, present: str | None
) -> None:
    found = by_name(extract(fields=fields, results="在 LIBERO 上评测。"))
    assert absent not in found
    if present:
        assert present in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # capitalised words, hyphened ones capitalised in each part too, make one phrase
        ("对比 GCG、PEZ、Stochastic Few-Shot、PAIR 等攻击方法。", "Stochastic Few-Shot"),
        ("优于 FreeControl 和 Cross-Image Attention 等方法。", "Cross-Image Attention"),
    ],
)
def test_extract_names_titled_words_with_hyphens_make_one_name(text: str, name: str) -> None:
    found = by_name(extract(results=text))
    assert name in found
    assert not {"Stochastic", "Few-Shot", "Cross-Image"} & set(found)
