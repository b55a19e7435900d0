"""Component 1: longest-match lookup of Latin name runs and Chinese aliases in the knowledge base."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cands import Cand, sentence_of, state
from kg.extract.names import (
    FORM,
    SIZE_LETTERS,
    YEAR,
    extend_name,
    is_capitalised,
    is_extension,
    is_plain_word,
    surface_ok,
)
from kg.extract.resources import KBEntry, Resources, resources
from kg.extract.shapes import (
    is_param_count,
    is_size,
    is_version,
    key_of,
)
from kg.extract.tokenizer import LATIN_TOKENS, NAME_TOKEN

_TOKEN = re.compile(NAME_TOKEN)


_COUNT_PREFIX = re.compile(r"^\d{1,4}x(?=[A-Z])")


def _joined(text: str, end: int, start: int) -> bool:
    """Tokens ending at `end` and starting at `start` are in one run: one space apart, or a
    title abbreviation's dot and a space (`Dr. GRPO` is one name)."""
    gap = start - end
    if gap == 1:
        return text[end] == " "
    return (
        gap == 2
        and text[end - 2 : start] == "Dr. "
        and not (end > 2 and text[end - 3].isascii() and text[end - 3].isalpha())
    )


# Spaced words after a known name that make it a benchmark's name.
_SET_WORDS = frozenset({"Eval", "Bench", "Benchmark", "Suite", "Dataset", "Corpus"})
# A release of a dataset such as `Dolma 1.7`, `SQuAD 2.0`.
_MINOR_RELEASE = re.compile(r"^[1-9]\.\d$")
# The two Latin words a slash joins (`CNN/DM`), each as a whole.
_SLASH_LEFT = re.compile(r"(?<![A-Za-z0-9/\-])[A-Za-z][A-Za-z0-9.\-]*$")
_SLASH_RIGHT = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*(?![A-Za-z0-9/])")


def _find_runs(
    text: str, tokens: Iterable[tuple[int, int, str]] | None = None
) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """Latin-script tokens grouped into runs of words one space apart, in one pass. `tokens`
    are the text's NAME_TOKEN matches as (start, end, token) when the tokenizer kept them."""
    if tokens is None:
        tokens = ((t.start(), t.end(), t.group()) for t in _TOKEN.finditer(text))
    runs = []
    toks: list[tuple[int, int, str]] = []
    last = -1
    for start, end, tok in tokens:
        if toks and not _joined(text, last, start):
            runs.append(tuple(toks))
            toks = []
        last = end
        if tok[0].isdigit() and (count := _COUNT_PREFIX.match(tok)):
            # `2xH100`: a device count glued to the device's name
            start, tok = start + count.end(), tok[count.end() :]
        toks.append((start, end, tok))
    if toks:
        runs.append(tuple(toks))
    return tuple(runs)


def _same_thing(entry: KBEntry, tail: list[str]) -> bool:
    """`Blender 4.3` is Blender and `H100 SXM5` / `A100-80GB` an H100 / A100: a release of
    a tool or a board form of a chip is no separate entity."""
    if entry.etype == "Software":
        return all(is_version(t) for t in tail)
    return entry.etype == "Hardware" and all(FORM.match(t) for t in tail)


def _glued_head(res: Resources, token: str) -> KBEntry | None:
    """The known metric of `CHAIR_S` / `FID_CLIP` (a subscripted metric is one of its own) or
    the known dataset of `Objects365v1` (a release written without a space), or the known
    technique or model of `ZeroQuant(4+2)` (a configuration of it; `SE(3)` is a group)."""
    if token[-1:] == ")":
        stem, config = token[:-1].split("(", 1)
        head = res.kb_alias.get(key_of(stem))
        if head is not None and head.etype in ("Method", "Model") and not config.isdigit():
            return head
        return None
    if "_" in token:
        head = res.kb_alias.get(key_of(token.split("_", 1)[0]))
        return head if head is not None and head.etype == "Metric" else None
    # Tried on every token no KB name starts: the cheap test keeps the regex off most of them.
    m = _GLUED_RELEASE.match(token) if token[-1:].isdigit() else None
    head = res.kb_alias.get(key_of(m.group(1))) if m else None
    return head if head is not None and head.etype == "Dataset" else None


def _kb_prefix(res: Resources, token: str) -> tuple[KBEntry, str, str] | None:
    """Longest KB name that is a hyphen prefix of token: ('Qwen2.5-VL', '7B-Instruct')."""
    cut = len(token)
    while True:
        cut = token.rfind("-", 0, cut)
        if cut <= 0:
            return None
        head = token[:cut]
        entry = res.kb_alias.get(key_of(head))
        if entry is not None and surface_ok(res, head, entry):
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
            first = words[0].rstrip(".")
            self.first_words[first] = max(self.first_words.get(first, 0), len(words))
        # Asked for every Latin token, and the same words recur across papers.
        self.reach = lru_cache(maxsize=1 << 16)(self._reach)
        self.zh_names = self.res.zh_names

    def _reach(self, token: str) -> int:
        """Most words a KB spelling starting with this token's first word has."""
        return self.first_words.get(key_of(token).split("-", 1)[0], 0)

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        res = self.res
        text = st.text
        runs = _find_runs(text, doc.user_data.get(LATIN_TOKENS))
        st.runs = runs
        cands: list[Cand] = []
        for run in runs:
            i = 0
            n = len(run)
            while i < n:
                step = self._match_at(doc, run, i, cands)
                i += step
        cands.extend(self._slash_variants(text, cands, runs))
        cands.extend(self._slashed_names(doc, text))
        if self.zh_names is not None:
            metric_ends = {c.end for c in cands if c.kb is not None and c.kb.etype == "Metric"}
            for start, end, name in self.zh_names.finditer(text):
                sent = sentence_of(doc, start)
                if st.sents[sent].section == "fields":
                    continue
                entry = res.kb_zh.get(name)
                if entry is None:
                    continue  # an ordinary word holding a name (`可灵活`)
                if entry.etype == "Metric" and (
                    start in metric_ends
                    or (text[start - 1 : start] == " " and start - 1 in metric_ends)
                ):
                    continue  # `Top-1 准确率`: the Latin name already says which measure
                cands.append(Cand(start, end, name, sent, "zh", kb=entry))
        st.cands = cands
        return doc

    def _slashed_names(self, doc: Doc, text: str) -> list[Cand]:
        """`CNN/DM`, `Cityscapes/ADE20K`: a known name spelled with a slash is one name; other
        slashes part two names (`H100/H800`, `MSE/MAE`), which the runs already give."""
        out: list[Cand] = []
        res = self.res
        slash = text.find("/")
        while slash >= 0:
            # from each slash out to the words on either side: far fewer tries than a scan
            left = _SLASH_LEFT.search(text, max(0, slash - 40), slash)
            right = _SLASH_RIGHT.match(text, slash + 1)
            if left and right:
                start, end = left.start(), right.end()
                name = text[start:end]
                entry = res.kb_alias.get(key_of(name))
                # a measure with a slash is a unit after a number (`tokens/s`)
                if entry is not None and entry.etype != "Metric" and surface_ok(res, name, entry):
                    out.append(Cand(start, end, name, sentence_of(doc, start), "kb", kb=entry))
            slash = text.find("/", slash + 1)
        return out

    def _slash_variants(self, text: str, cands: list[Cand], runs: tuple) -> list[Cand]:
        """`Qwen3 Base/Instruct` names two models: the second is `Qwen3 Instruct`."""
        run_at = {run[0][0]: run for run in runs}
        out: list[Cand] = []
        for c in cands:
            if " " not in c.text:
                continue
            stem, last = c.text.rsplit(" ", 1)
            # `AIME 2024/2025`: the second edition of a dataset named with a year
            yearly = c.origin == "kb" and c.kb.etype == "Dataset" and _YEAR.match(last)
            # `Kimi K1.5/K2`: a known model's release code, then a sibling release's
            release = c.origin == "kb" and c.kb.etype == "Model" and _CODED.match(last)
            # `Claude 3 Haiku/Sonnet/Opus`: siblings the knowledge base knows by the same stem
            if c.origin not in ("variant", "kb"):
                continue
            # `LLaMA-2 7B / 13B`: a size after a variant's size names a sibling checkpoint
            sized = c.origin == "variant" and is_param_count(last)
            pos = c.end
            while (slash := _SLASH.match(text, pos)) is not None:
                run = run_at.get(slash.end())
                if run is None:
                    break
                word = run[0][2]
                name = f"{stem} {word}"
                known = self.res.kb_alias.get(key_of(name)) if c.origin == "kb" or sized else None
                if sized:
                    ok = is_param_count(word)
                elif yearly:
                    ok = _YEAR.match(word)
                elif release:
                    ok = (m := _CODED.match(word)) and m[1].lower() == release[1].lower()
                elif c.origin == "kb":
                    ok = known is not None and known.etype == c.kb.etype
                else:
                    ok = word in self.res.variant_words
                if not ok:
                    break
                s, e, _ = run[0]
                hint = c.kb if yearly or release else c.kb_hint
                if known is not None:
                    out.append(Cand(s, e, word, c.sent, "kb", kb=known, name=name))
                else:
                    out.append(Cand(s, e, word, c.sent, "variant", kb_hint=hint, name=name))
                pos = e
        return out

    def _slash_sizes(
        self, doc: Doc, run: tuple, i: int, k: int, entry: KBEntry, cands: list[Cand]
    ) -> int:
        """`Gemma 3 1B/4B/12B/27B`, `Landsat 8/9`: sizes or one-digit releases joined by
        slashes after a spaced name are that many variants of it; returns tokens consumed."""
        if k >= len(run) or "/" not in run[k][2] or run[k][0] != run[k - 1][1] + 1:
            return 0
        pieces = run[k][2].split("/")
        if not (all(is_size(p) for p in pieces) or all(_DIGIT.match(p) for p in pieces)):
            return 0
        if _same_thing(entry, pieces):
            return 0  # `Python 3/4`: releases of one tool
        text = state(doc).text
        if _COUNTED.match(text, run[k][1]):
            return 0  # `GPT-4o 3/5 分`: a score
        res = self.res
        start = run[i][0]
        stem = text[start : run[k - 1][1]]
        sent = sentence_of(doc, start)
        pos = run[k][0]
        for n, piece in enumerate(pieces):
            s, e = (start if n == 0 else pos), pos + len(piece)
            name = f"{stem} {piece}"
            known = res.kb_alias.get(key_of(name))
            if known is not None and surface_ok(res, name, known):
                cands.append(Cand(s, e, text[s:e], sent, "kb", kb=known, name=name))
            else:
                cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry, name=name))
            pos = e + 1
        return k + 1 - i

    def _sized_phrase(self, doc: Doc, run: tuple, i: int, j: int, cands: list[Cand]) -> int:
        """`Grounding DINO-L`: a hyphened size after a KB name of several words is a variant
        (the single-token case is `_kb_prefix`); returns tokens consumed, or 0."""
        text = state(doc).text
        s, e = run[i][0], run[j - 1][1]
        found = _kb_prefix(self.res, text[s:e])
        if found is None or found[0].etype not in self.EXTENDABLE or " " not in found[1]:
            return 0
        entry, _, tail = found
        if entry.etype == "Hardware" and tail.isdigit() and int(tail) >= 8:
            return 0  # `TPU v5p-64`: a pod slice, which the hardware grammar folds into the chip
        if tail not in SIZE_LETTERS and not all(is_extension(self.res, p) for p in tail.split("-")):
            return 0
        k = extend_name(self.res, run, j, text)
        e = run[k - 1][1]
        cands.append(Cand(s, e, text[s:e], sentence_of(doc, s), "variant", kb_hint=entry))
        return k - i

    def _dimensioned(self, doc: Doc, run: tuple, i: int, cands: list[Cand]) -> int:
        """`3D RoPE`, `2D IoU`, `3D VAE`: a dimension before a known technique, measure or
        model, or before a generic architecture acronym, names a variant of its own (not
        `3D CT`, an imaging modality); returns tokens consumed, or 0."""
        res = self.res
        text = state(doc).text
        head = run[i + 1][2]
        s, e = run[i][0], run[i + 1][1]
        sent = sentence_of(doc, s)
        entry = res.kb_alias.get(key_of(head))
        if entry is not None and entry.etype in ("Method", "Metric", "Model"):
            if not surface_ok(res, head, entry):
                return 0
            cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            return 2
        if entry is None and key_of(head) in res.stop_generic and _ACRONYM_HEAD.match(head):
            named = Cand(s, e, text[s:e], sent, "shape")
            named.votes["Method"] += 4
            cands.append(named)
            return 2
        return 0

    @staticmethod
    def _split_owner(text: str, s: int, e: int, entry: KBEntry, cands: list[Cand]) -> int | None:
        """A bare split (`test-clean`, an alias of LibriSpeech) right after another corpus is
        that corpus's split: `LibriTTS 的 test-clean` names no LibriSpeech, and
        `LibriSpeech-PC test-clean` is one name, of LibriSpeech-PC. Returns the tokens taken
        (1), or None where the split is the known corpus's own."""
        prev = cands[-1] if cands else None
        gap = text[prev.end : s] if prev is not None else "\n"
        if "\n" in gap or gap.strip() not in ("", "的"):  # another sentence, or not next to it
            return None
        known = prev.kb or prev.kb_hint
        if known is None or known.etype != "Dataset" or (known is entry and prev.kb is not None):
            return None
        if gap == " ":
            prev.end, prev.text = e, text[prev.start : e]  # one name with its split
        return 1

    def _match_at(self, doc: Doc, run: tuple, i: int, cands: list[Cand]) -> int:
        """Match at token i of a run; returns how many tokens were consumed."""
        st = state(doc)
        res = self.res
        text = st.text
        n = len(run)
        first = run[i][2]
        if i + 1 < n and run[i + 1][2] in res.metric_aggregates and _QUANTITY.match(first):
            known = res.kb_alias.get(key_of(first))
            if known is None or known.etype == "Metric":
                # `ATE RMSE`, `VCRE AUC`: the measure of the quantity named before it
                s, e = run[i][0], run[i + 1][1]
                named = Cand(s, e, text[s:e], sentence_of(doc, s), "shape")
                named.votes["Metric"] += 4
                cands.append(named)
                return 2
        reach = self.reach(first)
        for j in range(min(n, i + reach), i, -1):
            s, e = run[i][0], run[j - 1][1]
            surface = text[s:e]
            entry = res.kb_alias.get(key_of(surface))
            if entry is None and j > i + 1 and "-" in run[j - 1][2]:
                sized = self._sized_phrase(doc, run, i, j, cands)
                if sized:
                    return sized
            if entry is None or not surface_ok(res, surface, entry):
                continue
            if entry.etype == "Dataset" and j == i + 1 and _bare_split(surface, entry):
                owner = self._split_owner(text, s, e, entry, cands)
                if owner is not None:
                    return owner
            sent = sentence_of(doc, s)
            if (
                st.sents[sent].section == "title"
                and j == i + 1
                and is_capitalised(surface)
                and entry.etype in ("Metric", "Method")
            ):
                # Title words such as 'Recall' or 'Attention' are ordinary English there.
                return 1
            k = j
            if entry.etype != "Dataset" and j < n and run[j][2] in _SET_WORDS:
                # `Vicuna Eval`, `Dolly Eval`: a benchmark named after a known model
                e = run[j][1]
                named = Cand(s, e, text[s:e], sent, "shape")
                named.votes["Dataset"] += 4
                cands.append(named)
                return j + 1 - i
            if entry.etype in ("Organization", "Method") and j < n and is_param_count(run[j][2]):
                # `DeepSeek 7B`, `DeepSeek 7B Chat`: a maker's name with a parameter count is
                # its model; so is a technique's (`GShard 2.9B`, `BitNet b1.58 3B`)
                k = extend_name(res, run, j + 1, text)
                named = Cand(s, run[k - 1][1], text[s : run[k - 1][1]], sent, "shape")
                named.votes["Model"] += 4
                cands.append(named)
                return k - i
            if entry.etype in self.EXTENDABLE:
                k = extend_name(res, run, j, text)
                listed = self._slash_sizes(doc, run, i, k, entry, cands)
                if listed:
                    return listed
            elif entry.etype == "Dataset":
                # `SWE-bench Verified`, `DAVIS 2017`, `BFCL v3`: a named split, edition year
                # or `v` release, but no other number (a score follows a dataset's name).
                while k < n and (
                    run[k][2] in res.variant_words
                    or _YEAR.match(run[k][2])
                    # `HMMT Feb 2025`: a month's edition
                    or (run[k][2] in _MONTHS and k + 1 < n and _YEAR.match(run[k + 1][2]))
                    or _V_RELEASE.match(run[k][2])
                    or _ROMAN.match(run[k][2])  # `autoPET III`: a challenge's edition
                    # `AlpacaEval 2`: a one-digit edition, unless a unit makes it a score
                    or (_EDITION.match(run[k][2]) and not _COUNTED.match(text, run[k][1]))
                    # `CATH 4.2 测试集`, `在 AMOS 22 上`: a number the set's own words follow
                    # names a version; elsewhere (`MMLU 71.2，`) it is a score.
                    or (k == j and _NUMBER.match(run[k][2]) and _SET_AFTER.match(text, run[k][1]))
                    # `Common Voice 15 与 LibriSpeech 上`: a whole number before another
                    # set's name is an edition
                    or (
                        k == j and _RELEASE_NO.match(run[k][2]) and _SET_LIST.match(text, run[k][1])
                    )
                    # `MovieLens Latest`, `Criteo Terabyte`: a named release in one plain word
                    # that ends the run
                    or (k == j and k + 1 == n and is_plain_word(res, run[k][2]))
                    # `Dolma 1.7 语料`: a one-digit release outside the results, where a
                    # number after a set is a score
                    or (
                        k == j
                        and _MINOR_RELEASE.match(run[k][2])
                        and st.sents[sent].section != "results"
                        and not _COUNTED.match(text, run[k][1])
                    )
                ):
                    k += 1
            bracket = _BRACKET_VARIANT.match(text, run[k - 1][1])
            if bracket and entry.etype == "Model":
                # `FLUX.1 Kontext [dev]`: a release named in brackets is a variant
                e = bracket.end()
                cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            elif k > j and _same_thing(entry, [t for _, _, t in run[j:k]]):
                e = run[k - 1][1]
                cands.append(Cand(s, e, text[s:e], sent, "kb", kb=entry))
            elif k > j:
                e = run[k - 1][1]
                cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            else:
                cands.append(Cand(s, e, surface, sent, "kb", kb=entry))
            return k - i
        if i + 1 < n and _DIMENSION.match(first) and run[i + 1][0] == run[i][1] + 1:
            dimensioned = self._dimensioned(doc, run, i, cands)
            if dimensioned:
                return dimensioned
        tok = run[i][2]
        glued = _glued_head(res, tok)
        if glued is not None:
            s = run[i][0]
            cands.append(Cand(s, run[i][1], tok, sentence_of(doc, s), "variant", kb_hint=glued))
            return 1
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
        if entry.etype == "Dataset" and _SUBSET_TAIL.match(tail) and section != "title":
            # `OSWorld-G`, `NuminaMath-CoT`, `PixMo-Docs`: a named subset or derivative of a
            # known dataset is a dataset of its own
            cands.append(Cand(s, run[i][1], tok, sent, "variant", kb_hint=entry))
            return 1
        if all(is_extension(res, p) for p in parts) or (
            exact and section != "title" and all(p.isalpha() and p.islower() for p in parts)
        ):
            # 'Qwen2.5-VL-7B-Instruct' (a variant) or 'verl-tool' (a related named thing).
            k = extend_name(res, run, i + 1, text) if entry.etype in self.EXTENDABLE else i + 1
            if entry.etype in self.EXTENDABLE and (
                listed := self._slash_sizes(doc, run, i, k, entry, cands)
            ):
                return listed  # `LLaMA2-Chat 7B/13B/70B`
            e = run[k - 1][1]
            if _same_thing(entry, parts + [t for _, _, t in run[i + 1 : k]]):
                cands.append(Cand(s, e, text[s:e], sent, "kb", kb=entry))
            else:
                cands.append(Cand(s, e, text[s:e], sent, "variant", kb_hint=entry))
            return k - i
        return 1


def _bare_split(surface: str, entry: KBEntry) -> bool:
    """A lower-case alias that names a split of a corpus without the corpus (`test-clean`)."""
    return surface.islower() and "-" in surface and entry.key not in key_of(surface)


_DIMENSION = re.compile(r"[1-4]D$")
_ACRONYM_HEAD = re.compile(r"[A-Z][a-z]?[A-Z]+$")  # VAE, ViT, DiT, CNN
_BRACKET_VARIANT = re.compile(r"[ -]?\[(?:dev|pro|max|schnell|flex|Dev|Pro|Max|Schnell)\]")


_EDITION = re.compile(r"^(?:[2-9]|[1-9]\.0(?:-[A-Z][a-z]+)?)$")  # `AlpacaEval 2`, `Spider 2.0-Lite`
# A measure word or unit after a number makes it a count or a score (`2 个设置`, `5 分`).
_COUNTED = re.compile(r"\s*(?:个|次|种|项|类|轮|步|张|条|篇|组|倍|分|点|%|％|x|×|[，,、/]\s*\d)")


_NUMBER = re.compile(r"^\d{1,2}(?:\.\d)?$")
# An acronym of a measured quantity (`ATE`, `VCRE`, `F0`)
_QUANTITY = re.compile(r"^[A-Z][A-Z0-9]{1,4}$")
_DIGIT = re.compile(r"^[1-9]$")
_RELEASE_NO = re.compile(r"^[1-9]\d$")
# ... and another set's name that no score follows (`MMLU 72 与 GSM8K 81` lists scores)
_SET_LIST = re.compile(
    r"\s*(?:与|和|及|以及)\s*(?>[A-Z][A-Za-z0-9.+\-]*(?: [A-Za-z][A-Za-z0-9.+\-]*)*)(?!\s*[\d(（])"
)
_SET_AFTER = re.compile(r"\s*(?:上|测试集|验证集|数据集|基准|[\u4e00-\u9fff]{0,4}子集)")


# A release code: letters then a version (`K1.5`, `K2`, `V3`).
_CODED = re.compile(r"^([A-Za-z]{1,3})(\d+(?:\.\d+)?)$")
_V_RELEASE = re.compile(r"^[vV]\d+(?:\.\d+)*$")
_ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII)$")


_GLUED_RELEASE = re.compile(r"^(.*[A-Za-z0-9])v\d+(?:\.\d+)?$")


# A subset's tail: capitalised or capital letters (`-G`, `-CoT`, `-Docs`, `-MM`), no digits.
_SUBSET_TAIL = re.compile(r"^[A-Z][A-Za-z]{0,11}$")


_YEAR = re.compile(rf"^{YEAR}$")
# A slash between two names, spaced or not (`Base/Instruct`, `7B / 13B`).
_SLASH = re.compile(r" ?/ ?")
_MONTHS = frozenset(
    [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
