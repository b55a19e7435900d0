"""Cross-paper identity: entity and field keys that different papers give one thing."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace

from kg.keys import spelling_key
from kg.model import PaperExtraction


def vote(counter: Counter[str]) -> str:
    """Most common value; ties go to the alphabetically first so the result is stable."""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# Types a reader takes one for the other: a model, the method it embodies, the software
# that ships it. Datasets and metrics are other things even when spelled alike.
_MERGE_GROUP = {"Method": "Model", "Software": "Model", "Benchmark": "Dataset"}


def sense(etype: str) -> str:
    """The kind of thing a type names: Model for a model, method or software, Dataset for a
    dataset or benchmark, else the type itself."""
    return _MERGE_GROUP.get(etype, etype)


def entity_merges(extractions: Sequence[PaperExtraction]) -> dict[str, str]:
    """Entity keys that differ only in hyphens between papers (`NExT-QA`, `NExTQA`;
    `WikiText-2`, `WikiText2`): key -> the key to use, a knowledge-base name's if one is,
    else the one more papers wrote."""
    uses: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    known: set[str] = set()
    for ex in extractions:
        for m in ex.entities:
            uses[m.key] += 1
            types[m.key][sense(m.etype)] += 1
            if m.in_kb:
                known.add(m.key)
    spellings: dict[str, list[str]] = defaultdict(list)
    for key in sorted(uses):
        spellings[spelling_key(key)].append(key)
    out: dict[str, str] = {}
    for keys in spellings.values():
        if len(keys) > 1:
            best = min(keys, key=lambda k: (k not in known, -uses[k], k))
            kind = vote(types[best])
            # `SafeRLHF` the dataset is not `Safe RLHF` the method; two knowledge-base
            # entries are two things (`VITS` the speech model, `ViT-S` the vision encoder)
            out.update(
                (k, best) for k in keys if k != best and vote(types[k]) == kind and k not in known
            )
    return out


def renamed(
    ex: PaperExtraction, same_entity: dict[str, str], same_field: dict[str, str]
) -> PaperExtraction:
    """The extraction with entity keys (mentions, families, relation ends) and field keys
    (fields and their parents) renamed."""

    def key(same: dict[str, str], k: str | None) -> str | None:
        return same.get(k, k) if k else k

    def ent(k: str | None) -> str | None:
        return key(same_entity, k)

    def fld(k: str | None) -> str | None:
        return key(same_field, k)

    entities = tuple(
        replace(m, key=ent(m.key), family=ent(m.family))
        if m.key in same_entity or m.family in same_entity
        else m
        for m in ex.entities
    )
    relations = tuple(
        replace(r, subject=ent(r.subject), object=ent(r.object))
        if r.subject in same_entity or r.object in same_entity
        else r
        for r in ex.relations
    )
    fields = tuple(
        replace(f, key=fld(f.key), parent=fld(f.parent))
        if f.key in same_field or f.parent in same_field
        else f
        for f in ex.fields
    )
    return replace(ex, entities=entities, fields=fields, relations=relations)


def field_merges(
    extractions: Sequence[PaperExtraction], roots: Collection[str] = ()
) -> dict[str, str]:
    """Field keys another paper names the same field under: key -> the key to use.

    A field written only in Chinese (`软件工程`) joins the field another paper wrote with the
    same Chinese and an English name (`软件工程 (Software Engineering)`), the most frequent one
    if several; an English plural joins its singular (`Digital Humans`, `Digital Human`),
    whichever more papers use. Fields named in English are never merged with each other
    otherwise: two English names are the authors' two fields. A root (a top-level area)
    is never merged into another field."""
    named: dict[str, Counter[str]] = defaultdict(Counter)  # Chinese name -> English-keyed fields
    uses: Counter[str] = Counter()
    zh_only: dict[str, str] = {}  # key of a Chinese-only field -> its Chinese name
    for ex in extractions:
        for f in ex.fields:
            uses[f.key] += 1
            if f.en and f.zh:
                named[_zh_name(f.zh)][f.key] += 1
            elif f.zh and not f.en:
                zh_only[f.key] = _zh_name(f.zh)
    out: dict[str, str] = {}
    for key in sorted(uses):
        singular = key[:-1]
        if key.endswith("s") and not key.endswith("ss") and singular in uses:
            a, b = sorted((key, singular), key=lambda k: (k not in roots, -uses[k], len(k)))
            if b not in roots:
                out[b] = a
    for key, zh in zh_only.items():
        ranked = named.get(zh)
        if ranked and key not in ranked and key not in roots:
            best = vote(ranked)
            out[key] = out.get(best, best)
    return out


def _zh_name(zh: str) -> str:
    return "".join(zh.split())
