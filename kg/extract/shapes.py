"""Name shapes: what an unknown Latin-script name looks like, sizes, versions and families."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.keys import entity_key

# Parameter counts and MoE sizes: 7B, 0.6B, 30B-A3B's parts, 8x7B, 1.4B, 92K, 350M.
SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[BbMKkT]|A\d+(?:\.\d+)?B|\d+x\d+(?:\.\d+)?B)$")
# Version-like tokens that may continue a name: 3, 2.5, v2, V3, 3D, 4K, Gen 2.
VERSION = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-zA-Z]?|[IVX]{1,3})$")
NUMBER = re.compile(r"^[\d.,%+\-]+$")
ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9²³&+\-]*$")


def is_size(token: str) -> bool:
    return SIZE.match(token) is not None


def is_param_count(token: str) -> bool:
    """A size in billions or trillions (`7B`, `A3B`): a model's, never a dataset's row count."""
    return is_size(token) and token[-1] in "BbT"


# A few thousand or a few million (`MovieLens-1M`, `EditSphere-3M`) count rows, not weights.
_ROW_COUNT = re.compile(r"^(?:\d+(?:\.\d+)?[Kk]|\d{1,2}(?:\.\d+)?M)$")


def is_row_count(token: str) -> bool:
    return _ROW_COUNT.match(token) is not None


def is_version(token: str) -> bool:
    return VERSION.match(token) is not None


def upper_count(token: str) -> int:
    return sum(1 for c in token if c.isupper())


# Precision settings (`W4A4KV4`, `W8A8`, `KV4`, `FP8`): labels of a setting, not names.
_BITWIDTH = re.compile(r"^(?:W\d+A\d+(?:KV\d+)?|KV\d{1,2}|A\d+W\d+)$")


def is_bitwidth(token: str) -> bool:
    return _BITWIDTH.match(token) is not None


def is_acronym(token: str) -> bool:
    """PPI, MC-Critic's 'MC', CoP, L2E: mostly capitals, short."""
    if not ACRONYM.match(token) or len(token) > 12:
        return False
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and upper_count(token) >= max(2, (len(letters) + 1) // 2)


_DIMENSION = re.compile(r"^\d+D(?=-?[A-Z][A-Za-z])")


_VERSION_PART = re.compile(r"v\d+(?:\.\d+)?")
# A release stamp of month and day, with its leading zero (`0125`, `0424`).
_RELEASE_DATE = re.compile(r"0[1-9](?:0[1-9]|[12]\d|3[01])")


@lru_cache(maxsize=65536)
def shape_strength(token: str) -> int:
    """2: looks like a name on its own (RynnBrain, SAW-Bench, Qwen3, V-Retrver, CoP);
    1: capitalised hyphen compound that is as often a title word (Context-Cycling, Multi-Turn);
    0: anything else."""
    if len(token) < 2:
        return 0
    if token.isalpha():
        return _word_strength(token)
    return _shape_strength(token)


def _word_strength(word: str) -> int:
    """`_shape_strength` of a word of letters only, most tokens (`Model`, `RynnBrain`, `基于`),
    without its splitting and counting: a capital after the first letter makes a name."""
    if len(word) == 2 and word[0] in _DIFFERENCE:
        return 0  # `ΔW`, `ΔE`: the change of one quantity, notation
    return 2 if any(map(str.isupper, word[1:])) else 0


# Difference signs that open a quantity's change in formulas.
_DIFFERENCE = frozenset("Δ∆")


def _shape_strength(token: str) -> int:
    if "_" in token:
        # `Time-MoE_base`, `Seed-TTS_DiT`, `SV3D_u`: a name with a variant after an underscore
        # (a one-letter one after a name with a number), or a capitalised word (`U-Mamba_Bot`);
        # `x_t`, `L_AttnRL`, `GRPO_KL` are notation
        stem, _, tail = token.partition("_")
        short = 1 if any(c.isdigit() for c in stem) else 3
        ok = (
            (tail.isalpha() and tail.islower() and len(tail) >= short)
            or ("_" not in tail and not tail.isupper() and shape_strength(tail) == 2)
            or (tail.isalpha() and len(tail) >= 3 and tail[0].isupper() and tail[1:].islower())
        )
        return 2 if ok and shape_strength(stem) == 2 else 0
    if token[0].isdigit():
        # `3DTopia-XL`, `3D-FUTURE`, `4DGen`: a dimension prefix before a capitalised name;
        # `3D`, `4K`, `3D-aware` and `2D-3D` are not names.
        m = _DIMENSION.match(token)
        return 2 if m and shape_strength(token[m.end() - 1 :]) == 2 else 0
    if not token[0].isalpha():
        return 0
    if token.endswith("*"):
        # `V*`, `A*`: a starred capital is a name (search algorithms, benchmarks); so is a
        # starred name (`CFG-Zero*`).
        stem = token[:-1]
        if token[0].isupper() and stem.isalnum():
            return 2
        return shape_strength(stem) if not stem.endswith("*") else 0
    parts = [p for p in token.split("-") if p]
    if all(is_size(p) or NUMBER.match(p) for p in parts):
        return 0
    if len(parts) == 2 and _VERSION_PART.fullmatch(parts[1]) and parts[0][:1].isupper():
        return 2  # `Tulu-v2`, `Orb-v3`: a capitalised word with its version is a name
    if len(parts) == 2 and _RELEASE_DATE.fullmatch(parts[1]) and parts[0][:1].isupper():
        return 2  # `Huginn-0125`: a capitalised word with its release's month and day
    for i, p in enumerate(parts):
        if any(c.isupper() for c in p[1:]):
            return 2
        letters = sum(1 for c in p if c.isalpha())
        # `Qwen3`, `G1`, but not a formula such as `t+1`.
        mixed = letters and any(c.isdigit() for c in p) and not is_size(p)
        if mixed and (letters >= 2 or p[0].isupper()):
            return 2
        # A one-letter prefix before a capitalised part: V-Retrver, X-Embodiment, π-Distill.
        if (
            i == 0
            and len(p) == 1
            and (p.isupper() or "α" <= p <= "ω")
            and len(parts) > 1
            and parts[1][:1].isupper()
        ):
            return 2
    if len(parts) > 1 and sum(1 for p in parts if p[:1].isupper()) >= 2:
        return 1
    return 0


def is_name_shaped(token: str) -> bool:
    """A token that looks like a name on its own: inner capitals, or letters mixed with digits."""
    return shape_strength(token) == 2


def size_index(parts: list[str]) -> int | None:
    """Index of the first size part of a hyphen/space split name (Qwen2.5-VL-7B -> 2)."""
    for i, p in enumerate(parts):
        if i > 0 and is_size(p):
            return i
    return None


_SPLIT = re.compile(r"[\s\-]+")


def sizes(name: str) -> set[str]:
    """The size parts of a name, casefolded (Qwen3-30B-A3B-Base -> {30b}; a first part is none)."""
    return {p.casefold() for p in _SPLIT.split(name.strip())[1:] if is_size(p)}


@lru_cache(maxsize=65536)
def family_key(name: str) -> str | None:
    """Key of the model family of a sized checkpoint: Qwen2.5-VL-7B-Instruct -> qwen2.5-vl."""
    parts = _SPLIT.split(name.strip())
    i = size_index(parts)
    if i is None:
        return None
    # The family is the name part before the size: 'Qwen2.5-VL' of 'Qwen2.5-VL-7B'.
    head = name.strip()
    cut = 0
    for _ in range(i):
        m = re.search(r"[\s\-]+", head[cut:])
        if m is None:
            return None
        cut += m.end()
    fam = head[:cut].rstrip(" -")
    return entity_key(fam) if fam else None


# entity_key is cached itself.
key_of = entity_key
