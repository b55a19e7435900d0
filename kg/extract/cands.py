"""Candidate name mentions carried through the spaCy pipeline as Doc extensions."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.resources import KBEntry
from kg.extract.text import Sentence


def leading(votes: Counter[str]) -> str | None:
    """The type with the most votes; ties go to the alphabetically first, so it is stable."""
    return max(sorted(votes), key=votes.__getitem__) if votes else None


class Tally(Counter):
    """A Counter made at dict speed: the extractor makes several per mention, and Counter's
    own constructor is written in Python."""

    __init__ = dict.__init__  # type: ignore[assignment]


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
    votes: Counter[str] = field(default_factory=Tally)
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


@dataclass(slots=True)
class PaperState:
    """What the components share about one paper: `doc._.paperkg`."""

    text: str  # doc.text, kept because spaCy rebuilds doc.text on every access
    title: str
    sents: tuple[Sentence, ...]
    starts: tuple[int, ...]
    runs: tuple[tuple[tuple[int, int, str], ...], ...] = ()
    cands: list[Cand] = field(default_factory=list)
    pairs: tuple[Pair, ...] = ()
    examples: tuple[tuple[int, int, str], ...] = ()


# Where spaCy stores the value of the Doc extension `paperkg`; components read it directly
# because the `doc._` proxy costs more than the rest of a lookup in hot loops.
_KEY = ("._.", "paperkg", None, None)


def register_extensions() -> None:
    """The Doc extension the components read and write (idempotent)."""
    if not Doc.has_extension("paperkg"):
        Doc.set_extension("paperkg", default=None)


def state(doc: Doc) -> PaperState:
    return doc.user_data[_KEY]


def sentence_of(doc: Doc, offset: int) -> int:
    return bisect_right(state(doc).starts, offset) - 1
