"""Entity-entity relations the text states (kg.extract.relations, relation_cues.tsv)."""

from __future__ import annotations

import re

import pytest
from extract_fixtures import extract

from kg.extract.resources import resources
from kg.model import STATED_RELATIONS

_TITLE = "ZorbLM: Language Models for Zorb"
_OWN = "提出了 ZorbLM-7B 语言模型。"


def _stated(**kwargs: str) -> set[tuple[str, str, str]]:
    x = extract(**kwargs)
    return {(r.subject, r.predicate, r.object) for r in x.relations if r.predicate != "variantOf"}


@pytest.mark.parametrize(
    ("usage", "relation"),
    [
        # fine-tuned from: the base model's weights trained further
        ("ZorbLM-7B 以 Qwen3-8B 为基座，用 DPO 训练。", ("zorblm-7b", "fineTunedFrom", "qwen3-8b")),
        ("对 Qwen3-8B 做了 SFT，得到 ZorbLM-7B。", ("zorblm-7b", "fineTunedFrom", "qwen3-8b")),
        # no model named: the paper's own checkpoint of the base's size
        (
            "基于 **Qwen2.5-7B** 初始化，训练使用 8 张 A100。",
            ("zorblm-7b", "fineTunedFrom", "qwen2.5-7b"),
        ),
        ("基座模型：Qwen2.5-7B；", ("zorblm-7b", "fineTunedFrom", "qwen2.5-7b")),
        # distilled from: the teacher, of the paper's own model (the family in the title)
        ("教师模型为 Qwen3-32B，学生为 ZorbLM-7B。", ("zorblm", "distilledFrom", "qwen3-32b")),
        ("以 Qwen3-32B 作为教师进行蒸馏。", ("zorblm", "distilledFrom", "qwen3-32b")),
        ("教师模型：FLUX.1-dev（12B）与 SD3.5-Large。", ("zorblm", "distilledFrom", "sd3.5-large")),
        # based on: backbone, architecture, framework
        ("ZorbLM-7B 以 SigLIP 为视觉编码器。", ("zorblm-7b", "basedOn", "siglip")),
        ("代码基于 verl 框架实现。", ("zorblm", "basedOn", "verl")),
        # a bracketed note on the name before it
        (
            "提供 ZorbLM-7B（基于 ZorbNet-B）与 ZorbLM-34B 两个版本。",
            ("zorblm-7b", "basedOn", "zorbnet-b"),
        ),
        # a bracketed acronym and markup between the object and the cue's right side
        (
            "该方法基于 Group Relative Policy Optimization (GRPO) 框架。",
            ("zorblm", "basedOn", "grpo"),
        ),
        # trained on: training data, listed
        ("在 FineWeb-Edu 数据集上预训练。", ("zorblm-7b", "trainedOn", "fineweb-edu")),
        (
            "训练数据：FineWeb-Edu、DCLM 与 The Stack v2。",
            ("zorblm-7b", "trainedOn", "the-stack-v2"),
        ),
        ("使用 OpenMathReasoning 进行微调。", ("zorblm-7b", "trainedOn", "openmathreasoning")),
        ("在 FineWeb-Edu 的 100B token 上从头预训练。", ("zorblm-7b", "trainedOn", "fineweb-edu")),
        ("Emilia 与 LibriHeavy 用于语音对齐预训练。", ("zorblm-7b", "trainedOn", "libriheavy")),
        ("*   **框架**：在 verl 中实现。", ("zorblm", "basedOn", "verl")),
        (
            "*   **数据**：NuminaMath-1.5（约 40K 题）+ MetaMathQA。",
            ("zorblm-7b", "trainedOn", "metamathqa"),
        ),
    ],
)
def test_extract_relations_from_cues(usage: str, relation: tuple[str, str, str]) -> None:
    assert relation in _stated(title=_TITLE, contribution=_OWN, usage=usage)


@pytest.mark.parametrize(
    ("innovations", "relation"),
    [
        # a method the paper extends, named in its own item
        (
            "*   **异步 GRPO（Async GRPO）**：在标准 GRPO 的基础上将采样与训练解耦。",
            ("async-grpo", "basedOn", "grpo"),
        ),
        # `受 X 启发`, through a bracketed gloss
        (
            "*   **预测策略改进（Predictive Policy Improvement, PPI）**：受最大后验策略优化 (MPO) 启发。",
            ("predictive-policy-improvement", "basedOn", "mpo"),
        ),
        # `基于 X 的 S`: the name right after is the subject, known or not
        ("*   依赖基于 PhysX 的 Isaac Gym 仿真环境。", ("isaac-gym", "basedOn", "physx")),
        # the examples of `X 或其变体（如 A, B）` are built on X, known or not
        ("*   选择 LoRA 或其变体（如 PiSSA, ZorbLoRA）。", ("pissa", "basedOn", "lora")),
        ("*   选择 LoRA 或其变体（如 PiSSA, ZorbLoRA）。", ("zorblora", "basedOn", "lora")),
        ("*   支持 GRPO 的变体（例如 Dr. GRPO、DAPO）。", ("dapo", "basedOn", "grpo")),
        # `S 是对 O (…) 损失函数的改进`: what a method improves on
        (
            "*   LUSPO 是对 Group Sequence Policy Optimization (GSPO) 损失函数的改进。",
            ("luspo", "basedOn", "gspo"),
        ),
        ("*   ZorbPO 是对标准 DPO 的简化。", ("zorbpo", "basedOn", "dpo")),
    ],
)
def test_extract_relations_named_subject(innovations: str, relation: tuple[str, str, str]) -> None:
    assert relation in _stated(title=_TITLE, contribution=_OWN, innovations=innovations)


def test_extract_relations_respectively_pairs_in_order() -> None:
    got = _stated(
        title="ZorbEmbed: Embeddings for Zorb",
        contribution="提出 ZorbEmbed-4B 与 ZorbEmbed-8B 两个嵌入模型。",
        usage="ZorbEmbed-4B 与 ZorbEmbed-8B 分别从 Qwen3-Embedding-4B 与 Qwen3-Embedding-8B 初始化。",
    )
    assert ("zorbembed-4b", "fineTunedFrom", "qwen3-embedding-4b") in got
    assert ("zorbembed-8b", "fineTunedFrom", "qwen3-embedding-8b") in got
    assert ("zorbembed-4b", "fineTunedFrom", "qwen3-embedding-8b") not in got


def test_extract_relations_base_goes_to_the_own_checkpoint_of_its_size() -> None:
    got = _stated(
        title="ZorbLM: Language Models for Zorb",
        contribution="发布 ZorbLM-7B 与 ZorbLM-32B 两个模型。",
        usage="基座：Qwen2.5-7B 与 Qwen2.5-32B；训练数据为 FineWeb-Edu。",
    )
    assert {r for r in got if r[1] == "fineTunedFrom"} == {
        ("zorblm-7b", "fineTunedFrom", "qwen2.5-7b"),
        ("zorblm-32b", "fineTunedFrom", "qwen2.5-32b"),
    }
    # training data stated once is every own checkpoint's, and their family's
    assert {r[0] for r in got if r[1] == "trainedOn"} == {"zorblm", "zorblm-7b", "zorblm-32b"}


@pytest.mark.parametrize(
    ("kwargs", "predicate"),
    [
        # another's model in a comparison is no base of the paper's
        ({"results": "ZorbLM-7B 优于基于 Qwen3-8B 微调的模型。"}, "fineTunedFrom"),
        # no own model: a method applied to a base model states no fine-tuning
        ({"usage": "在 ZorbSim 中用 PPO 对 Qwen3-8B 做 RL 微调。"}, "fineTunedFrom"),
        # evaluation data is no training data
        ({"results": "在 MMLU 数据集上评测。"}, "trainedOn"),
        # `基于 X 的…` modifies what follows, not the name before it
        ({"usage": "使用 ZorbData 数据集进行基于 GRPO 的强化学习训练。"}, "basedOn"),
        # `X 变体` says X is a variant, not what the heading's name is based on
        (
            {"innovations": "*   **交错推理（Chain-of-Zorb, CoZ）**：提出了 ZorbLM-CoZ 变体。"},
            "basedOn",
        ),
        # a description before a bracketed name is not its Chinese name
        ({"innovations": "*   引入基于蒙特卡洛的价值评估器（MC-Zorb）。"}, "basedOn"),
        # `GRPO 或其变体` with no examples names no variant; names after the bracket are none
        ({"usage": "任何基于 GRPO 或其变体的可验证奖励训练。"}, "basedOn"),
    ],
)
def test_extract_relations_not_stated(kwargs: dict, predicate: str) -> None:
    got = _stated(title=_TITLE, contribution=_OWN, **kwargs)
    assert not [r for r in got if r[1] == predicate]


def test_extract_relations_variants_end_at_the_bracket() -> None:
    got = _stated(
        title=_TITLE, contribution=_OWN, usage="LoRA 或其变体（如 PiSSA）之外，还比较了 ZorbNet。"
    )
    assert ("pissa", "basedOn", "lora") in got
    assert not [r for r in got if r[0] == "zorbnet"]


def test_extract_relations_evidence_is_the_stating_sentence() -> None:
    x = extract(title=_TITLE, contribution=_OWN, usage="第一句。\nZorbLM-7B 以 Qwen3-8B 为基座。")
    (r,) = [r for r in x.relations if r.predicate == "fineTunedFrom"]
    assert r.evidence is not None
    assert (r.evidence.line, r.evidence.section) == (31, "usage")
    assert r.evidence.sentence == "ZorbLM-7B 以 Qwen3-8B 为基座。"


def test_extract_relations_cue_table_is_well_formed() -> None:
    cues = resources().relation_cues
    assert {c.predicate for c in cues} == set(STATED_RELATIONS)
    assert {c.subject for c in cues} <= {"near", "after", "own", "heading"}


@pytest.mark.parametrize(
    ("left", "cue_end", "found"),
    [
        ("受最大后验策略优化 (", "受", True),  # the acronym's Chinese name is skipped
        ("基于 **", "基于", True),  # markup
        ("模型基于 DiT (", "基于", True),  # the name a bracketed gloss explains
        ("使用包含 CoT 的数据（如 ", "数据", True),  # an example list opens
        ("引入基于蒙特卡洛的价值评估器（", "基于", False),  # a description is no name
        ("提出了一种基于“内在风险感知”（", "基于", True),  # a quoted Chinese name
    ],
)
def test_extract_relations_text_before_object(left: str, cue_end: str, found: bool) -> None:
    from kg.extract.relations import _lefts

    assert any(x.rstrip().endswith(cue_end) for x in _lefts(left)) is found


def test_extract_relations_what_the_own_model_is_built_on_is_used() -> None:
    x = extract(
        title=_TITLE,
        contribution=_OWN,
        innovations="*   **数据**：训练数据为 FineWeb-Edu 与 DCLM。",
    )
    roles = {e.name: e.roles for e in x.entities}
    assert roles["FineWeb-Edu"] == ("uses",) and roles["DCLM"] == ("uses",)
    assert roles["ZorbLM-7B"] == ("proposes",)


@pytest.mark.parametrize(
    ("kwargs", "relation"),
    [
        # code built on a framework, no subject named: the paper's own
        ({"usage": "*   **框架**：基于 verl，rollout 用 vLLM；"}, ("zorblm", "basedOn", "verl")),
        # a reused part of another method
        (
            {
                "innovations": "*   **静默流（Silent Stream, SS）**：在 Moshi 式的多流架构上新增一条文本流。"
            },
            ("silent-stream", "basedOn", "moshi"),
        ),
        # a dataset built from datasets: the paper's own dataset
        (
            {
                "contribution": "构建了 ZorbBench 基准。",
                "usage": "*   **数据来源**：视频片段取自 Ego4D 与 HOI4D。",
            },
            ("zorbbench", "basedOn", "ego4d"),
        ),
    ],
)
def test_extract_relations_own_parts_and_sources(kwargs: dict, relation: tuple) -> None:
    kwargs = {"contribution": _OWN, **kwargs}
    assert relation in _stated(title=_TITLE, **kwargs)


def test_extract_relations_a_models_data_sources_are_no_base() -> None:
    got = _stated(
        title=_TITLE, contribution=_OWN, usage="*   **语料**：约 18 万小时语音，来自 Emilia。"
    )
    assert not [r for r in got if r[1] == "basedOn"]


@pytest.mark.parametrize(
    ("innovations", "relation"),
    [
        # what an item's text goes on to use is a base of the part its heading names
        (
            "*   **协同对齐损失（Collaborative Alignment Loss, CAL）**：用冻结的 SASRec 嵌入做对比。",
            ("collaborative-alignment-loss", "basedOn", "sasrec"),
        ),
        (
            "*   **球面条件扩散（Spherical Conditional Diffusion）**：在 HEALPix 网格上定义去噪网络。",
            ("spherical-conditional-diffusion", "basedOn", "healpix"),
        ),
        # `用…的 O`, `通过一次 O`, `O 预测的`, `与冻结的 O 特征`
        (
            "*   **锚定 KL 正则（Anchored KL Regularization）**：参考模型每 200 步用当前策略的 EMA 刷新。",
            ("anchored-kl-regularization", "basedOn", "exponential-moving-average"),
        ),
        (
            "*   **一致性过滤（Consensus Filter）**：只保留 AlphaFold 3 与 ESMFold 预测结构一致的设计。",
            ("consensus-filter", "basedOn", "esmfold"),
        ),
        (
            "*   **语义正则化（Semantic Regularization）**：将中间特征与冻结的 DINOv2-L 特征对齐。",
            ("semantic-regularization", "basedOn", "dinov2-vit-l/14"),
        ),
        # a cue that names no subject: the heading's part, not the paper's own model
        (
            "*   **动作块级 Q 集成（Chunk-level Q-Ensemble, CQE）**：critic 评估整个动作块，"
            "取子集最小值（沿用 REDQ 的思路）。",
            ("chunk-level-q-ensemble", "basedOn", "redq"),
        ),
    ],
)
def test_extract_relations_heading_names_the_subject(
    innovations: str, relation: tuple[str, str, str]
) -> None:
    assert relation in _stated(title=_TITLE, contribution=_OWN, innovations=innovations)


@pytest.mark.parametrize(
    "innovations",
    [
        # a benchmark the part is tried on is no part of it
        "*   **球面条件扩散（Spherical Conditional Diffusion）**：在 WeatherBench 2 上评测。",
        # no heading: nothing names the part
        "*   用 SASRec 嵌入做对比。",
        # a known method in the heading is not the paper's part
        "*   **GRPO**：用 SASRec 嵌入做对比。",
        # 常用 is "common", not "uses"
        "*   **组内留一基线（Leave-Group-Out Baseline）**：指出了常用的 SASRec 方法的偏差。",
    ],
)
def test_extract_relations_heading_subject_needs_an_own_part(innovations: str) -> None:
    got = _stated(title=_TITLE, contribution=_OWN, innovations=innovations)
    own = {"zorblm", "zorblm-7b"}
    assert not {r for r in got if r[2] in ("sasrec", "weatherbench-2") and r[0] not in own}


@pytest.mark.parametrize(
    ("kwargs", "relation"),
    [
        # `S 是一个基于 O 的…`: the subject before the cue
        (
            {"contribution": "ZorbWave 是一个基于流匹配（Flow Matching）的视频到音频生成模型。"},
            ("zorbwave", "basedOn", "flow-matching"),
        ),
        # a dataset mixed from datasets
        (
            {"usage": "中期训练数据 ZorbMix 额外混入 FineMath、OpenMathInstruct-2。"},
            ("zorbmix", "basedOn", "openmathinstruct-2"),
        ),
        # `…基于 X；` with no subject in the clause: the paper's own
        ({"usage": "*   **预处理**：音频预处理基于 Lhotse；"}, ("zorblm", "basedOn", "lhotse")),
    ],
)
def test_extract_relations_more_based_on_cues(kwargs: dict, relation: tuple) -> None:
    assert relation in _stated(title=_TITLE, **{"contribution": _OWN, **kwargs})


@pytest.mark.parametrize(
    "usage",
    [
        "音频最后经 BigVGAN 声码器还原为波形。",
        "文本由 T5-Base 编码。",
        "视觉条件为 CLIP ViT-L/14 提取的语义特征。",
        "语音输出采用 Mimi 编解码器的离散 token。",
        "算法以 SAC 为骨架。",
    ],
)
def test_extract_relations_component_models_by_their_work(usage: str) -> None:
    got = _stated(title=_TITLE, contribution=_OWN, usage=usage)
    assert {p for _, p, _ in got} == {"basedOn"} and {s for s, _, _ in got} <= {
        "zorblm",
        "zorblm-7b",
    }


@pytest.mark.parametrize(
    ("contribution", "subjects"),
    [
        ("提出了 ZorbLM 语言模型。", {"zorblm"}),
        # a family named beside its own checkpoints: the checkpoints are built on a model
        ("提出了 ZorbLM-7B 语言模型。", {"zorblm-7b"}),
        ("提出了 ZorbLM-1B 与 ZorbLM-7B 语言模型。", {"zorblm-1b", "zorblm-7b"}),
    ],
)
def test_extract_relations_own_family_or_its_checkpoints(
    contribution: str, subjects: set[str]
) -> None:
    usage = "*   **结构**：以 SigLIP 为视觉编码器，代码基于 verl 框架实现。"
    got = _stated(title=_TITLE, contribution=contribution, usage=usage)
    assert {s for s, p, o in got if o == "siglip"} == subjects
    # a framework the code is built on belongs to the system, the family
    assert {s for s, p, o in got if o == "verl"} == {"zorblm"}


@pytest.mark.parametrize(
    ("usage", "expected"),
    [
        # `A 与 B，分别从 X 与 Y 微调`: the comma before 分别 does not end the subjects
        (
            "*   **模型**：ZorbGuard-1.7B 与 ZorbGuard-4B，分别从 Qwen3-1.7B 与 Qwen3-4B 全参数微调得到。",
            {
                ("zorbguard-1.7b", "fineTunedFrom", "qwen3-1.7b"),
                ("zorbguard-4b", "fineTunedFrom", "qwen3-4b"),
            },
        ),
        # `基于 X 的 A、B`: every unknown name of the list after it
        (
            "语言侧为基于 Llama-2-13B 的 ZorbLM-13B、ZorbMath-13B。",
            {
                ("zorblm-13b", "fineTunedFrom", "llama-2-13b"),
                ("zorbmath-13b", "fineTunedFrom", "llama-2-13b"),
            },
        ),
    ],
)
def test_extract_relations_listed_subjects(usage: str, expected: set) -> None:
    assert expected <= _stated(title="ZorbGuard: Guarding", usage=usage)


@pytest.mark.parametrize(
    ("usage", "relation"),
    [
        # a sized checkpoint built on a sized checkpoint is trained from it
        (
            "*   **模型**：ZorbLM-7B 基于 Qwen2.5-Math-7B-Instruct；",
            ("zorblm-7b", "fineTunedFrom", "qwen2.5-math-7b-instruct"),
        ),
        # a checkpoint built on an unsized model, or a family, stays `based on`
        (
            "*   **模型**：ZorbLM-7B 基于 DeepSeek-V3.1 的框架；",
            ("zorblm-7b", "basedOn", "deepseek-v3.1"),
        ),
    ],
)
def test_extract_relations_checkpoint_on_checkpoint_is_fine_tuned(
    usage: str, relation: tuple
) -> None:
    assert relation in _stated(title=_TITLE, contribution=_OWN, usage=usage)


@pytest.mark.parametrize(
    ("usage", "relation"),
    [
        # the student a paper distils into: its own checkpoint of that size starts from it
        (
            "*   **教师/学生**：教师为 Qwen3-32B，学生为关闭思考模式的 Qwen3-7B。",
            ("zorblm-7b", "fineTunedFrom", "qwen3-7b"),
        ),
        # a phrase between the base and 为初始化
        (
            "*   **模型**：以 Cosmos-Predict2-7B 的视频 DiT 为初始化；",
            ("zorblm-7b", "fineTunedFrom", "cosmos-predict2-7b"),
        ),
        # an unsized base goes to the paper's one own checkpoint
        (
            "*   **结构**：视觉编码器由 SigLIP2-so400m 初始化。",
            ("zorblm-7b", "fineTunedFrom", "siglip2-so400m"),
        ),
    ],
)
def test_extract_relations_bases_of_the_own_checkpoint(usage: str, relation: tuple) -> None:
    assert relation in _stated(title=_TITLE, contribution=_OWN, usage=usage)


@pytest.mark.parametrize(
    ("contribution", "expected"),
    [
        (
            "构建多轮越狱对话数据集 ZorbMaze，并在其上训练对话级护栏模型 ZorbGuard。",
            {("zorbguard", "trainedOn", "zorbmaze")},
        ),
        # `其` with no training after it refers to nothing trained
        ("构建数据集 ZorbMaze，并在其上评测 ZorbGuard 模型。", set()),
    ],
)
def test_extract_relations_trained_on_the_dataset_just_named(
    contribution: str, expected: set
) -> None:
    got = _stated(title="ZorbMaze: Jailbreak Dialogues", contribution=contribution)
    assert {r for r in got if r[1] == "trainedOn"} == expected


@pytest.mark.parametrize(
    "usage",
    [
        "*   **深度**：深度由 Depth Anything V2 估计。",
        "*   **工具链**：编排器为 Claude Opus 4.1。",
        "*   **存储**：底层图数据库为 Neo4j。",
        "*   **检索**：向量检索使用 BGE-M3 嵌入。",
    ],
)
def test_extract_relations_parts_a_system_uses(usage: str) -> None:
    got = _stated(title=_TITLE, contribution=_OWN, usage=usage)
    assert {(s, p) for s, p, _ in got} <= {("zorblm", "basedOn"), ("zorblm-7b", "basedOn")}
    assert got


@pytest.mark.parametrize(
    "usage",
    [
        # a model trained with a method is not built on it
        "在 Qwen2.5-7B 上使用 GRPO 算法进行训练。",
        # the language a tool is written in is no part the paper states it builds on
        "代码用 Python 编写。",
    ],
)
def test_extract_relations_training_and_writing_state_no_base(usage: str) -> None:
    assert not _stated(title=_TITLE, contribution=_OWN, usage=usage)


def test_extract_relations_a_benchmark_built_from_provided_assets() -> None:
    got = _stated(
        title="ZorbBench: Bimanual Tasks",
        contribution="构建了 ZorbBench 基准。",
        usage="*   **资产**：基于 SAPIEN 仿真引擎，利用 RoboTwin 提供的任务资产。",
    )
    assert ("zorbbench", "basedOn", "robotwin") in got


@pytest.mark.parametrize(
    ("usage", "relation"),
    [
        # a list after `包括` in the training-data heading
        (
            "**训练数据**：仅使用合成数据集，包括 Spring、BEDLAM 与 PointOdyssey。",
            ("geo4d", "trainedOn", "bedlam"),
        ),
        ("**训练数据**：在 PointOdyssey 合成数据上训练。", ("geo4d", "trainedOn", "pointodyssey")),
    ],
)
def test_extract_relations_known_title_name_is_the_papers_own_subject(
    usage: str, relation: tuple
) -> None:
    # the knowledge base knows Geo4D, but the title names it: the paper's own model
    title = "Geo4D: Leveraging Video Generators for Geometric 4D Scene Reconstruction"
    contribution = "提出了 Geo4D，将视频扩散模型改造为 4D 重建器。"
    assert relation in _stated(title=title, contribution=contribution, usage=usage)


# The end-anchored pattern `_strip_open` scans for from the end.
_OPENING = re.compile(r"[\s\[“\"'`*]*(?:[(（]\s*(?:如|例如|比如|包括)?)?[\s\[“\"'`*]*$")


@pytest.mark.parametrize(
    "left",
    [
        "基于 **",
        "使用数据（如 ",
        "数据（例如",
        "如",
        "（",
        "例 如",
        "数据 （ 包括 “",
        "基于",
        "",
        "  ",
        "A (比如*",
    ],
)
def test_extract_relations_opening_markup_is_stripped_from_the_end(left: str) -> None:
    from kg.extract.relations import _strip_open

    assert _strip_open(left) == _OPENING.sub("", left)


# The regex reading of `_lefts` that the scans from the end replace.
_BRACKET_END = re.compile(r"[(（]\s*$")
_LATIN_END = re.compile(r"(?<![\w.\-])[A-Za-z][\w.\-]{0,30}\s*$")
_ZH_RUN_END = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){2,8}[”\"’']?$")


def _lefts_by_regex(left: str) -> list[str]:
    bare = _OPENING.sub("", left)
    if not _BRACKET_END.search(left):
        return [bare]
    latin = _LATIN_END.search(bare)
    if latin:
        return [bare, bare[: latin.start()]]
    run = _ZH_RUN_END.search(bare)
    cuts = range(run.start(), run.end()) if run else range(0)
    return [bare, *(_OPENING.sub("", bare[:j]) for j in cuts)]


@pytest.mark.parametrize(
    "left",
    [
        "受最大后验策略优化 (",
        "受最大后验策略优化（ \u3000",
        "模型基于 DiT (",
        "使用包含 CoT 的数据（如 ",
        "引入基于蒙特卡洛的价值评估器（",
        "提出了一种基于“内在风险感知”（",
        "如比如例如包括（",
        "方法（如大后验策略优化（",
        "采用“视觉语言”模型\n（",
        "基于 **",
        "基于\u2028",
        "数据 （ 包括 “",
        "（如 ",
        "* `(",
        "",
        " \x1c\x85",
        "一二三四五六七八九十一二三四五（",
    ],
)
def test_extract_relations_lefts_match_their_regex_reading(left: str) -> None:
    from kg.extract.relations import _lefts, _strip_open

    assert _lefts(left) == _lefts_by_regex(left)
    assert _strip_open(left) == _OPENING.sub("", left)


@pytest.mark.parametrize(
    "right",
    ["） 启发", "（12B）与 SD3.5", " ) ]”的", "的权重（", "", "  \n", "）（a）（b）进行"],
)
def test_extract_relations_close_is_cut_as_sub_would(right: str) -> None:
    from kg.extract.relations import _CLOSE

    close = _CLOSE.match(right)
    assert (right[close.end() :] if close else right) == _CLOSE.sub("", right)
