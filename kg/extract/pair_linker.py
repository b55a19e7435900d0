"""Component 3: `中文（English, ACR）` glosses and acronyms linked into one named entity."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import Cand, Pair, PaperState, sentence_of, state
from kg.extract.names import (
    CONNECTORS,
    COUNT,
    PUNCT_STOP,
    YEAR,
    abbreviates,
    affix_type,
    cue_after,
    expansion_type,
    initials,
    last_cue,
    redefines,
)
from kg.extract.resources import (
    KBEntry,
    cjk_count,
    has_cjk,
    is_stop,
    is_stop_unit,
    resources,
    zh_ending,
)
from kg.extract.shapes import (
    is_acronym,
    is_bitwidth,
    is_name_shaped,
    key_of,
    shape_strength,
)
from kg.extract.tokenizer import CAPITAL_SLASH
from kg.keys import spelling_key

# One level of a glued bracket may sit inside (`（SE(3) Motion Bases）`).
_PAREN = re.compile(r"[（(]\s*((?:[^（）()\n]|\((?:\d{1,2}|[\u03b1-\u03c9])\)){1,120}?)\s*[)）]")


_ZH_TERM_CHARS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9 .\-]*")


_EXAMPLE = re.compile(r"^(?:如|例如|比如|包括|包含|即|e\.g\.|i\.e\.|such as)\s*[:：]?\s*")


# Chinese characters that end the Chinese term glossed by a parenthesis (its left edge).
_ZH_CUT = re.compile(
    r"[的了和与及或即：:，,、“”\"'‘’「」《》]|一种|一个|名为|称为|作为|基于|通过|使用|采用|利用|进行"
    r"|引入|提出|加入"
    # `存入元缓冲区`: a step's verb before the term
    r"|存入"
    # 在于, 由于, 对于 … end a clause; `等` ends a list, but 等效, 等变 and 等价 are words of a
    # term; likewise 在 (not 在线, 在环), 并 (not 并行, 合并) and 以 (not 可以, 所以)
    r"|[在由对关用属]于|等(?![效变价距])|(?<![潜存内外所现实自])在(?![线策环])"
    r"|(?<![合兼])并(?![行发联列存])"
    r"|(?<![可所加予难得])以"
)


# `在 CVTG-2K 上单词准确率（Word Accuracy）`: where it was measured is not part of the term
# (`在线` is a word of its own).
_WHERE = re.compile(r"^在(?!线)[^上]{1,30}上(?=[\u4e00-\u9fff])")


# `DAPO 中动态采样`, `CVTG-2K 上单词准确率`: the place a Latin name gives, not the term
# (上下文 is a word).
_PLACE = re.compile(r"^[^\u4e00-\u9fff]*[A-Za-z0-9][^\u4e00-\u9fff]*[上中里内](?!下文)")


# Conjunctions and prepositions that open a clause before the glossed term (`并配合…`,
# `以…`, `在…`), not words of it: `并行`, `在线` and `在策` are.
_LEAD = re.compile(
    r"^(?:并(?!行)|而|且|同时|以|将|在(?![线策环])|据此|其|相比于?|[远高低优劣]于|超越|超过|胜过"
    r"|[一二三四五六]是|受(?![限控损])|比(?![特例率较])"
    # `先由轨迹压缩器`, `再用…`, `便借助…`; `由粗到细匹配` is a name
    r"|[先再](?=[由用])|由(?![^到]{1,3}到)|便(?=借助)|经过|避免"
    # `如高分辨率图像（…）`: an example's opener
    r"|[例比诸譬]如|如(?![何果同此今意实])"
    r")+"
)


_PLAIN_LEAD = re.compile(r"([A-Za-z][a-z]+)\s*(?=[\u4e00-\u9fff])")
_LATIN_CHAR = re.compile(r"[A-Za-z0-9\-]")
# `方法二 (OPSD)`, `第一阶段 (GLAD)`: a place in the paper's list, not a name.
_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十\d]+\S{0,2}|\S{1,2}[一二三四五六七八九十\d])$")


_DIGIT_OR_LATIN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-]*")


# A year is an edition's (`（AMOS 2022）`), not a score.
_SCORE_TAIL = re.compile(rf"\s+(?!{YEAR}$)[\d.,%]+$")
_EDITION = re.compile(rf"(.+?)\s+{YEAR}")


# The words that join the members of a list (with `、`, a comma or `或` where a list allows them).
_JOINERS = "和|与|及|以及"
_NAME_LIST = re.compile(
    rf"^[A-Za-z][\w.\-]*(?:\s+[\w.\-]+)*(?:\s*(?:[、,，]|{_JOINERS})\s*[A-Za-z][\w.\-]*"
    r"(?:\s+[\w.\-]+)*)+\s*(?:等)?$"
)


# An English gloss, which may open with a dimension (`1-D Tile-Tagging`, `3D Gaussian Splatting`)
# Latin-1 and Latin Extended letters inside the words too (`Plücker Ray Embedding`), and a
# variant after an underscore (`CLIP_img`; notation such as `x_t` is no name-shaped gloss)
_GLOSS = re.compile(
    r"^(?:[1-4]-?D[\s\-])?[A-Za-z]"
    r"(?:[A-Za-z0-9²³\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f .'’&+_\-]"
    r"|\((?:\d{1,2}|[\u03b1-\u03c9])\))*$"
)


def _short_form(short: str, name: str) -> bool:
    """A short form of a glossed name: a prefix of each of its words (`gRet` of `Gated
    Retention`), a name-shaped word with its first letter (`Uni-Rep` of `Unambiguous image
    Representation`), or the initials of its first words, then its last word (`STC Connector`
    of `Spatial-Temporal Convolution Connector`)."""
    if " " not in short:
        return abbreviates(short, name) or (
            shape_strength(short) >= 1 and short[0].upper() == name[0].upper() and " " in name
        )
    words, head = short.split(), name.split()[-1]
    return (
        len(words) == 2
        and words[1] == head
        and is_acronym(words[0])
        and initials(name[: -len(head)]) == words[0].upper()
    )


def _spells(kb: KBEntry, text: str) -> bool:
    """The text is one of the entry's spellings."""
    key = key_of(text)
    return any(key_of(a) == key for a in (kb.name, *kb.aliases))


def _capitals_spell(name: str, expansion: str) -> bool:
    """The expansion's capitals spell the name's letters in order, from its first."""
    letters = [ch.lower() for ch in name if ch.isalpha()]
    if len(letters) < 3:
        return False
    capitals = iter(ch.lower() for ch in expansion if ch.isupper())
    return expansion[:1].lower() == letters[0] and all(ch in capitals for ch in letters)


def _spelled_by_capitals(name: str, expansion: str) -> bool:
    """The expansion's capitals, some inside its words, spell the name's letters in order."""
    words = expansion.replace("-", " ").split()
    return any(any(ch.isupper() for ch in w[1:]) for w in words) and _capitals_spell(
        name, expansion
    )


def _clipped_words(name: str, expansion: str) -> bool:
    """`NoCha（Novel Challenge）`, `MoCo（Momentum Contrast）`: the name joins the opening
    letters of the expansion's words, one capitalised piece per word."""
    pieces = _CAMEL_PIECE.findall(name)
    words = [w for w in expansion.replace("-", " ").split() if w.lower() not in CONNECTORS]
    return (
        len(pieces) >= 2
        and "".join(pieces) == name
        and len(pieces) == len(words)
        and all(w.lower().startswith(p.lower()) for p, w in zip(pieces, words, strict=True))
    )


_CAMEL_PIECE = re.compile(r"[A-Z][a-z]*")


def _spelled_acronym(content: str, left: str) -> bool:
    """`BRO（Bigger, Regularized, Optimistic）`: the bracket lists the words whose initials
    are all the capitals that end the text before it."""
    acronym = _ACRONYM_END.search(left)
    if acronym is None or _SPELLED_WORDS.fullmatch(content) is None:
        return False
    return "".join(w[0] for w in _TITLE_WORD.findall(content)) == acronym.group().rstrip()


def _glossed_ends(glossed: tuple[str, ...], name: str) -> bool:
    """One of the glossed names' spelling keys ends with the name's (`RQ-Kmeans`, `K-means`)
    or opens with it (`CLIP_img`, `CLIP`)."""
    key = spelling_key(key_of(name))
    return any(g.endswith(key) or g.startswith(key) for g in glossed)


# Chinese endings of a system's parts (`压缩器`, `探针头`) and the English agent nouns that
# gloss them (`Compressor`, `Probe Head`).
_PART_ZH = ("器", "头")
# an acronym and the kind of thing it names, right before a parenthesis
_KIND_END = re.compile(
    r"([A-Z][A-Za-z0-9\-]*[A-Z0-9])\s?(?:数据集|语料库|语料|基准|模型|框架|算法|方法|系统|平台)$"
)
_ZH_AND = re.compile(r"[、和与及]")
# Capitalised words listed by commas (`Bigger, Regularized, Optimistic`), and the capitals
# that end the text before their bracket.
_SPELLED_WORDS = re.compile(r"[A-Z][a-z]+(?:\s*[,，]\s*(?:and\s+)?[A-Z][a-z]+){2,}")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
_ACRONYM_END = re.compile(r"[A-Z]{3,}\s*$")
_COMMAS = re.compile(r"[,，]")
# The slash of `CodeI/O` joins, as in the tokenizer.
_PART_SEP = re.compile(rf"[,，;；]|(?!{CAPITAL_SLASH})/")
_WITH = re.compile(r"\bw/o?(?![A-Za-z])")
_NAMED_END = re.compile(r"(名为|提出了?(一种|一个|新的)*|称为|命名为)\s*[“\"]?[^，。,；]{0,16}$")
_INTRODUCED_END = re.compile(
    r"(通过|引入了?|采用了?|借助|设计了?|利用|加入了?|用)\s*[“\"]?[^，。,；、]{1,12}$"
)
# The word joining two members of a list, with its spaces.
_AND_WORD = rf"\s*(?:、|{_JOINERS})\s*"
# the gloss after, or before, in a list of glosses (`准确度（Acc.）与完整度（Comp.）`)
_LISTED_NEXT = re.compile(_AND_WORD + r"[^（()）、，。；]{1,12}[（(]")
_LISTED_PREV = re.compile(r"[)）]" + _AND_WORD + r"[^（()）、，。；]{0,12}$")
# A word cut short, as measures' names in tables are (`Traj.`, `err.`, `Pix.`).
_ABBREVIATED = re.compile(r"[A-Za-z]{1,6}\.")
# From a gloss's name to the next Chinese term of its list: `…（Mask-Guided Inversion）与`.
_AFTER_GLOSS = re.compile(rf"[^（）()\n。；]{{0,40}}[)）]\s*(?:[、，,]|{_JOINERS}|或)\s*")
# The count that ends a list of glosses (`…两种`).
_COUNTED_END = re.compile(rf"{COUNT}\s*$")
# Where a counted kind's noun phrase ends: a place word after it (`…的指标上`)
_HEAD_SPAN = re.compile(r"[上中里内]")
# A count of task or scene kinds that a list of glosses then spells out, up to the gloss
_CATEGORY_LIST = re.compile(
    r"[一二两三四五六七八九十\d]+\s*(?:类|种|个|大)\s*(?:任务|场景|类别|领域|类型)(?:类别)?"
    r"(?:分别)?(?:为|是|包括|涵盖|[：:])[^。；;：:]*$"
)


# Two glossed names joined by `&`, and the Chinese joiner before the second term
_BOTH = re.compile(r"(.+?) & (.+)")
_AND_ZH = re.compile(rf"(?:{_JOINERS})$")


def _titled(name: str) -> bool:
    """Every word capitalised, a number or a connector (`1-D Tile-Tagging`, `Chain of Thought`)."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in CONNECTORS for w in name.split())


def _plural(word: str) -> bool:
    """`Gradients`, not `Faithfulness` or `Loss`."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


# From a gloss's closing bracket to the English name of the next gloss of its list.
_NEXT_GLOSS = re.compile(rf"\s*(?:、|{_JOINERS}|或)\s*[^\s，。；：、（）()]{{1,16}}[（(]\s*")
# What scores are reported along: `从全面性（Comprehensiveness）、多样性（Diversity）四个维度评估`.
_DIMENSION_NEXT = re.compile(
    r"维度(?:进行)?(?:评估|评测|评价|打分|评分|衡量|得分|领先|排名)"
    r"|维度上(?:的)?(?:得分|评分|排名|领先|均|都|优于|最高|最佳|超过)"
)
# Bullets, numbering, quotes and markup around an item's heading.
_HEADING_MARKS = " \t*-·•“”\"'’0123456789.、"
# A Chinese term, then after a comma its English name, inside one bracket (`（检索头，Retrieval
# Heads）`).
_ZH_INSIDE = re.compile(r"([\u4e00-\u9fff]{2,12})\s*[，,]\s*([A-Za-z][^\u4e00-\u9fff]*)$")
# A Latin gloss, then after a comma a note in Chinese (`Projection Loss，通常为负余弦相似度`).
_NOTED = re.compile(r"([A-Za-z][^，,\u4e00-\u9fff]*?)\s*[，,]\s*(?=[^，,]*[\u4e00-\u9fff])")
# a list's joining word right before, or right after, a name
_LIST_SEP_END = re.compile(_AND_WORD + "$")
_LIST_SEP_START = re.compile(_AND_WORD)
_EN_JOIN = re.compile(r"\b(?:via|with|and|using|for)\b|\+")
_CLAUSE_PUNCT = re.compile(r"[，,、；;]")
_QUOTES = ('"', "”", "’", "'")
_PART_EN = re.compile(r"(?:er|or|Head)s?$")
# What may stand between a gloss and the cue word of its list: further glossed members
# (`、帧间连贯性（Temporal Consistency）`) and the list's end (`等`, `等三项`).
_LIST_REST = re.compile(
    rf"^(?:\s*(?:[、,，]|{_JOINERS})\s*[^\s，。；：、（）()]{{1,16}}[（(][^（）()\n]{{1,60}}[)）])*"
    rf"\s*(?:等等?)?\s*(?:{COUNT}\s*)?"
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
        rejected: list[tuple] = []  # plain glosses, in text order
        run_by_end = {run[-1][1]: run for run in st.runs}
        for m in _PAREN.finditer(text):
            sent_i = sentence_of(doc, m.start())
            sent = st.sents[sent_i]
            if sent.section == "fields":
                continue
            content = m.group(1)
            left = text[sent.start : m.start()]
            if _spelled_acronym(content, left):
                # the words the name abbreviates are no names
                for c in self._inner(cands, m.start(), m.end()):
                    c.dropped = True
                continue
            ex = _EXAMPLE.match(content)
            if ex or (
                # the separators first: the list's regex is the dearer test
                (_ZH_AND.search(content) or len(_COMMAS.findall(content)) >= 2)
                and _NAME_LIST.match(content)
            ):
                examples.append((m.start(), m.end(), left.rstrip()))
                continue
            inside = _ZH_INSIDE.match(content)
            if inside is not None:
                # `少数头（检索头，Retrieval Heads）`: the Chinese term inside, then its name
                zh_inside, content = inside.group(1), inside.group(2)
            else:
                zh_inside = None
            if zh_inside is None and has_cjk(content):
                noted = _NOTED.match(content)
                if noted is None or not has_cjk(left.rstrip()[-1:]):
                    self._latin_then_zh(doc, cands, m, content, left, run_by_end, pairs)
                    continue
                # `零阶搜索（Zero-Order Search，在当前最优噪声的邻域内迭代）`: a gloss, then a
                # note on it, whose own names stay (`（Motion Preservation，基于 RAFT 计算）`)
                content = noted.group(1)
                in_note = m.start(1) + noted.end()
                kept = [c for c in cands if not c.dropped and in_note <= c.start < m.end()]
            else:
                kept = []
            if _WITH.search(content):
                continue  # `（SFT w/ CoT + RL）`: a setting described, not a name glossed
            parts = [p.strip() for p in _PART_SEP.split(content) if p.strip()]
            if not all(_GLOSS.match(p) for p in parts):
                continue
            acr = next((p for p in parts if is_acronym(p) and " " not in p), None)
            if acr is None and len(parts) == 2 and _short_form(parts[1], parts[0]):
                acr = parts[1]  # a short form of the name, not a second name
            en_parts = [p for p in parts if p != acr and any(c.isalpha() for c in p)]
            known = [p for p in en_parts if key_of(p) in self.res.kb_alias]
            en = known[0] if known else (en_parts[0] if en_parts else None)
            if en is not None:
                # `（AUC 0.730）`: a score after the name is not part of it.
                en = _SCORE_TAIL.sub("", en) or None
            if en is not None and len(en.split()) > 8:
                continue
            stripped = left.rstrip(" \t“”\"'’")
            if zh_inside is not None:
                self._zh_then_latin(doc, cands, m, zh_inside, en, acr, sent_i, pairs, rejected)
            elif stripped and has_cjk(stripped[-1]):
                if not self._kind_then_expansion(cands, m, stripped, en, acr, pairs):
                    zh = self._zh_term(stripped)
                    both = _BOTH.fullmatch(en) if en and acr is None and zh else None
                    if both is not None and len(zh) < len(stripped):
                        self._both_glossed(doc, cands, m, stripped, zh, both, sent_i, pairs)
                    else:
                        self._zh_then_latin(doc, cands, m, zh, en, acr, sent_i, pairs, rejected)
            elif stripped and stripped[-1].isalnum():
                self._latin_then_latin(doc, cands, m, stripped, en, acr, sent_i, run_by_end, pairs)
            for c in kept:
                c.dropped = False
        rescued = [r for r in rejected if self._before_method_gloss(st, r[0], r[2])]
        for m, zh, en, sent_i in rescued:
            # `把查询改写（Query Rewriting）、查询分解（Query Decomposition）…`
            self._zh_then_latin(doc, cands, m, zh, en, None, sent_i, pairs, forced="Method")
        if rescued:
            pairs.sort(key=lambda p: p.start)
        self._acronym_after_zh(text, cands)
        self._inside_glossed_terms(text, cands, pairs)
        self._local_acronyms(cands, pairs)
        self._spaced_short_forms(text, cands, pairs)
        st.pairs = tuple(pairs)
        st.examples = tuple(examples)
        cands.sort(key=lambda c: (c.start, -c.end))
        return doc

    @staticmethod
    def _inside_glossed_terms(text: str, cands: list[Cand], pairs: list[Pair]) -> None:
        """`**任务成功率**：…任务成功率（Task Success Rate）`: a known Chinese name, or a name
        with a Chinese head noun (`Hadamard 旋转`), that ends a term the paper glosses elsewhere
        (`分块 Hadamard 旋转（Block-Hadamard Rotation）`) is part of that term, not a name of
        its own."""
        glossed = {p.zh for p in pairs if p.zh and p.en}
        if not glossed:
            return
        longest = max(map(len, glossed))
        for c in cands:
            if c.dropped or not has_cjk(text[c.end - 1 : c.end]):
                continue
            for k in range(1, longest - (c.end - c.start) + 1):
                if not has_cjk(before := text[c.start - k : c.start - k + 1]) and before != " ":
                    break
                if text[c.start - k : c.end] in glossed:
                    c.dropped = True
                    break

    def _kind_then_expansion(
        self,
        cands: list[Cand],
        m: re.Match[str],
        left: str,
        en: str | None,
        acr: str | None,
        pairs: list[Pair],
    ) -> bool:
        """`LOTSA 数据集（Large-scale Open Time Series Archive）`: an acronym, the kind of thing
        it is, then its expansion; the expansion is the acronym's alias, not a second name."""
        if en is None or acr is not None or len(en.split()) < 2:
            return False
        tail = left[-48:]  # the acronym and its kind word end the text before the bracket
        kind = _KIND_END.search(tail)
        if kind is None:
            return False
        start = m.start() - (len(tail) - kind.start())
        target = self._cand_at(cands, start, start + len(kind.group(1)))
        if target is None or not is_acronym(target.text) or not _capitals_spell(target.text, en):
            return False
        self._take_expansion(cands, target, en, m, pairs)
        return True

    def _take_expansion(
        self, cands: list[Cand], target: Cand, en: str, m: re.Match[str], pairs: list[Pair]
    ) -> None:
        """The bracketed expansion is the name's alias; the names inside it are part of it."""
        target.aliases.append(en)
        for c in self._inner(cands, m.start(), m.end()):
            c.dropped = True
        pairs.append(Pair(target.start, m.end(), None, en, target.text))

    def _local_acronyms(self, cands: list[Cand], pairs: list[Pair]) -> None:
        """`可验证化学奖励（Verifiable Chemistry Reward, VCR）… VCR 提升`: once the paper gives a
        known acronym a meaning of its own, its bare mentions are that local name too; glossed
        by another known name of its type (`滑动窗口注意力（SWA）`, not Stochastic Weight
        Averaging), they are that known name."""
        res = self.res
        local: dict[str, str] = {}
        known: dict[str, KBEntry] = {}
        for p in pairs:
            if not p.acr or (owner := res.kb_alias.get(key_of(p.acr))) is None:
                continue
            if p.en:
                local.setdefault(p.acr, p.en)
            meant = (res.kb_alias.get(key_of(p.en)) if p.en else None) or (
                res.kb_zh.get(p.zh) if p.zh else None
            )
            if meant is not None and meant is not owner and meant.etype == owner.etype:
                known.setdefault(p.acr, meant)
        if not local and not known:
            return
        named = {c.label for c in cands if c.origin == "pair" and c.kb is None and not c.dropped}
        for c in cands:
            if c.origin != "kb" or c.kb is None or c.dropped:
                continue
            en = local.get(c.text)
            if en in named:
                c.kb, c.name, c.origin = None, en, "pair"
            elif (meant := known.get(c.text)) is not None:
                c.kb = meant

    @staticmethod
    def _spaced_short_forms(text: str, cands: list[Cand], pairs: list[Pair]) -> None:
        """`（Spatial-Temporal Convolution Connector, STC Connector）… 经 STC Connector 下采样`:
        the other mentions of a short form of two words are the glossed name too, not its
        acronym alone."""
        for p in pairs:
            if not (p.en and p.acr and " " in p.acr):
                continue
            for m in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(p.acr)}(?![A-Za-z0-9])", text):
                if p.start <= m.start() < p.end:
                    continue
                inside = [c for c in cands if m.start() <= c.start < m.end() and not c.dropped]
                first = next((c for c in inside if c.start == m.start()), None)
                if first is None or first.kb is not None:
                    continue
                for c in inside:
                    c.dropped = c is not first
                first.end, first.text, first.name, first.origin = m.end(), p.acr, p.en, "pair"

    @staticmethod
    def _acronym_after_zh(text: str, cands: list[Cand]) -> None:
        """`音素错误率 PER 为 9.8%`, `平均绝对误差 MAE 0.31`: an acronym right after a known
        Chinese term that it abbreviates is that term's entity, not a namesake (Prioritized
        Experience Replay, the MAE model)."""
        by_start = {c.start: c for c in cands if c.origin != "zh" and not c.dropped}
        for c in cands:
            if c.origin != "zh" or c.kb is None or c.dropped:
                continue
            gap = 1 if text[c.end : c.end + 1] == " " else 0
            after = by_start.get(c.end + gap)
            if after is None or after.kb is c.kb or not is_acronym(after.text):
                continue
            if initials(c.kb.name) == after.text.upper():
                after.kb, after.kb_hint, after.name, after.origin = c.kb, None, None, "kb"
                after.votes.clear()

    @staticmethod
    def _zh_term(left: str) -> str | None:
        # The Chinese term runs back from the parenthesis over CJK text with embedded
        # Latin words ('联合时空 Token 雕刻') until punctuation.
        run = _ZH_TERM_CHARS.match(left[::-1]).end()  # reversed: one match, not one per char
        term = left[len(left) - run :].strip()
        plain = _PLAIN_LEAD.match(term)
        whole = run == len(left) or not left[len(left) - run - 1].isalpha()  # not `Plü|cker`
        if not (plain and whole and _plain_word(plain.group(1))):
            # a name before the term is the clause's (`Qwen2.5-VL 视觉编码器`); a plain word
            # is the term's own (`Token 合并模块`, `Patch 级对比损失`)
            while term and not has_cjk(term[0]):
                term = term[1:].lstrip()
        cut = None
        for c in _ZH_CUT.finditer(term):
            cut = c.end()
        if cut is not None:
            term = term[cut:]
        term = _WHERE.sub("", term.strip())
        before = None
        while term != before:  # `并配合…`, `沿用 DAPO 中动态采样`: clause openers, one by one
            before = term
            term = _PLACE.sub("", _LEAD.sub("", term)).lstrip()
            if not term.startswith(_light_verbs()):
                continue  # one test in C for the usual term that opens with none
            for verb in _light_verbs():
                if term.startswith(verb) and len(term) > len(verb) + 1:
                    term = term[len(verb) :].lstrip()
                    break
        if len(term) > 16:
            start = len(term) - 16
            while start and _LATIN_CHAR.match(term[start - 1]):
                start -= 1  # a Latin word stays whole: not `ensen-Shannon 散度`
            term = term[start:]
        if not term or not has_cjk(term) or _ORDINAL.match(term):
            return None
        return term

    def _inner(self, cands: list[Cand], start: int, end: int) -> list[Cand]:
        return [c for c in cands if start <= c.start and c.end <= end and not c.dropped]

    def _accept_gloss(
        self, doc: Doc, m: re.Match[str], zh: str | None, en: str, sent_i: int
    ) -> str | None:
        """Type of a `中文（English）` gloss that names something, or None for plain glosses."""
        etype = self._gloss_type(doc, m, zh, en, sent_i)
        if (
            etype is None
            and (" " in en or shape_strength(en) > 0)
            and self._is_heading(doc, m, zh, sent_i)
            and not self._concept(en)
        ):
            # `**语音适配器（Speech Adaptor）**：…`: a gloss that is a whole item's heading
            # names the part the item describes; the Chinese term and cues type it (a plain
            # word, `**定位（Localization）**`, is as often the step's translation)
            return "?"
        return etype

    def _modified(self, words: list[str]) -> bool:
        """The words after the first name a known technique (`S-Face ControlNet`)."""
        for i in range(1, len(words)):
            entry = self.res.kb_alias.get(key_of(" ".join(words[i:])))
            if entry is not None:
                return entry.etype == "Method"
        return False

    def _concept(self, en: str) -> bool:
        """A stop term, or a phenomenon's or concept's head word (`Intervention Paradox`)."""
        return is_stop(self.res, en) or en.split()[-1] in self.res.gloss_en_reject

    def _gloss_type(
        self, doc: Doc, m: re.Match[str], zh: str | None, en: str, sent_i: int
    ) -> str | None:
        """The rules of `_accept_gloss` on the gloss alone."""
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
        edition = _EDITION.fullmatch(en)
        if edition and (base := res.kb_alias.get(key_of(edition.group(1)))) is not None:
            return base.etype  # `（AMOS 2022）`: a known set's edition of that year
        words = en.split()
        if not words or is_stop(res, en):
            return None
        if _CATEGORY_LIST.search(text, sent.start, m.start()):
            return None  # `六类任务分别为通用工具（General Tool）、…`: kinds of task, no names
        if en.rsplit("-", 1)[-1].lower() in res.lowercase_tails:
            return None
        content = [w for w in words if w not in CONNECTORS]
        if len(words) >= 2 and all(_ABBREVIATED.fullmatch(w) for w in words):
            # `轨迹误差（Traj. err.）`: a measure's name cut short, typed by its Chinese term
            ending = zh_ending(res, zh) if zh else None
            return "Metric" if ending and ending[1] == "Metric" else None
        # a dimension or number opens a titled name too (`1-D Tile-Tagging`, `3D Gaussian Splats`)
        titled = _titled(en)
        method_term = bool(zh) and zh.endswith(_METHOD_HEADS) and words[0][:1].isupper()
        if titled and len(words) >= 2 and sent.section != "fields" and self._modified(words):
            # `加权自洽性（Weighted Self-Consistency）`: a named variant of a known technique,
            # whatever the Chinese term ends in
            return "Method"
        if len(content) >= 2 and any(w[:1].islower() for w in content) and not method_term:
            # `dense temporal manifold`, `Prompt-based attacks`: a description, not a name,
            # unless the Chinese term says it is a method (`信息门控机制（Information-gating
            # mechanism）`).
            return None
        quoted = text[m.start() - 1 : m.start()] in "”\"'’"
        if len(words) == 1 and shape_strength(en) == 0:
            # A single plain word (`可提示（Promptable）`, `“效用”（Utility）`) is a translation,
            # unless measures are listed by their glossed names (`准确度（Acc.）与完整度（Comp.）`)
            ending = zh_ending(res, zh) if zh else None
            if (
                (
                    ending
                    and ending[1] == "Metric"
                    and len(en) >= 3
                    and not _plural(en)  # `参数（Parameters）和梯度（Gradients）`: things
                    and self._listed(text, m, zh)
                )
                or (en[:1].isupper() and self._dimension(text, m))
                # `忠实度（Faithfulness）与完整性（Completeness）`: a property listed after a
                # measure is measured too
                or (
                    en[:1].isupper()
                    and zh is not None
                    and zh.endswith("性")
                    and self._after_gloss_of(st, m, zh, "Metric")
                )
            ):
                return "Metric"
            if en[:1].isupper() and not _plural(en) and self._after_gloss_of(st, m, zh, "Method"):
                # `掩码引导反演（Mask-Guided Inversion）与重初始化策略（Reinitialization）`
                return "Method"
            if quoted and en[:1].isupper() and not _plural(en):
                # `提出“回溯”（Backtracking）训练方法`: a quoted term the technique noun after
                # it names
                cue = last_cue(res, PUNCT_STOP.split(after, 1)[0][:6])
                if cue is not None and cue[0] == "Method" and cue[1] >= 2:
                    return "Method"
            return None
        if len(words) >= 2 and words[0] in _SPLITS and words[-1] in ("Loss", "Cross-Entropy"):
            return "Metric"  # `验证损失（Validation Loss）`: a loss reported on a split, no loss
        cue = cue_after(res, after)
        if cue is None:
            rest = text[m.end() : m.end() + 160]
            listed = _LIST_REST.match(rest)
            tail = rest[listed.end() :]
            cue = cue_after(res, tail[:8])
            if cue is None and _COUNTED_END.search(listed.group()):
                # `树遍历（Tree Traversal）和折叠树（Collapsed Tree）两种查询策略`: the counted
                # kind's head noun, after words that qualify it (`两项由 GPT-4o 打分的指标上`)
                cue = last_cue(res, _HEAD_SPAN.split(PUNCT_STOP.split(tail, 1)[0], 1)[0][:20])
        if cue is not None and cue[0] in ("Method", "Metric", "Dataset", "Model", "Software"):
            return cue[0]
        if titled and self._dimension(text, m):
            return "Metric"
        if words[-1] in res.gloss_en_reject:
            return self._coined_or_role(zh, words, titled)
        # `视觉分词器（Visual Tokenizer）`: a part named only by its modality is generic.
        generic = len(content) == 2 and content[0] in res.gloss_en_generic
        ending = zh_ending(res, zh) if zh else None
        if ending is not None:
            suffix, etype = ending
            if etype == "Method" and (
                generic
                or (
                    suffix in _PART_ZH
                    and not _PART_EN.search(words[-1])
                    and words[-1] not in res.gloss_en_type
                )
            ):
                # `图像编码器（RGB Space）`: a part's Chinese name glossed by no part, unless
                # the paper says it made it (`提出视觉感知器（Vision Perceiver）`)
                named = _NAMED_END.search(text, sent.start, m.start())
                return "Method" if named and words[0][:1].isupper() else None
            if etype == "Metric" and titled and self._in_heading(doc, m, sent_i):
                # `**自适应保留率（Adaptive Keep Ratio）**：…` heads an innovation:
                # the paper's own component, not a measure
                return "Method"
            return None if etype == "reject" else etype
        if len(words) >= 2 and words[0] in _AVERAGED and words[-1] in ("Reward", "Return"):
            return "Metric"  # `平均奖励（Average Reward）`: what a policy scores, not a reward
        last = words[-1] if words[-1] in res.gloss_en_type else words[-1].replace("-", "")
        if len(words) >= 2 and titled and last in res.gloss_en_type and not generic:
            return res.gloss_en_type[last]  # `特征钳制（Feature Clamping）`, `Re-weighting`
        before = text[sent.start : m.start()]
        if _NAMED_END.search(before):
            return "Method"
        if (
            len(words) >= 2
            and titled
            and not words[-1].endswith("s")  # `外部工具（Visual Tools）`: a kind of thing
            and _INTRODUCED_END.search(before)
        ):
            return "Method"  # `通过锚点引导相关体（Anchor-Guided Correlation Volume）`
        if len(words) >= 2 and titled and self._in_heading(doc, m, sent_i):
            return "Method"
        if len(words) >= 2 and titled and zh and self._listed_with_method(st, m, zh):
            return "Method"  # `LAMB 优化器、2D RoPE、注意力池化（Attention Pooling）与…`
        if len(words) >= 2 and titled and self._after_gloss_of(st, m, zh, "Method"):
            return "Method"  # `语言对齐（Language Alignment）与空间对齐（Spatial Alignment）`
        parts = en.split("-")
        if len(words) == 1 and (quoted or is_name_shaped(en)):
            # `代码与数据（Eurus-2-RL-Data）`: the name's own ending outweighs the default
            return affix_type(en, parts[1:]) or "Method"
        if quoted and len(words) >= 2 and titled:
            # `“经验库”（Experience Bank）`: a quoted term with a title-cased English name.
            return "Method"
        if len(words) >= 2 and titled and sent.section == "contribution":
            # `通过音色提示池（Timbre Prompt Pool）…`: the one-sentence contribution names the
            # paper's parts; the Chinese term types it.
            return "?"
        if (
            len(words) == 1
            and len(parts) > 1
            and all(p[:1].isupper() or p in CONNECTORS for p in parts)
            and sent.section in ("innovations", "contribution")
        ):
            # `错误思维链引导（Wrong-Think）`, `机理链数据（Mechanism-of-Thought）`: capitalised
            # words joined by hyphens, where the paper presents what it contributes, are
            # coined as a name (elsewhere `开放词汇（Open-Vocabulary）` translates); the
            # Chinese term types it.
            return "?"
        return None

    def _coined_or_role(self, zh: str | None, words: list[str], titled: bool) -> str | None:
        """Type of a gloss whose last word names a concept, when it still names a part."""
        res = self.res
        if len(words) < 2 or not titled:
            return None
        head = words[-1]
        if head in res.gloss_en_coined and any("-" in w for w in words[:-1]):
            return res.gloss_en_coined[head]  # `Coarse-to-Fine Temporal Reasoning`
        ending = res.gloss_en_role.get(head)
        if ending and zh and zh.endswith(ending) and not words[0].isupper():
            return "Method"  # `管理智能体（Manager Agent）`; `GUI Agent` is a kind
        return None

    @staticmethod
    def _listed(text: str, m: re.Match[str], zh: str) -> bool:
        """The gloss is one of a list of glosses: `甲（A）与乙（B）`."""
        start = m.start() - len(zh)
        return bool(
            _LISTED_NEXT.match(text, m.end())
            or _LISTED_PREV.search(text, max(0, start - 24), start)
        )

    @staticmethod
    def _dimension(text: str, m: re.Match[str]) -> bool:
        """The gloss, alone or in a list of glosses, names a dimension scores are given on."""
        rest = text[m.end() : m.end() + 160]
        return bool(_DIMENSION_NEXT.match(rest, _LIST_REST.match(rest).end()))

    @staticmethod
    def _before_method_gloss(st: PaperState, m: re.Match[str], en: str) -> bool:
        """A titled gloss listed right before a gloss the rules typed a technique."""
        words = en.split()
        if len(words) < 2 or en.endswith("s"):
            return False
        if not all(w[:1].isupper() or w in CONNECTORS for w in words):
            return False
        nxt = _NEXT_GLOSS.match(st.text, m.end())
        if nxt is None:
            return False
        for c in st.cands:
            if c.start == nxt.end() and c.origin == "pair" and not c.dropped:
                return c.votes.get("Method", 0) >= 3
        return False

    @staticmethod
    def _after_gloss_of(st: PaperState, m: re.Match[str], zh: str | None, etype: str) -> bool:
        """The gloss is listed right after a gloss the rules typed `etype`."""
        if not zh:
            return False
        start = m.start() - len(zh)
        # the last gloss linked before this one (glosses are linked in text order), or a
        # known name glossed in between (`可设计性（Designability，…）、多样性（Diversity）`)
        prev = next((c for c in reversed(st.cands) if c.origin == "pair" and c.end <= start), None)
        for c in st.cands:
            if (
                c.origin == "kb"
                and not c.dropped
                and (prev is None or prev.end < c.end <= start)
                and _AFTER_GLOSS.fullmatch(st.text, c.end, start)
            ):
                prev = c
        if prev is None:
            return False
        if prev.votes.get(etype, 0) >= 3 or (prev.kb is not None and prev.kb.etype == etype):
            return bool(_AFTER_GLOSS.fullmatch(st.text, prev.end, start))
        return False

    @staticmethod
    def _listed_with_method(st: PaperState, m: re.Match[str], zh: str) -> bool:
        """The gloss is listed right after, or right before, a known technique's name."""
        start = m.start() - len(zh)
        prev = _LIST_SEP_END.search(st.text, max(0, start - 4), start)
        nxt = _LIST_SEP_START.match(st.text, m.end())
        for c in st.cands:
            entry = c.kb or c.kb_hint
            if c.dropped or entry is None or entry.etype != "Method":
                continue
            if (prev and c.end == prev.start()) or (nxt and c.start == nxt.end()):
                return True
        return False

    @staticmethod
    def _is_heading(doc: Doc, m: re.Match[str], zh: str | None, sent_i: int) -> bool:
        """The gloss and its Chinese term are all of an item's bold heading."""
        head_end = _heading_colon(doc, sent_i, ("innovations", "usage")) if zh else None
        if head_end is None or head_end < 0:
            return False
        st = state(doc)
        if st.text[m.end() : head_end].strip(_HEADING_MARKS):
            return False
        return st.text[st.sents[sent_i].start : m.start()].strip(_HEADING_MARKS) == zh

    @staticmethod
    def _in_heading(doc: Doc, m: re.Match[str], sent_i: int) -> bool:
        """The gloss sits in the bold heading of an innovation, contribution or usage item."""
        head_end = _heading_colon(doc, sent_i, ("innovations", "contribution", "usage"))
        return head_end is not None and (head_end < 0 or m.end() <= head_end + 1)

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
        rejected: list[tuple] | None = None,
        forced: str | None = None,
    ) -> Cand | None:
        """Link a Chinese term to its bracketed English name or acronym; returns the candidate
        the gloss names, if it names one."""
        res = self.res
        inner = self._inner(cands, m.start(), m.end())
        # a bracketed acronym never follows a number: a unit there names its measure
        stop_acr = acr is not None and is_stop(res, acr) and not is_stop_unit(res, acr)
        if stop_acr and en is None:
            for c in inner:
                c.dropped = True
            return None
        zh_kb, spelled = self._zh_kb(cands, m.start(), zh)
        if en is None and acr is not None and zh and zh.endswith(res.category_zh):
            for c in inner:
                c.dropped = True
            return None
        if en is None and acr is not None and is_bitwidth(acr):
            return None  # `4 比特（W4A4KV4）`: a precision setting
        if en is None and acr is not None:
            # `量化感知训练（QAT）`: the acronym is the name, the Chinese its alias.
            target = next((c for c in inner if c.text == acr), None)
            if target is None:
                s = m.start() + m.group(0).index(acr)
                target = Cand(s, s + len(acr), acr, sent_i, "pair")
                cands.append(target)
            if target.origin == "weak":
                target.origin = "pair"
            if target.kb is not None and zh and self._measure_over(zh, target.kb):
                # `音素错误率（PER）`: the Chinese term says a measure; a known PER of
                # another type is another thing of that spelling.
                target.kb = None
                target.origin = "pair"
            elif target.kb is not None and zh_kb is not None and zh_kb.etype != target.kb.etype:
                # `优先经验回放（PER）`: the known Chinese term says which thing of its
                # spelling the acronym names here (the known PER is a measure)
                target.kb = zh_kb
            if target.kb is None and zh_kb is None and zh:
                zh_kb = self._zh_head_kb(cands, m.start(), zh, acr)
            if target.kb is None and zh_kb is not None:
                target.kb = zh_kb
            if zh:
                if (spelled and zh_kb is target.kb) or self._names(zh, target.kb):
                    target.aliases.append(zh)
                self._zh_votes(target, zh)
                if target.kb is not None:
                    self._drop_inside_label(cands, m.start(), zh, target.kb)
                target.aliases.extend(self._drop_inner_zh(cands, m.start(), zh, (acr,)))
            pairs.append(Pair(m.start(), m.end(), zh, None, acr))
            return target
        if en is None:
            return None
        if stop_acr:
            acr = None
        # The gloss's own acronym (`DRP` of `Dynamic Replica Placement, DRP`) is no second
        # name; `（AutoFIS, NASRec）` are two.
        own_acr = acr if acr and acr[0].upper() == en[0].upper() else None
        if acr and "/" in m.group(1):
            known = res.kb_alias.get(key_of(en)), res.kb_alias.get(key_of(acr))
            if None not in known and known[0] is not known[1]:
                return None  # `延迟 SLO 要求（TTFT / TPOT）`: two known names, one or the other
        strong_inner = [
            c for c in inner if c.origin in ("kb", "shape", "variant") and c.text != own_acr
        ]
        if len(strong_inner) >= 2 or (strong_inner and _EN_JOIN.search(en)):
            # `(EAPO via GRPO)`: two names, not one phrase.
            return None
        etype = forced or (self._accept_gloss(doc, m, zh, en, sent_i) if acr is None else "?")
        if etype is None:
            if rejected is not None and zh:
                rejected.append((m, zh, en, sent_i))
            if len(en.split()) > 1 or (inner and all(c.origin == "weak" for c in inner)):
                for c in inner:
                    # a known name that is the whole gloss stays, with a model number the
                    # score check cut off too (`小时（TPU v5p-64）`, `节点（AMD EPYC 9654）`)
                    c.dropped = c.kb is None or c.text not in (en, m.group(1).strip())
            return None
        s = m.start() + m.group(0).index(en)
        kb = res.kb_alias.get(key_of(en))
        if kb is None and acr is not None:
            kb = res.kb_alias.get(key_of(acr))
            if kb is not None and redefines(en, kb, res):
                kb = None
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
            if (spelled and zh_kb is kb) or self._names(zh, kb):
                cand.aliases.append(zh)
            if etype == "?":  # a typed gloss has weighed its Chinese term already
                self._zh_votes(cand, zh)
                if cand.votes.get("Metric") and self._in_heading(doc, m, sent_i):
                    # `**前沿价值评分（Frontier Value Scoring, FVS）**：…` heads an
                    # innovation: the paper's own component, not a measure
                    cand.votes["Method"] += cand.votes.pop("Metric")
            cand.aliases.extend(
                n for n in self._drop_inner_zh(cands, m.start(), zh, (en, acr)) if n != en
            )
        if etype not in ("?", None):
            cand.votes[etype] += 3
        cands.append(cand)
        pairs.append(Pair(m.start(), m.end(), zh, en, acr))
        return cand

    @staticmethod
    def _measure_over(zh: str, kb: KBEntry) -> bool:
        """The Chinese term ends as a measure (`…率`, `…误差`) while the known entry that
        owns the acronym is no metric."""
        ending = zh_ending(resources(), zh)
        return kb.etype != "Metric" and ending is not None and ending[1] == "Metric"

    @staticmethod
    def _zh_head_kb(cands: list[Cand], paren: int, zh: str, acr: str) -> KBEntry | None:
        """`任务成功率（SR）`: the known measure that ends the Chinese term, when the acronym
        spells its English name (SR, Success Rate); that match is dropped."""
        for c in cands:
            if (
                c.origin == "zh"
                and not c.dropped
                and c.kb is not None
                and c.start < paren
                and paren - c.end <= 1
                and zh.endswith(c.text)
                and initials(c.kb.name) == acr.upper()
            ):
                c.dropped = True
                return c.kb
        return None

    def _both_glossed(
        self,
        doc: Doc,
        cands: list[Cand],
        m: re.Match[str],
        stripped: str,
        zh: str,
        both: re.Match[str],
        sent_i: int,
        pairs: list[Pair],
    ) -> None:
        """`表量化与镜像合并（Table Quantization & Mirror Consolidation）`: two terms joined in
        Chinese, glossed by two names joined with `&`, are two things of one type."""
        before = stripped[: len(stripped) - len(zh)].rstrip()
        joiner = _AND_ZH.search(before)
        first_zh = self._zh_term(before[: joiner.start()]) if joiner else None
        if not first_zh or not all(map(_titled, both.groups())):
            self._zh_then_latin(doc, cands, m, zh, both.group(0), None, sent_i, pairs)
            return
        second = self._zh_then_latin(doc, cands, m, zh, both.group(2), None, sent_i, pairs)
        if second is None or second.dropped:
            return
        s = m.start() + m.group(0).find(both.group(1))
        e = s + len(both.group(1))
        for c in self._inner(cands, s, e):
            c.dropped = True
        first = Cand(s, e, both.group(1), sent_i, "pair", aliases=[first_zh])
        first.votes.update(second.votes)
        cands.append(first)

    @staticmethod
    def _drop_inside_label(cands: list[Cand], paren: int, zh: str, kb: KBEntry) -> None:
        """`AlphaFold 数据库（AFDB）`: a label of the acronym's entry ends the term, so the
        Latin name inside that label is part of it, not the model."""
        labels = [
            c
            for c in cands
            if c.origin == "zh"
            and c.kb is kb
            and not c.dropped
            and c.end <= paren
            and zh.endswith(c.text)
            and not has_cjk(c.text[:1])
        ]
        for c in labels:
            for inner in cands:
                if inner is not c and c.start <= inner.start and inner.end <= c.end:
                    inner.dropped = True

    @staticmethod
    def _drop_inner_zh(
        cands: list[Cand], paren: int, zh: str, glossed: tuple[str | None, ...] = ()
    ) -> list[str]:
        """A known Chinese word inside a longer glossed term is part of it: the 准确率 of
        `步骤准确率（Step Accuracy）` is not Accuracy. So is a Latin name the glossed name ends
        or opens with (`残差 K-Means（Residual K-Means）`, `残差 K-means 量化（RQ-Kmeans）`,
        `CLIP 图像相似度（CLIP-I）`)."""
        ends = tuple(spelling_key(key_of(n)) for n in glossed if n)
        named: list[str] = []
        for c in cands:
            if c.dropped or not paren - len(zh) - 2 <= c.start < paren:
                continue
            if c.text == zh and c.name and has_cjk(c.text):
                # `DINO 相似度（DINO-I）`: the measure the shape finder named from the term
                # is the glossed one; its English name is one more label
                c.dropped = True
                named.append(c.name)
            elif (
                len(c.text) < len(zh)
                and c.text in zh
                and (c.origin == "zh" or (not has_cjk(c.text) and _glossed_ends(ends, c.text)))
            ):
                c.dropped = True
        return named

    @staticmethod
    def _zh_kb(cands: list[Cand], paren: int, zh: str | None) -> tuple[KBEntry | None, bool]:
        """A KB entry named by the Chinese term itself (`行为克隆 (BC)`); that match is dropped.
        True with it where the whole term, Latin words and all, spells the entry (`Chamfer
        距离`): the term is then one of its labels."""
        if not zh:
            return None, False
        found = spelled = None
        for c in cands:
            if c.origin == "kb" and c.text == zh and not c.dropped and has_cjk(zh):
                # `Chamfer 距离（CD）`: the measure the shape finder found the term to name
                found = spelled = c.kb
                c.dropped = True
                continue
            # Only a KB name that is the whole term: 可执行准确率 is not 准确率 (Accuracy).
            if c.origin != "zh" or c.dropped or not zh.endswith(c.text) or c.start >= paren:
                continue
            if paren - c.end <= 3 and zh[: -len(c.text)] in resources().light_verbs:
                found = c.kb
                c.dropped = True
        return found, found is not None and found is spelled

    @staticmethod
    def _zh_votes(cand: Cand, zh: str) -> None:
        ending = zh_ending(resources(), zh)
        if ending is not None:
            if ending[1] != "reject":
                cand.votes[ending[1]] += 1
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
                if t[2][:1].isupper() or t[2] in CONNECTORS or t[2][:1].isdigit():
                    phrase.insert(0, t)
                else:
                    break
            while phrase and phrase[0][2] in CONNECTORS:
                phrase.pop(0)
            if not phrase:
                return
            words = [t[2] for t in phrase]
            initials = "".join(w[0].upper() for w in words if w not in CONNECTORS)
            if len(words) == 1:
                target = self._cand_at(cands, phrase[0][0], phrase[0][1])
                if target is not None and key_of(target.text) in key_of(acr) != key_of(target.text):
                    # `体积 IoU (vIoU)`: a narrower name; `IoU` is part of its Chinese label.
                    zh = self._zh_term(st.text[st.sents[sent_i].start : m.start()])
                    target.dropped = True
                    self._zh_then_latin(doc, cands, m, zh, None, acr, sent_i, pairs)
                    return
                other = res.kb_alias.get(key_of(acr))
                if target is not None and target.kb and other and other is not target.kb:
                    # `ResNet-34（NAVSIM）`: two known names, the second a note on the first;
                    # `个性化 PageRank（PPR）`: the second a variant, which the first is part of
                    target.dropped = target.text in other.name.split()
                    return
                if target is not None and self._variant_acronym(target, acr, left):
                    # `早截断 GRPO（ECPO）`: a Chinese modifier makes a variant of the known
                    # name, and the acronym names the variant
                    zh = self._zh_term(left)
                    self._zh_then_latin(doc, cands, m, zh, None, acr, sent_i, pairs)
                    return
                if target is not None and not is_stop(res, acr):
                    target.aliases.append(acr)
                    for c in inner:
                        c.dropped = True
                return
            # `名为 “Retrieval-Infused Reasoning Sandbox” (DeR²)`: a quoted name needs no
            # acronym of its initials.
            quoted = st.text[st.sents[sent_i].start + len(left) : m.start()].strip() in _QUOTES
            if not ((quoted or (letters and initials.startswith(letters[0]))) and len(words) <= 7):
                return
            s, e = phrase[0][0], phrase[-1][1]
            text = st.text[s:e]
            for c in cands:
                if not c.dropped and s <= c.start and c.end <= e:
                    # a known name that is the whole phrase gives way to the pair (which keeps
                    # its entry and the acronym); known names inside the phrase stay
                    c.dropped = c.origin != "kb" or (c.start, c.end) == (s, e)
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
        if en is None:
            return
        one_word = len(en.split()) < 2
        if one_word and "-" not in en:
            return
        last = run[-1]
        target = self._cand_at(cands, last[0], last[1])
        if one_word:
            # `NumPro（Number-Prompt）`: the name's pieces open the hyphened words
            if (
                target is not None
                and not is_acronym(target.text)
                and _clipped_words(target.text, en)
            ):
                self._take_expansion(cands, target, en, m, pairs)
            return
        # `BABE（Biology Arena BEnchmark）`: the expansion is an alias of the name before.
        # `时长课程式 GRPO（Duration-Curriculum GRPO）`: a Chinese term ending in a known
        # name, glossed by an English name ending in it, is a new variant of that name
        # (`残差 K-Means（Residual K-Means）` too, a hyphened word whole; an acronym so glossed
        # is spelled out below).
        last = en.rsplit(" ", 1)[-1]
        if target is not None and (
            target.text == last.rsplit("-", 1)[-1]
            or (target.text == last and not is_acronym(target.text))
        ):
            zh = self._zh_term(st.text[st.sents[sent_i].start : m.start()])
            if zh and len(zh) - len(target.text) > 7:
                zh = None  # a variant's Chinese modifier is short (`个性化 PageRank`)
            s = m.start() + m.group(0).index(en)
            target.dropped = zh is not None  # part of the variant's Chinese name
            for c in self._inner(cands, m.start(), m.end()):
                c.dropped = True
            cand = Cand(s, s + len(en), en, sent_i, "pair")
            if target.kb is not None:
                cand.votes[target.kb.etype] += 3
            if zh and self._names(zh):
                cand.aliases.append(zh)
            if acr:
                cand.aliases.append(acr)
            cands.append(cand)
            pairs.append(Pair(m.start() - len(zh) if zh else s, m.end(), zh, en, acr))
            return
        if target is None:
            # `视觉几何基础 Transformer（Visual Geometry Grounded Transformer, VGGT）`: the
            # Latin word ends a Chinese term, which the parenthesis glosses.
            zh = self._zh_term(st.text[st.sents[sent_i].start : m.start()])
            if zh and has_cjk(zh):
                self._zh_then_latin(doc, cands, m, zh, en, acr, sent_i, pairs)
            return
        if not is_acronym(target.text) and (
            _spelled_by_capitals(target.text, en) or _clipped_words(target.text, en)
        ):
            # `Moirai（Masked EncOder-based UnIveRsAl TIme Series …）`: capitals marked
            # inside the words spell the name (or its pieces open them: `NoCha（Novel
            # Challenge）`), so the words are its expansion, not names
            self._take_expansion(cands, target, en, m, pairs)
            return
        if is_acronym(target.text):
            kb = target.kb
            etype = expansion_type(res, en)
            if (
                kb is not None
                and not _spells(kb, en)
                and (etype != kb.etype or any(" " in a for a in (kb.name, *kb.aliases)))
            ):
                # `AMD（Adaptive Matching Distillation）`: a local name, not the KB's AMD;
                # `AQLM（Additive Quantization for Language Models）` spells out the known
                # quantization method.
                target.kb = None
                target.origin = "pair"
                if etype:
                    target.votes[etype] += 3
            self._take_expansion(cands, target, en, m, pairs)

    def _variant_acronym(self, target: Cand, acr: str, left: str) -> bool:
        """A known name with a Chinese modifier right before it, glossed by an acronym that
        is none of the known entry's spellings and ends as the name does (`ECPO`, `GRPO`)."""
        kb = target.kb
        if kb is None or _spells(kb, acr):
            return False
        if len(acr) < 3 or acr[-2:].lower() != target.text[-2:].lower():
            return False
        before = left[: len(left) - len(target.text)].rstrip()
        zh = self._zh_term(before) if before and has_cjk(before[-1]) else None
        return zh is not None and len(zh) >= 2 and acr[0] != target.text[0]

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
        if not has_cjk(content) or len(content) > 12 or _CLAUSE_PUNCT.search(content):
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
        if self._translates(target, content.strip()):
            target.aliases.append(content.strip())
        if target.origin == "weak":
            target.votes["?"] += 1
        pairs.append(Pair(target.start, m.end(), content.strip(), target.text, None))

    def _names(self, zh: str, kb: KBEntry | None = None) -> bool:
        """Whether a Chinese term can be a name at all: `开源模型`, `评测基准`, `SOTA 方法` and
        `数据集` only say what kind of thing the name beside them is; an amount (`约 64 GPU
        小时`) is none; and a known entry's Chinese name with words before it (`多选题准确率`,
        `上下文下首 token 延迟`) names a narrower thing or takes in the clause, not the entry."""
        if _AMOUNT.search(zh):
            return False
        if kb is not None and zh not in kb.aliases:
            if kb.etype in _PROPER and not any(map(is_acronym, (kb.name, *kb.aliases))):
                # `直接复用 DiT 主干（FLUX.1）`: a known model or tool glossed by a Chinese
                # phrase is described, not named (its Chinese names are in the KB), unless
                # the phrase spells out its acronym (`潜在扩散模型（LDM）`)
                return False
            own = [a for a in kb.aliases if has_cjk(a)]
            if any(zh.endswith(a) for a in own):
                return False
        if cjk_count(zh) <= 2:
            return zh in self.res.kb_zh  # `奖励`, `感知`: a fragment, unless a known name (`可灵`)
        kind = max((k for k in self.res.kind_zh if zh.endswith(k)), key=len, default=None)
        return kind is None or cjk_count(zh[: -len(kind)]) > 2

    def _translates(self, target: Cand, zh: str) -> bool:
        """Whether `Name（中文）` gives the name in Chinese (`Sokoban（推箱子）`, `LPA（标签预测
        准确率）`) rather than how it was used (`OSWorld（50 步）`, `GRPO（强化学习）`,
        `Qwen3-32B（思考模式）`): only the latter is common after a known name, so a known
        name takes only its own Chinese name. Dev gold: 9 of 123 such notes were aliases."""
        res = self.res
        if any(w not in target.text for w in _DIGIT_OR_LATIN.findall(zh)):
            return False  # `（基于 GPT-4o）`, `（约 10 万小时）`; not `ATR-GRPO（近似信赖域GRPO）`
        known = res.kb_zh.get(zh)
        if target.kb is not None or known is not None:
            return known is not None and known is target.kb
        return self._names(zh) and not zh.endswith(res.setting_zh)


# Types of known names whose Chinese names the knowledge base lists (a Chinese phrase
# glossed by one describes it).
_PROPER = ("Model", "Software", "Hardware")

# A number with a unit or measure word: an amount, not part of a name.
_AMOUNT = re.compile(
    r"(?<![A-Za-z0-9.\-])\d+(?:\.\d+)?\s?(?:个|种|步|小时|天|分钟|秒|次|倍|万|亿|千|张|块|层|轮|条|%|GPU)"
)

# First words of a gloss that make a reward or return the score a policy reaches.
_AVERAGED = ("Average", "Mean", "Avg.", "Cumulative", "Total", "Median", "Expected")
# Data splits a reported loss is measured on (`Validation Loss`, `Training Loss`).
_SPLITS = frozenset({"Validation", "Val", "Test", "Training", "Train", "Eval", "Held-out"})

# Chinese head nouns that make a glossed term a named technique.
_METHOD_HEADS = ("机制", "方法", "算法", "策略", "损失", "损失函数", "优化器")


@lru_cache(maxsize=1)
def _light_verbs() -> tuple[str, ...]:
    """Light verbs longest first, so that `采用了` is cut before `采用`."""
    return tuple(sorted((v for v in resources().light_verbs if v), key=lambda v: (-len(v), v)))


def _plain_word(word: str) -> bool:
    """A word of letters that is neither name-shaped nor a known name (`Token`, `Patch`)."""
    return shape_strength(word) == 0 and key_of(word) not in resources().kb_alias


def _heading_colon(doc: Doc, sent_i: int, sections: tuple[str, ...]) -> int | None:
    """Where the colon after a bold item heading is (-1: none in the sentence), or None when
    the sentence is no heading of one of those sections."""
    st = state(doc)
    sent = st.sents[sent_i]
    if not sent.heading or sent.section not in sections:
        return None
    return st.text.find("：", sent.start, sent.end)
