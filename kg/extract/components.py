"""spaCy pipeline components: KB ruler, shape finder, pair linker, context typer, role assigner."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import Cand, Pair, sentence_of, state
from kg.extract.resources import KBEntry, Resources, has_cjk, is_stop, resources
from kg.extract.shapes import (
    family_key,
    is_acronym,
    is_name_shaped,
    is_size,
    is_version,
    key_of,
    shape_strength,
)
from kg.extract.tokenizer import LATIN_TOKEN

_TOKEN = re.compile(LATIN_TOKEN)
_RUN = re.compile(rf"(?:{LATIN_TOKEN})(?: (?:{LATIN_TOKEN}))*")
_PAREN = re.compile(r"[（(]\s*([^（）()\n]{1,120}?)\s*[)）]")
_ZH_TERM_CHARS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9 .\-]")
_EXAMPLE = re.compile(r"^(?:如|例如|比如|包括|包含|即|e\.g\.|i\.e\.|such as)\s*[:：]?\s*")
_LIST_SEP = re.compile(r"^\s*(?:[、,，/]|和|与|及|以及|或|and|or)\s*")
_LIST_END = re.compile(r"^\s*(?:等|等等)?\s*")
_PUNCT_STOP = re.compile(r"[，。；：:,;！？!?（）()\n]")
# Chinese characters that end the Chinese term glossed by a parenthesis (its left edge).
_ZH_CUT = re.compile(
    r"[的了和与及等或即：:，,、“”\"'‘’「」《》]|一种|一个|名为|称为|作为|基于|通过|使用|采用|利用|进行"
    r"|引入|提出|加入"
)
_SCORE_TAIL = re.compile(r"\s+[\d.,%]+$")
_NAME_LIST = re.compile(
    r"^[A-Za-z][\w.\-]*(?:\s+[\w.\-]+)*(?:\s*(?:[、,，]|和|与|及|以及)\s*[A-Za-z][\w.\-]*"
    r"(?:\s+[\w.\-]+)*)+\s*(?:等)?$"
)
_GLOSS = re.compile(r"^[A-Za-z][A-Za-z0-9 .'’&+\-]*$")
_CONNECTORS = frozenset({"of", "for", "to", "and", "with", "in", "via", "on", "the", "a", "by"})


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


def _cue_after(res: Resources, text: str) -> tuple[str, int] | None:
    """Type suggested by a cue word at the start of `text` (the text right after a name)."""
    m = _cues().start.match(text)
    return _cues().after_value[m.group()] if m else None


def _cue_before(res: Resources, text: str) -> tuple[str, int] | None:
    """Type suggested by a cue word at the end of `text` (the text right before a name)."""
    m = _cues().end.search(text[-8:])
    return _cues().before_value[m.group()] if m else None


def _first_cue(window: str) -> tuple[str, int] | None:
    m = _cues().any.search(window)
    return _cues().after_value[m.group()] if m else None


def _last_cue(res: Resources, window: str) -> tuple[str, int] | None:
    """Head-final noun phrase: the cue word that occurs last in `window` wins."""
    last = None
    for m in _cues().any.finditer(window):
        last = m
    return _cues().after_value[last.group()] if last else None


def _surface_ok(res: Resources, surface: str, entry: KBEntry) -> bool:
    """Reject case-insensitive KB hits that are ordinary words ('atlas', 'Math' for MATH)."""
    spellings = [s for s in (entry.name, *entry.aliases) if key_of(s) == key_of(surface)]
    if surface in spellings:
        return True
    if any(s in res.kb_exact_case for s in spellings):
        return False
    if surface.isupper() and all(s[:1].islower() for s in spellings):
        return False  # `VLLM` (a vision LLM) is not `vLLM`: a lowercase-first brand
    return not (surface.islower() and any(c.isupper() for c in entry.name))


def _find_runs(text: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    runs = []
    for m in _RUN.finditer(text):
        base = m.start()
        toks = tuple(
            (base + t.start(), base + t.end(), t.group()) for t in _TOKEN.finditer(m.group())
        )
        runs.append(toks)
    return tuple(runs)


def _is_extension(res: Resources, tok: str) -> bool:
    """A token that continues a name into a variant: `Base`, `2.5`, `7B`, `G1`, `V2-Large`."""
    return all(
        p in res.variant_words
        or is_version(p)
        or is_size(p)
        or _CODE.match(p) is not None
        or _FORM.match(p) is not None
        or _PATCH.match(p) is not None
        for p in tok.split("-")
    )


def _extend(res: Resources, run: list[tuple[int, int, str]], j: int, text: str) -> int:
    """End index (exclusive) of a name starting before token j, extended by variant tokens.

    Capitalised words join only when a version or size follows them ('Genie Sim 3.0'); a
    number that reads as a score ('领先 CAT-Seg 2.4 分', 'mPSNR 17.82') does not join.
    """
    k = j
    pending = j
    while pending < len(run):
        _, end, tok = run[pending]
        if _NUMERIC.match(tok) and (
            _SCORE_LIKE.match(tok) or _SCORE_UNIT.match(text, end) is not None
        ):
            break
        if _is_extension(res, tok):
            pending += 1
            k = pending
        elif tok[:1].isupper() and tok.isalpha() and not is_stop(res, tok):
            pending += 1
        else:
            break
    return k


def _same_thing(entry: KBEntry, tail: list[str]) -> bool:
    """`Blender 4.3` is Blender and `H100 SXM5` / `A100-80GB` an H100 / A100: a release of
    a tool or a board form of a chip is no separate entity."""
    if entry.etype == "Software":
        return all(is_version(t) for t in tail)
    return entry.etype == "Hardware" and all(_FORM.match(t) for t in tail)


def _kb_prefix(res: Resources, token: str) -> tuple[KBEntry, str, str] | None:
    """Longest KB name that is a hyphen prefix of token: ('Qwen2.5-VL', '7B-Instruct')."""
    cut = len(token)
    while True:
        cut = token.rfind("-", 0, cut)
        if cut <= 0:
            return None
        head = token[:cut]
        entry = res.kb_alias.get(key_of(head))
        if entry is not None and _surface_ok(res, head, entry):
            return entry, head, token[cut + 1 :]


@Language.factory(
    "paperkg_kb_ruler",
    assigns=["doc._.paperkg"],
    requires=["doc._.paperkg"],
)
def make_kb_ruler(nlp: Language, name: str) -> KBRuler:
    return KBRuler()


class KBRuler:
    """Longest-match lookup of Latin name runs and Chinese aliases in the knowledge base."""

    # Only these types take variant words and versions after a KB name ('Qwen3 Base',
    # 'Ray-Ban Meta Gen 2'); a number after a metric or dataset is a score.
    EXTENDABLE = frozenset({"Model", "Hardware", "Software"})

    def __init__(self) -> None:
        self.res = resources()
        # Key of the first word of every KB spelling -> most words a spelling starting so has.
        self.first_words: dict[str, int] = {}
        for spelling_key in self.res.kb_alias:
            words = spelling_key.split("-")
            first = words[0]
            self.first_words[first] = max(self.first_words.get(first, 0), len(words))
        self.zh_re = self.res.zh_pattern

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        res = self.res
        text = st.text
        runs = _find_runs(text)
        st.runs = runs
        cands: list[Cand] = []
        for run in runs:
            i = 0
            n = len(run)
            while i < n:
                step = self._match_at(doc, run, i, cands)
                i += step
        cands.extend(self._slash_variants(text, cands, runs))
        if self.zh_re is not None:
            for m in self.zh_re.finditer(text):
                sent = sentence_of(doc, m.start())
                if st.sents[sent].section == "fields":
                    continue
                entry = res.kb_zh[m.group()]
                cands.append(Cand(m.start(), m.end(), m.group(), sent, "zh", kb=entry))
        st.cands = cands
        return doc

    def _slash_variants(self, text: str, cands: list[Cand], runs: tuple) -> list[Cand]:
        """`Qwen3 Base/Instruct` names two models: the second is `Qwen3 Instruct`."""
        run_at = {run[0][0]: run for run in runs}
        out: list[Cand] = []
        for c in cands:
            if c.origin != "variant" or " " not in c.text:
                continue
            stem = c.text.rsplit(" ", 1)[0]
            pos = c.end
            while pos < len(text) and text[pos] == "/":
                run = run_at.get(pos + 1)
                if run is None or run[0][2] not in self.res.variant_words:
                    break
                s, e, word = run[0]
                out.append(
                    Cand(s, e, word, c.sent, "variant", kb_hint=c.kb_hint, name=f"{stem} {word}")
                )
                pos = e
        return out

    def _match_at(self, doc: Doc, run: tuple, i: int, cands: list[Cand]) -> int:
        """Match at token i of a run; returns how many tokens were consumed."""
        st = state(doc)
        res = self.res
        text = st.text
        n = len(run)
        first = run[i][2]
        reach = self.first_words.get(key_of(first).split("-", 1)[0], 0)
        for j in range(min(n, i + reach), i, -1):
            s, e = run[i][0], run[j - 1][1]
            surface = text[s:e]
            entry = res.kb_alias.get(key_of(surface))
            if entry is None or not _surface_ok(res, surface, entry):
                continue
            sent = sentence_of(doc, s)
            if (
                st.sents[sent].section == "title"
                and j == i + 1
                and _is_capitalised(surface)
                and entry.etype in ("Metric", "Method")
            ):
                # Title words such as 'Recall' or 'Attention' are ordinary English there.
                return 1
            k = j
            if entry.etype in self.EXTENDABLE:
                k = _extend(res, run, j, text)
            elif entry.etype == "Dataset":
                # `SWE-bench Verified`, `DAVIS 2017`, `BFCL v3`: a named split, edition year
                # or `v` release, but no other number (a score follows a dataset's name).
                while k < n and (
                    run[k][2] in res.variant_words
                    or _YEAR.match(run[k][2])
                    or _V_RELEASE.match(run[k][2])
                ):
                    k += 1
            if k > j and _same_thing(entry, [t for _, _, t in run[j:k]]):
                e = run[k - 1][1]
                cands.append(Cand(s, e, text[s:e], sent, "kb", kb=entry))
            elif k > j:
                e = run[k - 1][1]
                cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            else:
                cands.append(Cand(s, e, surface, sent, "kb", kb=entry))
            return k - i
        tok = run[i][2]
        found = _kb_prefix(res, tok) if "-" in tok else None
        if found is None:
            return 1
        entry, head, tail = found
        s = run[i][0]
        sent = sentence_of(doc, s)
        if tail in res.lowercase_tails:
            cands.append(Cand(s, s + len(head), head, sent, "kb", kb=entry))
            return 1
        if entry.etype == "Metric":
            return 1  # `ADE-847` is a benchmark of its own, not a variant of the metric ADE
        parts = tail.split("-")
        exact = head in (entry.name, *entry.aliases)
        section = st.sents[sent].section
        if all(_is_extension(res, p) for p in parts) or (
            exact and section != "title" and all(p.isalpha() and p.islower() for p in parts)
        ):
            # 'Qwen2.5-VL-7B-Instruct' (a variant) or 'verl-tool' (a related named thing).
            k = _extend(res, run, i + 1, text) if entry.etype in self.EXTENDABLE else i + 1
            e = run[k - 1][1]
            if _same_thing(entry, parts + [t for _, _, t in run[i + 1 : k]]):
                cands.append(Cand(s, e, text[s:e], sent, "kb", kb=entry))
            else:
                cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            return k - i
        return 1


@Language.factory(
    "paperkg_shape_finder",
    assigns=["doc._.paperkg"],
    requires=["doc._.paperkg"],
)
def make_shape_finder(nlp: Language, name: str) -> ShapeFinder:
    return ShapeFinder()


class ShapeFinder:
    """Unknown names by shape: inner capitals, letters with digits, hyphenated CamelCase.

    Plain capitalised words and title-like compounds (Multi-Turn) become 'weak' candidates
    that the context typer keeps only when a cue word types them. The name before the colon
    of the title is the paper's own.
    """

    def __init__(self) -> None:
        self.res = resources()
        # Whole words that type a name they end (`Bench`, `Arena`, `Suite`).
        self.type_words = frozenset(
            a for a, pos, _ in self.res.suffixes if pos == "suffix" and a[0].isupper()
        )
        heads = sorted(self.res.metric_heads, key=len, reverse=True)
        self.measure_re = re.compile(r"\s*(" + "|".join(map(re.escape, heads)) + ")")

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        res = self.res
        text = st.text
        cands: list[Cand] = st.cands
        self._title_name(doc, cands)
        self._modified_known(doc, cands)
        self._org_led(doc, cands)
        self._measures(doc, cands)
        taken = sorted((c.start, c.end) for c in cands)
        taken_starts = [a for a, _ in taken]
        known = {c.start for c in cands if not c.dropped and (c.kb or c.kb_hint)}
        # Longest end among spans starting at or before each position: covered-by test in O(log n).
        reach: list[int] = []
        for _, b in taken:
            reach.append(max(b, reach[-1]) if reach else b)
        new: list[Cand] = []
        for run in st.runs:
            i = 0
            while i < len(run):
                s, e, tok = run[i]
                k = bisect_right(taken_starts, s)
                if k and reach[k - 1] > s:
                    i += 1
                    continue
                sent = sentence_of(doc, s)
                section = st.sents[sent].section
                if section == "fields" or is_stop(res, tok):
                    i += 1
                    continue
                if "-" in tok and tok.rsplit("-", 1)[1].lower() in res.lowercase_tails:
                    # `LLM-based`, `Transformer-style`: only the head can be a name.
                    tok = tok.rsplit("-", 1)[0]
                    e = s + len(tok)
                    if is_stop(res, tok) or shape_strength(tok) < 2:
                        i += 1
                        continue
                    new.append(Cand(s, e, tok, sent, "shape"))
                    i += 1
                    continue
                strength = shape_strength(tok)
                if _RELEASE.match(tok) or _BITWIDTH.match(tok):
                    # `超过 V1 版本`, `W4A4KV4 量化`: a version or precision label names nothing
                    strength = 0
                if strength == 2:
                    k = _extend(res, run, i + 1, text)
                    if k < len(run) and run[k][2] in self.type_words:
                        k += 1  # `V* Bench`, `Foo3 Arena`: a spaced typing word ends the name
                    e = run[k - 1][1]
                    new.append(Cand(s, e, text[s:e], sent, "shape"))
                    i = k
                    continue
                if section != "title" and (strength == 1 or _is_capitalised(tok)):
                    k = i + 1
                    while k < len(run) and _is_capitalised(run[k][2]) and run[k][0] not in known:
                        k += 1
                    if k == len(run) or run[k][0] not in known:
                        k = max(k, _extend(res, run, k, text))
                    e = run[k - 1][1]
                    # A weak phrase stops before a known name (`Distilled Llama 3`): it must not
                    # swallow the better candidate.
                    new.append(Cand(s, e, text[s:e], sent, "weak"))
                    i = k
                    continue
                i += 1
        cands.extend(new)
        self._split_shared_stem(cands)
        self._split_plus(cands)
        cands.sort(key=lambda c: (c.start, -c.end))
        return doc

    def _split_shared_stem(self, cands: list[Cand]) -> None:
        """`ZeRO-2/3`, `Qwen3-4B/8B`, `AIME24/25`: a slash before a bare number or size
        names a second thing on the same stem (`ZeRO-3`); each part is looked up alone."""
        res = self.res
        new: list[Cand] = []
        for c in cands:
            m = None if c.dropped or c.kb is not None else _STEM_SLASH.fullmatch(c.text)
            if m is None:
                continue
            c.dropped = True
            stem = m.group("first")[: -len(m.group("last"))]
            pos = c.start
            for piece in c.text.split("/"):
                # A bare `8B` is no spelling of the name: the cand's text is the full name.
                name = piece if pos == c.start else stem + piece
                entry = res.kb_alias.get(key_of(name))
                if entry is not None and _surface_ok(res, name, entry):
                    new.append(Cand(pos, pos + len(piece), name, c.sent, "kb", kb=entry))
                else:
                    new.append(
                        Cand(pos, pos + len(piece), name, c.sent, c.origin, kb_hint=c.kb_hint)
                    )
                pos += len(piece) + 1
        cands.extend(new)

    def _split_plus(self, cands: list[Cand]) -> None:
        """`DUSt3R+3DGS`, `SFT+RL`: known names joined by `+` are each their own name (the
        generic ones drop out); `RefCOCO+` and `DPM-Solver++` are names as they stand."""
        res = self.res
        new: list[Cand] = []
        for c in cands:
            if c.dropped or c.kb is not None or "+" not in c.text.strip("+"):
                continue
            pieces = c.text.split("+")
            found = [res.kb_alias.get(key_of(p)) if p else None for p in pieces]
            if not all(
                e is not None or (p and is_stop(res, p)) for p, e in zip(pieces, found, strict=True)
            ):
                continue
            c.dropped = True
            pos = c.start
            for piece, entry in zip(pieces, found, strict=True):
                if entry is not None and _surface_ok(res, piece, entry):
                    new.append(Cand(pos, pos + len(piece), piece, c.sent, "kb", kb=entry))
                pos += len(piece) + 1
        cands.extend(new)

    def _modified_known(self, doc: Doc, cands: list[Cand]) -> None:
        """`Context DMD`, `Multi-Task GRPO`: capitalised words right before a known method
        or metric name a new thing of that kind; the longer name is kept."""
        st = state(doc)
        res = self.res
        at = _token_at(st.runs, 0)
        taken = {c.start for c in cands if not c.dropped}
        new: list[Cand] = []
        for c in cands:
            entry = c.kb or c.kb_hint
            if c.dropped or entry is None or entry.etype not in _MODIFIABLE or c.origin == "zh":
                continue
            place = at.get(c.start)
            if place is None or place[1] == 0:
                continue
            run, i = place
            j = i
            while j > 0 and _is_modifier(res, run[j - 1][2]) and run[j - 1][0] not in taken:
                j -= 1
            if j == i or all(run[k][2] in res.plain_modifiers for k in range(j, i)):
                continue
            if st.sents[c.sent].section == "title":
                continue  # every title word is capitalised; its name is `_title_name`'s
            s = run[j][0]
            c.dropped = True
            new.append(Cand(s, c.end, st.text[s : c.end], c.sent, "shape", kb_hint=entry))
        cands.extend(new)

    def _measures(self, doc: Doc, cands: list[Cand]) -> None:
        """`L2 误差`, `DINO 相似度`: a Latin name before a Chinese measure noun names a
        metric (`L2 Error`), whatever the name alone would be."""
        st = state(doc)
        res = self.res
        text = st.text
        new: list[Cand] = []
        for run in st.runs:
            m = self.measure_re.match(text, run[-1][1])
            if m is None:
                continue
            words = run[-3:] if all(_is_capitalised(t) for _, _, t in run[-3:]) else run[-1:]
            if any(is_stop(res, t) and t.isalpha() for _, _, t in words):
                continue  # `Token 相似度`: a plain word's similarity is no named metric
            s = words[0][0]
            sent = sentence_of(doc, s)
            if st.sents[sent].section in ("title", "fields"):
                continue
            name = f"{text[s : words[-1][1]]} {res.metric_heads[m.group(1)]}"
            for c in cands:
                if c.start < m.end() and s < c.end:
                    c.dropped = True
            entry = res.kb_alias.get(key_of(name))
            if entry is not None:
                new.append(Cand(s, m.end(), text[s : m.end()], sent, "kb", kb=entry))
                continue
            cand = Cand(s, m.end(), text[s : m.end()], sent, "shape", name=name)
            cand.votes["Metric"] += 4
            new.append(cand)
        cands.extend(new)

    def _org_led(self, doc: Doc, cands: list[Cand]) -> None:
        """`Amazon Reviews`, `Google Scholar`: capitalised words after a known organisation
        name a thing of its own, which the context types. A known name after the
        organisation is only vendor-prefixed (`Google Gemini`) and stays as it is."""
        st = state(doc)
        res = self.res
        orgs = [
            c
            for c in cands
            if not c.dropped
            and c.origin == "kb"
            and c.kb is not None
            and c.kb.etype == "Organization"
        ]
        if not orgs:
            return
        at = _token_at(st.runs, 1)
        new: list[Cand] = []
        for c in orgs:
            if st.sents[c.sent].section in ("title", "fields") or c.end not in at:
                continue
            run, i = at[c.end]
            if i + 1 < len(run) and run[i + 1][2] in res.org_words:
                continue
            k = i + 1
            while (
                k < len(run)
                and _is_capitalised(run[k][2])
                and "-" not in run[k][2]
                and key_of(run[k][2]) not in res.kb_alias
                and not is_stop(res, run[k][2])
            ):
                k += 1
            if k == i + 1:
                continue
            k = _extend(res, run, k, st.text)
            c.dropped = True
            e = run[k - 1][1]
            new.append(Cand(c.start, e, st.text[c.start : e], c.sent, "shape"))
        cands.extend(new)

    def _title_name(self, doc: Doc, cands: list[Cand]) -> None:
        """`RynnBrain: Open Embodied Foundation Models` -> RynnBrain, typed by the title words."""
        st = state(doc)
        title = st.title
        sent = st.sents[0] if st.sents else None
        if sent is None or sent.section != "title" or ":" not in title:
            return
        head = title.split(":", 1)[0].strip()
        words = head.split()
        if not words or len(words) > 6 or is_stop(self.res, head):
            return
        if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return
        if len(words) > 1 and (words[0].endswith("ing") or words[0] in self.res.title_openers):
            # `Breaking the Static Graph`, `Beyond Fixed Frames`: a phrase, not a name.
            return
        start = st.text.find(head, sent.start, sent.end)
        if start < 0:
            return
        end = start + len(head)
        kb = self.res.kb_alias.get(key_of(head))
        for c in cands:
            if start <= c.start and c.end <= end:
                c.dropped = True
        cand = Cand(start, end, head, 0, "title", kb=kb)
        rest = title.split(":", 1)[1]
        last = self.res.kb_alias.get(key_of(words[-1]))
        if last is not None and len(words) > 1:
            cand.votes[last.etype] += 3  # `Multi-Task GRPO`: a kind of GRPO
        else:
            etype = self._title_type(head, rest)
            if etype:
                cand.votes[etype] += 3
        cand.roles.add("proposes")
        cands.append(cand)

    def _title_type(self, head: str, rest: str) -> str | None:
        """Type of the title's name from its own words, else from the phrase after the colon.

        That phrase is head-final up to its first preposition (`An Open Audio Language Model
        with ...`), so its last cue word wins; an evaluation verb opening it (`Probing ...`,
        `Benchmarking ...`) makes the name a benchmark; a known name as its last word makes
        the name a kind of it (`DASH: Faster Shampoo via ...`)."""
        cues = self.res.title_cues
        for w in re.findall(r"[A-Za-z][A-Za-z\-]*", head):
            if w in cues:
                return cues[w]
        after = re.split(r"\s(?:for|in|of|on|with|via|from|to|across|under|by|as)\s", rest)[0]
        words = re.findall(r"[A-Za-z][\w.\-]*", after)
        if words and words[0] in self.res.title_lead:
            return cues[words[0]]
        found = [cues[w] for w in words if w in cues]
        if found:
            return found[-1]
        if len(words) >= 2:
            entry = self.res.kb_alias.get(key_of(words[-1]))
            if entry is not None and _surface_ok(self.res, words[-1], entry):
                return entry.etype
        return None


def _typing_affix_suffices(c: Cand, parts: list[str], etype: str) -> bool:
    """Whether a typing ending alone keeps a weak name: one hyphenated word (`Foo-Omni`, not
    the phrase `Sim-to-Sim`) or a spaced metric or dataset name (`Task Success Rate`)."""
    if any(p.lower() in _CONNECTORS for p in parts):
        return False
    if " " in c.label:
        return etype in ("Metric", "Dataset")
    return True


# A capitalised word before a model name is mostly an adjective (`Distilled Llama 3`), before
# a method or metric it names a new variant of it (`Context DMD`, `Validation Perplexity`).
_MODIFIABLE = frozenset({"Method", "Metric"})


def _clause_left(before: str) -> str:
    """The end of `before` back to the last punctuation: the clause a name stands in."""
    return _PUNCT_STOP.split(before[::-1], 1)[0][::-1]


def _token_at(
    runs: tuple[tuple[tuple[int, int, str], ...], ...], edge: int
) -> dict[int, tuple[tuple[tuple[int, int, str], ...], int]]:
    """Run and index of every token by its start (edge 0) or end (edge 1) offset."""
    return {tok[edge]: (run, i) for run in runs for i, tok in enumerate(run)}


def _is_modifier(res: Resources, tok: str) -> bool:
    """A word that can qualify a following known name: `Context`, `Multi-Task`."""
    if is_stop(res, tok) or tok.lower() in _CONNECTORS or key_of(tok) in res.kb_alias:
        return False
    return _is_capitalised(tok) or shape_strength(tok) == 1


def _is_capitalised(tok: str) -> bool:
    return (
        len(tok) >= 3
        and tok[0].isupper()
        and tok[1:].replace("-", "").isalpha()
        and tok[1:].islower()
    )


@Language.factory(
    "paperkg_pair_linker",
    assigns=["doc._.paperkg"],
    requires=["doc._.paperkg"],
)
def make_pair_linker(nlp: Language, name: str) -> PairLinker:
    return PairLinker()


class PairLinker:
    """Links `中文（English, ACR）`, `English (ACR)` and `ACR（中文）` into one named entity."""

    def __init__(self) -> None:
        self.res = resources()

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = st.text
        cands: list[Cand] = st.cands
        pairs: list[Pair] = []
        examples: list[tuple[int, int, str]] = []
        run_by_end = {run[-1][1]: run for run in st.runs}
        for m in _PAREN.finditer(text):
            sent_i = sentence_of(doc, m.start())
            sent = st.sents[sent_i]
            if sent.section == "fields":
                continue
            content = m.group(1)
            left = text[sent.start : m.start()]
            ex = _EXAMPLE.match(content)
            if ex or (
                _NAME_LIST.match(content)
                and (re.search(r"[、和与及]", content) or len(re.findall(r"[,，]", content)) >= 2)
            ):
                examples.append((m.start(), m.end(), left.rstrip()))
                continue
            if has_cjk(content):
                self._latin_then_zh(doc, cands, m, content, left, run_by_end, pairs)
                continue
            parts = [p.strip() for p in re.split(r"[,，;；/]", content) if p.strip()]
            if not all(_GLOSS.match(p) for p in parts):
                continue
            acr = next((p for p in parts if is_acronym(p) and " " not in p), None)
            en_parts = [p for p in parts if p != acr and any(c.isalpha() for c in p)]
            known = [p for p in en_parts if key_of(p) in self.res.kb_alias]
            en = known[0] if known else (en_parts[0] if en_parts else None)
            if en is not None:
                # `（AUC 0.730）`: a score after the name is not part of it.
                en = _SCORE_TAIL.sub("", en) or None
            if en is not None and len(en.split()) > 8:
                continue
            stripped = left.rstrip(" \t“”\"'’")
            if stripped and has_cjk(stripped[-1]):
                zh = self._zh_term(stripped)
                self._zh_then_latin(doc, cands, m, zh, en, acr, sent_i, pairs)
            elif stripped and stripped[-1].isalnum():
                self._latin_then_latin(doc, cands, m, stripped, en, acr, sent_i, run_by_end, pairs)
        st.pairs = tuple(pairs)
        st.examples = tuple(examples)
        cands.sort(key=lambda c: (c.start, -c.end))
        return doc

    @staticmethod
    def _zh_term(left: str) -> str | None:
        # The Chinese term runs back from the parenthesis over CJK text with embedded
        # Latin words ('联合时空 Token 雕刻') until punctuation.
        i = len(left)
        while i > 0 and _ZH_TERM_CHARS.match(left[i - 1]):
            i -= 1
        term = left[i:].strip()
        while term and not has_cjk(term[0]):
            term = term[1:].lstrip()
        cut = None
        for c in _ZH_CUT.finditer(term):
            cut = c.end()
        if cut is not None:
            term = term[cut:]
        term = term.strip()
        for verb in sorted(resources().light_verbs, key=len, reverse=True):
            if verb and term.startswith(verb) and len(term) > len(verb) + 1:
                term = term[len(verb) :]
                break
        if len(term) > 16:
            term = term[-16:]
        return term if term and has_cjk(term) else None

    def _inner(self, cands: list[Cand], start: int, end: int) -> list[Cand]:
        return [c for c in cands if start <= c.start and c.end <= end and not c.dropped]

    def _accept_gloss(
        self, doc: Doc, m: re.Match[str], zh: str | None, en: str, sent_i: int
    ) -> str | None:
        """Type of a `中文（English）` gloss that names something, or None for plain glosses."""
        st = state(doc)
        res = self.res
        text = st.text
        sent = st.sents[sent_i]
        after = text[m.end() : m.end() + 8].lstrip(' ”“"')
        if after.startswith(res.gloss_after_reject):
            return None
        kb = res.kb_alias.get(key_of(en))
        if kb is not None:
            return kb.etype
        words = en.split()
        if not words or is_stop(res, en):
            return None
        if en.rsplit("-", 1)[-1].lower() in res.lowercase_tails:
            return None
        content = [w for w in words if w not in _CONNECTORS]
        method_term = bool(zh) and zh.endswith(_METHOD_HEADS) and words[0][:1].isupper()
        if len(content) >= 2 and any(w[:1].islower() for w in content) and not method_term:
            # `dense temporal manifold`, `Prompt-based attacks`: a description, not a name,
            # unless the Chinese term says it is a method (`信息门控机制（Information-gating
            # mechanism）`).
            return None
        quoted = text[m.start() - 1 : m.start()] in "”\"'’"
        if len(words) == 1 and shape_strength(en) == 0:
            # A single plain word (`可提示（Promptable）`, `“效用”（Utility）`) is a translation.
            return None
        cue = _cue_after(res, after)
        if cue is not None and cue[0] in ("Method", "Metric", "Dataset", "Model", "Software"):
            return cue[0]
        if words[-1] in res.gloss_en_reject:
            return None
        if zh:
            for suffix, etype in res.zh_suffix_type:
                if zh.endswith(suffix):
                    return None if etype == "reject" else etype
        before = text[sent.start : m.start()]
        if re.search(
            r"(名为|提出了?(一种|一个|新的)*|称为|命名为)\s*[“\"]?[^，。,；]{0,16}$", before
        ):
            return "Method"
        if sent.heading and sent.section in ("innovations", "contribution", "usage"):
            head_end = text.find("：", sent.start, sent.end)
            in_head = head_end < 0 or m.end() <= head_end + 1
            titled = all(w[:1].isupper() or w in _CONNECTORS for w in words)
            if in_head and len(words) >= 2 and titled:
                return "Method"
        if len(words) == 1 and (quoted or is_name_shaped(en)):
            return "Method"
        if quoted and len(words) >= 2 and all(w[:1].isupper() or w in _CONNECTORS for w in words):
            # `“经验库”（Experience Bank）`: a quoted term with a title-cased English name.
            return "Method"
        return None

    def _zh_then_latin(
        self,
        doc: Doc,
        cands: list[Cand],
        m: re.Match[str],
        zh: str | None,
        en: str | None,
        acr: str | None,
        sent_i: int,
        pairs: list[Pair],
    ) -> None:
        res = self.res
        inner = self._inner(cands, m.start(), m.end())
        if acr is not None and is_stop(res, acr) and en is None:
            for c in inner:
                c.dropped = True
            return
        zh_kb = self._zh_kb(cands, m.start(), zh)
        if en is None and acr is not None and zh and zh.endswith(res.category_zh):
            for c in inner:
                c.dropped = True
            return
        if en is None and acr is not None:
            # `量化感知训练（QAT）`: the acronym is the name, the Chinese its alias.
            target = next((c for c in inner if c.text == acr), None)
            if target is None:
                s = m.start() + m.group(0).index(acr)
                target = Cand(s, s + len(acr), acr, sent_i, "pair")
                cands.append(target)
            if target.origin == "weak":
                target.origin = "pair"
            if target.kb is None and zh_kb is not None:
                target.kb = zh_kb
            if zh:
                target.aliases.append(zh)
                self._zh_votes(target, zh)
            pairs.append(Pair(m.start(), m.end(), zh, None, acr))
            return
        if en is None:
            return
        if acr is not None and is_stop(res, acr):
            acr = None
        strong_inner = [c for c in inner if c.origin in ("kb", "shape", "variant")]
        if len(strong_inner) >= 2 or (
            strong_inner and re.search(r"\b(?:via|with|and|using|for)\b|\+", en)
        ):
            # `(EAPO via GRPO)`: two names, not one phrase.
            return
        etype = self._accept_gloss(doc, m, zh, en, sent_i) if acr is None else "?"
        if etype is None:
            if len(en.split()) > 1 or (inner and all(c.origin == "weak" for c in inner)):
                for c in inner:
                    c.dropped = True
            return
        s = m.start() + m.group(0).index(en)
        kb = res.kb_alias.get(key_of(en))
        if kb is None and acr is not None:
            kb = res.kb_alias.get(key_of(acr))
        if kb is None:
            kb = zh_kb
        for c in inner:
            c.dropped = True
        cand = Cand(s, s + len(en), en, sent_i, "pair", kb=kb)
        if kb is not None and kb.name != en:
            cand.aliases.append(en)
        if acr:
            cand.aliases.append(acr)
        if zh:
            cand.aliases.append(zh)
            self._zh_votes(cand, zh)
        if etype not in ("?", None):
            cand.votes[etype] += 2
        cands.append(cand)
        pairs.append(Pair(m.start(), m.end(), zh, en, acr))

    @staticmethod
    def _zh_kb(cands: list[Cand], paren: int, zh: str | None) -> KBEntry | None:
        """A KB entry named by the Chinese term itself (`行为克隆 (BC)`); that match is dropped."""
        if not zh:
            return None
        found = None
        for c in cands:
            # Only a KB name that is the whole term: 可执行准确率 is not 准确率 (Accuracy).
            if c.origin != "zh" or c.dropped or not zh.endswith(c.text) or c.start >= paren:
                continue
            if paren - c.end <= 3 and zh[: -len(c.text)] in resources().light_verbs:
                found = c.kb
                c.dropped = True
        return found

    @staticmethod
    def _zh_votes(cand: Cand, zh: str) -> None:
        for suffix, etype in resources().zh_suffix_type:
            if zh.endswith(suffix):
                if etype != "reject":
                    cand.votes[etype] += 1
                return
        if zh.endswith("模型"):
            cand.votes["Model"] += 1
        elif zh.endswith(("基准", "数据集")):
            cand.votes["Dataset"] += 2

    def _latin_then_latin(
        self,
        doc: Doc,
        cands: list[Cand],
        m: re.Match[str],
        left: str,
        en: str | None,
        acr: str | None,
        sent_i: int,
        run_by_end: dict,
        pairs: list[Pair],
    ) -> None:
        st = state(doc)
        res = self.res
        run = run_by_end.get(len(left) + st.sents[sent_i].start)
        if run is None:
            return
        inner = self._inner(cands, m.start(), m.end())
        if acr is not None and en is None:
            # `Aria Digital Twin (ADT)`: the phrase before the parenthesis is the name.
            letters = [c for c in acr if c.isupper()]
            toks = list(run)
            phrase: list[tuple[int, int, str]] = []
            while toks:
                t = toks.pop()
                if t[2][:1].isupper() or t[2] in _CONNECTORS or t[2][:1].isdigit():
                    phrase.insert(0, t)
                else:
                    break
            while phrase and phrase[0][2] in _CONNECTORS:
                phrase.pop(0)
            if not phrase:
                return
            words = [t[2] for t in phrase]
            initials = "".join(w[0].upper() for w in words if w not in _CONNECTORS)
            if len(words) == 1:
                target = self._cand_at(cands, phrase[0][0], phrase[0][1])
                if target is not None and key_of(target.text) in key_of(acr) != key_of(target.text):
                    # `体积 IoU (vIoU)`: a narrower name; `IoU` is part of its Chinese label.
                    zh = self._zh_term(st.text[st.sents[sent_i].start : m.start()])
                    target.dropped = True
                    self._zh_then_latin(doc, cands, m, zh, None, acr, sent_i, pairs)
                    return
                if target is not None and not is_stop(res, acr):
                    target.aliases.append(acr)
                    for c in inner:
                        c.dropped = True
                return
            if not (letters and initials.startswith(letters[0]) and len(words) <= 7):
                return
            s, e = phrase[0][0], phrase[-1][1]
            text = st.text[s:e]
            for c in cands:
                if not c.dropped and s <= c.start and c.end <= e and c.origin != "kb":
                    c.dropped = True
            kb = res.kb_alias.get(key_of(text)) or res.kb_alias.get(key_of(acr))
            cand = Cand(s, e, text, sent_i, "pair", kb=kb)
            if kb is not None and kb.name != text:
                cand.aliases.append(text)
            cand.aliases.append(acr)
            for c in inner:
                c.dropped = True
            cands.append(cand)
            pairs.append(Pair(s, m.end(), None, text, acr))
            return
        if en is not None and len(en.split()) >= 2:
            # `BABE（Biology Arena BEnchmark）`: the expansion is an alias of the name before.
            last = run[-1]
            target = self._cand_at(cands, last[0], last[1])
            if target is None:
                # `视觉几何基础 Transformer（Visual Geometry Grounded Transformer, VGGT）`: the
                # Latin word ends a Chinese term, which the parenthesis glosses.
                zh = self._zh_term(st.text[st.sents[sent_i].start : m.start()])
                if zh and has_cjk(zh):
                    self._zh_then_latin(doc, cands, m, zh, en, acr, sent_i, pairs)
                return
            if is_acronym(target.text):
                if target.kb is not None and key_of(en) not in {
                    key_of(a) for a in (target.kb.name, *target.kb.aliases)
                }:
                    # `AMD（Adaptive Matching Distillation）`: a local name, not the KB's AMD.
                    target.kb = None
                    target.origin = "pair"
                    for w in reversed(en.split()):
                        etype = res.title_cues.get(w)
                        if etype:
                            target.votes[etype] += 3
                            break
                target.aliases.append(en)
                for c in inner:
                    c.dropped = True
                pairs.append(Pair(target.start, m.end(), None, en, target.text))

    @staticmethod
    def _cand_at(cands: list[Cand], start: int, end: int) -> Cand | None:
        for c in cands:
            if not c.dropped and c.start <= start and end <= c.end:
                return c
        return None

    def _latin_then_zh(
        self,
        doc: Doc,
        cands: list[Cand],
        m: re.Match[str],
        content: str,
        left: str,
        run_by_end: dict,
        pairs: list[Pair],
    ) -> None:
        """`Sokoban（推箱子）`: a Chinese gloss after a Latin name becomes its alias."""
        if not has_cjk(content) or len(content) > 12 or re.search(r"[，,、；;]", content):
            return
        stripped = left.rstrip()
        if not stripped or not stripped[-1].isalnum():
            return
        end = m.start() - (len(left) - len(stripped))
        target = next((c for c in cands if c.end == end and not c.dropped), None)
        if target is None:
            return
        after = state(doc).text[m.end() : m.end() + 4]
        if after.startswith(self.res.gloss_after_reject):
            target.dropped = target.origin == "weak"
            return
        target.aliases.append(content.strip())
        if target.origin == "weak":
            target.votes["?"] += 1
        pairs.append(Pair(target.start, m.end(), content.strip(), target.text, None))


@Language.factory(
    "paperkg_context_typer",
    assigns=["doc._.paperkg"],
    requires=["doc._.paperkg"],
)
def make_context_typer(nlp: Language, name: str) -> ContextTyper:
    return ContextTyper()


class ContextTyper:
    """Types names from the cue words around them, their shape and their section."""

    def __init__(self) -> None:
        self.res = resources()
        affixes = self.res.suffixes
        ends = [a for a, pos, _ in affixes if pos == "suffix"]
        self.suffix_re = re.compile("(?:" + "|".join(re.escape(a) for a in ends) + ")$")
        self.suffix_type = {a: t for a, pos, t in affixes if pos == "suffix"}
        self.words = {a: t for a, pos, t in affixes if pos == "suffix" and a[0] != "-"}
        self.infixes = tuple((a, t) for a, pos, t in affixes if pos == "infix")
        self.prefixes = tuple((a, t) for a, pos, t in affixes if pos == "prefix")

    def _affix_type(self, label: str, tail: list[str]) -> str | None:
        """Type told by the name's ending (`-Bench`), a final word (`Bench`) or an infix (`@`)."""
        for affix, etype in self.infixes:
            if affix in label:
                return etype
        for affix, etype in self.prefixes:
            # `PyRep`: the prefix is followed by a capitalised rest.
            if label.startswith(affix) and label[len(affix) : len(affix) + 1].isupper():
                return etype
        if _COUNT_SUFFIX.search(label):
            return "Dataset"  # `Toys4K`, `Geometry3K`: a dataset named by its size
        m = self.suffix_re.search(label)
        if m is not None and m.start() > 0:
            return self.suffix_type[m.group()]
        for word in tail:
            if word in self.words:
                return self.words[word]
        return None

    def _known_parts(self, label: str, parts: list[str]) -> dict[str, int]:
        """Votes from known names inside an unknown one.

        The last part is the head (`ATR-GRPO`, `Validation Perplexity` are a GRPO and a
        perplexity); a known model anywhere makes a checkpoint or a model component
        (`gte-Qwen2`); a one- or two-letter lowercase prefix marks a variant of a known
        metric (`rFVD`, `dWER`)."""
        res = self.res
        votes: dict[str, int] = {}
        if len(parts) == 1:
            for k in (1, 2):
                head, rest = label[:k], label[k:]
                if head.isalpha() and head.islower() and rest[:1].isupper():
                    entry = res.kb_alias.get(key_of(rest))
                    if entry is not None and _surface_ok(res, rest, entry):
                        votes[entry.etype] = 3
                        break
            return votes
        known = [
            (i, e)
            for i, p in enumerate(parts)
            if (e := res.kb_alias.get(key_of(p))) is not None and _surface_ok(res, p, e)
        ]
        sized = any(is_size(p) and p[-1] in "BbT" for p in parts[1:])
        for i, entry in known:
            if i == len(parts) - 1 and not sized:
                # (`UI-TARS-72B-DPO` is a checkpoint trained with DPO, not a DPO variant)
                votes[entry.etype] = votes.get(entry.etype, 0) + 3
            elif entry.etype == "Model":
                votes["Model"] = votes.get("Model", 0) + 2
        return votes

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        res = self.res
        text = st.text
        cands = self._resolve_overlaps(st.cands)
        by_start = {c.start: c for c in cands}
        strong: set[int] = set()
        shaped: set[str] = set()
        for c in cands:
            if is_stop(res, c.label) or (c.name is None and is_stop(res, c.text)):
                c.dropped = True
                continue
            if _LICENCE.search(c.text) or _LICENCE_AFTER.match(text, c.end):
                c.dropped = True  # `Apache 2.0 协议`, `MIT 许可`: a licence, not the named thing
                continue
            if c.kb is not None:
                c.etype = c.kb.etype
                continue
            if c.kb_hint is not None:
                c.votes[c.kb_hint.etype] += 3
            if self._context_votes(doc, c, by_start):
                strong.add(c.start)
            label = c.label
            parts = _PARTS.split(label)
            etype = self._affix_type(label, parts[1:])
            if etype == "Dataset":
                # `FooBench 得分`: the score word is about the benchmark, not a metric name.
                c.votes.pop("Metric", None)
            if etype is not None and _typing_affix_suffices(c, parts, etype):
                # A typing ending (`Arena-Hard`, `Task Success Rate`) is evidence enough.
                strong.add(c.start)
            # The name's own shape is one piece of evidence however often it is repeated;
            # cues around each mention are not.
            if key_of(label) not in shaped:
                shaped.add(key_of(label))
                if etype is not None:
                    c.votes[etype] += 2
                if c.kb_hint is None:
                    for etype, weight in self._known_parts(label, parts).items():
                        c.votes[etype] += weight
                for p in parts[1:]:
                    if is_size(p):
                        # A parameter count outweighs a typing ending (`UI-TARS-72B-DPO`).
                        c.votes["Dataset" if p[-1] in "Kk" else "Model"] += 3
                if len(parts) > 1 and _RELEASE.match(parts[-1]):
                    c.votes["Model"] += 1  # `Foo 2.0`, `Foo-V3`: releases are mostly models
            sent = st.sents[c.sent]
            if sent.section == "results" and re.search(r"在\s*$", text[sent.start : c.start]):
                c.votes["Dataset"] += 1
            c.votes.pop("?", None)
        strong |= self._propagate_lists(doc, cands)
        strong |= self._result_headings(doc, cands)
        # `VoxBraid` next to `VoxBraid-1.5B` in the same paper: a name with sized
        # checkpoints is a model family.
        families = {f for c in cands if not c.dropped and (f := family_key(c.label))}
        for c in cands:
            if not c.dropped and c.kb is None and key_of(c.label) in families:
                c.votes["Model"] += 2
        for c in cands:
            if c.dropped or c.kb is not None:
                continue
            if c.origin == "weak" and c.start not in strong:
                c.dropped = True
                continue
            if c.votes:
                c.etype = max(sorted(c.votes), key=lambda t: c.votes[t])
            elif self._compared(doc, c, by_start):
                # A named system the paper ranks itself against is most often a model.
                c.etype = "Model"
            else:
                c.etype = "Method"
            if (
                c.origin == "weak"
                and c.etype == "Method"
                and c.votes["Method"] < _WEAK_METHOD_VOTES
                and _is_capitalised(c.text)
            ):
                # A plain capitalised word (`Logits`, `Init`) near a weak method cue is an
                # English word far more often than a named technique.
                c.dropped = True
        return doc

    @staticmethod
    def _resolve_overlaps(all_cands: list[Cand]) -> list[Cand]:
        """A name inside a longer name is not separate: keep the longest of overlapping ones."""
        kept: list[Cand] = []
        starts: list[int] = []  # sorted starts of kept, which never overlap each other
        for c in sorted(all_cands, key=lambda c: (c.start - c.end, c.start)):
            if c.dropped:
                continue
            i = bisect_right(starts, c.start)
            left = kept[i - 1] if i > 0 else None
            right = kept[i] if i < len(kept) else None
            if (left is not None and left.end > c.start) or (
                right is not None and right.start < c.end
            ):
                c.dropped = True
                continue
            starts.insert(i, c.start)
            kept.insert(i, c)
        return kept

    def _list_after(self, doc: Doc, c: Cand, by_start: dict[int, Cand]) -> tuple[int, list[Cand]]:
        """End of the coordinated list `A、B (b) 和 C` that starts at c, and its members."""
        st = state(doc)
        text = st.text
        sent = st.sents[c.sent]
        pos = c.end
        members = [c]
        while True:
            rest = text[pos : sent.end]
            gloss = re.match(r"^\s*[（(][^（）()]{1,60}[)）]", rest)
            if gloss:
                pos += gloss.end()
                rest = text[pos : sent.end]
            sep = _LIST_SEP.match(rest)
            if not sep:
                break
            nxt = by_start.get(pos + sep.end())
            if nxt is None or nxt.dropped:
                break
            members.append(nxt)
            pos = nxt.end
        return pos, members

    def _propagate_lists(self, doc: Doc, cands: list[Cand]) -> set[int]:
        """Unknown names listed with known ones take their type (`MathVista、DynaMath`).

        Returns the starts of the names so typed."""
        typed: set[int] = set()
        by_start = {c.start: c for c in cands if not c.dropped}
        seen: set[int] = set()
        for c in cands:
            if c.dropped or c.start in seen:
                continue
            _, members = self._list_after(doc, c, by_start)
            seen.update(m.start for m in members)
            # A Chinese term (`精确匹配`) next to a Latin name is rarely its list-mate.
            known = [m.etype for m in members if m.kb is not None and m.etype and m.origin != "zh"]
            if len(members) < 2 or not known:
                continue
            etype = max(sorted(set(known)), key=known.count)
            for m in members:
                if m.kb is None and m.kb_hint is None and not m.votes:
                    m.votes[etype] += 1
                    typed.add(m.start)
        return typed

    def _result_headings(self, doc: Doc, cands: list[Cand]) -> set[int]:
        """`**RealSR / DRealSR**：PSNR 为 …`: results grouped under a heading made of names
        alone are results on those benchmarks. Returns the starts of the names so typed."""
        st = state(doc)
        text = st.text
        typed: set[int] = set()
        by_sent: dict[int, list[Cand]] = {}
        for c in cands:
            if not c.dropped:
                by_sent.setdefault(c.sent, []).append(c)
        for i, members in by_sent.items():
            sent = st.sents[i]
            if not sent.heading or sent.section != "results":
                continue
            colon = text.find("：", sent.start, sent.end)
            if colon < 0:
                continue
            named = [c for c in members if c.end <= colon]
            rest = text[sent.start : colon]
            for c in sorted(named, key=lambda c: -c.start):
                rest = rest[: c.start - sent.start] + rest[c.end - sent.start :]
            if not named or len(_HEADING_FILLER.sub("", rest)) > 6 or _COMPARE.search(rest):
                continue
            for c in named:
                # A plain capitalised heading (`**Zero-shot**`) names a setting, not a dataset.
                if c.kb is None and c.kb_hint is None and c.origin != "weak":
                    c.votes["Dataset"] += 3
                    typed.add(c.start)
        return typed

    def _compared(self, doc: Doc, c: Cand, by_start: dict[int, Cand]) -> bool:
        """True when the clause compares the paper with the name (`优于 X`, `与 X 相比`)."""
        st = state(doc)
        text = st.text
        sent = st.sents[c.sent]
        before = text[sent.start : c.start]
        clause_left = _clause_left(before)
        if _COMPARE.search(clause_left):
            return True
        pos, _ = self._list_after(doc, c, by_start)
        return _COMPARE.match(text[pos : sent.end].lstrip(" 等")) is not None

    def _context_votes(self, doc: Doc, c: Cand, by_start: dict[int, Cand]) -> bool:
        """Add votes from cue words; True if a cue next to the name (or its list) was found."""
        st = state(doc)
        res = self.res
        text = st.text
        sent = st.sents[c.sent]
        strong = False
        pos, _ = self._list_after(doc, c, by_start)
        rest = text[pos : sent.end]
        tail = _LIST_END.match(rest)
        after = rest[tail.end() :].lstrip(" ”\"'）)") if tail else rest
        cue = _cue_after(res, after)
        before = text[sent.start : c.start].rstrip(' “"')
        clause_left = _clause_left(before)
        if cue is not None and cue[0] == "Dataset" and _COMPARE.search(clause_left):
            # `超越了 LongLive 基准`: 基准 as 'baseline', the name is a compared system.
            cue = ("Model", 1)
        # A parameter count in billions marks a model even `在 Qwen3-8B 上`; row counts in
        # thousands or millions are as often a dataset's (`MovieLens-1M`).
        parts = _PARTS.split(c.text)
        other_kind = (
            (c.kb_hint is not None and c.kb_hint.etype != "Dataset")
            or any(is_size(p) and p[-1] not in "KkMm" for p in parts[1:])
            or self._affix_type(c.label, parts[1:]) == "Metric"  # `在 HR@10 上`
        )
        if _FINETUNED.match(after) and re.search(r"基于\s*$", before):
            c.votes["Model"] += 4  # `基于 X 进行微调`: what is fine-tuned is a model
            strong = True
        elif (
            not other_kind
            and _EVAL_SPAN.match(after)
            and re.search(r"在[^。；：在]{0,60}$", before)
        ):
            c.votes["Dataset"] += 4
            strong = True
        elif not other_kind and _RESULT_ON.match(after):
            c.votes["Dataset"] += 2  # `X 上的准确率`: results are reported on a benchmark
            strong = True
        elif cue is not None:
            c.votes[cue[0]] += cue[1] * 2
            strong = True
        elif tail and tail.group().strip():
            window = _PUNCT_STOP.split(after, 1)[0][:14]
            cue = _last_cue(res, window)
            if cue is not None:
                c.votes[cue[0]] += cue[1] * 2
                strong = True
        cue = _cue_before(res, before)
        if cue is not None:
            c.votes[cue[0]] += cue[1]
            strong = True
        for s, e, left in st.examples:
            if s <= c.start and c.end <= e:
                cue = _cue_before(res, left.rstrip(" ：:"))
                if cue is None:
                    window = _PUNCT_STOP.split(left[::-1], 1)[0][:10][::-1]
                    cue = _last_cue(res, window)
                if cue is not None:
                    c.votes[cue[0]] += cue[1] * 2
                    strong = True
        if not strong:
            # `名为 X 的...模型`, `提出了 X，一个...框架`: the head noun of the clause after it.
            right = text[c.end : sent.end]
            intro = _APPOSITION.match(right)
            named = _INTRO.search(clause_left)
            if intro or (named and re.match(r"^\s*的", right)):
                body = right[intro.end() :] if intro else right
                # `X，一个以…为结构的端到端驾驶 VLA 模型`: a described noun phrase is head-final
                # and can be long. A bare copula (`X 为基座模型`, `X 作为教师生成数据`) is
                # followed by its own short noun, the first cue word.
                bare = intro is not None and intro.group("copula") and not intro.group("det")
                window = _PUNCT_STOP.split(body.lstrip("，, "), 1)[0][: 12 if bare else 60]
                cue = _first_cue(window) if bare else _last_cue(res, window)
                if cue is not None:
                    c.votes[cue[0]] += 2
        return strong


# Votes a plain capitalised word needs to be kept as a method (one strong cue word).
_WEAK_METHOD_VOTES = 3
# Chinese head nouns that make a glossed term a named technique.
_METHOD_HEADS = ("机制", "方法", "算法", "策略", "损失", "损失函数", "优化器")
# `ZeRO-2/3`: a name ending in a number or size, then more numbers or sizes after slashes.
_NUMBERISH = r"\d+(?:\.\d+)?[A-Za-z]{0,2}"
_STEM_SLASH = re.compile(
    rf"(?P<first>[^/]*?[A-Za-z][^/]*?(?P<last>{_NUMBERISH}))(?:/{_NUMBERISH})+"
)
_LICENCE = re.compile(r"\b[Ll]icen[cs]e$")
_LICENCE_AFTER = re.compile(r"\s*(?:开源)?(?:许可证?|协议(?:开源|发布|授权|许可)|[Ll]icen[cs]e\b)")
_BITWIDTH = re.compile(r"^W\d+A\d+(?:KV\d+)?$")
_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
# Two or more decimals or a leading `0.` is a measurement, not a release number.
_SCORE_LIKE = re.compile(r"^(?:\d+\.\d{2,}|0\.\d+)$")
_SCORE_UNIT = re.compile(
    r"(?:\s*(?:和|与|、|/|，|,)\s*\d+(?:\.\d+)?)*\s*(?:分|个点|个百分点|%|％|倍|pp\b|points?\b)"
)
# A backbone's size and patch: the `L/16` of `DINOv3 ViT-L/16`.
_PATCH = re.compile(r"^(?:[STBLHGg]|So400m)/\d+$")
# Markup and separators around the names of a results heading (`**RealSR / DRealSR**`).
_HEADING_FILLER = re.compile(r"[\s*、/／,，与和及]+")
_V_RELEASE = re.compile(r"^[vV]\d+(?:\.\d+)*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Board forms and memory sizes of an accelerator: `H100 SXM5`, `A100 80GB`.
_FORM = re.compile(r"^(?:SXM\d?|PCIe|NVL|\d+GB)$")
_RELEASE = re.compile(r"^(?:[vV]?\d+\.\d+|[vV]\d+)$")
_COUNT_SUFFIX = re.compile(r"[A-Za-z]-?\d+(?:\.\d+)?[Kk]$")
# A short model code after a maker's name: `AgiBot G1`, `Unitree H1`.
_CODE = re.compile(r"^[A-Z]\d{1,2}$")
_PARTS = re.compile(r"[\s\-]+")
_COMPARE = re.compile(r"优于|超越|超过|相比|相较|对比|胜过|击败|领先|比肩|媲美|匹敌|高于|强于")
# `在 A、B 等基准上`: what follows a list of names evaluated on.
_EVAL_SPAN = re.compile(
    r"^(?:[^\s，。；、]{0,10}?(?:数据集|基准测试|基准|测试集|评测集|任务|环境))?\s*上"
)
# What introduces a description right after a name: `X，一个...框架`, `X 作为基座模型`,
# `X 是目前最强的开源模型` (the description's head noun types the name).
_APPOSITION = re.compile(
    r"^\s*[，,（(]?\s*(?:(?:这是|即)?\s*(?P<det>一个|一种|一套)"
    r"|(?P<copula>作为|是(?!否)|为(?![了何]))\s*(?:一个|一种|一套)?)"
)
_FINETUNED = re.compile(r"\s*(?:进行|做)?\s*(?:全参数|全量|指令|监督|LoRA\s*)?微调")
_RESULT_ON = re.compile(r"^\s*上的?\s*(?:表现|准确率|得分|分数|成绩|结果|性能|取得|达到|获得)")
_INTRO = re.compile(r"名为|提出了?|推出了?|构建了?|设计了?|引入了?")


@Language.factory(
    "paperkg_role_assigner",
    assigns=["doc._.paperkg"],
    requires=["doc._.paperkg"],
)
def make_role_assigner(nlp: Language, name: str) -> RoleAssigner:
    return RoleAssigner()


_CLAUSE = re.compile(r"[，。；;,：:]")


class RoleAssigner:
    """The paper's role towards each name, from cue words in its clause and its section."""

    def __init__(self) -> None:
        self.res = resources()
        self.cue: dict[tuple[str, str], re.Pattern[str]] = {}
        for side in ("before", "after", "clause"):
            for role in ("proposes", "uses", "evaluatesOn", "comparesWith", "runsOn"):
                words = sorted(
                    {c.word for c in self.res.role_cues if c.side == side and c.value == role},
                    key=len,
                    reverse=True,
                )
                if words:
                    self.cue[side, role] = re.compile("|".join(re.escape(w) for w in words))

    def _has(self, side: str, role: str, text: str) -> bool:
        pattern = self.cue.get((side, role))
        return pattern is not None and pattern.search(text) is not None

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = st.text
        title = st.title
        head = title.split(":", 1)[0] if ":" in title else ""
        for c in st.cands:
            if c.dropped or c.etype is None:
                continue
            sent = st.sents[c.sent]
            if c.etype == "Hardware":
                c.roles.add("runsOn")
                continue
            left = text[sent.start : c.start]
            cut = max((m.end() for m in _CLAUSE.finditer(left)), default=0)
            clause_left = left[cut:]
            clause_right = _CLAUSE.split(text[c.end : sent.end], 1)[0]
            if sent.section == "title" and head and c.end <= len(head) + sent.start:
                c.roles.add("proposes")
            own = c.kb is None and c.kb_hint is None
            in_claim = sent.section in ("contribution", "innovations")
            if own and in_claim and self._has("before", "proposes", clause_left):
                c.roles.add("proposes")
            if c.etype in ("Model", "Method") and (
                self._has("before", "comparesWith", clause_left)
                or self._has("clause", "comparesWith", clause_left + clause_right)
            ):
                c.roles.add("comparesWith")
            if c.etype in ("Dataset", "Benchmark") and (
                sent.section == "results"
                or self._has("clause", "evaluatesOn", clause_left + clause_right)
            ):
                c.roles.add("evaluatesOn")
            elif self._has("before", "uses", clause_left) or c.etype == "Software":
                c.roles.add("uses")
            if self._has("after", "uses", clause_right[:6]):
                c.roles.add("uses")
        # The typed names as spaCy spans too (doc.spans["paperkg"], e.g. for displaCy).
        spans = []
        for c in st.cands:
            if not c.dropped and c.etype:
                span = doc.char_span(c.start, c.end, label=c.etype, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["paperkg"] = spans
        return doc
