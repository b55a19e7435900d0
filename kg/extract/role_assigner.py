"""Component 5: the paper's role towards each name (proposes, uses, evaluates on, ...)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import state
from kg.extract.resources import resources
from kg.extract.text import Sentence


@Language.factory(
    "paperkg_role_assigner",
    assigns=["doc._.paperkg"],
    requires=["doc._.paperkg"],
)
def make_role_assigner(nlp: Language, name: str) -> RoleAssigner:
    return RoleAssigner()


_CLAUSE_MARKS = "，。；;,：:"
# What is watched or shown on a device in the same clause, or shot with it, not run on it.
_VIEWED_ON = re.compile(
    r"[^，。；;,\n]{0,30}?上(?:观看|显示|播放|浏览|查看|体验)|[^，。；;,\n]{0,6}?(?:拍摄|录制|采集)"
)
_CLAUSE = re.compile(f"[{_CLAUSE_MARKS}]")


def _clause_start(left: str) -> int:
    """Where the clause that ends `left` starts: after its last clause mark (a scan from the
    end for each mark, not a match object for every mark of the sentence)."""
    return max(map(left.rfind, _CLAUSE_MARKS)) + 1


_INCLUDES = re.compile(r"\s*(?:包括|包含|含)")
# Between a claim's verb and a known name, a word that makes the name something the claim
# builds on, changes or sets beside its own (`提出了基于 GRPO 的…`, `提出将 DPO 扩展到…`).
_NOT_THE_OBJECT = re.compile(
    r"[在将对把用与和及、]|通过|结合|融合|改进|扩展|替代|取代|针对|面向|为"
)


def _heads_item(text: str, sent: Sentence, end: int) -> bool:
    """The name ends before the colon of a bold heading opening an item: the item's subject."""
    if not sent.heading:
        return False
    colon = _HEAD_COLON.search(text, sent.start, sent.end)
    return colon is not None and end <= colon.start()


_HEAD_COLON = re.compile(r"[：:]")
# The models a paper runs its method on: `在 A 和 B 模型上…`, or listed under a `模型：` line.
_ON_LEFT = re.compile(r"在[^，。；;,：:]{0,40}$")
# `在 A、B 和 C 上`: the list's other models may stand between the name and 上.
_ON_RIGHT = re.compile(
    r"^(?:[^，。；;,]{0,40}?(?:模型|基座|LLMs?|MLLMs?|VLMs?|大模型|骨干|主干|backbones?)\s*上"
    r"|(?:\s*(?:、|和|与|及|以及)\s*[A-Za-z][^，。；;,、]{0,40}?)*[\s*]*上)"
)
_MODELS_LINE = re.compile(
    r"^[\s*\-\d.、]*\**\s*(?:模型|基座模型|基础模型|测试模型|实验模型|骨干模型)\s*\**\s*[：:][^。；;]*$"
)


def _run_on_model(text: str, sent: Sentence, start: int, end: int) -> bool:
    left = text[sent.start : start]
    if _MODELS_LINE.match(left):
        return True
    return bool(_ON_LEFT.search(left) and _ON_RIGHT.match(text[end : sent.end]))


class RoleAssigner:
    """The paper's role towards each name, from cue words in its clause and its section."""

    def __init__(self) -> None:
        self.res = resources()
        self.cue: dict[tuple[str, str], re.Pattern[str]] = {}
        # The cue words alone: most clauses hold none, and this answers them fastest.
        self.bare: dict[tuple[str, str], re.Pattern[str]] = {}
        # Words that hold a cue's characters but say something else (`以及` is no `以`,
        # `存在` no `在`) match first and are passed over.
        masks = "|".join(
            re.escape(w)
            for w in sorted({c.word for c in self.res.role_cues if c.value == "-"}, key=len)[::-1]
        )
        for side in ("before", "after", "clause"):
            for role in (
                "proposes",
                "uses",
                "evaluatesOn",
                "comparesWith",
                "runsOn",
                "releasedOn",
                "mentions",
            ):
                words = sorted(
                    {c.word for c in self.res.role_cues if c.side == side and c.value == role},
                    key=len,
                    reverse=True,
                )
                if words:
                    cues = "|".join(re.escape(w) for w in words)
                    self.bare[side, role] = re.compile(cues)
                    self.cue[side, role] = re.compile(
                        f"(?:{masks})|({cues})" if masks else f"({cues})"
                    )

    def _cues(self, side: str, role: str, text: str) -> Iterator[re.Match[str]]:
        """The cue words of the role on that side in `text`, masked words passed over."""
        pattern = self.cue.get((side, role))
        if pattern is None or self.bare[side, role].search(text) is None:
            return iter(())
        return (m for m in pattern.finditer(text) if m.group(1) is not None)

    def _has(self, side: str, role: str, text: str) -> bool:
        return next(self._cues(side, role, text), None) is not None

    def _after_cue(self, role: str, clause_left: str) -> str | None:
        """What follows the role's last cue word before the name, None if there is none."""
        cues = list(self._cues("before", role, clause_left))
        return clause_left[cues[-1].end() :] if cues else None

    def _claimed(self, clause_left: str) -> bool:
        """The clause's claim verb (`提出`, `发布`) has the name as its object: nothing after
        the verb makes it a thing used, compared with or changed."""
        rest = self._after_cue("proposes", clause_left)
        return rest is not None and not (
            _NOT_THE_OBJECT.search(rest)
            or self._has("before", "uses", rest)
            or self._has("before", "comparesWith", rest)
        )

    def _data_compared(self, clause_left: str) -> bool:
        """A comparison's object list holds the data (`优于 RefinedWeb、C4`), not the place
        the comparison is made (`优于 GPT-4o 在 MMLU 上的得分`)."""
        rest = self._after_cue("comparesWith", clause_left)
        return rest is not None and "在" not in rest

    def _compared_examples(self, examples: tuple[tuple[int, int, str], ...], at: int) -> bool:
        """`优于现有基线（如 Clip-Higher、DAPO）`: names listed as examples after a comparison
        are compared with."""
        for start, end, left in examples:
            if start <= at < end:
                cut = _clause_start(left)
                return self._has("before", "comparesWith", left[cut:])
        return False

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
                if not _VIEWED_ON.match(text, c.end, sent.end):
                    # `可在 Apple Vision Pro 上观看`, `iPhone 随手拍摄`: a screen or a camera
                    c.roles.add("runsOn")
                continue
            left = text[sent.start : c.start]
            cut = _clause_start(left)
            clause_left = left[cut:]
            clause_right = _CLAUSE.split(text[c.end : sent.end], 1)[0]
            if sent.section == "title" and head and c.end <= len(head) + sent.start:
                c.roles.add("proposes")
            own = c.kb is None and c.kb_hint is None
            # 使用指南 makes claims too (`…，得到最终模型 X`), but a name built on there is
            # another's (`基于自研框架 X 训练`)
            in_claim = sent.section in ("contribution", "innovations") or (
                sent.section == "usage" and not self._has("before", "uses", clause_left)
            )
            if (
                own
                and in_claim
                and (
                    self._has("before", "proposes", clause_left)
                    # `发布了配方 X，包括数据混合 Y 以及最终模型 Z`: the release's listed parts
                    or (
                        _INCLUDES.match(clause_left) and self._has("before", "proposes", left[:cut])
                    )
                )
            ):
                c.roles.add("proposes")
            if not own and sent.section == "contribution" and self._claimed(clause_left):
                # `提出了 PRIME（…）框架`, `发布了… Seed1.5-VL`: the paper's own work, which
                # the knowledge base knows because the paper made it known
                c.roles.add("proposes")
            if own and sent.section == "innovations" and _heads_item(text, sent, c.end):
                c.roles.add("proposes")  # `**批量块预条件（Batched Block Preconditioning）**：…`
            if own and c.origin == "pair" and c.etype == "Method" and set(c.votes) <= {"Method"}:
                # `视觉记忆注入（Visual Memory Injection）`: a technique the paper coins a name
                # for is its own (another's arrives named)
                c.roles.add("proposes")
            compared = c.etype in ("Model", "Method", "Software") and (
                self._has("before", "comparesWith", clause_left)
                or self._has("clause", "comparesWith", clause_left + clause_right)
                or self._compared_examples(st.examples, c.start)
            )
            # `FineWeb 训练的模型优于以 RefinedWeb、C4 训练的模型`: data compared with
            data_compared = c.etype in ("Dataset", "Benchmark") and self._data_compared(clause_left)
            if compared or data_compared:
                c.roles.add("comparesWith")
            apart = self._has("before", "mentions", clause_left)
            if c.etype in ("Dataset", "Benchmark") and (
                (sent.section == "results" and not apart and not data_compared)
                or self._has("clause", "evaluatesOn", clause_left + clause_right)
            ):
                c.roles.add("evaluatesOn")
            elif c.etype == "Software" and self._has(
                "clause", "releasedOn", clause_left + clause_right
            ):
                pass  # `以 Apache 2.0 协议在 Hugging Face 发布`: hosts the release, not used
            elif self._has("before", "uses", clause_left) or (
                # a tool is used, unless the clause compares with it
                c.etype == "Software" and not compared
            ):
                c.roles.add("uses")
            if apart:
                c.roles.add("mentions")  # set apart: no role from the section (aggregate)
            if self._has("after", "uses", clause_right[:6]):
                c.roles.add("uses")
            if c.etype == "Model" and not compared and _run_on_model(text, sent, c.start, c.end):
                c.roles.add("uses")  # `在 Qwen3-1.7B 和 Qwen3-8B 模型上`, `**模型**：A, B`
        # The typed names as spaCy spans too (doc.spans["paperkg"], e.g. for displaCy).
        spans = []
        for c in st.cands:
            if not c.dropped and c.etype:
                span = doc.char_span(c.start, c.end, label=c.etype, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["paperkg"] = spans
        return doc
