"""Normalized keys: the identity of papers, entities and fields across reports."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEP = re.compile(r"[\s_\u3000]+")
# dashes, and the middle dot some names are spelled with (`DALL·E 3` is `DALL-E 3`)
_DASHES = re.compile(r"[\u00b7\u2010-\u2015\u2212\uff0d]")
_MULTI_DASH = re.compile(r"-{2,}")
_ARXIV = re.compile(r"^(\d{4}\.\d{4,5})(v\d+)?$")


# Cached: the extractor keys the same names (and their prefixes) many times per paper.
@lru_cache(maxsize=1 << 16)
def entity_key(name: str) -> str:
    """Key under which surface forms of one entity meet: 'Qwen2.5 VL 7B' -> 'qwen2.5-vl-7b'."""
    if name.isascii():
        # Most names: NFKC leaves ASCII as it is, casefold() is lower() there and no dash
        # _DASHES replaces is ASCII, so the two costliest steps are skipped.
        s = name.strip().lower()
    else:
        s = unicodedata.normalize("NFKC", name).strip().casefold()
        s = _DASHES.sub("-", s)
    s = _SEP.sub("-", s)
    if "--" in s:  # (the substitution alone scans the key for nothing)
        s = _MULTI_DASH.sub("-", s)
    return s.strip("-")


# A hyphen that joins two digits (`gemma-3-4b`) is part of the name; any other is spelling.
_SPELLING_HYPHEN = re.compile(r"(?<!\d)-|-(?!\d)")


def spelling_key(key: str) -> str:
    """An entity key without its spelling hyphens: `nextqa` for `next-qa` and `nextqa`,
    `phi3` for `phi-3`, but `gemma-3-4b` stays apart from `gemma-34b`."""
    return _SPELLING_HYPHEN.sub("", key)


_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[a-z])-(?=\d)|(?<=\d)-(?=[a-z])")


def glued_key(key: str) -> str:
    """An entity key with letters and digits glued: `phi3` for `phi-3`, `qwen2.5vl` for
    `qwen2.5-vl`; `agent-s` and `shap-e` keep their hyphen (`agents` is a word)."""
    return _LETTER_DIGIT_HYPHEN.sub("", key)


def field_key(zh: str | None, en: str | None) -> str:
    """Key of a field: its English name when given (stable across reports), else the Chinese."""
    base = en if en else (zh or "")
    return entity_key(base)


def arxiv_key(arxiv_id: str) -> str:
    """arXiv id without version suffix, or the id normalized as a key if it is not arXiv-shaped."""
    s = arxiv_id.strip()
    m = _ARXIV.match(s)
    return m.group(1) if m else entity_key(s)
