"""Helpers shared by the extractor's components: cue words, KB spelling checks, name tails."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.resources import KBEntry, Resources, is_stop, resources
from kg.extract.shapes import (
    is_size,
    is_version,
    key_of,
)

CONNECTORS = frozenset(
    {
        "of",
        "for",
        "to",
        "and",
        "with",
        "in",
        "via",
        "on",
        "the",
        "a",
        "an",
        "by",
        "as",
        "from",
        "into",
        "at",
    }
)


_WORD_SEP = re.compile(r"[\s\-]+")
# A year a name's edition or a split carries (`AIME 2024`, `val2017`).
YEAR = r"(?:19|20)\d\d"
# A count and its classifier, which may end a list before its head noun (`两种`, `3 款`, `四台`).
COUNT = r"(?:[两二三四五六七八九十]|\d{1,2})\s*(?:个|种|类|项|组|套|款|台)"
# Punctuation that ends the clause or phrase a cue word is looked for in.
PUNCT_STOP = re.compile(r"[，。；：:,;！？!?（）()\n]")


def initials(name: str) -> str:
    """Upper-case initials of a name's content words: `Success Rate` -> `SR`."""
    return "".join(w[0] for w in _WORD_SEP.split(name) if w and w not in CONNECTORS).upper()


def abbreviates(short: str, name: str) -> bool:
    """`gRet` of `Gated Retention`: a one-word short form made of a prefix of each content word
    of the name, in order."""
    words = [w.lower() for w in _WORD_SEP.split(name) if w and w not in CONNECTORS]
    if len(words) < 2 or " " in short or len(short) > 12:
        return False

    def fits(rest: str, i: int) -> bool:
        if i == len(words):
            return not rest
        word = words[i]
        return any(
            word.startswith(rest[:k]) and fits(rest[k:], i + 1)
            for k in range(min(len(word), len(rest)), 0, -1)
        )

    return fits(short.lower(), 0)


class _CueIndex:
    """Cue words of type_cues.tsv compiled into regexes (longest word first)."""

    def __init__(self, res: Resources) -> None:
        after = sorted({c.word for c in res.type_cues if c.side == "after"}, key=len, reverse=True)
        every = sorted({c.word for c in res.type_cues}, key=len, reverse=True)
        self.after_value = {c.word: (c.value, c.weight) for c in res.type_cues if c.side == "after"}
        self.before_value: dict[str, tuple[str, int]] = {}
        for c in res.type_cues:
            self.before_value.setdefault(c.word, (c.value, c.weight))
        for c in res.type_cues:
            if c.side == "before":
                self.before_value[c.word] = (c.value, c.weight)
        alt = "|".join(re.escape(w) for w in after)
        self.start = re.compile(rf"(?:{alt})")
        self.any = re.compile(rf"(?:{alt})")
        self.end = re.compile(rf"(?:{'|'.join(re.escape(w) for w in every)})$")


@lru_cache(maxsize=1)
def _cues() -> _CueIndex:
    return _CueIndex(resources())


class _AffixIndex:
    """Name endings, infixes and prefixes of name_affixes.tsv that tell a name's type."""

    def __init__(self, res: Resources) -> None:
        affixes = res.suffixes
        ends = [a for a, pos, _ in affixes if pos == "suffix"]
        self.suffix_re = re.compile("(?:" + "|".join(re.escape(a) for a in ends) + ")$")
        self.suffix_type = {a: t for a, pos, t in affixes if pos == "suffix"}
        self.words = {a: t for a, pos, t in affixes if pos == "suffix" and a[0] != "-"}
        self.infixes = tuple((a, t) for a, pos, t in affixes if pos == "infix")
        self.prefixes = tuple((a, t) for a, pos, t in affixes if pos == "prefix")


@lru_cache(maxsize=1)
def _affixes() -> _AffixIndex:
    return _AffixIndex(resources())


# `Toys4K`, `Geometry3K`: a dataset named by its size.
_COUNT_SUFFIX = re.compile(r"[A-Za-z]-?\d+(?:\.\d+)?[Kk]$")
# `BRUMO 2025`, `BraTS 2023`: a yearly edition is a competition's or a challenge's set.
_EDITION_YEAR = re.compile(rf"[A-Za-z][ -]{YEAR}$")


def affix_type(label: str, tail: list[str]) -> str | None:
    """Type told by the name's ending (`-Bench`), a final word (`Bench`) or an infix (`@`).

    `tail` is the name's words after the first."""
    return _affix_type(label, tail[-1] if tail else None)


@lru_cache(maxsize=65536)
def _affix_type(label: str, last: str | None) -> str | None:
    # Cached: the same names are typed again in every paper that mentions them.
    ix = _affixes()
    for affix, etype in ix.infixes:
        if affix in label:
            return etype
    for affix, etype in ix.prefixes:
        # `PyRep`: the prefix is followed by a capitalised rest.
        if label.startswith(affix) and label[len(affix) : len(affix) + 1].isupper():
            return etype
    if _COUNT_SUFFIX.search(label):
        head = resources().kb_alias.get(key_of(label.rpartition("-")[0]))
        # `FID-30k`, `FID-50K`: a measure over that many samples is still the measure
        return "Metric" if head is not None and head.etype == "Metric" else "Dataset"
    if _EDITION_YEAR.search(label):
        return "Dataset"
    m = ix.suffix_re.search(label)
    if m is not None and m.start() > 0:
        return ix.suffix_type[m.group()]
    # English compounds are head-final: `Sample Set Aggregator` is no set.
    if last is not None and last in ix.words:
        return ix.words[last]
    return None


def cue_after(res: Resources, text: str) -> tuple[str, int] | None:
    """Type suggested by a cue word at the start of `text` (the text right after a name)."""
    m = _cues().start.match(text)
    return _cues().after_value[m.group()] if m else None


def cue_before(res: Resources, text: str) -> tuple[str, int] | None:
    """Type suggested by a cue word at the end of `text` (the text right before a name)."""
    m = _cues().end.search(text[-8:])
    return _cues().before_value[m.group()] if m else None


def first_cue(window: str) -> tuple[str, int] | None:
    m = _cues().any.search(window)
    return _cues().after_value[m.group()] if m else None


def last_cue(res: Resources, window: str) -> tuple[str, int] | None:
    """Head-final noun phrase: the cue word that occurs last in `window` wins."""
    last = None
    for m in _cues().any.finditer(window):
        last = m
    return _cues().after_value[last.group()] if last else None


def _letters_as_in(surface: str, spellings: Iterable[str]) -> bool:
    """The surface's letters, case and all, are those of one of the spellings."""
    letters = [c for c in surface if c.isalpha()]
    return any(letters == [c for c in s if c.isalpha()] for s in spellings)


def surface_ok(res: Resources, surface: str, entry: KBEntry) -> bool:
    """Reject case-insensitive KB hits that are ordinary words ('atlas', 'Math' for MATH)."""
    spellings = [s for s in (entry.name, *entry.aliases) if key_of(s) == key_of(surface)]
    if not spellings:
        # a derived spelling (`Phi3`, `AIME'24`): its letters as one of the entry's spellings
        # writes them
        return _letters_as_in(surface, (entry.name, *entry.aliases))
    if surface in spellings:
        return True
    if any(s in res.kb_exact_case for s in spellings):
        # the case is what must match (`RTX-4090` is `RTX 4090`; `Sora` is not `SORA`)
        return _letters_as_in(surface, spellings)
    if surface.isupper() and all(s[:1].islower() for s in spellings):
        return False  # `VLLM` (a vision LLM) is not `vLLM`: a lowercase-first brand
    if (
        _TITLE_WORD.match(surface)
        and all(sum(c.isupper() for c in s) >= 2 for s in spellings)
        and not (
            len(surface) >= 8
            and entry.etype != "Method"
            and any(_CAMEL_WORDS.fullmatch(s) for s in spellings)
        )
    ):
        # `Quest` is an English word, not `QueST`; nor `Yarn` YaRN. Two words run together
        # (`Megablocks`, `Slimpajama`) spell the camel-cased name of a tool, data or model;
        # a technique's coined name is written as coined (`Infinigen`, the scene generator,
        # is not InfiniGen, the KV-cache method).
        return False
    if not surface.islower():
        return True
    # A lower-case spelling of a capitalised name is an ordinary word, except a known technique
    # of several words (`flow matching`), a test's phrase of three words or more
    # (`needle-in-a-haystack`), a model's API identifier (`gpt-4-turbo`, `mistral-large`) and
    # the name a package is installed under (`trafilatura`).
    return (
        not any(c.isupper() for c in entry.name)
        or (entry.etype == "Method" and " " in surface)
        or (entry.etype == "Dataset" and len(_WORD_SEP.split(surface)) >= 3)
        or (entry.etype == "Model" and _API_ID.match(surface) is not None)
        or (entry.etype == "Software" and " " not in surface)
    )


def _stems(phrase: str) -> set[str]:
    return {w[:5].lower() for w in _WORD_SEP.split(phrase) if w and w not in CONNECTORS}


_TITLE_WORD = re.compile(r"[A-Z][a-z]+$")
_CAMEL_WORDS = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+")
# A hyphened lower-case spelling of a known model: its API or hub identifier (`gpt-4-turbo`,
# `mistral-large`), which no English text writes so.
_API_ID = re.compile(r"[a-z][a-z0-9.]*(?:-[a-z0-9.]+)+$")
_CAMEL_WORD = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


_PURPOSE = re.compile(r"\s+for\s+.*$", re.IGNORECASE)


def expansion_type(res: Resources, en: str) -> str | None:
    """Type told by the last title cue word of an acronym's expansion, before any purpose
    (`Additive Quantization for Language Models`: a quantization, not a model)."""
    for w in reversed(_PURPOSE.sub("", en).split()):
        etype = res.title_cues.get(w)
        if etype:
            return etype
    return None


def redefines(en: str, kb: KBEntry, res: Resources) -> bool:
    """`可验证化学奖励（Verifiable Chemistry Reward, VCR）`: the known VCR spells out otherwise
    (Visual Commonsense Reasoning), so the paper gives the acronym a meaning of its own.
    A spelling variant (`Group Relative Policy Optimisation`) shares most words. A known
    acronym the knowledge base never spells out is redefined by an expansion of another type
    (`Layerwise Importance Sampling, LISA` is no model)."""
    # `DeepFakeDetection` spells its words out too, run together.
    spelled = (_CAMEL_WORD.sub(" ", n) for n in (kb.name, *kb.aliases))
    longs = [n for n in spelled if " " in n]
    if not longs:
        return expansion_type(res, en) not in (None, kb.etype)
    words = _stems(en)
    return all(len(words & _stems(n)) * 2 < len(words) for n in longs)


def is_extension(res: Resources, tok: str) -> bool:
    """A token that continues a name into a variant: `Base`, `2.5`, `7B`, `G1`, `V2-Large`;
    not a video resolution (`Wan2.1-T2V-14B 720p 生成`, `Open-Sora 720p-2s`), which is a
    setting of the run.
    A final star stays on the variant (`PaLM 2-S*`)."""
    if tok.endswith("*") and len(tok) > 1:
        tok = tok[:-1]
    return _RESOLUTION.match(tok) is None and all(
        p in res.variant_words
        or is_version(p)
        or is_size(p)
        or (_CODE.match(p) is not None and not _is_metric(res, p))
        or FORM.match(p) is not None
        or _PATCH.match(p) is not None
        for p in tok.split("-")
    )


def _is_metric(res: Resources, tok: str) -> bool:
    """`F1` after `LLaVA-1.5-7B` is the score's metric, not a model code like `Unitree H1`."""
    entry = res.kb_alias.get(key_of(tok))
    return entry is not None and entry.etype == "Metric"


def extend_name(res: Resources, run: list[tuple[int, int, str]], j: int, text: str) -> int:
    """End index (exclusive) of a name starting before token j, extended by variant tokens.

    Capitalised words join only when a version or size follows them ('Genie Sim 3.0'); a
    number that reads as a score ('领先 CAT-Seg 2.4 分', 'mPSNR 17.82') does not join.
    """
    k = j
    pending = j
    # `CER 3.9（PyLaia 5.6、TrOCR-large 7.8）`: names listed in brackets after a score carry
    # scores, not releases.
    # `LPIPS 0.061，rFVD 42；`: after another name's score, a name's number is its score too.
    # Looked up only when a number follows: most names have none.
    scored = None
    while pending < len(run):
        _, end, tok = run[pending]
        if _NUMERIC.match(tok):
            if scored is None:
                at = run[j - 1][0]
                scored = bool(
                    _SCORES_IN_BRACKETS.search(text, max(0, at - 80), at)
                    or _AFTER_SCORE.search(text, max(0, at - 16), at)
                )
            if scored or _SCORE_LIKE.match(tok) or _SCORE_UNIT.match(text, end) is not None:
                break
        if is_extension(res, tok):
            pending += 1
            k = pending
        elif tok[:1].isupper() and tok.isalpha() and not is_stop(res, tok):
            pending += 1
        else:
            break
    return k


def is_capitalised(tok: str) -> bool:
    return (
        len(tok) >= 3
        and tok[0].isupper()
        and tok[1:].replace("-", "").isalpha()
        and tok[1:].islower()
    )


def is_plain_word(res: Resources, tok: str) -> bool:
    """A capitalised word, unhyphened, that is no known name or stop term (`Latest`,
    `Reviews`): a word of a longer name, not a name of its own."""
    return (
        is_capitalised(tok)
        and "-" not in tok
        and key_of(tok) not in res.kb_alias
        and not is_stop(res, tok)
    )


_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
# `720p`, and `720p-2s` (a resolution and a clip length)
_RESOLUTION = re.compile(r"^\d{3,4}[pP](?:-\d{1,3}s)?$")


# An unclosed bracket opened right after a number, up to the end of the searched span.
_SCORES_IN_BRACKETS = re.compile(r"\d(?:\.\d+)?\s*%?\s*[（(][^（）()]*$")


_AFTER_SCORE = re.compile(r"[A-Za-z]\S*\s\d+(?:\.\d+)?\s*%?\s*[，,；;、]\s*$")


# Two or more decimals, a leading `0.` or a two-digit whole part (`TEDS 88.7`) is a
# measurement, not a release number.
_SCORE_LIKE = re.compile(r"^(?:\d+\.\d{2,}|0\.\d+|\d{2,}\.\d)$")


# A unit after a number that makes it a score, a count or a span of time (`Franka Panda 7
# 自由度机械臂`: an arm with seven joints, not its release 7; `IFS-ENS 28 天`).
_SCORE_UNIT = re.compile(
    r"(?:\s*(?:和|与|、|/|，|,)\s*\d+(?:\.\d+)?)*\s*"
    r"(?:分|个|次|步|轮|张|块|条|天|小时|分钟|秒|%|％|倍|pp\b|points?\b|自由度|DoF\b)"
)


# A backbone's size and patch: the `L/16` of `DINOv3 ViT-L/16`.
_PATCH = re.compile(r"^(?:[STBLHGg]|[Ss]o\d+m)/\d+$")


# Board forms and memory sizes of an accelerator: `H100 SXM5`, `A100 80GB`.
FORM = re.compile(r"^(?:SXM\d?|PCIe|NVL|\d+GB?)$")


# Size letters of a model's checkpoints (`Foo-S`, `Foo-M`, `Foo-L`).
SIZE_LETTERS = frozenset({"T", "S", "B", "M", "L", "H", "X"})


RELEASE = re.compile(r"^(?:[vV]?\d+\.\d+|[vV]\d+)$")


# A short model code after a maker's name: `AgiBot G1`, `Unitree H1`.
_CODE = re.compile(r"^[A-Z]\d{1,2}$")
