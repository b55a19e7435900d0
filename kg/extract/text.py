"""Paper text as sentences: the unit of evidence and of the extractor's Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import PaperRecord, Section

# Markdown markup is blanked out with spaces so that character offsets stay valid.
_MARKUP = str.maketrans({"*": " ", "#": " ", "`": " ", "$": " ", "\\": " "})
_SENT_END = re.compile(r"[。！？；!?]|\n")
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^(?:[-•]|\d+\.)\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one section, placed at `start`..`end` of the paper's Doc text."""

    section: str
    start: int
    end: int
    line: int
    evidence: str  # the sentence as shown to users: markup removed, spaces collapsed
    heading: bool = False  # the sentence opened with a bold `**...**` heading


def _title_section(paper: PaperRecord) -> Section:
    return paper.section("title") or Section("title", paper.title, paper.line)


def _evidence(raw: str) -> str:
    s = _SPACES.sub(" ", raw.replace("**", "").replace("`", "")).strip()
    s = _BULLET.sub("", s.lstrip("*# ").strip())
    return s


def paper_sentences(paper: PaperRecord) -> tuple[str, tuple[Sentence, ...]]:
    """Concatenated, markup-free text of all sections and its sentences (title first)."""
    sections = [_title_section(paper)] + [s for s in paper.sections if s.key != "title"]
    parts: list[str] = []
    sents: list[Sentence] = []
    pos = 0
    for sec in sections:
        text = sec.text
        start = 0
        for m in _SENT_END.finditer(text + "\n"):
            end = m.end() if m.end() <= len(text) else len(text)
            raw = text[start:end]
            if raw.strip():
                clean = raw.translate(_MARKUP)
                lead = len(clean) - len(clean.lstrip())
                body = clean.strip()
                heading = raw.lstrip().lstrip("*-•0123456789. ").startswith("**") or (
                    raw.lstrip().startswith("**")
                )
                sents.append(
                    Sentence(
                        section=sec.key,
                        start=pos,
                        end=pos + len(body),
                        line=sec.line_of(start + lead),
                        evidence=_evidence(raw),
                        heading=heading,
                    )
                )
                parts.append(body)
                parts.append("\n")
                pos += len(body) + 1
            start = end
    return "".join(parts), tuple(sents)
