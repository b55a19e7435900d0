"""Paper text as sentences: the unit of evidence and of the extractor's Doc."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.resources import resources
from kg.model import PaperRecord, Section

# `V\* Bench`: an escaped star right after a letter or digit is part of a name (V*, A*);
# it is kept through the markup blanking as a two-character placeholder.
# (These patterns test the character before the star or hash after it: a pattern opening
# with a literal is searched by a fast scan, one opening with a lookbehind is tried at every
# character of the section.)
_NAME_STAR = re.compile(r"\\\*(?<=[A-Za-z0-9]\\\*)")
_STAR_MARK = "\x00\x01"
# `Retro* 的基线`, `CFG-Zero* 0.72`: an unescaped single star after a letter or digit that
# no star earlier on the line opened is part of the name too, kept as a one-character mark.
_TRAILING_STAR = re.compile(r"\*(?<=[A-Za-z0-9]\*)(?![A-Za-z0-9*])")
_OPENING_STAR = re.compile(r"\*(?<![*A-Za-z0-9]\*)(?=[^\s*])")
_LONE_MARK = "\x02"
# `QuIP#`, `C#`: a hash right after a letter or digit ends a name; elsewhere it is markup.
_MARKUP_HASH = re.compile(r"#(?<![A-Za-z0-9]#)")
# Inline LaTeX (`$\chi^2$`, `$\bar{r}$`, `$\mathcal{J}_{\text{LUSPO}}$`) is notation, not a
# name. A span starting with a digit or holding Chinese is taken for money (`$5`), not math.
_MATH = re.compile(r"\$(?![\d\s]*\d)([^$\n\u4e00-\u9fff]{1,300})\$")
# A web address names a repository or page, not an entity of its own (`…/Zooming-without-Zooming`).
_URL = re.compile(r"https?://[^\s（）()，。；、<>\u4e00-\u9fff]+")
# `$R^2$`: a letter with a power is the measure's own name.
_NAMED_POWER = re.compile(r"[A-Z]\^\{?\d\}?")
# LaTeX's Greek letter commands (`\pi`, `\Delta`) from the Unicode names, which spell λ LAMDA.
_GREEK = {
    (n if c.isupper() else n.lower()).replace("amda", "ambda"): c
    for c in "αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΦΨΩ"
    for n in [unicodedata.name(c).rsplit(" ", 1)[1].capitalize()]
}
_SENT_END = re.compile(r"[。！？；!?]|\n")
_BULLET = re.compile(r"^(?:[-•]|\d+\.)\s+")
_LATIN = re.compile(r"[A-Za-z]")
# `*   **名称（Name）**：` or `2.  **名称**`: a bold heading opening a bullet or numbered item.
_HEADING = re.compile(r"^\s*(?:[*\-•]\s+|\d+\.\s+)?\*\*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one section, placed at `start`..`end` of the paper's Doc text."""

    section: str
    start: int
    end: int
    line: int
    raw: str  # the sentence as written in the report
    heading: bool = False  # the sentence opened with a bold `**...**` heading

    @property
    def evidence(self) -> str:
        """The sentence as shown to users: markup removed, spaces collapsed."""
        return evidence_text(self.raw)


def _blank_markup(text: str) -> str:
    """Markdown markup blanked out with spaces, so that character offsets stay valid.
    (str.replace: str.translate walks Chinese text fifty times slower.)"""
    for ch in "*`$\\":
        if ch in text:
            text = text.replace(ch, " ")
    if "#" in text:
        text = _MARKUP_HASH.sub(" ", text)
    return text


def _mark_name_stars(text: str) -> str:
    """Stars that end a name (`Retro*`), as `_LONE_MARK`, so that markup blanking keeps them."""
    if "*" not in text or not _TRAILING_STAR.search(text):
        return text  # bold `**…**` never matches: most sections take this way out
    out = []
    for line in text.split("\n"):
        if "*" in line:
            opened = _OPENING_STAR.search(line)
            # stars after an opening one close emphasis; only those before it end names
            cut = opened.start() if opened else len(line)
            line = _TRAILING_STAR.sub(_LONE_MARK, line[:cut]) + line[cut:]
        out.append(line)
    return "\n".join(out)


def _blank_urls(text: str) -> str:
    """Web addresses blanked with spaces, so that offsets stay valid."""
    if "://" not in text:
        return text
    return _URL.sub(lambda m: " " * len(m.group()), text)


def _plain_math(text: str) -> str:
    """Inline math blanked with spaces (offsets stay valid), except a lone Greek letter, put
    at the span's end so that it joins the name it is part of (`$\\pi$-Distill`)."""
    if "$" not in text:
        return text

    def plain(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if _NAMED_POWER.fullmatch(inner):
            return m.group()
        letter = _GREEK.get(inner[1:]) if inner[:1] == "\\" else None
        return (letter or "").rjust(len(m.group()))

    return _MATH.sub(plain, text)


def _title_section(paper: PaperRecord) -> Section:
    return paper.section("title") or Section("title", paper.title, paper.line)


@lru_cache(maxsize=8192)
def evidence_text(raw: str) -> str:
    # split() and strip() take the spaces `\s` takes, in C and a few times faster than a regex
    s = " ".join(raw.replace("**", "").replace("`", "").split())
    s = _BULLET.sub("", s.lstrip("*# ").strip())
    return s


def paper_sentences(paper: PaperRecord) -> tuple[str, tuple[Sentence, ...]]:
    """Concatenated, markup-free text of the sentences that can name something (title first).

    Only sentences with Latin script or a Chinese knowledge-base name can contain an entity,
    so the others are left out of the Doc: they are most of the Chinese prose.
    """
    zh = resources().zh_names
    sections = [_title_section(paper)] + [s for s in paper.sections if s.key != "title"]
    parts: list[str] = []
    sents: list[Sentence] = []
    pos = 0
    for sec in sections:
        text = sec.text
        clean_text = _blank_markup(
            _plain_math(_mark_name_stars(_NAME_STAR.sub(_STAR_MARK, _blank_urls(text))))
        )
        start = 0
        line = sec.line
        for m in _SENT_END.finditer(text + "\n"):
            end = min(m.end(), len(text))
            body = clean_text[start:end]
            stripped = body.strip().replace(_STAR_MARK, "*").replace(_LONE_MARK, "*")
            if stripped and (
                sec.key == "title"
                or _LATIN.search(stripped)
                or (zh is not None and zh.search(stripped))
            ):
                lead = len(body) - len(body.lstrip())
                raw = text[start:end]
                sents.append(
                    Sentence(
                        section=sec.key,
                        start=pos,
                        end=pos + len(stripped),
                        line=line + body.count("\n", 0, lead),
                        raw=raw,
                        heading=_HEADING.match(raw) is not None,
                    )
                )
                parts.append(stripped)
                parts.append("\n")
                pos += len(stripped) + 1
            line += body.count("\n")
            start = end
    return "".join(parts), tuple(sents)
