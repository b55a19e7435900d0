"""From candidate mentions in a Doc to one EntityMention per entity, plus relations."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from kg.extract.cands import Cand, PaperState, Tally, leading, state
from kg.extract.names import CONNECTORS, initials
from kg.extract.relations import Mention, stated_relations
from kg.extract.resources import has_cjk, resources
from kg.extract.shapes import family_key, is_acronym, is_size, key_of
from kg.extract.text import Sentence
from kg.extract.type_model import NameView, open_question, second_opinion
from kg.keys import glued_key
from kg.model import Alias, EntityMention, Evidence, PaperRecord, Relation


@dataclass(slots=True)
class _Acc:
    key: str
    name: str
    labels: Counter[str] = field(default_factory=Tally)
    zh: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Tally)
    kb_type: str | None = None
    votes: Counter[str] = field(default_factory=Tally)
    roles: set[str] = field(default_factory=set)
    evidence: set[int] = field(default_factory=set)  # sentence indices
    spans: list[tuple[int, int]] = field(default_factory=list)  # mentions in doc.text
    in_kb: bool = False
    first: int = 0
    measured: bool = False  # a gloss the paper writes for it names a measure


def _canonical(c: Cand) -> tuple[str, str]:
    name = c.kb.name if c.kb is not None else (c.name or c.text)
    return key_of(name), name


_WORD_SEP_KEPT = re.compile(r"([\s\-]+)")


def entities(
    doc: Doc, paper: PaperRecord
) -> tuple[tuple[EntityMention, ...], tuple[Relation, ...]]:
    """Group a Doc's live candidates by entity and build the paper's mentions and relations."""
    res = resources()
    accs, cands, route = accumulate(doc)
    st = state(doc)
    sents = st.sents
    mentions: list[EntityMention] = []
    relations: list[Relation] = []
    # Entities share sentences: each sentence's evidence is made once per paper.
    used = set().union(*(acc.evidence for acc in accs.values()))
    evidence = {i: _evidence(paper, sents[i]) for i in used}
    inherit_types(accs)
    final: dict[str, str] = {}  # entity key -> its type in this paper
    # `LumenPRM-1.5B`, `LumenPRM 7B`, `VideoLLaMA2-7B` of `VideoLLaMA 2`: a name extending
    # one the paper proposes is its own; so is one ending with it (`Llama-3-8B-SimPO`).
    proposed = [a.key for a in accs.values() if "proposes" in a.roles]
    own_stems = tuple({f"{k}-" for k in proposed} | {f"{glued_key(k)}-" for k in proposed})
    own_ends = tuple(f"-{k}" for k in proposed)
    for acc in accs.values():
        etype = cue_type(acc)
        if etype is None:
            continue  # only known mentions the paper redefined, none of its own meaning
        if not acc.in_kb and open_question(etype, acc.votes):
            etype = second_opinion(name_view(acc, st), etype)
        if _title_phrase(acc, etype, st):
            continue
        if etype == "Dataset" and acc.measured:
            # `可解决通过率（Solvable Pass Rate, SoPR）… 在 SoPR 上最佳`: "on" a measure the
            # paper defined is no benchmark
            etype = "Metric"
        if etype == "Dataset" and "evaluatesOn" in acc.roles:
            etype = "Benchmark"
        final[acc.key] = etype
        own = (
            acc.key.startswith(own_stems)
            or glued_key(acc.key).startswith(own_stems)
            or (etype == "Model" and acc.key.endswith(own_ends))
        )
        acc.roles = _settled_roles(acc.roles, etype, {sents[i].section for i in acc.evidence}, own)
        aliases = {Alias(t) for t in acc.labels if t != acc.name and not has_cjk(t)}
        aliases |= {Alias(z, "zh") for z in acc.zh if z != acc.name}
        family = family_key(acc.name) if etype == "Model" else None
        if family == acc.key:
            family = None
        if family:
            fam_name = _family_name(acc.name)
            relations.append(
                Relation(acc.key, "variantOf", family, object_name=fam_name, object_type=etype)
            )
        mentions.append(
            EntityMention(
                key=acc.key,
                name=acc.name,
                etype=etype,
                roles=tuple(sorted(acc.roles)),
                aliases=tuple(sorted(aliases, key=lambda a: (a.text, a.lang or ""))),
                evidence=tuple(
                    sorted(
                        (evidence[i] for i in acc.evidence),
                        key=lambda e: (e.line, e.section, e.sentence),
                    )
                ),
                family=family,
                in_kb=acc.in_kb,
                guessed=not acc.kb_type and not acc.votes,
            )
        )
    stated = _stated_relations(st, paper, cands, accs, route, final)
    relations.extend(stated)
    del res
    mentions = _built_on(mentions, stated)
    mentions.sort(key=lambda m: m.key)
    return tuple(mentions), tuple(sorted(set(relations), key=_relation_order))


def accumulate(doc: Doc) -> tuple[dict[str, _Acc], list[Cand], dict[str, str]]:
    """The Doc's live candidates grouped by entity key, with the alias routes between keys."""
    cands = [c for c in state(doc).cands if not c.dropped and c.etype]
    # Aliases written next to a name (`PPI` of `Predictive Policy Improvement (PPI)`) route
    # later standalone uses of the alias to the same entity.
    route: dict[str, str] = {}
    redefined: set[str] = set()
    for c in cands:
        key, _ = _canonical(c)
        for a in c.aliases:
            if not has_cjk(a):
                route.setdefault(key_of(a), key)
        if c.origin == "pair" and c.kb is None:
            redefined.add(key_of(c.text))
            redefined.update(key_of(a) for a in c.aliases if not has_cjk(a))
    for c in cands:
        # A name the paper defines itself (`AMD（Adaptive Matching Distillation）`) is not
        # the knowledge base's entity of the same spelling.
        if c.kb is not None and c.origin in ("kb", "zh", "title") and key_of(c.text) in redefined:
            c.kb = None
            c.etype = None  # the known entry's type is not the paper's meaning
    accs: dict[str, _Acc] = {}
    for c in cands:
        key, name = _canonical(c)
        key = route.get(key, key) if c.origin != "pair" else key
        acc = accs.get(key)
        if acc is None:
            acc = accs[key] = _Acc(key=key, name=name, first=c.start)
        if c.kb is not None:
            acc.in_kb = True
            acc.kb_type = c.kb.etype
            acc.name = c.kb.name
        elif c.origin == "pair" and not acc.in_kb:
            acc.name = name
        if not (c.name and c.name.endswith(" " + c.text)):
            acc.labels[c.text] += 1  # not the `2025` of `AIME 2024/2025`, a fragment
        for a in c.aliases:
            if has_cjk(a):
                acc.zh.add(a)
            else:
                acc.labels[a] += 1
        if has_cjk(c.text):
            acc.zh.add(c.text)
        if c.etype:
            acc.types[c.etype] += 1
        acc.votes.update(c.votes)
        if c.origin == "pair" and not acc.in_kb and leading(c.votes) == "Metric":
            acc.measured = True
        acc.roles |= c.roles
        acc.evidence.add(c.sent)
        acc.spans.append((c.start, c.end))
    _merge_acronyms(accs, route)
    for key in [k for k, a in accs.items() if _bare_acronym(a)]:
        del accs[key]
    return accs, cands, route


def _settled_roles(roles: set[str], etype: str, sections: set[str], own: bool) -> set[str]:
    """The paper's roles towards an entity, from its mentions' cue roles (`roles`), its type,
    the sections it is named in, and whether it extends a name the paper proposes (`own`)."""
    roles = set(roles)
    # `不同于 SparseGPT`: a name set apart from the paper's way takes no role from its section
    set_apart = "mentions" in roles
    roles.discard("mentions")
    if etype not in ("Dataset", "Benchmark"):
        roles.discard("evaluatesOn")
    if etype in ("Model", "Method", "Software") and ("proposes" in roles or own):
        # `基于 ATR-GRPO 的…`, `LumenPRM-1.5B`: its own, not a tool
        roles = (roles - {"uses", "comparesWith"}) | {"proposes"}
    elif (
        etype in ("Model", "Method")
        and not roles
        and not set_apart
        and "results" in sections
        and "usage" not in sections
    ):
        roles.add("comparesWith")  # another's model in the results: a baseline
    if (
        not roles
        and not set_apart
        and etype in ("Model", "Method", "Dataset")
        and sections - {"title", "fields"}
    ):
        # another's model, technique or data named in the body with no cue for a role is
        # one the paper builds on (annotators say so about five times in six); a tool
        # without a role was compared with or released on, which the role assigner weighed
        roles.add("uses")
    if etype == "Metric" or "comparesWith" in roles:
        # `采用 FID 指标`: a measure reports, it is not used; a baseline the paper compares
        # with is not also a tool it used
        roles.discard("uses")
    return roles


def inherit_types(accs: dict[str, _Acc]) -> None:
    """Unknown names that extend one of the paper's names take its type (`inherited_type`)."""
    for acc in accs.values():
        acc.kb_type = acc.kb_type or inherited_type(acc, accs)


def cue_type(acc: _Acc) -> str | None:
    """The type the knowledge base, an inherited type or else the cue votes give."""
    return acc.kb_type or leading(acc.votes or acc.types)


def name_view(acc: _Acc, st: PaperState) -> NameView:
    """What the type model sees of an entity: its votes, labels and the words around it."""
    text = st.text
    return NameView(
        name=acc.name,
        votes=acc.votes,
        types=acc.types,
        roles=acc.roles,
        zh=acc.zh,
        inherited=acc.kb_type,
        contexts=[(text[max(0, s - 4) : s], text[e : e + 8]) for s, e in acc.spans],
        sections={st.sents[i].section for i in acc.evidence},
        in_title=acc.name in st.title,
    )


def _merge_acronyms(accs: dict[str, _Acc], route: dict[str, str]) -> None:
    """`LUSPO` and `Length-Unbiased Sequence Policy Optimization` in one paper are one entity."""
    if not any(map(_unknown_acronym, accs.values())):
        return  # no acronym to place: most papers
    longs: dict[str, _Acc] = {}
    for a in accs.values():
        words = a.name.split()
        if not a.in_kb and len(words) >= 2:
            longs.setdefault(initials(a.name), a)
            # `MT-GRPO` for `Multi-Task GRPO`: initials of the modifier, then the known head.
            longs.setdefault(f"{initials(' '.join(words[:-1]))}-{words[-1].upper()}", a)
    for a in accs.values():
        # `Bradley-Terry 损失 … BT 损失`: the initials of a hyphened name as written, known or not
        for label in sorted(a.labels):
            words = [w for w in label.split("-") if w not in CONNECTORS]
            if len(words) > 1 and " " not in label and all(map(_PLAIN_WORD.match, words)):
                longs.setdefault(initials(label), a)
    for key, acc in list(accs.items()):
        if not _unknown_acronym(acc):
            continue
        letters = "".join(ch for ch in acc.name if ch.isalpha()).upper()
        target = longs.get(letters) or longs.get(acc.name.upper())
        if target is None or target is acc:
            continue
        target.labels.update(acc.labels)
        target.zh |= acc.zh
        target.types.update(acc.types)
        target.votes.update(acc.votes)
        target.roles |= acc.roles
        target.measured |= acc.measured
        target.evidence |= acc.evidence
        target.spans += acc.spans
        target.first = min(target.first, acc.first)
        del accs[key]
        route[key] = target.key


def _unknown_acronym(acc: _Acc) -> bool:
    return not acc.in_kb and " " not in acc.name and is_acronym(acc.name)


_BARE = re.compile(r"^[A-Z]{2,4}$")
_PLAIN_WORD = re.compile(r"^[A-Z][a-z]{2,}$")


def _bare_acronym(acc: _Acc) -> bool:
    """A short unknown acronym with no cue, definition or claim (`UQ`, `SAT`, `EE`) is
    an abbreviation of an ordinary phrase far more often than a name."""
    return (
        not acc.in_kb
        and not acc.votes
        and not acc.zh
        and "proposes" not in acc.roles
        and all(_BARE.match(label) for label in acc.labels)
    )


def inherited_type(acc: _Acc, accs: dict[str, _Acc]) -> str | None:
    """`RynnBrain-Nav` (or `Seed-TTS_DiT`) with no cue of its own is typed like the paper's
    `RynnBrain` (`Seed-TTS`); an organisation's name before a hyphen names its product
    (`Seed-TTS` of the Seed team), which is no organisation."""
    if acc.in_kb or acc.votes:
        return None
    for other in accs.values():
        if other is not acc and acc.name.startswith((other.name + "-", other.name + "_")):
            etype = other.kb_type or leading(other.votes or other.types)
            if etype is not None and etype != "Organization":
                return etype
    return None


def _family_name(name: str) -> str:
    """'Qwen2.5-VL-7B-Instruct' -> 'Qwen2.5-VL' (the text before the size part)."""
    parts = _WORD_SEP_KEPT.split(name)
    out: list[str] = []
    for i, p in enumerate(parts):
        if i > 0 and i % 2 == 0 and is_size(p):
            break
        out.append(p)
    return "".join(out).rstrip(" -")


def _title_phrase(acc: _Acc, etype: str, st: PaperState) -> bool:
    """A name met only in the title after its head (or its first word, without a colon) is
    the title's capitalised wording (`… with Latent Diffusion`, `… of RL-Finetuned VLMs`,
    `Models Excel at …`, `GPU-Parallel Simulation`), not a named thing: the body never names
    it. Known methods are the exception (`… via Activation Steering`): titles name
    techniques."""
    if acc.in_kb and etype not in ("Model", "Dataset", "Software"):
        return False
    if any(st.sents[i].section != "title" for i in acc.evidence):
        return False
    title = st.sents[min(acc.evidence)]
    colon = st.text.find(": ", title.start, title.end)
    # Without a colon the title's first word may still be the name (`Foo Does Bar`).
    head_end = colon if colon >= 0 else title.start
    return all(start > head_end for start, _ in acc.spans)


def _evidence(paper: PaperRecord, s: Sentence) -> Evidence:
    return Evidence(paper.source, s.line, s.section, s.evidence)


def _relation_order(r: Relation) -> tuple[str, str, str, int]:
    return (r.subject, r.predicate, r.object, r.evidence.line if r.evidence else 0)


def _stated_relations(
    st: PaperState,
    paper: PaperRecord,
    cands: list[Cand],
    accs: dict[str, _Acc],
    route: dict[str, str],
    final: dict[str, str],
) -> list[Relation]:
    """The relations the text states between the paper's entities (`kg.extract.relations`)."""
    mentions = []
    keys = []
    for c in cands:
        key, _ = _canonical(c)
        key = route.get(key, key)
        keys.append(route.get(key, key))
    # the name the title gives is the paper's own even when the knowledge base knows it
    # (`Geo4D: …`): the subject of the relations no other name states
    titled = {k for c, k in zip(cands, keys, strict=True) if c.origin == "title" and not c.dropped}
    for c, key in zip(cands, keys, strict=True):
        acc = accs.get(key)
        if acc is None or key not in final:
            continue
        own = "proposes" in acc.roles and (not acc.in_kb or key in titled)
        mentions.append(Mention(key, final[key], c.start, c.end, c.sent, own, acc.in_kb))
    return [
        Relation(r.subject, r.predicate, r.object, _evidence(paper, st.sents[r.sent]))
        for r in stated_relations(st.text, st.sents, mentions)
    ]


def _built_on(mentions: list[EntityMention], stated: list[Relation]) -> list[EntityMention]:
    """What the paper's own model or method is fine-tuned from, distilled from, trained on or
    based on, the paper uses (`以 Qwen3-8B 为基座`, `训练数据：A、B 与 C`)."""
    by_key = {m.key: m for m in mentions}
    base = {
        r.object
        for r in stated
        if (s := by_key.get(r.subject)) is not None and "proposes" in s.roles
    }
    out = []
    for m in mentions:
        if m.key in base and "proposes" not in m.roles and m.etype != "Metric":
            m = replace(m, roles=tuple(sorted({*m.roles, "uses"})))
        out.append(m)
    return out
