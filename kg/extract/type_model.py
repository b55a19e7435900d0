"""A learned second opinion on the type of a name the knowledge base does not know."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.cands import leading
from kg.extract.resources import CJK
from kg.paths import PACKAGE_DIR

WEIGHTS_FILE = PACKAGE_DIR / "extract" / "patterns" / "type_weights.tsv"
TYPES = ("Dataset", "Hardware", "Method", "Metric", "Model", "Organization", "Software")
# The model overrides the cue votes only when it prefers another type by this much
# probability, and only when the votes are close: an explicit cue (`ZorBix 评估指标`, four
# votes or more ahead) stands. Both chosen by cross-validation on the dev gold.
MIN_LEAD = 0.1
STRONG_LEAD = 4

# Unknown Hardware and Organization names are too few in the dev gold (23 and 9 of 3,104)
# to learn from: they keep the type their cues give them. Cross-validation on the dev gold
# chose this over arbitrating all types or only the four commonest (`train_types --cv`).
ARBITRATED = ("Dataset", "Method", "Metric", "Model", "Software")

_WORD_SPLIT = re.compile(r"[\s\-_/]+")
_SIZE = re.compile(r"(?<![A-Za-z])\d+(?:\.\d+)?[BMKT]\b", re.I)
_ALL_CAPS = re.compile(r"[A-Z0-9\-+]+")
_CAMEL = re.compile(r"[a-z][A-Z]")
_DIGIT = re.compile(r"\d")
_R1 = re.compile(r"-R1\b|-Zero\b")
_GLOSS = re.compile(r"^[（(][^）)]*[）)]")


@dataclass(frozen=True, slots=True)
class NameView:
    """What the model sees of one entity of one paper."""

    name: str
    votes: Mapping[str, int]
    types: Iterable[str]  # types the candidates were given
    roles: Iterable[str]
    zh: Iterable[str]  # Chinese labels
    inherited: str | None  # type of the name this one extends (`RynnBrain` for `RynnBrain-Nav`)
    contexts: Iterable[tuple[str, str]]  # text just before and after each mention
    sections: Iterable[str]
    in_title: bool


def features(v: NameView) -> list[str]:
    """Sparse binary features: cue votes, name shape, Chinese labels, nearby Chinese words."""
    f = {"bias"}
    if v.inherited:
        f.add(f"inh:{v.inherited}")
    for t, n in v.votes.items():
        f.add(f"v:{t}:{min(n, 9) // 3}")
    if v.votes:
        f.add(f"lead:{leading(v.votes)}")
        f.add(f"margin:{min(vote_lead(v.votes), 6) // 2}")
    else:
        f.add("novotes")
    f.update(f"ty:{t}" for t in v.types)
    f.update(f"role:{r}" for r in v.roles)
    name = v.name
    if CJK.search(name):
        f.add(f"zhname_last:{name[-1]}")
        f.add(f"zhname_last2:{name[-2:]}")
    else:
        parts = [p for p in _WORD_SPLIT.split(name) if p]
        if len(parts) > 1:
            f.add(f"last:{parts[-1].lower()}")  # the head word: `Probe`, `Tokenizer`, `Bench`
        f.add(f"suf3:{name[-3:].lower()}")
        f.add(f"nw:{min(len(parts), 4)}")
        shape = (
            ("allcaps", _ALL_CAPS.fullmatch(name)),
            ("camel", _CAMEL.search(name)),
            ("digit", _DIGIT.search(name)),
            ("size", _SIZE.search(name)),
            ("hyphen", "-" in name),
            ("r1", _R1.search(name)),
            ("titlecase_words", " " in name and all(p[:1].isupper() for p in parts)),
        )
        f.update(label for label, hit in shape if hit)
    for z in v.zh:
        f.add(f"zh1:{z[-1]}")
        f.add(f"zh2:{z[-2:]}")
    if v.zh:
        f.add("has_zh")
    if v.in_title:
        f.add("in_title")
    for left, right in v.contexts:
        right = _GLOSS.sub("", right.lstrip(" 　")).lstrip()
        if right[:1] and CJK.match(right[:1]):
            f.add(f"r1:{right[:1]}")
            if len(right) > 1 and CJK.match(right[1]):
                f.add(f"r2:{right[:2]}")
        left = left.rstrip(" 　")
        if len(left) >= 2 and CJK.match(left[-1]) and CJK.match(left[-2]):
            f.add(f"l2:{left[-2:]}")
    f.update(f"sec:{s}" for s in v.sections)
    return sorted(f)


@lru_cache(maxsize=1)
def weights(path: Path = WEIGHTS_FILE) -> dict[str, tuple[float, ...]]:
    """feature -> one weight per type of TYPES (type_weights.tsv, written by train_types)."""
    out: dict[str, tuple[float, ...]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        feat, *ws = line.split("\t")
        out[feat] = tuple(float(w) for w in ws)
    return out


def probabilities(feats: Iterable[str], table: Mapping[str, tuple[float, ...]]) -> dict[str, float]:
    """Softmax over TYPES of the summed weights of the features the table knows."""
    rows = [row for feat in feats if (row := table.get(feat)) is not None]
    z = [sum(col) for col in zip(*rows, strict=True)] if rows else [0.0] * len(TYPES)
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = sum(e)
    return {t: x / total for t, x in zip(TYPES, e, strict=True)}


def vote_lead(votes: Mapping[str, int]) -> int:
    """How many votes the leading type has over the next one."""
    top = sorted(votes.values(), reverse=True) + [0, 0]
    return top[0] - top[1]


def _open(current: str, lead: int) -> bool:
    """The model may only change a type it can choose, and only when the cue votes are close."""
    return current in ARBITRATED and lead < STRONG_LEAD


def choose(p: Mapping[str, float], current: str, lead: int) -> str:
    """`current`, unless its cue votes lead by less than STRONG_LEAD and the model prefers
    another type by at least MIN_LEAD."""
    if not _open(current, lead):
        return current
    best = max(ARBITRATED, key=p.__getitem__)
    return best if p[best] - p.get(current, 0.0) >= MIN_LEAD else current


def open_question(current: str, votes: Mapping[str, int]) -> bool:
    """Whether the model may change `current` at all (checked before making any features)."""
    return _open(current, vote_lead(votes)) and bool(weights())


def second_opinion(view: NameView, current: str) -> str:
    """The type of an unknown name: the cues' `current` type or the model's choice. Without
    weights every type is equally likely, which keeps `current`."""
    return choose(probabilities(features(view), weights()), current, vote_lead(view.votes))
