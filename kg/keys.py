"""Normalized keys: the identity of papers, entities and fields across reports."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEP = re.compile(r"[\s_\u3000]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uff0d]")
_MULTI_DASH = re.compile(r"-{2,}")
_ARXIV = re.compile(r"^(\d{4}\.\d{4,5})(v\d+)?$")


# Cached: the extractor keys the same names (and their prefixes) many times per paper.
@lru_cache(maxsize=1 << 16)
def entity_key(name: str) -> str:
    """Key under which surface forms of one entity meet: 'Qwen2.5 VL 7B' -> 'qwen2.5-vl-7b'."""
    s = unicodedata.normalize("NFKC", name).strip().casefold()
    s = _DASHES.sub("-", s)
    s = _SEP.sub("-", s)
    s = _MULTI_DASH.sub("-", s)
    return s.strip("-")


def field_key(zh: str | None, en: str | None) -> str:
    """Key of a field: its English name when given (stable across reports), else the Chinese."""
    base = en if en else (zh or "")
    return entity_key(base)


def arxiv_key(arxiv_id: str) -> str:
    """arXiv id without version suffix, or the id normalized as a key if it is not arXiv-shaped."""
    s = arxiv_id.strip()
    m = _ARXIV.match(s)
    return m.group(1) if m else entity_key(s)
