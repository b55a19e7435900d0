"""A mixed-script spaCy tokenizer: Latin-script name runs, CJK runs, punctuation, spaces."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# A Latin-script token keeps inner dots, hyphens, +, @, ^ and apostrophes (Qwen2.5-VL-7B,
# Pass@k, Prisoner's, J&F, TL;DR), a middle dot between letters (DALL·E) and a final star
# (V*; markup stars never reach the Doc); "/" joins only a short number ("SiT-XL/2") or a
# resolution ("CLIP-ViT-L/336px") or one capital after a word's
# last capital ("CodeI/O") so that "H100/H800", "Base/Instruct" and "Q/K/V" split.
# Latin-1 letters and superscript digits (τ²-bench, π³) without the signs × and ÷, so that
# "8×A100" is a count and a chip.
LATIN_CHARS = r"A-Za-z0-9\u00b2\u00b3\u00b9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff"
# The slash of `CodeI/O`: one capital after a word's last capital, joined.
CAPITAL_SLASH = rf"(?<=[a-z][A-Z])/(?=[A-Z](?![{LATIN_CHARS}]))"
# A percent sign stays inside a metric's name after a letter or a rate (`TPR@5%FPR`,
# `Min-K%`, `Min-K%++`), never after a plain number (`提升 5%`).
LATIN_TOKEN = (
    rf"[{LATIN_CHARS}](?:[{LATIN_CHARS}.+_'’@^\-]|/(?=\d{{1,2}}(?![\d.])|\d{{3,4}}px)"
    rf"|{CAPITAL_SLASH}|&(?=[A-Za-z])"
    rf"|(?<=[A-Za-z])·(?=[A-Za-z])"
    rf"|(?:(?<=[A-Za-z])|(?<=@\d)|(?<=@\d\d))%(?=[A-Za-z+])|(?<=[A-Z]{{2}});(?=[A-Z]{{2}}\b)"
    rf")*(?:[{LATIN_CHARS}+*#]|(?<=[A-Za-z])%)|[{LATIN_CHARS}]"
)
# `SE(3)`, `TD(λ)`, `SE(3)-Transformer`: capitals with a glued bracketed number or Greek
# letter are one token (not `O(1)`, a complexity).
_BRACKETED = r"[A-Z]{2,4}\((?:\d{1,2}|[\u03b1-\u03c9])\)(?:-[A-Za-z0-9]+)*"
# `ZeroQuant(4+2)`, `DPM-Solver++(2M)`, `RD-Agent(Q)`, `DrQ(ε)`, `Q(λ)`: a name with a glued
# bracket naming its configuration is one token (not `SE(3)`, a group, nor `f(x)` or `P(A)`).
_CONFIGURED = (
    r"(?:[A-Z][A-Za-z0-9.+\-]*[A-Za-z+]\((?:\d[A-Z]|\d\+\d|[A-Z]|[\u03b1-\u03c9])|[A-Z]\(λ)\)"
)
# `δ<1.25`, `δ < 1.25²`: the threshold accuracy of depth estimation is one measure's name.
_THRESHOLD = r"δ\s?<\s?1\.25(?:[²³]|\^[23])?(?![\d.])"
# `∞-Bench`, `∞Bench`: a name that opens with the infinity sign (InfiniteBench).
_INFINITY = r"∞-?[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
# What a name's word can be: the Doc's Latin tokens and the knowledge-base ruler's runs.
NAME_TOKEN = rf"{_THRESHOLD}|{_BRACKETED}|{_CONFIGURED}|{_INFINITY}|{LATIN_TOKEN}"
CJK_RUN = r"[\u3400-\u4dbf\u4e00-\u9fff]+"
# Everything that is neither Latin script nor space stays in one chunk: Chinese text is only
# searched for cue words and glossary terms by the components, never segmented, and fewer
# tokens make Doc construction several times cheaper.
_OTHER = rf"[^\s{LATIN_CHARS}∞]+|∞"
# A plain word of letters and digits that no character after it can continue (nor make
# `_BRACKETED`) is the NAME_TOKEN match there already: it is taken in one step, where
# LATIN_TOKEN's loop tries its alternatives at every character and backs off at the end.
_PLAIN_WORD = rf"[A-Za-z0-9]+(?![{LATIN_CHARS}.+_'’@^\-/&·%;*#(])"
# The kinds of token open with characters no other kind opens with, so their order only
# decides how soon one is found: the commonest first. The infinity sign opens a name or is a
# chunk of its own, so its name is tried first.
_TOKEN = re.compile(rf"{_INFINITY}|{_OTHER}|{_PLAIN_WORD}|\s+|{NAME_TOKEN}", re.S)
# What a NAME_TOKEN opens with (and neither other kind of token does).
_LATIN_FIRST = frozenset(
    ch for ch in map(chr, range(0x400)) if re.fullmatch(f"[{LATIN_CHARS}]", ch)
)
# Where a Doc keeps its Latin-script tokens for the components (`user_data`): every match of
# NAME_TOKEN in its text as (start, end, token). The tokenizer has found them already (the
# tokens cover the text, and a name token starts at the first Latin character after the
# last one), so the knowledge-base ruler does not scan the text for them again.
LATIN_TOKENS = "paperkg_latin_tokens"


class MixedScriptTokenizer:
    """Tokenizes without word segmentation: non-Latin text stays in chunks, names stay whole."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        latin: list[tuple[int, int, str]] = []
        pos = 0
        for tok in _TOKEN.findall(text):
            start = pos
            pos += len(tok)
            first = tok[0]
            if first == " ":
                # A single space after a token belongs to it (spaCy's whitespace convention);
                # the token before a run of spaces is never one, as the run is one match.
                if words:
                    spaces[-1] = True
                    if len(tok) == 1:
                        continue
                    tok = tok[1:]
            elif first in _LATIN_FIRST or (first == "∞" and len(tok) > 1):
                latin.append((start, pos, tok))
            words.append(tok)
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[LATIN_TOKENS] = tuple(latin)
        return doc

    # spaCy serialization hooks: the tokenizer has no state besides the vocab.
    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> MixedScriptTokenizer:
        return self


@spacy.registry.tokenizers("paperkg.mixed_script_tokenizer.v1")
def create_tokenizer() -> object:
    def make(nlp: spacy.language.Language) -> MixedScriptTokenizer:
        return MixedScriptTokenizer(nlp.vocab)

    return make
