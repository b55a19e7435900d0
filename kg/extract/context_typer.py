"""Component 4: types names from the cue words around them, their shape and their section."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import Cand, PaperState, leading, state
from kg.extract.names import (
    CONNECTORS,
    COUNT,
    PUNCT_STOP,
    RELEASE,
    SIZE_LETTERS,
    affix_type,
    cue_after,
    cue_before,
    first_cue,
    is_capitalised,
    last_cue,
    surface_ok,
)
from kg.extract.resources import KBEntry, has_cjk, is_stop, is_stop_unit, resources, zh_ending
from kg.extract.shapes import (
    family_key,
    is_param_count,
    is_row_count,
    is_size,
    key_of,
)
from kg.extract.text import Sentence

_LIST_SEP = re.compile(r"\s*(?:[、,，/]|和|与|及|以及|或|and|or)\s*")


# `A、B 等`, and a count of the list (`A 与 B 两个子集`, `A、B、C 三种方法`) before its cue word.
_LIST_END = re.compile(rf"^\s*(?:等|等等)?\s*(?:{COUNT}\s*)?")


def _typing_affix_suffices(c: Cand, parts: list[str], etype: str) -> bool:
    """Whether a typing ending alone keeps a weak name: one hyphenated word (`Foo-Omni`, not
    the phrase `Sim-to-Sim`) or a spaced metric or dataset name (`Task Success Rate`)."""
    if any(p.lower() in CONNECTORS for p in parts):
        return False
    if " " in c.label:
        return etype in ("Metric", "Dataset")
    return True


# Hot patterns, compiled once (the module-level re functions pay a cache lookup per call).
_LATIN_END = re.compile(r"[A-Za-z0-9]\s?$")
_LATIN_START = re.compile(r"^\s?[A-Za-z0-9]")
_AT_END = re.compile(r"在\s*$")
# An item that lists an agent's tools or actions by their call names (`**工具集**：search（…）`)
_TOOLSET = re.compile(
    r"\s*(?:[*\-•]\s+|\d+\.\s+)?\*\*(?:可用)?(?:工具|工具集|动作空间|动作集|动作)\*\*\s*[：:]"
)
_GLOSS_NEXT = re.compile(r"\s*[（(][^（）()]{1,60}[)）]")
# `AUC、精度（Precision, P）、AO`: a member named in Chinese and glossed in brackets, where the
# name found is the gloss; the list goes on after the bracket.
_ZH_GLOSSED = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[（(]\s*")
_GLOSS_REST = re.compile(r"[^（）()]{0,60}[)）]")
_BASED_ON_END = re.compile(r"基于\s*$")
_BY_END = re.compile(r"(?:由|用|利用|借助|调用|以)\s*$")
_GENERATES = re.compile(r"\s*生成")
_BY_YOU_END = re.compile(r"由\s*$")
_AT_CLAUSE_END = re.compile(r"在[^。；：在]{0,60}$")
# `名为 X 的…`, also past the name's own bracketed acronym or gloss (`名为 “…” (DeR²) 的基准`).
_OPEN_END = re.compile(r"[（(]\s*$")
_OF_NEXT = re.compile(r"^[\s”\"'）)]*(?:[（(][^（）()，。；]{1,40}[)）]\s*)?的")


def _package(c: Cand, listed: bool) -> bool:
    """A lower-case word is a package when a tool cue says so (`torchac 库`, `用 X 实现`) or
    when it is listed with a known tool (`pymatgen 与 spglib`); a tool the model calls
    (`调用 search 工具`) or a function (`calc_x`) is not."""
    if "_" in c.text or leading(c.votes) != "Software":
        return False
    return c.votes["Software"] >= 3 or listed


def _standalone(text: str, c: Cand) -> bool:
    """No Latin word right before or after: not the `Motion` of `Shape of Motion`."""
    return not (
        _LATIN_END.search(text[max(0, c.start - 2) : c.start])
        or _LATIN_START.match(text[c.end : c.end + 2])
    )


def _right_of(text: str, c: Cand) -> str:
    """The words right after a name, past a language that qualifies the noun there
    (`Alpaca 英文指令数据`: the noun is the data's)."""
    window = text[c.end : c.end + 8]
    right = window.lstrip()
    if (m := _LANGUAGE.match(right)) is None:
        return right
    start = c.end + len(window) - len(right) + m.end()
    return text[start : start + 8]


# Languages that qualify a noun: `英文指令数据`, `中文对话数据`.
_LANGUAGE = re.compile(r"(?:英文|中文|英语|汉语|多语言|多语种|双语)")


def _clause_left(before: str) -> str:
    """The end of `before` back to the last punctuation: the clause a name stands in."""
    return PUNCT_STOP.split(before[::-1], 1)[0][::-1]


def _list_after(
    st: PaperState, c: Cand, by_start: dict[int, Cand], strict: bool = False
) -> tuple[int, list[Cand]]:
    """End of the coordinated list `A、B (b) 和 C` that starts at c, and its members.

    `strict` ends the list at a full comma (`A、B、C，H100 上…`, `去 PRC，DocVQA -3.1`),
    which separates clauses more often than members: the next clause's name is often of
    another kind, though it may still be compared with the list."""
    text = st.text
    sent = st.sents[c.sent]
    pos = c.end
    members = [c]
    end = sent.end
    while True:
        # match(text, pos, end) is anchored at pos and reads no further than the sentence
        gloss = _GLOSS_NEXT.match(text, pos, end)
        if gloss:
            pos = gloss.end()
        sep = _LIST_SEP.match(text, pos, end)
        if not sep or (strict and sep.group().strip() == "，"):
            break
        nxt = by_start.get(sep.end())
        rest = None
        if nxt is None and (zh := _ZH_GLOSSED.match(text, sep.end(), end)):
            nxt = by_start.get(zh.end())
            rest = nxt and _GLOSS_REST.match(text, nxt.end, end)
            if not rest:
                break
        if nxt is None or nxt.dropped:
            break
        members.append(nxt)
        pos = rest.end() if rest else nxt.end
    return pos, members


class _Lists:
    """The coordinated lists of a paper's names (`_list_after`), each walked once: the typer
    asks for the list a name opens several times while it drops names.

    It only ever drops names, never revives one, and a walk ends at a separator it does not
    find, at no name or at a dropped one: all three still end it later. So a walk stays right
    while the members it took stay live, and is walked again once one of them is dropped."""

    def __init__(self, st: PaperState, cands: list[Cand]) -> None:
        self.st = st
        self.by_start = {c.start: c for c in cands}
        self._walked: dict[int, tuple[int, list[Cand]]] = {}  # by id of the first name

    def after(self, c: Cand) -> tuple[int, list[Cand]]:
        """`_list_after(c)` (not strict) for a name of the typer's paper."""
        walked = self._walked.get(id(c))
        if walked is None or (len(walked[1]) > 1 and any(m.dropped for m in walked[1][1:])):
            walked = self._walked[id(c)] = _list_after(self.st, c, self.by_start)
        return walked


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

    def _known_parts(self, label: str, parts: list[str]) -> dict[str, int]:
        """Votes from known names inside an unknown one.

        The last part is the head (`ATR-GRPO`, `Validation Perplexity` are a GRPO and a
        perplexity); a known model anywhere makes a checkpoint or a model component
        (`gte-Qwen2`); a one- or two-letter lowercase prefix marks a variant of a known
        metric (`rFVD`, `dWER`); a number after a known dataset or model names a version
        or subset of it (`ScanNet200`, `Kinetics700`)."""
        res = self.res
        votes: dict[str, int] = {}
        stem, underscore, tail = label.partition("_")
        entry = res.kb_alias.get(key_of(stem)) if underscore and tail[:1].isupper() else None
        if entry is not None and surface_ok(res, stem, entry):
            # `U-Mamba_Bot`: a capitalised variant after an underscore is of the stem's kind
            # (`CLIP_img` may be a score computed with the stem)
            return {entry.etype: 4}
        if len(parts) == 1:
            for k in (1, 2):
                head, rest = label[:k], label[k:]
                if head.isalpha() and head.islower() and rest[:1].isupper():
                    entry = res.kb_alias.get(key_of(rest))
                    if entry is not None and surface_ok(res, rest, entry):
                        votes[entry.etype] = 3
                        break
            numbered = _NUMBERED.match(label)
            if not votes and numbered:
                entry = res.kb_alias.get(key_of(numbered.group(1)))
                if entry is not None and entry.etype in ("Dataset", "Model"):
                    votes[entry.etype] = 3
            return votes
        known = [
            (i, e)
            for i, p in enumerate(parts)
            if (e := res.kb_alias.get(key_of(p))) is not None and surface_ok(res, p, e)
        ]
        sized = any(is_param_count(p) for p in parts[1:])
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
        lists = _Lists(st, cands)
        strong: set[int] = set()
        shaped: set[str] = set()
        # `联合生成模型 Ovi、JavisDiT 和 UniVerse-1`: a cue before a list types every member.
        heads: dict[int, Cand] = {}
        for c in cands:
            if c.start not in heads:
                for m in lists.after(c)[1][1:]:
                    heads[m.start] = c
        for c in cands:
            if self._stopped(c, text):
                c.dropped = True
                continue
            sent = st.sents[c.sent]
            if sent.section == "fields" and _in_field_name(text[sent.start : c.start]):
                # `机器人操作数据集 (Robot Manipulation Datasets)`: a word of a field's English
                # name, not the library of that name (a note may name one: `（如 Wan2.1）`)
                c.dropped = True
                continue
            if c.origin == "weak" and (
                _SUBSET_AFTER.match(text, c.end)
                or _SUBSETS_LISTED.search(text, max(0, c.start - 60), c.start)
                or self._listed_before_subsets(doc, c, lists)
            ):
                # `RM-Bench 的 Hard 子集`, `LIBERO 四个子套件（Spatial、Goal）`: a subset's
                # label, named by its set
                c.dropped = True
                continue
            if (
                _LICENCE.search(c.text)
                or _LICENCE_AFTER.match(text, c.end)
                or (_LICENCE_NAME.match(c.text) and _AGREEMENT.match(text, c.end))
            ):
                # `Apache 2.0 协议`, `MIT 许可`, `以 MIT 协议开源`: a licence, not the named
                # thing (`MCP 协议` is a protocol)
                c.dropped = True
                continue
            if c.kb is not None:
                self._take_named_sense(c, text, st.sents[c.sent])
                self._take_data_sense(c, text)
                c.etype = c.kb.etype
                continue
            label = c.label
            parts = _PARTS.split(label)
            # `Amazon-C4`: a maker's name before another word names the maker's product
            hint = c.kb_hint
            if (
                hint is not None
                and hint.etype == "Organization"
                and not all(p in res.org_words for p in parts[1:])
            ):
                hint = None
            if hint is not None:
                c.votes[hint.etype] += 3
            measure = c.origin == "pair" and c.votes.get("Metric", 0) >= 3
            if self._context_votes(doc, c, lists, heads.get(c.start)):
                strong.add(c.start)
            if measure:
                # `在忠实度（Faithfulness）与完整性（Completeness）上`: results "on" what the
                # gloss said is a measure do not make it a set
                c.votes.pop("Dataset", None)
            if c.origin == "weak" and self._maker(st, c):
                c.votes["Organization"] += 4
                strong.add(c.start)
            ending = affix_type(label, parts[1:])
            sized = any(is_param_count(p) for p in parts[1:])
            if ending == "Dataset" or sized or (c.kb_hint and c.kb_hint.etype == "Dataset"):
                # `FooBench 得分`, `Arena-Hard-v2 得分`, `Foo-RM-32B 得分 78.4`: the score word
                # is about the benchmark or the model, not a metric name.
                c.votes.pop("Metric", None)
            if ending is not None and _typing_affix_suffices(c, parts, ending):
                # A typing ending (`Arena-Hard`, `Task Success Rate`) is evidence enough.
                strong.add(c.start)
            # The name's own shape is one piece of evidence however often it is repeated;
            # cues around each mention are not.
            if key_of(label) not in shaped:
                shaped.add(key_of(label))
                if ending is not None:
                    c.votes[ending] += 2
                if hint is None:
                    for etype, weight in self._known_parts(label, parts).items():
                        c.votes[etype] += weight
                for i, p in enumerate(parts[1:], 1):
                    # `FID-50K`: a measure over that many samples (its ending says so)
                    if is_size(p) and ending != "Metric":
                        # A parameter count outweighs a typing ending (`UI-TARS-72B-DPO`)
                        # and a known stem's type (`ToolACE-2-8B`: a checkpoint); a few
                        # thousand or million (`MovieLens-1M`, `EditSphere-3M`) count rows,
                        # but a window of tokens after a known model or its variant word
                        # is its context length (`Yarn-Mistral-128K`, `LWM-Text-Chat-128K`).
                        rows = is_row_count(p) and not (
                            p.upper() in _CONTEXT_LENGTHS and self._model_words(parts[:i])
                        )
                        c.votes["Dataset" if rows else "Model"] += 4
                if len(parts) > 1 and (
                    RELEASE.match(parts[-1])
                    or (parts[-1] in res.variant_words and any(map(RELEASE.match, parts[1:-1])))
                ):
                    # `Foo 2.0`, `Foo-V3`, `Foo-1.5-Pro`: releases are mostly models
                    c.votes["Model"] += 1
            sent = st.sents[c.sent]
            if sent.section == "results" and _AT_END.search(text[sent.start : c.start]):
                c.votes["Dataset"] += 1
            c.votes.pop("?", None)
        listed = self._propagate_lists(doc, cands)
        self._one_sense_per_paper(cands)
        strong |= listed
        strong |= self._result_headings(doc, cands)
        compared, named = self._compared_lists(doc, cands, lists)
        strong |= compared
        for c in cands:
            parts = _PARTS.split(c.label)
            if (
                c.origin == "weak"
                and len(parts) > 1
                and (
                    RELEASE.match(parts[-1])
                    or (
                        (parts[-1] in res.variant_words or parts[-1] in _TIERS)
                        and any(p.isdigit() for p in parts[1:-1])
                    )
                )
            ):
                # `Matrix-Game 2.0`, `Mobile-Agent-v3`, `Tempora-2-Small`: a released name
                strong.add(c.start)
        # `Chronoscope-S` beside the titled or otherwise typed `Chronoscope`: a size of it.
        sized = [(c, stem) for c in cands if c.origin == "weak" and (stem := _tier_stem(c.label))]
        if sized:
            named = {
                key_of(c.label)
                for c in cands
                if not c.dropped and (c.origin != "weak" or c.start in strong)
            }
            strong.update(c.start for c, stem in sized if stem in named)
        # `VoxBraid` next to `VoxBraid-1.5B` in the same paper: a name with sized
        # checkpoints is a model family.
        families = {f for c in cands if not c.dropped and (f := family_key(c.label))}
        # `Tempora-2-Small`, `Tempora-2-Base` and `Tempora-2-Large`: one stem in several
        # sizes is a model's checkpoints.
        tiers: dict[str, set[str]] = {}
        for c in cands:
            if not c.dropped and c.kb is None and (stem := _tier_stem(c.label)):
                tiers.setdefault(stem, set()).add(key_of(c.label))
        families |= {k for keys in tiers.values() if len(keys) > 1 for k in keys}
        for c in cands:
            # Once per name, and more than a title's phrase (`UI-Lumen: ... Learning`).
            if not c.dropped and c.kb is None and key_of(c.label) in families:
                families.discard(key_of(c.label))
                c.votes["Model"] += 4
        own = self._own_kind(cands)
        for c in cands:
            if c.dropped or c.kb is not None:
                continue
            if c.origin == "weak" and c.text.islower() and self._hub_id(c.text):
                # `zephyr-7b-sft-full`, `dbrx-instruct`: a model's hub or API identifier
                c.votes["Model"] += 4
                c.etype = "Model"
                continue
            if c.origin == "weak" and c.start not in strong:
                c.dropped = True
                continue
            if c.origin == "weak" and c.text.islower() and not _package(c, c.start in listed):
                c.dropped = True  # a lower-case word is a name only as a package (`spglib 库`)
                continue
            if c.origin == "weak" and c.text.islower() and _TOOLSET.match(st.sents[c.sent].raw):
                c.dropped = True  # `**工具**：search、visit、Python`: the agent's own actions
                continue
            if c.votes:
                c.etype = leading(c.votes)
            elif self._compared(doc, c, lists):
                # A named system the paper ranks itself against is most often a model; a bare
                # acronym so ranked (`优于 VCD、ICD`) most often a method, and a name for all that.
                if _SHORT_ACRONYM.fullmatch(c.label):
                    c.votes["Method"] += 1
                    c.etype = "Method"
                else:
                    c.votes[own] += 1
                    c.etype = own
            else:
                c.etype = "Method"
            if (
                c.origin == "weak"
                and c.etype == "Method"
                and c.votes["Method"] < _WEAK_METHOD_VOTES
                and is_capitalised(c.text)
                and c.start not in named
            ):
                # A plain capitalised word (`Logits`, `Init`) near a weak method cue is an
                # English word far more often than a named technique.
                c.dropped = True
        return doc

    def _hub_id(self, text: str) -> bool:
        """A hyphened lower-case identifier with a parameter count, or opening with a known
        model's name: how model hubs and APIs write a checkpoint (`llama-2-13b-code-alpaca`)."""
        parts = text.split("-")
        if len(parts) < 2:
            return False
        entry = self.res.kb_alias.get(key_of(parts[0]))
        return any(map(is_param_count, parts[1:])) or (entry is not None and entry.etype == "Model")

    @staticmethod
    def _maker(st: PaperState, c: Cand) -> bool:
        """`Sierra 提出了 τ-bench…`: a plain capitalised word that opens the one-sentence
        contribution and proposes or releases the work is its maker (the paper's own system
        so placed is named in the title, and its name is shaped)."""
        sent = st.sents[c.sent]
        if sent.section != "contribution" or st.text[sent.start : c.start].strip(" *"):
            return False
        return bool(_MAKES.match(st.text, c.end)) and c.text not in st.title

    def _as_software(self, c: Cand, text: str) -> bool:
        """A library word follows the name, or a known piece of software is listed next to it."""
        if _LIBRARY_AFTER.match(text, c.end):
            return True
        before = _SOFTWARE_BEFORE.search(text, max(0, c.start - 24), c.start)
        after = _SOFTWARE_AFTER.match(text, c.end)
        return any(
            (entry := self.res.kb_alias.get(key_of(m.group(1)))) is not None
            and entry.etype == "Software"
            for m in (before, after)
            if m is not None
        )

    def _stopped(self, c: Cand, text: str) -> bool:
        """A stop term, unless a unit word names its measure: `FLOPs 降低 78%`, not `24 FPS`."""
        res = self.res
        if not (is_stop(res, c.label) or (c.name is None and is_stop(res, c.text))):
            return False
        if (
            c.kb is not None
            and c.kb.etype == "Hardware"
            and (
                _DEVICE_BEFORE.search(text, max(0, c.start - 16), c.start)
                or _DEVICE_AFTER.match(text, c.end)
            )
        ):
            return False  # `单张 L4`, `推理在 L4 上`: the GPU, not the level
        if c.kb is not None and c.kb.etype == "Software" and self._as_software(c, text):
            return False  # `通过 vLLM 或 Transformers 后端推理`: the library, not the architectures
        return not (
            c.kb is not None
            and is_stop_unit(res, c.label)
            and (
                _AFTER_NUMBER.search(text, max(0, c.start - 16), c.start) is None
                # `推理速度约 20 FPS`: a speed reported in the unit is its measure, where
                # `以 24 FPS 生成` only sets the rate
                or _SPEED_BEFORE.search(text, max(0, c.start - 24), c.start) is not None
            )
        )

    def _model_words(self, parts: list[str]) -> bool:
        """A known model's name or a model's variant word among the parts of a name."""
        res = self.res
        for p in parts:
            entry = res.kb_alias.get(key_of(p))
            if p in res.variant_words or (entry is not None and entry.etype == "Model"):
                return True
        return False

    @staticmethod
    def _own_kind(cands: list[Cand]) -> str:
        """What the paper's title names, when a method: a paper proposing a technique ranks
        itself against techniques (`优于 FastV、SparseVLM`), one proposing a system against
        models."""
        for c in cands:
            if c.origin != "title" or c.dropped:
                continue
            if (c.kb.etype if c.kb else leading(c.votes)) == "Method":
                return "Method"
        return "Model"

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

    def _listed_before_subsets(self, doc: Doc, c: Cand, lists: _Lists) -> bool:
        """`Beauty、Sports、Toys 三个子集`: labels listed before a subset noun."""
        text = state(doc).text
        pos, _ = lists.after(c)
        tail = _LIST_END.match(text[pos : pos + 12])
        return _SUBSET_AFTER.match(text, pos + (tail.end() if tail else 0)) is not None

    def _propagate_lists(self, doc: Doc, cands: list[Cand]) -> set[int]:
        """Unknown names listed with known ones take their type (`MathVista、DynaMath`).

        Returns the starts of the names so typed."""
        typed: set[int] = set()
        by_start = {c.start: c for c in cands if not c.dropped}
        seen: set[int] = set()
        for c in cands:
            if c.dropped or c.start in seen:
                continue
            _, members = _list_after(state(doc), c, by_start, strict=True)
            seen.update(m.start for m in members)
            if len(members) < 2:
                continue
            self._take_listed_sense(members)
            # A Chinese term (`精确匹配`) next to a Latin name is rarely its list-mate.
            known = [m.etype for m in members if m.kb is not None and m.etype and m.origin != "zh"]
            if not known:
                continue
            etype = max(sorted(set(known)), key=known.count)
            # `优于 EAGLE-3、Medusa-2、Hydra 与 Lookahead Decoding`: among two known techniques a
            # plain capitalised word is one too, not the English word it spells.
            weight = _WEAK_METHOD_VOTES if etype == "Method" and known.count(etype) >= 2 else 1
            measures = etype == "Metric" and known.count(etype) >= 2 and len(set(known)) == 1
            for m in members:
                if measures and m.kb is None and m.kb_hint is None:
                    # `在 CLIP-F、CLIP-O、PSNR 与 SSIM 上领先`: the list's `在…上` is about
                    # measures, so a name among two or more known ones is a measure too
                    m.votes.pop("Dataset", None)
                    m.votes["Metric"] += 4
                    typed.add(m.start)
                elif m.kb is None and m.kb_hint is None and not m.votes:
                    m.votes[etype] += weight
                    typed.add(m.start)
        return typed

    def _take_named_sense(self, c: Cand, text: str, sent: Sentence) -> None:
        """`分组查询注意力 GQA`, `GQA 注意力`: a spelling of two senses next to a Chinese term
        or cue word of the other sense's type takes that sense, and so does one in a sentence
        on the other sense's topic (`仅保留 50%（GQA 模型）的检索头`)."""
        key = key_of(c.text)
        other = self.res.homonyms.get(key)
        if other is None:
            return
        topic = self.res.homonym_topics.get(key)
        if topic is not None and topic.search(text, sent.start, sent.end):
            c.kb = other
            return
        if other.etype == "Metric" and (_VALUED.match(text, c.end) or _COMPARED.match(text, c.end)):
            # `MAE 为 9.7%`, `残差 MAE 0.021 秒`, `力的 MAE 均低于 MACE-OFF`: given a value or
            # compared, the measure
            c.kb = other
            return
        before = _ZH_BEFORE.search(text, max(0, c.start - 16), c.start)
        ending = before and zh_ending(self.res, before.group(1))
        right = _right_of(text, c)
        after = cue_after(self.res, right)
        head = next(
            (t for w, t in self.res.zh_suffix_type if len(w) > 1 and right.startswith(w)), None
        )
        named = before and any(before.group(1).endswith(a) for a in other.aliases)
        if named or other.etype in (ending and ending[1], head, after and after[0]):
            c.kb = other

    def _take_data_sense(self, c: Cand, text: str) -> None:
        """`Kubric 数据集`, `UniACT 数据集`: a known platform, tool or model named as a set of
        data is that data."""
        if c.kb is None or c.kb.etype not in _SENSED_AS_DATA:
            return
        right = _right_of(text, c)
        after = cue_after(self.res, right)
        if (
            after is not None
            and after[0] == "Dataset"
            and after[1] >= 2
            # `以 GPT-4o 为基准`, `GPT-4 基准模型`: a model is a baseline, not a benchmark
            and not (c.kb.etype != "Software" and right.startswith("基准"))
        ):
            c.kb = as_data(c.kb)

    def _is_data_sense(self, entry: KBEntry) -> bool:
        """The entry is the data sense `as_data` made, not the knowledge base's own."""
        return entry.etype == "Dataset" and self.res.kb.get(entry.key) is not entry

    def _one_sense_per_paper(self, cands: list[Cand]) -> None:
        """Once a spelling of two senses takes its other sense, its bare mentions in the same
        paper do too (`分组查询注意力 GQA … 针对 GQA 组内共享 KV`; `Kubric 数据集 … Kubric`)."""
        homonyms = self.res.homonyms
        # A model named as data in one place and as a model in another (`Chronos 训练语料`,
        # `超过 Chronos 系列`) is both in the paper: the model, the more common sense, stays.
        models = {c.kb.key for c in cands if c.kb is not None and c.kb.etype in ("Model", "Method")}
        for c in cands:
            if c.kb is not None and c.kb.key in models and self._is_data_sense(c.kb):
                c.kb = self.res.kb[c.kb.key]
                c.etype = c.kb.etype
        other = {
            key: c.kb
            for c in cands
            if c.kb is not None
            and (
                ((key := key_of(c.text)) in homonyms and homonyms[key] is c.kb)
                or self._is_data_sense(c.kb)
            )
        }
        for c in cands:
            sense = other.get(key_of(c.text))
            if sense is not None and c.kb is not None and c.kb is not sense:
                if sense.etype == "Dataset" and c.kb.key != sense.key:
                    continue
                c.kb = sense
                c.etype = c.kb.etype

    def _take_listed_sense(self, members: list[Cand]) -> None:
        """`MHA、GQA、MLA`, `MSE/MAE`: a spelling of two senses listed with names of its
        other sense only takes that sense."""
        for m in members:
            other = self.res.homonyms.get(key_of(m.text)) if m.kb is not None else None
            if other is None:
                continue
            mates = {
                x.etype for x in members if x is not m and x.kb is not None and x.origin != "zh"
            }
            if mates == {other.etype}:
                m.kb = other
                m.etype = other.etype
        for m in members:
            if m.kb is not None and m.kb.etype in _SENSED_AS_DATA:
                mates = [x.etype for x in members if x is not m and x.kb is not None]
                data = mates.count("Dataset")
                others = len(mates) - data - mates.count("Software")
                if data >= 2 and (others == 0 if m.kb.etype != "Software" else data > others):
                    # `ShortMix：FineWeb、Wikipedia、StackExchange、ArXiv`: a platform listed
                    # with data only is the data taken from it
                    m.kb = as_data(m.kb)
                    m.etype = "Dataset"

    def _compared_lists(
        self, doc: Doc, cands: list[Cand], lists: _Lists
    ) -> tuple[set[int], set[int]]:
        """`优于 Matrix-Game 2.0、Yume、Oasis 和 HunyuanWorld-Voyager`: capitalised words
        listed with a name the paper ranks itself against are names too. Returns their starts,
        and apart the starts of those listed among two or more names of a name's own shape
        (`低于 LUQ、Jetfire、HALO 与 LSS 等已有方法`), which are techniques however few votes
        they have: the English word they spell would not be so listed."""
        text = state(doc).text
        kept: set[int] = set()
        ranked: set[int] = set()
        for c in cands:
            if c.dropped or c.start in kept:
                continue
            _, members = lists.after(c)
            if len(members) == 1 and c.origin == "weak":
                # `比 Dispider 解耦架构更轻`: a capitalised word ranked right after the
                # comparison word
                clause = _clause_left(text[state(doc).sents[c.sent].start : c.start])
                if _COMPARE_RIGHT_BEFORE.search(clause) and _standalone(text, c):
                    kept.add(c.start)
                continue
            if len(members) < 2 or all(m.origin == "weak" for m in members):
                continue
            if self._compared(doc, c, lists):
                weak = {m.start for m in members if m.origin == "weak" and _standalone(text, m)}
                kept |= weak
                if sum(m.origin in ("shape", "variant") for m in members) >= 2:
                    ranked |= weak
        return kept, ranked

    def _result_headings(self, doc: Doc, cands: list[Cand]) -> set[int]:
        """`**RealSR / DRealSR**：PSNR 为 …`: results grouped under a heading made of names
        alone are results on those benchmarks. Returns the starts of the names so typed."""
        st = state(doc)
        text = st.text
        typed: set[int] = set()
        # The paper's own glossed names (`结构优先提示（SFP）` … `**SFP**：+5.6`) head the
        # results they bring, not the benchmarks.
        own = {key_of(n) for p in st.pairs for n in (p.en, p.acr) if n}
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
            if (
                not named
                or len(_HEADING_FILLER.sub("", rest)) > 6
                or _COMPARE.search(rest)
                or "+" in rest  # `**+ZoomChain**`: what adding a method gives
                or any(key_of(c.label) in own for c in named)
            ):
                continue
            for c in named:
                # A plain capitalised heading (`**Zero-shot**`) names a setting, not a dataset.
                if c.kb is None and c.kb_hint is None and c.origin != "weak":
                    c.votes["Dataset"] += 3
                    typed.add(c.start)
        return typed

    def _compared(self, doc: Doc, c: Cand, lists: _Lists) -> bool:
        """True when the clause compares the paper with the name (`优于 X`, `与 X 相比`)."""
        st = state(doc)
        text = st.text
        sent = st.sents[c.sent]
        before = text[sent.start : c.start]
        clause_left = _clause_left(before)
        if _COMPARE.search(clause_left):
            return True
        pos, _ = lists.after(c)
        return _COMPARE.match(text[pos : sent.end].lstrip(" 等")) is not None

    def _context_votes(self, doc: Doc, c: Cand, lists: _Lists, head: Cand | None) -> bool:
        """Add votes from cue words; True if a cue next to the name (or its list) was found.

        `head` is the first name of the list c stands in, if c is not the first itself."""
        st = state(doc)
        res = self.res
        text = st.text
        sent = st.sents[c.sent]
        strong = False
        pos, _ = lists.after(c)
        rest = text[pos : sent.end]
        tail = _LIST_END.match(rest)
        after = rest[tail.end() :].lstrip(" ”\"'）)") if tail else rest
        cue = cue_after(res, after)
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
            or any(is_param_count(p) for p in parts[1:])
            or affix_type(c.label, parts[1:]) == "Metric"  # `在 HR@10 上`
        )
        if _FINETUNED.match(after) and _BASED_ON_END.search(before):
            c.votes["Model"] += 4  # `基于 X 进行微调`: what is fine-tuned is a model
            strong = True
        elif cue is None and _PERCEIVED.match(after) and _BY_END.search(before):
            # `位姿由 HaMeR 估计`, `先用 HaMeR 从视频中恢复手部网格`: a trained model as a tool
            c.votes["Model"] += 2
            strong = True
        elif cue is None and _GENERATES.match(after) and _BY_YOU_END.search(before):
            c.votes["Model"] += 2  # `伪标签由 X 生成`
            strong = True
        elif cue is None and _ESTIMATED.match(after):
            c.votes["Model"] += 1  # `FoundationPose 估计物体位姿`
        elif _BUILT_WITH.match(after) and _TOOL_USE.search(before):
            c.votes["Software"] += 3  # `基于 Triton 实现`, `使用 SGLang 部署`: a tool
            strong = True
        elif not other_kind and _EVAL_SPAN.match(after) and _AT_CLAUSE_END.search(before):
            c.votes["Dataset"] += 4
            strong = True
        elif not other_kind and _RESULT_ON.match(after):
            c.votes["Dataset"] += 2  # `X 上的准确率`: results are reported on a benchmark
            strong = True
        elif cue is not None:
            c.votes[cue[0]] += cue[1] * 2
            strong = True
        elif (
            not other_kind
            and (scored := _SCORED.match(text, c.end))
            and not (sent.heading and scored.group("colon"))  # `**SDA**：16 种…` heads an item
            and _METRIC_SHAPED.fullmatch(c.label)
            and not _in_brackets(before)
        ):
            # `平均 scTM 为 0.93`, `OSR 达 71.2%`: a short unknown name given a value is
            # mostly the measure (a system's score comes with its measure, `FAD 为 1.82`).
            c.votes["Metric"] += 1
        elif tail and tail.group().strip():
            window = PUNCT_STOP.split(after, 1)[0][:14]
            cue = last_cue(res, window)
            if cue is not None:
                c.votes[cue[0]] += cue[1] * 2
                strong = True
        cue = cue_before(res, before)
        if cue is None and head is not None:
            cue = cue_before(res, text[sent.start : head.start].rstrip(' “"'))
        if cue is not None:
            c.votes[cue[0]] += cue[1]
            strong = True
        for s, e, left in st.examples:
            if s <= c.start and c.end <= e:
                cue = cue_before(res, left.rstrip(" ：:"))
                if cue is None:
                    window = PUNCT_STOP.split(left[::-1], 1)[0][:10][::-1]
                    cue = last_cue(res, window)
                if cue is not None:
                    c.votes[cue[0]] += cue[1] * 2
                    strong = True
        if not strong:
            # `名为 X 的...模型`, `提出了 X，一个...框架`: the head noun of the clause after it.
            right = text[c.end : sent.end]
            intro = _APPOSITION.match(right)
            named = _INTRO.search(clause_left)
            if named is None and (opened := _OPEN_END.search(before)):
                # `名为 “Long Name” (DeR²) 的基准`: the bracketed acronym of a name just named
                named = _INTRO.search(_clause_left(before[: opened.start()]))
            of = _OF_NEXT.match(right) if named else None
            if intro or of:
                body = right[intro.end() :] if intro else right[of.end() :]
                # `X，一个以…为结构的端到端驾驶 VLA 模型`: a described noun phrase is head-final
                # and can be long. A bare copula (`X 为基座模型`, `X 作为教师生成数据`) is
                # followed by its own short noun, the first cue word.
                bare = intro is not None and intro.group("copula") and not intro.group("det")
                # A gloss in the phrase (`共折叠（co-folding）框架`) does not end it.
                body = _GLOSS.sub("", body.lstrip("，, "))
                window = PUNCT_STOP.split(body, 1)[0][: 12 if bare else 60]
                cue = first_cue(window) if bare else last_cue(res, window)
                if cue is not None:
                    c.votes[cue[0]] += 2
        return strong


_SHORT_ACRONYM = re.compile(r"[A-Z]{2,6}")


# Size words of a model's checkpoints (`Foo-Small`, `Foo-Base`, `Foo-Large`, `Foo-S/M/L`).
_TIERS = (
    frozenset({"Tiny", "Small", "Base", "Medium", "Large", "XL", "Huge", "Giant", "Mini"})
    | SIZE_LETTERS
)


def _tier_stem(label: str) -> str | None:
    """Key of the name without its size word (`Tempora-2` of `Tempora-2-Small`), if it has one."""
    parts = _PARTS.split(label)
    if len(parts) > 1 and parts[-1] in _TIERS:
        return key_of(label[: -len(parts[-1])])
    return None


# Context windows in tokens: powers of two (a count of rows rarely is one).
_CONTEXT_LENGTHS = frozenset(f"{2**n}K" for n in range(1, 12))

# Votes a plain capitalised word needs to be kept as a method (one strong cue word).
_WEAK_METHOD_VOTES = 3


_LICENCE = re.compile(r"\b[Ll]icen[cs]e$")


_LICENCE_AFTER = re.compile(r"\s*(?:开源)?(?:许可证?|协议(?:开源|发布|授权|许可)|[Ll]icen[cs]e\b)")
# The licence families whose name before 协议 names the licence (`MIT 协议`, `Apache-2.0 协议`)
_LICENCE_NAME = re.compile(r"(?:MIT|Apache|BSD|GPL|LGPL|AGPL|MPL|CC)(?:[- ]?v?\d(?:\.\d)?)?$")
_AGREEMENT = re.compile(r"\s*协议")


# Markup and separators around the names of a results heading (`**RealSR / DRealSR**`).
_HEADING_FILLER = re.compile(r"[\s*、/／,，与和及]+")


_PARTS = re.compile(r"[\s\-]+")


_NUMBERED = re.compile(r"^(.*[A-Za-z])\d+[A-Za-z]?$")
_COMPARE_RIGHT_BEFORE = re.compile(
    r"(?:优于|超越|超过|胜过|击败|领先|比肩|媲美|高于|强于|比|较|超)\s*$"
)


# Words naming a benchmark's subsets: a label before one (`Hard 子集`) or listed in brackets
# after one (`四个子套件（Spatial、Goal）`) is the subset's, not a name.
_SUBSET_NOUN = r"(?:子集|子套件|子任务|子基准|难度|划分|拆分|切分|splits?|subsets?)"
_SUBSET_AFTER = re.compile(rf"\s*{_SUBSET_NOUN}")
_SUBSETS_LISTED = re.compile(rf"{_SUBSET_NOUN}\s*[（(][^（）()]*$")
# Around a device that shares its spelling with a stop term (`L4`, a level): a count of
# devices, a run on it, or a device word after it.
_DEVICE_BEFORE = re.compile(
    r"(?:\d+\s*(?:张|块|台|颗|卡)|单张|单块|单卡|\d+\s*[×x]|(?:推理|训练|部署|运行)(?:在|于))"
    r"\s*(?:NVIDIA\s*)?$"
)
_DEVICE_AFTER = re.compile(r"\s*(?:GPU|显卡|加速卡|芯片)")
# Library words after a name, and a name listed beside it (`vLLM 或 Transformers`).
_LIBRARY_AFTER = re.compile(r"\s*(?:库|后端|框架|接口|推理|部署|格式|加载|插件)")
_SOFTWARE_BEFORE = re.compile(r"([A-Za-z][\w.+\-]*)\s*(?:或|与|和|、|/|以及)\s*$")
_SOFTWARE_AFTER = re.compile(r"\s*(?:或|与|和|、|/|以及)\s*([A-Za-z][\w.+\-]*)")
# What a work's maker does to it, right after the maker's name.
_MAKES = re.compile(r"\s?(?:联合)?(?:提出|发布|推出|开源)")
# The Chinese term that ends right before a name, a space apart at most.
_ZH_BEFORE = re.compile(r"([\u4e00-\u9fff]+)\s?[（(]?\s?$")  # `奇异值分解 SVD`, `奇异值分解（SVD`


# Types of known names that may be named as data (`Kubric 数据集`, `UniACT 数据集`).
_SENSED_AS_DATA = ("Software", "Model", "Method", "Organization")


@cache
def as_data(entry: KBEntry) -> KBEntry:
    """The data sense of a known platform, tool or model: its entry typed Dataset, one per
    entry."""
    return replace(entry, etype="Dataset")


_COMPARE = re.compile(
    r"优于|超越|超过|相比|相较|对比|胜过|击败|领先|比肩|媲美|匹敌|高于|强于|低于|逊于|落后于|不及|弱于"
    r"|(?<![对相占])比(?![例率重较值])"  # `比同规模的 X 提升 5.1 个点`
    r"|较(?=\s*$)|接近(?=\s*$)"  # `较 AdaIR 提升 1.61 dB`, `接近 X（0.69）`
    r"|(?<![^\s，；：、])超(?=\s*$|\s+[A-Za-z])"  # terse `整体 61.8，超 Dispider、…` (not 超分, 超参)
)


# `在 A、B 等基准上`: what follows a list of names evaluated on.
_EVAL_SPAN = re.compile(
    r"^(?:[^\s，。；、]{0,10}?(?:数据集|基准测试|基准|测试集|评测集|任务|环境))?\s*上"
)


# What introduces a description right after a name: `X，一个...框架`, `X 作为基座模型`,
# `X 是目前最强的开源模型` (the description's head noun types the name).
_GLOSS = re.compile(r"[（(][^（）()，。；]{1,40}[)）]")
_APPOSITION = re.compile(
    r"^\s*[，,（(]?\s*(?:(?:这是|即)?\s*(?P<det>一个|一种|一套)"
    r"|(?P<copula>作为|是(?!否)|为(?![了何]))\s*(?:一个|一种|一套)?)"
)


_FINETUNED = re.compile(r"\s*(?:进行|做)?\s*(?:全参数|全量|指令|监督|LoRA\s*)?微调")


_BUILT_WITH = re.compile(r"\s*(?:进行|来)?(?:实现|部署|搭建|开发|编写)(?!了)")
_PERCEPTION = (
    "估计|提取|检测|预测|分割|标注|识别|跟踪|追踪|打分|评分|转写|重建|补全|描述|恢复|切分|索引"
)
_ESTIMATED = re.compile(rf"\s*(?:来|进行)?(?:{_PERCEPTION})(?![器量值])")  # not `估计器`
# The tool's task later in its clause: `用 X 从 Ego4D 视频中恢复…`, `用 X 对页面做检索索引`.
_PERCEIVED = re.compile(rf"[^，。；：,;!?！？]{{0,24}}?(?:{_PERCEPTION})(?![器量值])")
_TOOL_USE = re.compile(r"(?:基于|使用|用|采用|借助|依托)\s*$")
_RESULT_ON = re.compile(r"^\s*上的?\s*(?:表现|准确率|得分|分数|成绩|结果|性能|取得|达到|获得)")


# A value given right after a name: `为 0.93`, `降至 0.38`, `：71.2%`, `> 0.5`.
_SCORED = re.compile(
    r"\s*(?:为|达到?|降至|降低至|降到|提升至|提高到|升至|约为?|仅为?|(?P<colon>[:：=])|[<>≤≥])\s*[-+]?\d"
)


# A comparison of values right after a name (`MAE 均低于`); a verb of effect can follow a
# technique too (`MAE 提升了表征`).
_COMPARED = re.compile(r"\s*(?:均|都|也|分别|明显|显著)?\s*(?:低于|高于|优于|劣于)")
# A value right after a name, with or without a verb before it (`MAE 为 9.7%`, `MAE 0.021`).
_VALUED = re.compile(r"\s*(?:为|达到?|约为?|[:：=])?\s*[-+]?\d")


# One short word without digits: acronyms and coined measures (`SIM`, `scTM`, `gIoU`).
# A unit's number before it (`24 FPS`, `5.22% 的 FLOPs`, `**28 FPS**`).
_SPEED_BEFORE = re.compile(r"速度[^，。；,;、]{0,14}\d[\d.,]*\s*\**\s*$")
_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s*(?:%\s*的|[KMGTkmgt]?)\s*\**\s*$")
_METRIC_SHAPED = re.compile(r"[A-Za-z][A-Za-z.]{1,6}")


def _open_bracket(before: str) -> int:
    """Where the bracket still open at the end of `before` opens, or -1."""
    opened = max(before.rfind("（"), before.rfind("("))
    return opened if opened > max(before.rfind("）"), before.rfind(")")) else -1


def _in_field_name(before: str) -> bool:
    """The name stands in the English name of a field: an open bracket, no Chinese since."""
    opened = _open_bracket(before)
    return opened >= 0 and not has_cjk(before[opened + 1 :])


def _in_brackets(before: str) -> bool:
    """The name stands inside an open bracket: `FAD 1.82（YuE 为 3.41，…`."""
    return _open_bracket(before) >= 0


_INTRO = re.compile(r"名为|提出了?|推出了?|构建了?|设计了?|引入了?")
