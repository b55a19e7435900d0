"""The mixed-script tokenizer: Latin names stay whole, Chinese is not segmented."""

from __future__ import annotations

import random
import re

import pytest

from kg.extract.pipeline import nlp
from kg.extract.tokenizer import _OTHER, _TOKEN, LATIN_TOKENS, NAME_TOKEN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("基于Qwen2.5-VL-7B微调", ["基于", "Qwen2.5-VL-7B", "微调"]),
        ("使用 8 张 NVIDIA A40", ["使用", "8", "张", "NVIDIA", "A40"]),
        ("H100/H800 集群", ["H100", "/", "H800", "集群"]),
        ("在 SiT-XL/2 上", ["在", "SiT-XL/2", "上"]),
        ("为 CLIP-ViT-L/336px，", ["为", "CLIP-ViT-L/336px", "，"]),
        ("分辨率 384/336 对比", ["分辨率", "384", "/", "336", "对比"]),
        ("Pass@k 和 GPT-4o。", ["Pass@k", "和", "GPT-4o", "。"]),
        ("J&F 为 87.9", ["J&F", "为", "87.9"]),
        ("8×A100 节点", ["8", "×", "A100", "节点"]),
        ("TPR@5%FPR 与 Min-K%++", ["TPR@5%FPR", "与", "Min-K%++"]),
        ("Min-K% Prob 提升 5%", ["Min-K%", "Prob", "提升", "5", "%"]),
        ("优于 QuIP#（6.19）", ["优于", "QuIP#", "（", "6.19", "）"]),
        # capitals with a glued bracketed number or Greek letter stay whole; `O(1)` does not
        ("采用 TD(λ) 与 SE(3)-Transformer", ["采用", "TD(λ)", "与", "SE(3)-Transformer"]),
        ("复杂度 O(1)", ["复杂度", "O", "(", "1", ")"]),
        # a name with a glued bracket naming its configuration stays whole
        ("沿用 ZeroQuant(4+2) 的结论", ["沿用", "ZeroQuant(4+2)", "的结论"]),
        ("DPM-Solver++(2M) 与 DrQ(ε)", ["DPM-Solver++(2M)", "与", "DrQ(ε)"]),
        ("提出 RD-Agent(Q) 并计算 Q(λ) 回报", ["提出", "RD-Agent(Q)", "并计算", "Q(λ)", "回报"]),
        # a formula's function or probability is no name
        ("其中 P(A) 与 f(x)", ["其中", "P", "(", "A", ")", "与", "f", "(", "x", ")"]),
        # one capital after a word's last capital joins across the slash; other slashes split
        ("提出 CodeI/O 与 CodeI/O++", ["提出", "CodeI/O", "与", "CodeI/O++"]),
        ("Q/K/V 与 A/B 测试", ["Q", "/", "K", "/", "V", "与", "A", "/", "B", "测试"]),
        ("TinyVAR-S/M 两档", ["TinyVAR-S", "/", "M", "两档"]),
        # a semicolon glued between capitals stays (`TL;DR`); one before a space ends a token
        ("在 TL;DR 上", ["在", "TL;DR", "上"]),
        ("XX; YY", ["XX", ";", "YY"]),
        # a middle dot between letters stays inside a name; after a number it is a product
        ("与 DALL·E 3 相比", ["与", "DALL·E", "3", "相比"]),
        ("5·tIoU", ["5", "·", "tIoU"]),
        # the infinity sign opens a name before a capital; elsewhere it is a sign
        (
            "在 ∞-Bench 与 ∞Bench 上，L∞ 与 ∞",
            ["在", "∞-Bench", "与", "∞Bench", "上，", "L", "∞", "与", "∞"],
        ),
    ],
)
def test_extract_tokenizer_splits_scripts(text: str, expected: list[str]) -> None:
    doc = nlp().make_doc(text)
    assert [t.text for t in doc] == expected


@pytest.mark.parametrize(
    "text",
    ["提出了 RynnBrain，一个模型。\n  第二行  有两个空格", "  leading", "a\tb\n\nc", ""],
)
def test_extract_tokenizer_round_trips_text(text: str) -> None:
    assert nlp().make_doc(text).text == text


def test_extract_tokenizer_doc_carries_typed_spans() -> None:
    from extract_fixtures import paper

    from kg.extract.pipeline import make_doc, run
    from kg.extract.text import paper_sentences

    text, sents = paper_sentences(paper(usage="基于Qwen2.5-VL-7B微调，在 8 张 A100 上训练。"))
    doc = run(make_doc(text, sents, "A Paper"))
    assert [(s.text, s.label_) for s in doc.spans["paperkg"]] == [
        ("Qwen2.5-VL-7B", "Model"),
        ("A100", "Hardware"),
    ]


def _report_texts() -> list[str]:
    from pathlib import Path

    from kg.extract.text import paper_sentences
    from kg.parse import iter_papers, parse_folder

    reports = Path(__file__).resolve().parent.parent / "reports"
    return [paper_sentences(p)[0] for p in iter_papers(parse_folder(reports)) if not p.failed]


@pytest.mark.parametrize(
    "texts",
    [
        ["基于Qwen2.5-VL-7B微调", "δ < 1.25 与 δ<1.25²", "在 2xH100 上 TD(λ)", "  a  b\n", ""],
        [
            "TL;DR、J&F 与 DALL·E 3，Min-K%++ 和 5%",
            "À la carte Ωmega ²x ·a",
            "TPR@5%FPR x_t ∞-Bench ∞",
        ],
        _report_texts(),
    ],
    ids=["names", "marks", "reports"],
)
def test_tokenizer_latin_tokens_are_the_name_token_matches(texts: list[str]) -> None:
    """The Latin tokens a Doc keeps are what a scan of its text for NAME_TOKEN finds."""
    import re

    from kg.extract.tokenizer import LATIN_TOKENS, NAME_TOKEN

    scan = re.compile(NAME_TOKEN)
    for text in texts:
        kept = nlp().make_doc(text).user_data[LATIN_TOKENS]
        assert list(kept) == [(m.start(), m.end(), m.group()) for m in scan.finditer(text)]


def _reference_pattern() -> re.Pattern[str]:
    """The token pattern before its plain-word shortcut: the three kinds in their first order."""
    return re.compile(rf"{NAME_TOKEN}|{_OTHER}|\s+", re.S)


def _reference_tokens(text: str) -> tuple[list[str], list[bool], tuple[tuple[int, int, str], ...]]:
    """The tokenizer before its plain-word shortcut, a space merged by the full test."""
    words: list[str] = []
    spaces: list[bool] = []
    latin: list[tuple[int, int, str]] = []
    pos = 0
    for tok in _reference_pattern().findall(text):
        start = pos
        pos += len(tok)
        if re.fullmatch(NAME_TOKEN, tok):
            latin.append((start, pos, tok))
        if tok[0] == " " and words and not spaces[-1] and tok.isspace():
            spaces[-1] = True
            tok = tok[1:]
            if not tok:
                continue
        words.append(tok)
        spaces.append(False)
    return words, spaces, tuple(latin)


_EDGE_TEXTS = [
    "基于Qwen2.5-VL-7B微调",
    "Qwen3 和 GPT4o、Llama3 以及 ABC(1) 与 SE(3)-Transformer 和 TD(λ)",
    "H100/H800 与 SiT-XL/2、ViT-L/16 和 V* 及 Retro* 与 QuIP# 与 C#",
    "TPR@5%FPR, Min-K%++, Min-K% Prob, 提升 5%, 50%FPR",
    "J&F 与 J&1, TL;DR 与 XX; YY, DALL·E 3, 5·tIoU",
    "δ<1.25 与 δ < 1.25² 与 δ<1.25^2, τ²-bench, π³",
    "Prisoner's, Prisoner’s, a_b, a^b, a+b, a.b.c, a-, a.",
    "Éclair façade naïve résumé ßeta Ωmega",
    "  leading  double  spaces \n\n newline\tTab\u3000ideographic\u00a0nbsp ",
    "ABCD(12) AB(x) A(1) ABCDE(1) AB((1)) 8×A100",
    "ZeroQuant(4+2) DPM-Solver++(2M) RD-Agent(Q) DrQ(ε) Q(λ) P(A) Ab(2M)x CodeI/O A/B eI/Ox",
    "∞-Bench、∞Bench、L∞ 与 ∞ 和 ∞-，∞∞X",
    "",
    " ",
    "x",
    "中文",
]


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_extract_tokenizer_plain_word_shortcut_same_tokens(text: str) -> None:
    doc = nlp().make_doc(text)
    words, spaces, latin = _reference_tokens(text)
    assert [t.text for t in doc] == words
    assert [bool(t.whitespace_) for t in doc] == spaces
    assert doc.user_data[LATIN_TOKENS] == latin


@pytest.mark.parametrize("seed", range(4))
def test_extract_tokenizer_plain_word_shortcut_same_on_random_text(seed: int) -> None:
    pieces = list("aZq09 .+_'’@^-/&·%;*#()（）δ<1.25²³é中，。\n\t\u3000×λ")
    pieces += ["SE(3)", "TD(λ)", "δ < 1.25", "@5", "TL;DR", "Min-K%", "∞", "∞-Bench"]
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _TOKEN.findall(text) == _reference_pattern().findall(text), text
