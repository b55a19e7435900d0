"""Candidate name mentions carried through the spaCy pipeline as Doc extensions."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.resources import KBEntry
from kg.extract.text import Sentence


@dataclass(slots=True)
class Cand:
    """One mention of a possible entity at doc.text[start:end]."""

    start: int
    end: int
    text: str
    sent: int  # index into doc._.paperkg_sents
    origin: str  # kb | variant | shape | weak | pair | zh
    kb: KBEntry | None = None
    kb_hint: KBEntry | None = None  # KB entry of the name this variant extends
    name: str | None = None  # canonical name when it differs from `text` (pair expansions)
    aliases: list[str] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    etype: str | None = None
    dropped: bool = False

    @property
    def label(self) -> str:
        return self.name or (self.kb.name if self.kb else self.text)


@dataclass(frozen=True, slots=True)
class Pair:
    """A parenthesised gloss: `中文（English, ACR）`, `English (ACR)` or `ACR（中文）`."""

    start: int  # of the whole construct (left term) in doc.text
    end: int  # after the closing parenthesis
    zh: str | None
    en: str | None
    acr: str | None


def register_extensions() -> None:
    """Doc extensions the components read and write (idempotent)."""
    for name, default in (
        ("paperkg_sents", ()),
        ("paperkg_starts", ()),
        ("paperkg_runs", ()),
        ("paperkg_cands", None),
        ("paperkg_pairs", ()),
        ("paperkg_examples", ()),
        ("paperkg_title", ""),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def sentence_of(doc: Doc, offset: int) -> int:
    return bisect_right(doc._.paperkg_starts, offset) - 1


def sentence(doc: Doc, index: int) -> Sentence:
    return doc._.paperkg_sents[index]


def live(doc: Doc) -> list[Cand]:
    return [c for c in doc._.paperkg_cands if not c.dropped]


def covered(cands: list[Cand], start: int, end: int) -> bool:
    return any(c.start <= start and end <= c.end and not c.dropped for c in cands)
