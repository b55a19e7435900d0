"""The 应用领域 section split into fields with names, parents and top-level areas."""

from __future__ import annotations

import re

import pytest
from extract_fixtures import extract

from kg.extract import taxonomy_areas
from kg.extract.fields import area_of, canonical
from kg.extract.resources import keyword_pattern


def _fields(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(f.zh, f.en, f.parent) for f in extract(fields=text).fields]


def test_extract_fields_pairs_split_on_enumeration_comma() -> None:
    got = _fields(
        "多模态大模型安全（Multimodal LLM Security）、对抗性攻击（Adversarial Attacks）。"
    )
    assert got == [
        ("多模态大模型安全", "Multimodal LLM Security", None),
        ("对抗性攻击", "Adversarial Attacks", None),
    ]


def test_extract_fields_broad_dash_narrow_gives_parent() -> None:
    got = _fields(
        "计算机视觉 - 第一人称视频理解 (Egocentric Video Understanding) / 具身智能 (Embodied AI)"
    )
    assert got == [
        ("计算机视觉", "Computer Vision", None),
        ("第一人称视频理解", "Egocentric Video Understanding", "computer-vision"),
        ("具身智能", "Embodied AI", None),
    ]


def test_extract_fields_latin_broad_field_and_acronym() -> None:
    got = _fields(
        "NLP-大模型智能体（LLM Agents）、多智能体强化学习 (Multi-Agent Reinforcement Learning, MARL)"
    )
    # Names as written; the missing language comes from the synonym table.
    assert got[0][:2] == ("自然语言处理", "NLP")
    assert got[1] == ("大模型智能体", "LLM Agents", "natural-language-processing")
    assert got[2][1] == "Multi-Agent Reinforcement Learning"


@pytest.mark.parametrize(
    ("text", "parent", "area"),
    [
        # The report's broad field stays the parent (the guide: the second is narrower than
        # the first); the field's own words still give its area.
        ("NLP-大模型智能体（LLM Agents）", "natural-language-processing", "ai-agents"),
        ("计算机视觉 - 视频生成", "computer-vision", "generative-models"),
        ("自然语言处理 - 大模型推理加速", "natural-language-processing", "ml-systems"),
        ("计算机视觉 - 第一人称视频理解", "computer-vision", "computer-vision"),
        # nothing of its own: the parent's area
        ("人工智能安全 - 奇怪领域", "ai-safety", "ai-safety"),
        ("生成式 AI - 图像与视频生成", "generative-ai", "generative-models"),
    ],
)
def test_extract_fields_report_parent_and_own_area(
    text: str, parent: str | None, area: str
) -> None:
    last = extract(fields=text).fields[-1]
    assert (last.parent, last.area) == (parent, area)


def test_extract_fields_detail_parenthesis_lists_more_fields() -> None:
    got = _fields("生成式 AI - 图像与视频生成（具体涉及扩散模型加速、分布匹配蒸馏）。")
    assert [g[0] for g in got] == ["生成式 AI", "图像与视频生成", "扩散模型加速", "分布匹配蒸馏"]


def test_extract_fields_slash_inside_english_is_distributed() -> None:
    got = _fields("单视图 3D 重建 / 3D 生成 (Single-View 3D Reconstruction / Generation)")
    assert [g[1] for g in got] == ["Single-View 3D Reconstruction", "Generation"]


def test_extract_fields_markup_and_later_prose_lines_ignored() -> None:
    got = _fields("**具身智能 (Embodied AI)**\n主要用于降低模型训练的数据成本，实现高效训练。")
    assert got == [("具身智能", "Embodied AI", None)]


@pytest.mark.parametrize(
    ("zh", "en", "area"),
    [
        ("多模态大模型安全", "Multimodal LLM Security", "ai-safety"),
        ("视频生成", None, "generative-models"),
        ("第一人称视频理解", "Egocentric Video Understanding", "computer-vision"),
        ("视觉语言导航", "VLN", "robotics-and-embodied-ai"),
        ("推荐系统", None, "recommender-systems"),
        ("大模型推理加速", None, "ml-systems"),
        (None, "Speech Recognition", "speech-and-audio"),
        # sub-field vocabulary of each area
        ("遥感", "Remote Sensing", "computer-vision"),
        ("气象预报", "Weather Forecasting", "ai-for-science"),
        ("药物发现", None, "ai-for-science"),
        ("软件工程", "Software Engineering", "natural-language-processing"),
        ("GPU 集群调度", None, "ml-systems"),
        ("移动端自动化", None, "ai-agents"),
        ("奖励建模", "Reward Modeling", "reinforcement-learning"),
        ("灵巧操作", None, "robotics-and-embodied-ai"),
        ("数字人", "Digital Humans", "computer-graphics"),
        ("世界模型", "World Models", "generative-models"),
        ("智能教育", None, "human-computer-interaction"),
        ("光学字符识别", "OCR", "computer-vision"),
        # narrower words before broader ones
        ("驾驶世界模型", "Driving World Models", "robotics-and-embodied-ai"),
        ("对地观测基础模型", "Earth Observation Foundation Models", "computer-vision"),
        ("数字人文", "Digital Humanities", "natural-language-processing"),
        ("不确定性量化", "Uncertainty Quantification", "machine-learning"),
        ("多智能体强化学习", "MARL", "reinforcement-learning"),
        ("视频编解码", "Video Codec", "computer-vision"),
    ],
)
def test_extract_fields_area_keywords(zh: str | None, en: str | None, area: str) -> None:
    assert area_of(zh, en) == area


@pytest.mark.parametrize(
    ("en", "area"),
    [
        ("NLP Tools", "natural-language-processing"),
        ("Hallmark", None),
        # a short keyword is a whole word, plural allowed
        ("GUI Agents", "ai-agents"),
        ("Multi-GPUs Training", "ml-systems"),
        ("Classifier-Free Guidance", None),
        ("Ragtime Music Analysis", "speech-and-audio"),
    ],
)
def test_extract_fields_english_keyword_starts_a_word(en: str, area: str | None) -> None:
    # the keyword `llm` is not found inside `Hallmark`, nor `gui` inside `Guidance`
    assert area_of(None, en) == area


@pytest.mark.parametrize(
    ("zh", "en"),
    [("计算机视觉", None), (None, "CV"), ("视觉", "Computer Vision"), (None, "computer vision")],
)
def test_extract_fields_synonyms_meet_on_one_key(zh: str | None, en: str | None) -> None:
    assert canonical(zh, en) == ("计算机视觉", "Computer Vision")


def test_extract_fields_every_area_is_in_taxonomy() -> None:
    keys = {a.key for a in taxonomy_areas()}
    assert {"computer-vision", "natural-language-processing", "ai-safety"} <= keys
    assert all(a.zh and a.en for a in taxonomy_areas())
    x = extract(
        fields="计算机视觉 - 视频生成、具身智能 (Embodied AI)、博弈论 (Game Theory)、奇怪领域"
    )
    assert {f.area for f in x.fields} <= keys


def test_extract_fields_area_names_map_to_themselves() -> None:
    for a in taxonomy_areas():
        assert area_of(a.zh, a.en) == a.key
        x = extract(fields=f"{a.zh}（{a.en}）")
        assert [(f.key, f.area) for f in x.fields] == [(a.key, a.key)]


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        (
            "计算机图形学-物理仿真角色控制 (Physics-based Character Control)",
            ["计算机图形学", "物理仿真角色控制"],
        ),
        ("视觉-语言模型鲁棒性（Vision-Language Model Robustness）", ["视觉-语言模型鲁棒性"]),
        (
            "计算机视觉 - 视频生成（特别是自回归长视频生成、视频扩散模型）。",
            ["计算机视觉", "视频生成", "自回归长视频生成", "视频扩散模型"],
        ),
        (
            "计算机视觉 - 视频生成加速（特别是基于Transformer的视频扩散模型，如Wan2.1）。",
            ["计算机视觉", "视频生成加速"],
        ),
    ],
)
def test_extract_fields_hyphen_and_focus_lists(text: str, zh: list[str]) -> None:
    assert [g[0] for g in _fields(text)] == zh


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "视频理解，具体涉及长视频问答、时序推理、动作识别及具身智能等场景。",
            ["视频理解", "长视频问答", "时序推理", "动作识别", "具身智能"],
        ),
        ("具身智能，结合了计算机视觉、自然语言处理。", ["具身智能", "计算机视觉", "自然语言处理"]),
        ("多模态大模型 (VLLM) 微调、强化学习。", ["多模态大模型微调", "强化学习"]),
        ("社交智能（Social Intelligence）研究。", ["社交智能"]),
        ("可控生成以及精细化编辑。", ["可控生成", "精细化编辑"]),
    ],
)
def test_extract_fields_prose_lists_split_into_fields(text: str, names: list[str]) -> None:
    assert [g[0] for g in _fields(text)] == names


@pytest.mark.parametrize("keyword", ["ai", "gui", "rl", "robotics", "3d", "nlp"])
@pytest.mark.parametrize(
    "hay",
    [
        "ai",
        "air",
        "fair ai",
        "gui agents",
        "guidance",
        "guis",
        "deep rl",
        "rlhf",
        "3d vision",
        "x3d",
        "robotics",
        "microrobotics",
        "nlps",
        "ai-driven",
        "",
        "ai ai",
        "aai",
    ],
)
def test_extract_fields_keyword_pattern_matches_like_a_lookbehind(keyword: str, hay: str) -> None:
    """The keyword-first pattern finds what `(?<![a-z])keyword` finds, at the same place."""
    end = r"s?(?![a-z])" if len(keyword) <= 3 else ""
    before = re.compile(rf"(?<![a-z]){re.escape(keyword)}{end}")
    found = keyword_pattern(keyword).search(hay)
    expected = before.search(hay)
    assert (found and found.span()) == (expected and expected.span())


def _area_rule_by_rule(zh: str | None, en: str | None) -> str | None:
    """area_of as a scan of every rule in order (what the keyword tree spares)."""
    from kg.extract.resources import resources

    hay = " ".join(x for x in (zh, en) if x).casefold()
    for rule, area in resources().area_rules:
        if rule in hay if isinstance(rule, str) else rule.search(hay):
            return area
    return None


def _area_names() -> list[tuple[str | None, str | None]]:
    from kg.extract.resources import resources

    res = resources()
    names = [(zh, en) for en, zh in set(res.field_syn.values())]
    names += [(None, k) for k in res.area_keywords[::7]] + [
        (k + "s", None) for k in res.area_keywords[3::11]
    ]
    names += [
        (None, "Embodied AI"),
        ("多模态大模型", "Multimodal LLMs"),
        (None, "air quality"),
        (None, ""),
    ]
    return sorted(names, key=str)


@pytest.mark.parametrize("chunk", range(8))
def test_extract_fields_area_of_finds_the_first_rule_a_scan_finds(chunk: int) -> None:
    names = _area_names()
    for zh, en in names[chunk::8]:
        assert area_of.__wrapped__(zh, en) == _area_rule_by_rule(zh, en), (zh, en)
