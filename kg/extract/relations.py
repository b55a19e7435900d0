"""Entity-entity relations a paper's text states: fine-tuned from, distilled from, based on, trained on."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.extract.resources import RelationCue, resources
from kg.extract.shapes import family_key, sizes
from kg.extract.text import Sentence

# What each relation may join: (subject types, object types).
_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "fineTunedFrom": (frozenset({"Model"}), frozenset({"Model"})),
    "distilledFrom": (frozenset({"Model"}), frozenset({"Model"})),
    "basedOn": (
        frozenset({"Model", "Method", "Dataset", "Benchmark", "Software"}),
        frozenset({"Model", "Method", "Dataset", "Benchmark", "Software"}),
    ),
    "trainedOn": (frozenset({"Model", "Method"}), frozenset({"Dataset", "Benchmark"})),
}
_OBJECTS = frozenset().union(*(objects for _, objects in _ENDS.values()))
# The paper's own model is what a bare `基于 X 初始化` is about; a method or system stands in
# when the paper proposes no model.
_DEFAULT_SUBJECT = {
    "fineTunedFrom": ("Model",),
    "distilledFrom": ("Model",),
    "trainedOn": ("Model", "Method"),
    "basedOn": ("any",),  # the paper's first-named own entity, its main contribution
}
# `A、B 与 C`, also with a bracketed note after a name (`FLUX.1-dev（12B）与 SD3.5-Large`)
_LIST_JOIN = re.compile(r"\s*(?:[（(][^（()）]{0,20}[)）])?\s*(?:、|，|,|和|与|及|以及|/|\+|或)\s*")
_AND = re.compile(r"\s*(?:、|和|与|及|以及|/)\s*")
_HEAD_BREAK = re.compile(r"[，。；,;：:]")  # a clause, or the bold heading before a colon
# Brackets, quotes and markup between a cue and its object (`受最大后验策略优化 (MPO) 启发`,
# `基于 **GRPO**`) and a bracketed gloss after the object.
_MARK_CHARS = "[“\"'`*"
_EXAMPLE_WORDS = ("例如", "比如", "包括", "如")
# The last characters of a text `_strip_open` may shorten, besides spaces.
_OPEN_ENDS = frozenset(_MARK_CHARS + "(（" + "".join(w[-1] for w in _EXAMPLE_WORDS))
_LATIN_END = re.compile(r"(?<![\w.\-])[A-Za-z][\w.\-]{0,30}\s*$")
# the Chinese name of a bracketed acronym: a short term, no description (`…的评估器（MC-Critic）`)
_ZH_RUN = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){2,8}[”\"’']?$")
_CLOSE = re.compile(r"^(?:[\s)）\]”\"'`*]+|\s*[（(][^（()）]{0,40}[)）])+")
# the rest of a bracketed gloss after a subject (`…（English, ACR）**：`)
_GLOSS_END = re.compile(r"^[^（()）]{0,40}[)）]")
# `S：它以 O 为基座` / `S 以 O 为…`: the subject before the object, in the same clause.
_SUBJECT_GAP = re.compile(r"(?:[，,]\s*(?=分别))?[^，。；,;]{0,24}")  # `A 与 B，分别从 …`
# `基于 O 训练的 S`, `对 O 做了 SFT，得到 S`: the subject after the object.
_MADE = re.compile(r"^[^。；;：:]{0,16}?(?:的|得到|获得|训练出|即)[^，。；,;：:]{0,20}$")
_OF = re.compile(r"^\s*的\s*$")
# `LoRA 或其变体（如 PiSSA, DoRA）`: a bracket of examples after `or its variants`
_EXAMPLES_END = re.compile(r"[）)]")
_VARIANTS = re.compile(r"^\s*(?:或其|及其|的)\s*(?:改进)?变体\s*[（(]\s*(?:如|例如|包括)?\s*$")
_TRAINS = re.compile(
    r"^[^，。；,;]{0,10}?(?:预训练|训练|微调|后训练)(?:了|出)?\s*(?:一个|一种)?\s*$"
)
_TRAINED = re.compile(r"^[^，。；,;：:]{0,10}?(?:预训练|训练|微调|后训练)(?:得到|出)?的\s*$")
_RESPECTIVELY = "分别"
_HEADING_END = re.compile(r"[：:]")
_ON_IT = re.compile(r"在其(?:之)?上[^，。；,;]{0,12}?(?:预训练|训练|微调|后训练|强化学习)")
_WINDOW = 48  # characters of context a cue may span


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity the paper links to, in the paper's text."""

    key: str
    etype: str
    start: int
    end: int
    sent: int
    own: bool  # the paper proposes it and the knowledge base does not know it
    known: bool  # the knowledge base knows it (so an own name is never known)


@dataclass(frozen=True, slots=True)
class Stated:
    """A relation a sentence states: subject key, predicate, object key, sentence index."""

    subject: str
    predicate: str
    object: str
    sent: int


def stated_relations(
    text: str, sents: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[Stated]:
    """Every relation a cue of `relation_cues.tsv` states between two of the paper's entities."""
    res = resources()
    index: dict[tuple[frozenset[str], bool], _CueTable] = res.relation_tables
    compare_re = res.compare_re
    by_sent: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        by_sent.setdefault(m.sent, []).append(m)
    main = _main_own(mentions)
    family = [m for m in _own_models(mentions) if _same_family(m, main.get("Model"))]
    out: list[Stated] = []
    for i, ms in by_sent.items():
        sent = sents[i]
        for run in _runs(text, ms):
            kinds = frozenset(m.etype for m in run)
            if not kinds & _OBJECTS:
                continue  # metrics, hardware, organisations are no object of a relation
            cues = index.get((kinds, sent.heading))
            if cues is None:
                # heading cues only where a bold heading can name the part
                cues = index[kinds, sent.heading] = _CueTable(
                    c
                    for c in res.relation_cues
                    if kinds & _ENDS[c.predicate][1] and (sent.heading or c.subject != "heading")
                )
            right = text[run[-1].end : min(sent.end, run[-1].end + _WINDOW)]
            if close := _CLOSE.match(right):  # what `_CLOSE.sub("", right)` leaves, unscanned
                right = right[close.end() :]
            lefts = _lefts(text[max(sent.start, run[0].start - _WINDOW) : run[0].start])
            # Most cues cannot match here, which the characters next to the objects tell by
            # a lookup: the regexes run for the few that can.
            first = right.lstrip()[:1]
            for _, cue, asks, firsts in cues.ending({x.rstrip()[-1:] for x in lefts}):
                # the side after the object is short and anchored: the cheap test goes first
                if asks and (
                    (firsts is not None and first not in firsts) or not cue.after.match(right)
                ):
                    continue
                if not any(cue.before.search(x) for x in lefts):
                    continue
                if compare_re.search(_HEAD_BREAK.split(text[sent.start : run[0].start])[-1]):
                    break  # `优于基于 Qwen3-VL 的同类模型`: another's model
                found = _apply(cue, text, ms, run, main, family, i, sent)
                if found:
                    out.extend(found)
                    break
        out.extend(_trained_on_it(text, sents[i], ms, i))
    return sorted(set(out), key=lambda s: (s.subject, s.predicate, s.object, s.sent))


def _trained_on_it(text: str, sent: Sentence, ms: list[Mention], i: int) -> list[Stated]:
    """`构建数据集 D，并在其上训练模型 S`: the dataset just named is what S is trained on."""
    m = _ON_IT.search(text, sent.start, sent.end)
    if m is None:
        return []
    data = [x for x in ms if x.end <= m.start() and x.etype in ("Dataset", "Benchmark")]
    models = [x for x in ms if x.start >= m.end() and x.etype == "Model" and not x.known]
    if not data or not models:
        return []
    return [Stated(models[0].key, "trainedOn", data[-1].key, i)]


# A cue in a `_CueTable`: its place in relation_cues.tsv, whether it asks anything after
# the object, and the first non-space character that asks (None: any).
_Tried = tuple[int, RelationCue, bool, frozenset[str] | None]


class _CueTable:
    """The cues that may state a relation to a list of objects of some types, by the last
    non-space character of the text before the objects (`RelationCue.before_last`)."""

    def __init__(self, cues: Iterable[RelationCue]) -> None:
        self.cues = tuple(enumerate(cues))
        self._by_end: dict[str, tuple[_Tried, ...]] = {}  # filled as the ends are met

    def _allowed(self, end: str) -> tuple[_Tried, ...]:
        tried = self._by_end.get(end)
        if tried is None:
            tried = self._by_end[end] = tuple(
                (k, c, bool(c.after.pattern), c.after_first)
                for k, c in self.cues
                if c.before_last is None or end in c.before_last
            )
        return tried

    def ending(self, ends: set[str]) -> Iterable[_Tried]:
        """The cues, in table order, whose `before` may match a text ending so."""
        if len(ends) == 1:
            return self._allowed(next(iter(ends)))
        tried = {t[0]: t for end in ends for t in self._allowed(end)}
        return [tried[k] for k in sorted(tried)]


def _lefts(left: str) -> list[str]:
    """The text before an object as a cue may end: markup and an opening bracket removed, and
    for a bracketed name also without the name it glosses (`受最大后验策略优化 (MPO) 启发`,
    `基于 DiT (Diffusion Transformer) 架构`)."""
    bare = _strip_open(left)
    # rstrip() takes what `\s` takes; a regex anchored at the end is tried at every character
    if not left.rstrip().endswith(("(", "（")):
        return [bare]
    latin = _LATIN_END.search(bare)
    if latin:
        return [bare, bare[: latin.start()]]
    # a match is 10 characters at most (`$` may stand before a final newline): no need to
    # try the rest
    run = _ZH_RUN.search(bare, max(0, len(bare) - 10))
    cuts = range(run.start(), run.end()) if run else range(0)
    return [bare, *(_strip_open(bare[:j]) for j in cuts)]


def _strip_open(text: str) -> str:
    """The text without the markup, quotes and opening bracket that end it (`基于 **`, `（如 `).
    (Scanned from the end: a regex anchored at the end is tried at every character.)"""
    # str.rstrip() takes exactly what str.isspace() calls a space
    bare = text.rstrip()
    if bare[-1:] not in _OPEN_ENDS:
        return bare  # nothing more to strip: most texts
    bare = _before_marks(bare)
    head = bare
    for word in _EXAMPLE_WORDS:
        if head.endswith(word):
            head = head[: -len(word)]
            break
    head = head.rstrip()
    if not head.endswith(("(", "（")):
        return bare
    return _before_marks(head[:-1])


def _before_marks(text: str) -> str:
    """The text without the run of markup, quotes and spaces that ends it."""
    while True:
        bare = text.rstrip().rstrip(_MARK_CHARS)
        if len(bare) == len(text):
            return bare
        text = bare


def _apply(
    cue: RelationCue,
    text: str,
    ms: list[Mention],
    run: list[Mention],
    main: dict[str, Mention],
    family: list[Mention],
    i: int,
    sent: Sentence,
) -> list[Stated]:
    objects = [o for o in run if o.etype in _ENDS[cue.predicate][1]]
    if not objects:
        return []
    if cue.subject == "heading":
        # what a part works on is no part of it: a benchmark it is evaluated on
        objects = [o for o in objects if o.etype != "Benchmark"]
        subjects = _heading_subject(text, sent, ms, run) if objects else []
    else:
        subjects = _named_subjects(text, ms, run, before=cue.subject != "after")
    named = bool(subjects)
    if subjects:
        respectively = _RESPECTIVELY in text[subjects[-1].end : run[0].start]
        if respectively and len(subjects) == len(objects):
            pairs = list(zip(subjects, objects, strict=True))
        else:
            pairs = [(s, o) for s in subjects for o in objects]
    elif cue.subject == "own" and (heading := _heading_subject(text, sent, ms, run)):
        pairs = [(heading[0], o) for o in objects]  # `**S（…）**：沿用 O 的思路`
    elif cue.subject == "own":
        pairs = _own_pairs(cue.predicate, objects, main, family)
    else:
        return []
    out: list[Stated] = []
    for s, o in pairs:
        predicate = cue.predicate
        if not named and s.etype != "Model" and predicate == "fineTunedFrom":
            predicate = "basedOn"  # the paper's method or system, built on a model
        if predicate == "basedOn" and _checkpoint(s) and _checkpoint(o):
            predicate = "fineTunedFrom"  # a sized checkpoint built on one is trained from it
        # A name the sentence itself says was fine-tuned (`S 基于 O 微调`) is a model, whatever
        # type a short context gave it.
        fits = s.etype in _ENDS[predicate][0] or (named and predicate == "fineTunedFrom")
        if fits and s.key != o.key:
            out.append(Stated(s.key, predicate, o.key, i))
    return out


def _own_pairs(
    predicate: str, objects: list[Mention], main: dict[str, Mention], family: list[Mention]
) -> list[tuple[Mention, Mention]]:
    """A relation with no subject named (`基座：Qwen3-8B-Base`) is about the paper's own model,
    else its own method or system. Of several own checkpoints, a base goes to the one of its
    size and training data to every one of them."""
    first = next((m for t in _DEFAULT_SUBJECT[predicate] if (m := main.get(t))), None)
    if first is None:
        return []
    checkpoints = [m for m in family if family_key(m.key)]
    pairs = []
    for o in objects:
        default = first
        if predicate == "basedOn" and o.etype in ("Dataset", "Benchmark"):
            # a dataset is built from datasets (`取自 Ego4D`): the paper's own one, if any;
            # a model's data sources are training data, which only its own cues state
            default = main.get("Dataset") or main.get("Benchmark")
            if default is None:
                continue
        if o.own and predicate in ("fineTunedFrom", "distilledFrom"):
            continue  # the paper's own model is not the base of its own model
        if default.etype == "Model" and predicate == "trainedOn" and family:
            pairs += [(m, o) for m in family]
        elif predicate == "basedOn" and default in family and checkpoints and o.etype == "Model":
            # a family named beside its own checkpoints: what is built is the checkpoints
            pairs += [(m, o) for m in checkpoints]
        elif default.etype == "Model" and predicate == "fineTunedFrom" and _sizes_of(family):
            sized = [m for m in family if sizes(m.key) & sizes(o.key)]
            if not sized and not sizes(o.key) and len(checkpoints) == 1:
                sized = checkpoints  # an unsized base of the one own checkpoint
            pairs += [(m, o) for m in sized[:1]]
        else:
            pairs.append((default, o))
    return pairs


def _named_subjects(
    text: str, ms: list[Mention], run: list[Mention], before: bool = True
) -> list[Mention]:
    """The names the sentence makes the subject: an unknown or own name right before the
    objects in the same clause (with the names listed with it), else the name right after them
    (`基于 X 训练的 S`, `基于 PhysX 的 Isaac Gym`)."""
    preceding = [m for m in ms if m.end <= run[0].start] if before else []
    if preceding and not preceding[-1].known:
        last = preceding[-1]
        gap = _GLOSS_END.sub("", text[last.end : run[0].start])
        if _SUBJECT_GAP.fullmatch(gap) and gap.strip() not in ("(", "（"):  # not its own gloss
            group = [last]
            for m in reversed(preceding[:-1]):
                if m.known or not _AND.fullmatch(text[m.end : group[0].start]):
                    break  # `Qwen2.5-7B，LumenPRM-1.5B 基于 …`: a comma ends the subject
                group.insert(0, m)
            return group
    after = [m for m in ms if m.start >= run[-1].end]
    if after:
        gap = text[run[-1].end : after[0].start]
        if not after[0].known and _MADE.match(gap):
            return [m for m in _runs(text, after)[0] if not m.known]
        if _OF.match(gap):
            return _runs(text, after)[0]  # `基于 PhysX 的 Isaac Gym`, `基于 X 的 A、B`
        if _VARIANTS.match(gap):
            close = _EXAMPLES_END.search(text, after[0].end)
            end = close.start() if close else len(text)
            return [m for m in after if m.end <= end]
        if after[0].etype == "Model" and (_TRAINS.match(gap) or _TRAINED.match(gap)):
            return [after[0]]  # `在 C4 数据集上预训练 Llama-953M`, `用 X 训练的 π0`
    return []


def _heading_subject(
    text: str, sent: Sentence, ms: list[Mention], run: list[Mention]
) -> list[Mention]:
    """The part an item's bold heading names (`**协同对齐损失（Collaborative Alignment Loss）**：
    在 RQ-VAE 的…`), for the objects its text goes on to use."""
    if not sent.heading:
        return []
    colon = _HEADING_END.search(text, sent.start, run[0].start)
    if colon is None:
        return []
    named = [m for m in ms if m.end <= colon.start() and m.etype in ("Method", "Model")]
    return named[-1:] if named and not named[-1].known else []


def _runs(text: str, ms: list[Mention]) -> list[list[Mention]]:
    """Mentions listed together (`A、B 与 C`) as one group of objects."""
    runs: list[list[Mention]] = []
    for m in ms:
        if runs and _LIST_JOIN.fullmatch(text[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _checkpoint(m: Mention) -> bool:
    return m.etype == "Model" and bool(sizes(m.key))


def _sizes_of(ms: Sequence[Mention]) -> set[str]:
    return set().union(*(sizes(m.key) for m in ms))


def _own_models(mentions: Sequence[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.own and m.etype == "Model":
            seen.setdefault(m.key, m)
    return list(seen.values())


def _same_family(m: Mention, main: Mention | None) -> bool:
    return main is not None and (family_key(m.key) or m.key) == (family_key(main.key) or main.key)


def _main_own(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """The first-mentioned own entity of each type, and of any type."""
    main: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.own:
            main.setdefault(m.etype, m)
            if m.etype in _ENDS["basedOn"][0]:
                main.setdefault("any", m)
    return main
