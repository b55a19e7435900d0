"""spaCy pipeline components: KB ruler, shape finder, pair linker, context typer, role assigner."""

from __future__ import annotations

import re
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import Cand, Pair, covered, sentence_of
from kg.extract.resources import KBEntry, Resources, has_cjk, resources
from kg.extract.shapes import (
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
_ZH_CUT = re.compile(r"[的了是和与在为将把对从及以由被等或即：:，,、“”\"'‘’「」《》]|一种|一个|名为")
_GLOSS = re.compile(r"^[A-Za-z][A-Za-z0-9 .'’&+\-]*$")
_CONNECTORS = frozenset({"of", "for", "to", "and", "with", "in", "via", "on", "the", "a", "by"})
_PHENOMENA = (
    "现象",
    "问题",
    "能力",
    "困境",
    "偏见",
    "效应",
    "悖论",
    "任务",
    "场景",
    "缺陷",
    "倾向",
    "智能体",
    "模式",
)
_METHODISH = (
    "法",
    "算法",
    "策略",
    "机制",
    "损失",
    "蒸馏",
    "优化",
    "注意力",
    "调度",
    "攻击",
    "架构",
    "框架",
    "范式",
    "模块",
    "技术",
    "方法",
    "截断",
    "裁剪",
    "匹配",
    "缓存",
    "聚合",
    "雕刻",
    "分解",
    "锐化",
    "自适应",
    "分配",
    "学习",
    "训练",
    "采样",
    "搜索",
    "分块",
    "策略优化",
)
_METRICISH = ("率", "度", "分数", "评分", "得分", "指标", "误差", "距离", "范数")
_TYPE_BY_ZH_SUFFIX = {**{s: "Method" for s in _METHODISH}, **{s: "Metric" for s in _METRICISH}}


def _cue_after(res: Resources, text: str) -> tuple[str, int] | None:
    """Type suggested by a cue word at the start of `text` (the text right after a name)."""
    best: tuple[str, int] | None = None
    best_len = 0
    for cue in res.type_cues:
        if cue.side == "after" and text.startswith(cue.word) and len(cue.word) > best_len:
            best, best_len = (cue.value, cue.weight), len(cue.word)
    return best


def _cue_before(res: Resources, text: str) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    best_len = 0
    for cue in res.type_cues:
        if text.endswith(cue.word) and len(cue.word) > best_len:
            best, best_len = (cue.value, cue.weight), len(cue.word)
    return best


def _last_cue(res: Resources, window: str) -> tuple[str, int] | None:
    """Head-final noun phrase: the cue word that occurs last in `window` wins."""
    best: tuple[str, int] | None = None
    best_pos = -1
    for cue in res.type_cues:
        if cue.side != "after":
            continue
        pos = window.rfind(cue.word)
        if pos >= 0 and pos + len(cue.word) > best_pos:
            best, best_pos = (cue.value, cue.weight), pos + len(cue.word)
    return best


def _surface_ok(res: Resources, surface: str, entry: KBEntry) -> bool:
    """Reject case-insensitive KB hits that are ordinary words ('atlas', 'Math' for MATH)."""
    spellings = [s for s in (entry.name, *entry.aliases) if key_of(s) == key_of(surface)]
    if surface in spellings:
        return True
    if any(s in res.kb_exact_case for s in spellings):
        return False
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
    return tok in res.variant_words or is_version(tok) or is_size(tok)


def _extend(res: Resources, run: list[tuple[int, int, str]], j: int) -> int:
    """End index (exclusive) of a name starting before token j, extended by variant tokens.

    Capitalised words join only when a version or size follows them ('Genie Sim 3.0').
    """
    k = j
    pending = j
    while pending < len(run):
        tok = run[pending][2]
        if _is_extension(res, tok):
            pending += 1
            k = pending
        elif tok[:1].isupper() and tok.isalpha() and key_of(tok) not in res.stop:
            pending += 1
        else:
            break
    return k


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
    assigns=["doc._.paperkg_runs", "doc._.paperkg_cands"],
    requires=["doc._.paperkg_sents"],
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
        zh = sorted(self.res.kb_zh, key=len, reverse=True)
        self.zh_re = re.compile("|".join(re.escape(z) for z in zh)) if zh else None

    def __call__(self, doc: Doc) -> Doc:
        res = self.res
        text = doc.text
        runs = _find_runs(text)
        doc._.paperkg_runs = runs
        cands: list[Cand] = []
        for run in runs:
            i = 0
            n = len(run)
            while i < n:
                step = self._match_at(doc, run, i, cands)
                i += step
        if self.zh_re is not None:
            for m in self.zh_re.finditer(text):
                sent = sentence_of(doc, m.start())
                if doc._.paperkg_sents[sent].section == "fields":
                    continue
                entry = res.kb_zh[m.group()]
                cands.append(Cand(m.start(), m.end(), m.group(), sent, "zh", kb=entry))
        doc._.paperkg_cands = cands
        return doc

    def _match_at(self, doc: Doc, run: tuple, i: int, cands: list[Cand]) -> int:
        """Match at token i of a run; returns how many tokens were consumed."""
        res = self.res
        text = doc.text
        n = len(run)
        for j in range(min(n, i + 6), i, -1):
            s, e = run[i][0], run[j - 1][1]
            surface = text[s:e]
            entry = res.kb_alias.get(key_of(surface))
            if entry is None or not _surface_ok(res, surface, entry):
                continue
            k = _extend(res, run, j) if entry.etype in self.EXTENDABLE else j
            sent = sentence_of(doc, s)
            if k > j:
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
        parts = tail.split("-")
        if all(_is_extension(res, p) for p in parts) or all(p.isalpha() for p in parts):
            # 'Qwen2.5-VL-7B-Instruct' (a variant) or 'verl-tool' (a related named thing).
            k = _extend(res, run, i + 1) if entry.etype in self.EXTENDABLE else i + 1
            e = run[k - 1][1]
            cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            return k - i
        return 1


@Language.factory(
    "paperkg_shape_finder",
    assigns=["doc._.paperkg_cands"],
    requires=["doc._.paperkg_runs", "doc._.paperkg_cands"],
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

    def __call__(self, doc: Doc) -> Doc:
        res = self.res
        text = doc.text
        cands: list[Cand] = doc._.paperkg_cands
        self._title_name(doc, cands)
        taken = sorted((c.start, c.end) for c in cands)
        new: list[Cand] = []
        for run in doc._.paperkg_runs:
            i = 0
            while i < len(run):
                s, e, tok = run[i]
                if any(a <= s < b for a, b in taken):
                    i += 1
                    continue
                sent = sentence_of(doc, s)
                section = doc._.paperkg_sents[sent].section
                if section == "fields" or key_of(tok) in res.stop:
                    i += 1
                    continue
                strength = shape_strength(tok)
                if strength == 2:
                    k = _extend(res, run, i + 1)
                    e = run[k - 1][1]
                    new.append(Cand(s, e, text[s:e], sent, "shape"))
                    i = k
                    continue
                if section != "title" and (strength == 1 or _is_capitalised(tok)):
                    k = i + 1
                    while k < len(run) and _is_capitalised(run[k][2]):
                        k += 1
                    k = max(k, _extend(res, run, k))
                    e = run[k - 1][1]
                    new.append(Cand(s, e, text[s:e], sent, "weak"))
                    i = k
                    continue
                i += 1
        cands.extend(new)
        cands.sort(key=lambda c: (c.start, -c.end))
        return doc

    def _title_name(self, doc: Doc, cands: list[Cand]) -> None:
        """`RynnBrain: Open Embodied Foundation Models` -> RynnBrain, typed by the title words."""
        title = doc._.paperkg_title
        sent = doc._.paperkg_sents[0] if doc._.paperkg_sents else None
        if sent is None or sent.section != "title" or ":" not in title:
            return
        head = title.split(":", 1)[0].strip()
        words = head.split()
        if not words or len(words) > 6 or key_of(head) in self.res.stop:
            return
        if not all(w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS for w in words):
            return
        start = doc.text.find(head, sent.start, sent.end)
        if start < 0:
            return
        end = start + len(head)
        kb = self.res.kb_alias.get(key_of(head))
        for c in cands:
            if start <= c.start and c.end <= end:
                c.dropped = True
        cand = Cand(start, end, head, 0, "title", kb=kb)
        rest = title.split(":", 1)[1]
        for w in re.findall(r"[A-Za-z][A-Za-z\-]*", rest + " " + head):
            etype = self.res.title_cues.get(w)
            if etype:
                cand.votes[etype] += 3
                break
        cand.roles.add("proposes")
        cands.append(cand)


def _is_capitalised(tok: str) -> bool:
    return (
        len(tok) >= 3
        and tok[0].isupper()
        and tok[1:].replace("-", "").isalpha()
        and tok[1:].islower()
    )


@Language.factory(
    "paperkg_pair_linker",
    assigns=["doc._.paperkg_pairs", "doc._.paperkg_examples", "doc._.paperkg_cands"],
    requires=["doc._.paperkg_cands", "doc._.paperkg_runs"],
)
def make_pair_linker(nlp: Language, name: str) -> PairLinker:
    return PairLinker()


class PairLinker:
    """Links `中文（English, ACR）`, `English (ACR)` and `ACR（中文）` into one named entity."""

    def __init__(self) -> None:
        self.res = resources()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        cands: list[Cand] = doc._.paperkg_cands
        pairs: list[Pair] = []
        examples: list[tuple[int, int, str]] = []
        run_by_end = {run[-1][1]: run for run in doc._.paperkg_runs}
        for m in _PAREN.finditer(text):
            sent_i = sentence_of(doc, m.start())
            sent = doc._.paperkg_sents[sent_i]
            if sent.section == "fields":
                continue
            content = m.group(1)
            left = text[sent.start : m.start()]
            ex = _EXAMPLE.match(content)
            if ex:
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
            if en is not None and len(en.split()) > 8:
                continue
            stripped = left.rstrip(" \t“”\"'’")
            if stripped and has_cjk(stripped[-1]):
                zh = self._zh_term(stripped)
                self._zh_then_latin(doc, cands, m, zh, en, acr, sent_i, pairs)
            elif stripped and stripped[-1].isalnum():
                self._latin_then_latin(doc, cands, m, stripped, en, acr, sent_i, run_by_end, pairs)
        doc._.paperkg_pairs = tuple(pairs)
        doc._.paperkg_examples = tuple(examples)
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
        if len(term) > 16:
            term = term[-16:]
        return term if term and has_cjk(term) else None

    def _inner(self, cands: list[Cand], start: int, end: int) -> list[Cand]:
        return [c for c in cands if start <= c.start and c.end <= end and not c.dropped]

    def _accept_gloss(
        self, doc: Doc, m: re.Match[str], zh: str | None, en: str, sent_i: int
    ) -> str | None:
        """Type of a `中文（English）` gloss that names something, or None for plain glosses."""
        res = self.res
        text = doc.text
        sent = doc._.paperkg_sents[sent_i]
        after = text[m.end() : m.end() + 8].lstrip(" ”“\"")
        if any(after.startswith(p) for p in _PHENOMENA):
            return None
        kb = res.kb_alias.get(key_of(en))
        if kb is not None:
            return kb.etype
        words = en.split()
        if not words or key_of(en) in res.stop:
            return None
        cue = _cue_after(res, after)
        if cue is not None and cue[0] in ("Method", "Metric", "Dataset", "Model", "Software"):
            return cue[0]
        if zh:
            for suffix, etype in sorted(_TYPE_BY_ZH_SUFFIX.items(), key=lambda p: -len(p[0])):
                if zh.endswith(suffix):
                    return etype
        before = text[sent.start : m.start()]
        if re.search(r"(名为|提出了?(一种|一个|新的)*|称为|命名为)\s*[“\"]?[^，。,；]{0,16}$", before):
            return "Method"
        if sent.heading and sent.section in ("innovations", "contribution", "usage"):
            head_end = text.find("：", sent.start, sent.end)
            if head_end < 0 or m.end() <= head_end + 1:
                if len(words) >= 2 and all(w[:1].isupper() or w in _CONNECTORS for w in words):
                    return "Method"
        if len(words) == 1 and is_name_shaped(en):
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
        if acr is not None and key_of(acr) in res.stop and en is None:
            for c in inner:
                c.dropped = True
            return
        zh_kb = self._zh_kb(cands, m.start(), zh)
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
        if acr is not None and key_of(acr) in res.stop:
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
            if c.origin == "zh" and not c.dropped and paren - len(zh) - 3 <= c.start < paren:
                found = c.kb
                c.dropped = True
        return found

    @staticmethod
    def _zh_votes(cand: Cand, zh: str) -> None:
        for suffix, etype in sorted(_TYPE_BY_ZH_SUFFIX.items(), key=lambda p: -len(p[0])):
            if zh.endswith(suffix):
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
        res = self.res
        run = run_by_end.get(len(left) + doc._.paperkg_sents[sent_i].start)
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
                if target is not None and key_of(acr) not in res.stop:
                    target.aliases.append(acr)
                    for c in inner:
                        c.dropped = True
                return
            if not (letters and initials.startswith(letters[0]) and len(words) <= 7):
                return
            s, e = phrase[0][0], phrase[-1][1]
            text = doc.text[s:e]
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
            if target is not None and is_acronym(target.text):
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
        after = doc.text[m.end() : m.end() + 4]
        if any(after.startswith(p) for p in _PHENOMENA):
            target.dropped = target.origin == "weak"
            return
        target.aliases.append(content.strip())
        if target.origin == "weak":
            target.votes["?"] += 1
        pairs.append(Pair(target.start, m.end(), content.strip(), target.text, None))


@Language.factory(
    "paperkg_context_typer",
    assigns=["doc._.paperkg_cands"],
    requires=["doc._.paperkg_cands", "doc._.paperkg_examples"],
)
def make_context_typer(nlp: Language, name: str) -> ContextTyper:
    return ContextTyper()


class ContextTyper:
    """Types names from the cue words around them, their shape and their section."""

    def __init__(self) -> None:
        self.res = resources()

    def __call__(self, doc: Doc) -> Doc:
        res = self.res
        text = doc.text
        cands = [c for c in doc._.paperkg_cands if not c.dropped]
        by_start = {c.start: c for c in cands}
        for c in cands:
            if key_of(c.label) in res.stop or key_of(c.text) in res.stop:
                c.dropped = True
                continue
            if c.kb is not None:
                c.etype = c.kb.etype
                continue
            if c.kb_hint is not None:
                c.votes[c.kb_hint.etype] += 3
            strong = self._context_votes(doc, c, by_start)
            parts = re.split(r"[\s\-]+", c.label)
            for suffix, etype in res.suffixes:
                if (c.label.endswith(suffix) or suffix.lstrip("-") in parts[1:]) and len(
                    c.label
                ) > len(suffix):
                    c.votes[etype] += 2
                    break
            for p in parts[1:]:
                if is_size(p):
                    c.votes["Dataset" if p[-1] in "Kk" else "Model"] += 2
            sent = doc._.paperkg_sents[c.sent]
            if sent.section == "results" and re.search(r"在\s*$", text[sent.start : c.start]):
                c.votes["Dataset"] += 1
            c.votes.pop("?", None)
            if c.origin == "weak" and not strong:
                c.dropped = True
                continue
            if c.votes:
                c.etype = max(sorted(c.votes), key=lambda t: c.votes[t])
            else:
                c.etype = "Method"
        self._propagate_lists(doc, cands)
        return doc

    def _list_after(self, doc: Doc, c: Cand, by_start: dict[int, Cand]) -> tuple[int, list[Cand]]:
        """End of the coordinated list `A、B (b) 和 C` that starts at c, and its members."""
        text = doc.text
        sent = doc._.paperkg_sents[c.sent]
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

    def _propagate_lists(self, doc: Doc, cands: list[Cand]) -> None:
        """Unknown names listed with known ones take their type (`MathVista、DynaMath`)."""
        by_start = {c.start: c for c in cands if not c.dropped}
        seen: set[int] = set()
        for c in cands:
            if c.dropped or c.start in seen:
                continue
            _, members = self._list_after(doc, c, by_start)
            seen.update(m.start for m in members)
            known = [m.etype for m in members if m.kb is not None and m.etype]
            if len(members) < 2 or not known:
                continue
            etype = max(sorted(set(known)), key=known.count)
            for m in members:
                if m.kb is None and m.kb_hint is None and not m.votes:
                    m.etype = etype
                    m.votes[etype] += 1

    def _context_votes(self, doc: Doc, c: Cand, by_start: dict[int, Cand]) -> bool:
        """Add votes from cue words; True if a cue next to the name (or its list) was found."""
        res = self.res
        text = doc.text
        sent = doc._.paperkg_sents[c.sent]
        strong = False
        pos, _ = self._list_after(doc, c, by_start)
        rest = text[pos : sent.end]
        tail = _LIST_END.match(rest)
        after = rest[tail.end() :].lstrip(" ”\"'）)") if tail else rest
        cue = _cue_after(res, after)
        if cue is not None:
            c.votes[cue[0]] += cue[1] * 2
            strong = True
        elif tail and tail.group().strip():
            window = _PUNCT_STOP.split(after, 1)[0][:14]
            cue = _last_cue(res, window)
            if cue is not None:
                c.votes[cue[0]] += cue[1] * 2
                strong = True
        before = text[sent.start : c.start].rstrip(" “\"")
        cue = _cue_before(res, before)
        if cue is not None:
            c.votes[cue[0]] += cue[1]
            strong = True
        for s, e, left in doc._.paperkg_examples:
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
            clause_left = _PUNCT_STOP.split(before[::-1], 1)[0][::-1]
            intro = re.match(r"^\s*[，,]?\s*(?:这是|即)?\s*(?:一个|一种|一套)", right)
            if re.match(r"^\s*的", right) or intro or _INTRO.search(clause_left):
                body = right[intro.end() :] if intro else right
                window = _PUNCT_STOP.split(body.lstrip("，, "), 1)[0][:24]
                cue = _last_cue(res, window)
                if cue is not None:
                    c.votes[cue[0]] += 2
        return strong


_INTRO = re.compile(r"名为|提出了?|推出了?|构建了?|设计了?|引入了?")


@Language.factory(
    "paperkg_role_assigner",
    assigns=["doc._.paperkg_cands"],
    requires=["doc._.paperkg_cands"],
)
def make_role_assigner(nlp: Language, name: str) -> RoleAssigner:
    return RoleAssigner()


_CLAUSE = re.compile(r"[，。；;,：:]")


class RoleAssigner:
    """The paper's role towards each name, from cue words in its clause and its section."""

    def __init__(self) -> None:
        self.res = resources()
        self.before = [c for c in self.res.role_cues if c.side == "before"]
        self.after = [c for c in self.res.role_cues if c.side == "after"]
        self.clause = [c for c in self.res.role_cues if c.side == "clause"]

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        title = doc._.paperkg_title
        head = title.split(":", 1)[0] if ":" in title else ""
        for c in doc._.paperkg_cands:
            if c.dropped or c.etype is None:
                continue
            sent = doc._.paperkg_sents[c.sent]
            left = text[sent.start : c.start]
            cut = max((m.end() for m in _CLAUSE.finditer(left)), default=0)
            clause_left = left[cut:]
            right = text[c.end : sent.end]
            clause_right = _CLAUSE.split(right, 1)[0]
            if c.etype == "Hardware":
                c.roles.add("runsOn")
                continue
            if sent.section == "title" and head and c.end <= len(head) + sent.start:
                c.roles.add("proposes")
            if c.kb is None and c.kb_hint is None and sent.section in ("contribution", "innovations"):
                if any(cue.word in clause_left for cue in self.before if cue.value == "proposes"):
                    c.roles.add("proposes")
            if any(cue.word in clause_left for cue in self.before if cue.value == "comparesWith"):
                if c.etype in ("Model", "Method"):
                    c.roles.add("comparesWith")
            if c.etype in ("Dataset", "Benchmark") and (
                sent.section == "results"
                or any(cue.word in clause_left + clause_right for cue in self.clause if cue.value == "evaluatesOn")
            ):
                c.roles.add("evaluatesOn")
            elif any(cue.word in clause_left for cue in self.before if cue.value == "uses"):
                c.roles.add("uses")
            elif c.etype == "Software":
                c.roles.add("uses")
            if any(cue.word in clause_right[:6] for cue in self.after if cue.value == "uses"):
                c.roles.add("uses")
        return doc
