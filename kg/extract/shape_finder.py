"""Component 2: unknown names by their shape, the title's own name and derived spans."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import Cand, sentence_of, state
from kg.extract.names import (
    CONNECTORS,
    RELEASE,
    SIZE_LETTERS,
    affix_type,
    extend_name,
    initials,
    is_capitalised,
    is_plain_word,
    redefines,
    surface_ok,
)
from kg.extract.regex_guards import first_two
from kg.extract.resources import KBEntry, Resources, is_stop, resources
from kg.extract.shapes import (
    is_acronym,
    is_bitwidth,
    key_of,
    shape_strength,
)


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
        # Whole words that type a name they end (`Bench`, `Arena`, `Suite`); a model category
        # after a name is none of it (`Prismatic-7B VLM`, but `QNN SDK`).
        ends = [(a, t) for a, pos, t in self.res.suffixes if pos == "suffix" and a[0].isupper()]
        categories = {a for a, t in ends if t == "Model" and key_of(a) in self.res.stop_categories}
        self.name_ends = frozenset(a for a, _ in ends) - categories
        self.slash_words = self.res.variant_words | _SLASH_SIZES
        heads = sorted(self.res.metric_heads, key=len, reverse=True)
        self.measure_re = re.compile(r"\s*(" + "|".join(map(re.escape, heads)) + ")")
        self.hardware_opens = first_two(self.res.hardware_re)

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        res = self.res
        text = st.text
        cands: list[Cand] = st.cands
        self._title_name(doc, cands)
        self._modified_known(doc, cands)
        self._baselines(doc, cands)
        self._hardware_names(doc, cands)
        self._org_led(doc, cands)
        self._known_then_set(doc, cands)
        self._measures(doc, cands)
        self._installed_packages(doc, cands)
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
                if (
                    RELEASE.match(tok)
                    or is_bitwidth(tok)
                    or _LABEL.match(tok)
                    or text[max(0, s - 2) : s] == "O("
                    or (tok.isupper() and len(tok) <= 4 and _SETTING.match(text, e))
                    or (text[s - 1 : s] == "[" and text[e : e + 1] == "]" and tok.isupper())
                ):
                    # `超过 V1 版本`, `W4A4KV4 量化`: a version or precision label names
                    # nothing, nor does an unknown letter code (`C0`, `H1`, `M+1`: conditions,
                    # hypotheses, settings), a split's label, a special token (`[RESET]`),
                    # the size inside a complexity (`O(N²)`) or a setting's environments
                    # (`ABC→D`)
                    strength = 0
                if strength == 2:
                    k = extend_name(res, run, i + 1, text)
                    org = k + 1 == len(run) and run[k][2] in res.org_words
                    if org or (k < len(run) and run[k][2] in self.name_ends):
                        # `V* Bench`, `Foo3 Arena`: a spaced typing word ends the name; so
                        # does a lab's (`XLANG Lab`, `Gray Swan AI`)
                        k += 1
                    e = run[k - 1][1]
                    cand = Cand(s, e, text[s:e], sent, "shape")
                    if org:
                        cand.votes["Organization"] += 3
                    new.append(cand)
                    i = k
                    continue
                if (
                    section != "title"
                    and strength == 0
                    and len(run) == 1
                    and _LOWER_TOOL.fullmatch(tok)
                ):
                    # `依赖 pymatgen 与 spglib`, `用 xdotool 叠加`: package names are lower case;
                    # kept only where the context makes them a tool (context typer)
                    new.append(Cand(s, e, tok, sent, "weak"))
                    i += 1
                    continue
                if section != "title" and (strength == 1 or is_capitalised(tok)):
                    k = i + 1
                    # `Stochastic Few-Shot`, `Cross-Image Attention`: capitalised words, also
                    # hyphened ones capitalised in every part, make one phrase
                    while (
                        k < len(run)
                        and (is_capitalised(run[k][2]) or _capitalised_parts(run[k][2]))
                        and run[k][0] not in known
                    ):
                        k += 1
                    if k == len(run) or run[k][0] not in known:
                        k = max(k, extend_name(res, run, k, text))
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
        self._slash_tiers(doc, cands)
        cands.sort(key=lambda c: (c.start, -c.end))
        return doc

    def _split_shared_stem(self, cands: list[Cand]) -> None:
        """`ZeRO-2/3`, `Qwen3-4B/8B`, `AIME24/25`: a slash before a bare number or size
        names a second thing on the same stem (`ZeRO-3`); each part is looked up alone."""
        res = self.res
        new: list[Cand] = []
        for c in cands:
            if c.dropped or c.kb is not None or "/" not in c.text:
                continue  # (the slash first: the regex backtracks over every other name)
            m = _STEM_SLASH.fullmatch(c.text)
            if m is None or _PATCH_SIZE.search(c.text):
                continue
            c.dropped = True
            stem = m.group("first")[: -len(m.group("last"))]
            pos = c.start
            for piece in c.text.split("/"):
                # A bare `8B` is no spelling of the name: the cand's text is the full name.
                name = piece if pos == c.start else stem + piece
                entry = res.kb_alias.get(key_of(name))
                if entry is not None and surface_ok(res, name, entry):
                    new.append(Cand(pos, pos + len(piece), name, c.sent, "kb", kb=entry))
                else:
                    new.append(
                        Cand(pos, pos + len(piece), name, c.sent, c.origin, kb_hint=c.kb_hint)
                    )
                pos += len(piece) + 1
        cands.extend(new)

    def _slash_tiers(self, doc: Doc, cands: list[Cand]) -> None:
        """`LumaDet-S/M/L`, `ConvNeXt-Tiny/Small/Base`: variant words after a slash name
        further variants of the same stem (`LumaDet-M`, `ConvNeXt-Small`)."""
        st = state(doc)
        text = st.text
        words = self.slash_words
        new: list[Cand] = []
        for c in cands:
            if c.dropped or "-" not in c.text or c.text.rsplit("-", 1)[1] not in words:
                continue
            stem = c.text.rsplit("-", 1)[0] + "-"
            pos = c.end
            while (m := _SLASH_WORD.match(text, pos)) and m.group(1) in words:
                name = stem + m.group(1)
                entry = self.res.kb_alias.get(key_of(name))
                if entry is not None and surface_ok(self.res, name, entry):
                    new.append(Cand(m.start(1), m.end(1), name, c.sent, "kb", kb=entry))
                else:
                    piece = Cand(m.start(1), m.end(1), name, c.sent, c.origin, kb_hint=c.kb_hint)
                    piece.name = name
                    new.append(piece)
                pos = m.end()
        for c in cands:
            if any(n.start <= c.start and c.end <= n.end for n in new):
                c.dropped = True  # the bare `Small` of `/Small`
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
                if entry is not None and surface_ok(res, piece, entry):
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

    def _baselines(self, doc: Doc, cands: list[Cand]) -> None:
        """`Vanilla KD`, `Vanilla LoRA`: a plain-form word and the technique or name after
        it are one name, the baseline the paper compares with (a stop term after it, as in
        `Vanilla LLM`, makes none)."""
        st = state(doc)
        res = self.res
        for run in st.runs:
            for i in range(len(run) - 1):
                if run[i][2] not in _BASELINE_WORDS:
                    continue
                s, e, tok = run[i + 1]
                entry = res.kb_alias.get(key_of(tok))
                if entry is not None and (
                    entry.etype != "Method" or not surface_ok(res, tok, entry)
                ):
                    continue
                if entry is None and (is_stop(res, tok) or shape_strength(tok) == 0):
                    continue
                sent = sentence_of(doc, s)
                if st.sents[sent].section == "title":
                    continue
                for c in cands:
                    if c.start == s and c.end == e:
                        c.dropped = True
                start = run[i][0]
                cands.append(Cand(start, e, st.text[start:e], sent, "shape", kb_hint=entry))

    def _measures(self, doc: Doc, cands: list[Cand]) -> None:
        """`L2 误差`, `DINO 相似度`: a Latin name before a Chinese measure noun names a
        metric (`L2 Error`), whatever the name alone would be; before 损失, a loss; before a
        technique's noun, the technique (`Hadamard 变换`, the Hadamard Transform)."""
        st = state(doc)
        res = self.res
        text = st.text
        new: list[Cand] = []
        for run in st.runs:
            m = self.measure_re.match(text, run[-1][1])
            if m is None:
                continue
            words = run[-3:] if all(is_capitalised(t) for _, _, t in run[-3:]) else run[-1:]
            if any(is_stop(res, t) and t.isalpha() for _, _, t in words):
                continue  # `Token 相似度`: a plain word's similarity is no named metric
            s = words[0][0]
            sent = sentence_of(doc, s)
            if st.sents[sent].section in ("title", "fields"):
                continue
            etype = res.head_types[m.group(1)]
            if etype != "Metric" and _BRACKET_NEXT.match(text, m.end()):
                continue  # `随机 Hadamard 变换（RHT）`: the pair names it, with its acronym
            gloss = _GLOSS_AFTER.match(text, m.end())
            if gloss and words[0][2] in gloss.group(1).split() and len(gloss.group(1).split()) > 2:
                # `蛋白质结构 Fréchet 距离（Fréchet Protein Structure Distance, FPSD）`: the
                # gloss names the measure, at more length
                continue
            head = res.metric_heads[m.group(1)]
            named = res.kb_alias.get(key_of(text[s : words[-1][1]]))
            if etype != "Metric":
                # `Dice 损失` is the Dice Loss, but `GRPO 损失` stays GRPO's own loss, and
                # `CRPS 损失`, `OT 损失`, `pairwise 损失` are losses computed from a measure or
                # a plain word, no named loss.
                if named is not None and named.etype != "Metric":
                    continue
                if not _capitalised_parts(words[0][2]) and (
                    # `Ego3D 位置编码`, `UT 变换`: a coined name's technique, but `CRPS 损失`
                    # is a loss computed from a measure, and `MSE 变换` a known measure's
                    head == "Loss"
                    or named is not None
                    or not (shape_strength(words[0][2]) == 2 or is_acronym(words[0][2]))
                    # `ZorbNorm 归一化`: the name says the kind already
                    or _ends_in_kind(words[-1][2], head)
                ):
                    continue
            name = f"{text[s : words[-1][1]]} {head}"
            entry = res.kb_alias.get(key_of(name))
            if entry is None and etype == "Metric" and named is not None and named.etype == etype:
                continue  # `BLEU 相似度`, `FID 分数`: the known measure itself
            for c in cands:
                if c.start < m.end() and s < c.end:
                    c.dropped = True
            if entry is not None:
                new.append(Cand(s, m.end(), text[s : m.end()], sent, "kb", kb=entry))
                continue
            cand = Cand(s, m.end(), text[s : m.end()], sent, "shape", name=name)
            cand.votes[etype] += 4
            new.append(cand)
        cands.extend(new)

    def _hardware_names(self, doc: Doc, cands: list[Cand]) -> None:
        """`Xiaomi 15 Pro`, `Intel Xeon`, `TPU v5p-64`: members of a hardware family by the
        family's name grammar (hardware_names.txt). A leading vendor is an alias's part."""
        st = state(doc)
        res = self.res
        text = st.text
        spans = {(c.start, c.end) for c in cands if not c.dropped and c.kb is not None}
        # Hardware names start at a Latin word: try the grammar there only, not at every
        # character of the paper, and only after the word's first two characters, which
        # rule out most words in a set lookup, allow a grammar's name.
        opens = self.hardware_opens
        found = []
        for run in st.runs:
            reach = 0
            for start, _, _ in run:
                if start < reach:
                    continue
                if (
                    opens
                    and text[start : start + 2] not in opens[0]
                    and text[start] not in opens[1]
                ):
                    continue
                if m := res.hardware_re.match(text, start):
                    found.append(m)
                    reach = m.end()
        for m in found:
            s, e = m.span()
            sent = sentence_of(doc, s)
            if (s, e) in spans or st.sents[sent].section == "fields":
                continue
            full = m.group()
            name = None
            vendor, _, rest = full.partition(" ")
            org = res.kb_alias.get(key_of(vendor))
            if rest[:1].isalpha() and org is not None and org.etype == "Organization":
                name = rest  # `Intel Xeon` is a Xeon
            # `TPU v5p-64` is a slice of the KB's TPU v5p
            entry = res.kb_alias.get(key_of(_SLICE.sub("", name or full)))
            if entry is not None and entry.etype == "Hardware":
                cand = Cand(s, e, full, sent, "kb", kb=entry)
            else:
                cand = Cand(s, e, full, sent, "shape", name=name)
                cand.votes["Hardware"] += 8
            cands.append(cand)

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
        known_at = {k.start: k for k in cands if not k.dropped and k.kb is not None}
        new: list[Cand] = []
        for c in orgs:
            if st.sents[c.sent].section in ("title", "fields") or c.end not in at:
                continue
            run, i = at[c.end]
            known = known_at.get(run[i + 1][0]) if i + 1 < len(run) else None
            if known is not None and known.kb.etype != "Organization":
                # `OpenAI o1-preview`, `Google Gemini`: the vendor only prefixes a known name
                c.dropped = True
                known.aliases.append(st.text[c.start : known.end])
                continue
            if i + 1 < len(run) and run[i + 1][2] in res.org_words:
                continue
            if i + 1 < len(run) and RELEASE.match(run[i + 1][2]):
                # `Suno v4.5`, `Ideogram 3.0`: a lab's product by its release number
                c.dropped = True
                e = run[i + 1][1]
                new.append(Cand(c.start, e, st.text[c.start : e], c.sent, "shape"))
                continue
            k = i + 1
            while k < len(run) and is_plain_word(res, run[k][2]):
                k += 1
            if k == i + 1:
                continue
            k = extend_name(res, run, k, st.text)
            if k < len(run) and run[k][2] in self.name_ends:
                k += 1  # `OpenAI Contractor Dataset`: a typing word ends the name
            c.dropped = True
            e = run[k - 1][1]
            rest = st.text[run[i + 1][0] : e]
            # `NVIDIA Orin X` here, `Orin X` elsewhere: the vendor only prefixes the name
            bare = st.text.count(rest) > st.text.count(st.text[c.start : e])
            name = rest if bare else None
            new.append(Cand(c.start, e, st.text[c.start : e], c.sent, "shape", name=name))
        cands.extend(new)

    def _known_then_set(self, doc: Doc, cands: list[Cand]) -> None:
        """`Minecraft Interaction 基准`, `MDR Phonon 基准`: capitalised words after a known
        tool's or measure's name, then a set's noun, name a set built on that thing (after a
        model's name they are more often its variant)."""
        st = state(doc)
        text = st.text
        kb = self.res.kb_alias
        new: list[Cand] = []
        for c in cands:
            if c.dropped or c.kb is None or c.kb.etype not in _SET_BASES or c.origin == "zh":
                continue
            if st.sents[c.sent].section in ("title", "fields"):
                continue
            m = _SET_NAMED.match(text, c.end)
            if m is None or any(
                (e := kb.get(key_of(w))) is not None and surface_ok(self.res, w, e)
                for w in m.group(1).split()
            ):
                continue  # a known word after the name is a name of its own
            c.dropped = True
            named = Cand(c.start, m.end(1), text[c.start : m.end(1)], c.sent, "shape")
            named.votes["Dataset"] += 4
            new.append(named)
        cands.extend(new)

    @staticmethod
    def _installed_packages(doc: Doc, cands: list[Cand]) -> None:
        """`pip 安装 mace-torch`, `支持 pip 安装（galore-torch）`, `训练代码（colpali-engine）`:
        the package installed or the code released is a piece of software, however cased."""
        st = state(doc)
        text = st.text
        found = list(_PIP_PACKAGE.finditer(text)) if "pip" in text else []
        # the bracket first: it is rarer than the words before it
        found += [
            m
            for m in _CODE_PACKAGE.finditer(text)
            if _CODE_WORD.search(text, max(0, m.start() - 4), m.start())
        ]
        for m in found:
            s, e = m.span(1)
            if not any(c.start <= s < c.end for c in cands):
                cand = Cand(s, e, m.group(1), sentence_of(doc, s), "shape")
                cand.votes["Software"] += 4
                cands.append(cand)

    def _title_name(self, doc: Doc, cands: list[Cand]) -> None:
        """`RynnBrain: Open Embodied Foundation Models` -> RynnBrain, typed by the title words."""
        st = state(doc)
        title = st.title
        sent = st.sents[0] if st.sents else None
        if sent is None or sent.section != "title" or ":" not in title:
            return
        # `Step-Video-T2V Technical Report: …` names Step-Video-T2V, a model's report
        head = title.split(":", 1)[0].strip()
        report = _REPORT_END.search(head) is not None
        head = _REPORT_END.sub("", head)
        words = head.split()
        if not words or len(words) > 6 or is_stop(self.res, head) or "," in head:
            # `Bigger, Regularized, Optimistic: …`: words listed, no name
            return
        if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return
        if len(words) > 1 and (words[0].endswith("ing") or words[0] in self.res.title_openers):
            # `Breaking the Static Graph`, `Beyond Fixed Frames`: a phrase, not a name.
            return
        if len(words) > 2 and any(w in _CLAUSE_WORDS or "'" in w or "’" in w for w in words[1:]):
            # `Credit Where It's Due`, `Less Is More`: a clause, not a name.
            return
        start = st.text.find(head, sent.start, sent.end)
        if start < 0:
            return
        end = start + len(head)
        kb = self.res.kb_alias.get(key_of(head))
        if kb is not None and not surface_ok(self.res, head, kb):
            kb = None  # `Ovis: …` is no OVIS (a video dataset): short capitals match exactly
        rest = title.split(":", 1)[1]
        if kb is not None and _spelled_out(head, rest, kb, self.res):
            # `MMA: Multimodal Memory Agent`: the paper's own name, not the KB's MMA metric,
            # wherever the paper writes it
            for c in cands:
                if c.kb is kb and key_of(c.text) == key_of(head):
                    c.kb, c.origin = None, "shape"
            kb = None
        for c in cands:
            if start <= c.start and c.end <= end:
                c.dropped = True
        cand = Cand(start, end, head, 0, "title", kb=kb)
        last = self.res.kb_alias.get(key_of(words[-1]))
        if last is not None and len(words) > 1:
            cand.votes[last.etype] += 3  # `Multi-Task GRPO`: a kind of GRPO
        else:
            etype = "Model" if report else self._title_type(head, rest)
            if etype:
                cand.votes[etype] += 3
        cand.roles.add("proposes")
        cands.append(cand)

    def _title_type(self, head: str, rest: str) -> str | None:
        """Type of the title's name from its own words or ending, else from the phrase after the colon.

        That phrase is head-final up to its first preposition (`An Open Audio Language Model
        with ...`), so its last cue word wins; an evaluation verb opening it (`Probing ...`,
        `Benchmarking ...`) makes the name a benchmark; a known name as its last word makes
        the name a kind of it (`DASH: Faster Shampoo via ...`)."""
        cues = self.res.title_cues
        for w in re.findall(r"[A-Za-z][A-Za-z\-]*", head):
            if w in cues:
                return cues[w]
        phrase = self._phrase_type(rest)
        own = affix_type(head, head.split()[1:])
        if own is not None and phrase in (None, "Method"):
            # `Foo-R1: Learning to ...`: a name's own ending outranks a training phrase, but
            # not a phrase that names the kind (`Infinite-World: ... World Models`)
            return own
        return phrase

    def _phrase_type(self, rest: str) -> str | None:
        cues = self.res.title_cues
        after = re.split(r"\s(?:for|in|of|on|with|via|from|to|across|under|by|as)\s", rest)[0]
        words = re.findall(r"[A-Za-z][\w.\-]*", after)
        if words and words[0] in self.res.title_lead:
            return cues[words[0]]
        found = [cues[w] for w in words if w in cues]
        if found:
            return found[-1]
        if len(words) >= 2:
            entry = self.res.kb_alias.get(key_of(words[-1]))
            if entry is not None and surface_ok(self.res, words[-1], entry):
                return entry.etype
        return None


def _spelled_out(head: str, rest: str, entry: KBEntry, res: Resources) -> bool:
    """The title's words after the colon open with an expansion of the acronym that the
    known entry spells otherwise."""
    if not is_acronym(head) or not head.isalpha():
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w\-]*", rest) if w.lower() not in CONNECTORS]
    expansion = " ".join(words[: len(head)])
    return (
        len(words) >= len(head)
        and initials(expansion) == head.upper()
        and redefines(expansion, entry, res)
    )


# A bracket opening right after a term (its gloss or acronym follows).
_BRACKET_NEXT = re.compile(r"\s*[（(]")
# The first part of the gloss that opens right after a term (up to a comma: its acronym).
_GLOSS_AFTER = re.compile(r"\s*[（(]([^（）()，,、\n]{1,80})")
# Kinds of known thing a set is built on, and the capitalised words then a set's noun after
# such a name (`Minecraft Interaction 基准`)
_SET_BASES = frozenset({"Software", "Metric", "Hardware"})
_SET_NAMED = re.compile(r" ([A-Z][a-z]+(?: [A-Z][a-z]+)?) ?(?=基准|数据集|测试集|评测集)")
# A package named right after `pip install` / `pip 安装` (bracketed or not), and a hyphened
# lower-case package in brackets after the word for code or library (`训练代码（colpali-engine）`).
_PIP_PACKAGE = re.compile(
    r"\bpip\s*(?:install|安装)\s*[（(]?\s*([a-z][a-z0-9_]*(?:[-.][a-z0-9_]+)*)(?![A-Za-z0-9])"
)
_CODE_PACKAGE = re.compile(r"[（(]\s*([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)\s*[）)]")
_CODE_WORD = re.compile(r"(?:代码|代码库|库|工具包)\s*$")

# Copulas and question words inside a title head make it a clause (`Attention Is All You Need`).
_CLAUSE_WORDS = frozenset(
    {"Is", "Are", "Was", "Were", "Where", "When", "What", "Which", "Who", "Why", "How"}
    # auxiliaries and the verbs titles are made of (`Codec Does Matter`, `Vision Meets Sound`)
    | {"Does", "Do", "Did", "Can", "Could", "Should", "Will", "Would", "Has", "Have"}
    | {"Matters", "Meets", "Makes", "Needs"}
)


# A capitalised word before a model name is mostly an adjective (`Distilled Llama 3`), before
# a method or metric it names a new variant of it (`Context DMD`, `Validation Perplexity`).
_MODIFIABLE = frozenset({"Method", "Metric"})


def _token_at(
    runs: tuple[tuple[tuple[int, int, str], ...], ...], edge: int
) -> dict[int, tuple[tuple[tuple[int, int, str], ...], int]]:
    """Run and index of every token by its start (edge 0) or end (edge 1) offset."""
    return {tok[edge]: (run, i) for run in runs for i, tok in enumerate(run)}


# Words that name a technique's plain form as a baseline of its own (`Vanilla KD`), though
# alone they name nothing.
_BASELINE_WORDS = frozenset({"Vanilla", "Naive"})


def _is_modifier(res: Resources, tok: str) -> bool:
    """A word that can qualify a following known name: `Context`, `Multi-Task`."""
    if is_stop(res, tok) or tok.lower() in CONNECTORS:
        return False
    entry = res.kb_alias.get(key_of(tok))
    if entry is not None and surface_ok(res, tok, entry):
        return False  # a known name of its own; `Pose` is no spelling of PoSE
    return is_capitalised(tok) or shape_strength(tok) == 1


def _capitalised_parts(tok: str) -> bool:
    """`Hadamard`, `Walsh-Hadamard`, `Few-Shot`: a capitalised word, or capitalised words
    joined by hyphens, as techniques named after people and words of titled names are
    written."""
    return all(map(is_capitalised, tok.split("-")))


def _ends_in_kind(name: str, head: str) -> bool:
    """`ZorbNorm` before `Normalization`: the name's last capitalised word begins the head."""
    m = _CAMEL_END.search(name)
    return m is not None and head.startswith(m.group())


_CAMEL_END = re.compile(r"[A-Z][a-z]{2,}$")


# `ZeRO-2/3`: a name ending in a number or size, then more numbers or sizes after slashes.
_NUMBERISH = r"\d+(?:\.\d+)?[A-Za-z]{0,2}"


_STEM_SLASH = re.compile(
    rf"(?P<first>[^/]*?[A-Za-z][^/]*?(?P<last>{_NUMBERISH}))(?:/{_NUMBERISH})+"
)


# An unknown letter code (`C0`, `H1`, `M+1`), or a data split's label (`Train-Random`,
# `Test-Device`, `Val-Unseen`, `val2017`)
_LABEL = re.compile(
    r"[A-Z](?:\d|\+[A-Z\d])$|(?:Train|Test|Val)-(?!Time$)[A-Z][a-z]+$|(?:train|val|test)20\d\d$"
)
# `ABC→D`: environments trained on, then the one tested on (a generalisation setting)
_SETTING = re.compile(r"\s?(?:→|->)\s?[A-Z]{1,4}(?![A-Za-z])")
_REPORT_END = re.compile(r"\s+(?:Technical|Tech)\s+Report$")
# `SigLIP2-so400m/14`: a bare number after a size is the patch size, not a sibling's size.
_PATCH_SIZE = re.compile(r"\d[mMB]/\d{1,2}$")


# Size words after a slash (`Foo-S/M/L`, `Foo-XS/S`), besides the variant words.
_SLASH_SIZES = SIZE_LETTERS | {"XS"}


_SLASH_WORD = re.compile(r"/([A-Za-z]+)\b")


_SLICE = re.compile(r"-\d{1,4}$")


# A package-like lower-case word: `spglib`, `torch-harmonics`, `open_clip` (not `x` or `k`).
_LOWER_TOOL = re.compile(r"[a-z][a-z0-9]{2,}(?:[-_.][a-z0-9]+)*")
