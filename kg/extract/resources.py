"""Loading of the extractor's data files: knowledge base, cue words, name shapes, field tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import UserError
from kg.extract.regex_guards import first_solid, last_solid
from kg.keys import entity_key, field_key, glued_key
from kg.model import ENTITY_TYPES, STATED_RELATIONS, Area
from kg.paths import ONTOLOGY_DIR, PACKAGE_DIR

KB_DIR = ONTOLOGY_DIR / "kb"
PATTERNS_DIR = PACKAGE_DIR / "extract" / "patterns"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")  # one Chinese character
_KB_FILES: dict[str, str] = {
    "model.tsv": "Model",
    "dataset.tsv": "Dataset",
    "hardware.tsv": "Hardware",
    "method.tsv": "Method",
    "metric.tsv": "Metric",
    "software.tsv": "Software",
    "organization.tsv": "Organization",
}


def has_cjk(text: str) -> bool:
    # isascii() reads a flag of the string: most texts asked about are Latin names
    return not text.isascii() and CJK.search(text) is not None


def cjk_count(text: str) -> int:
    """How many Chinese characters the text holds (Latin words and spaces not counted)."""
    return 0 if text.isascii() else len(CJK.findall(text))


# Where Chinese meets a Latin letter or digit inside a Chinese alias, with or without a space.
_SCRIPT_GAP = re.compile(
    r"(?<=[\u3400-\u9fff]) ?(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) ?(?=[\u3400-\u9fff])"
)


# Python's re tries an alternation branch by branch, and pays most for a branch or a set that
# opens with a lookaround. So the finder's pattern opens with the sets of the names' first
# and second characters (re skips to where the first set matches in a fast loop, and most
# places fail one of the two sets), then looks back to the first character and takes the
# group of first characters it is in, each group a set that rejects the character in one
# cheap test and then a prefix tree of the group's names (about half the instructions of
# guarded groups tried in turn, callgrind).
_TRIE_GROUP = 64


def _prefix_tree(words: Iterable[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _tree_pattern(node: dict[str, dict]) -> str:
    """The longest word below `node` at a place: greedy, each branch opened by its character."""
    alts = [re.escape(ch) + _tree_pattern(node[ch]) for ch in sorted(ch for ch in node if ch)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _charset(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


class NameFinder:
    """Where a text names any of `words`: at each place the longest, from the start of the
    text, skipping what a name took; what `re.finditer` of their alternation (longest first)
    finds."""

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in words if w]
        root = _prefix_tree(words)
        firsts = sorted(ch for ch in root if ch)
        groups = []
        for k in range(0, len(firsts), _TRIE_GROUP):
            part = firsts[k : k + _TRIE_GROUP]
            names = "|".join(re.escape(ch) + _tree_pattern(root[ch]) for ch in part)
            # The name is captured from inside the lookahead: m.lastindex says which group.
            groups.append(f"{_charset(part)}(?<=(?=({names})).)")
        if not words:
            self._re = re.compile("(?!)")
            return
        head, width = _charset(firsts), "."
        if min(map(len, words)) >= 2:
            # The second set rejects about half the places the first lets through.
            head, width = head + _charset(sorted({w[1] for w in words})), ".."
        self._re = re.compile(f"{head}(?<=(?=(?:{'|'.join(groups)})){width})", re.S)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each name, in text order."""
        # Searched again from each name's end: a match is the name's first characters only.
        search = self._re.search
        pos = 0
        while (m := search(text, pos)) is not None:
            group = m.lastindex
            start, pos = m.span(group)
            yield start, pos, m.group(group)

    def search(self, text: str) -> bool:
        """Whether the text names any of the words."""
        return self._re.search(text) is not None


def is_stop(res: Resources, text: str) -> bool:
    """A stop term: `VLLM` (a vision LLM) is one, the engine `vLLM` is not."""
    key = entity_key(text)
    return key in res.stop and (key not in res.stop_caps or text.isupper())


def zh_ending(res: Resources, zh: str) -> tuple[str, str] | None:
    """The longest listed ending of a Chinese term and the type it says (or `reject`):
    `…注意力` a method, `…率` a measure (gloss_cues.tsv, kind zh_suffix)."""
    # Only the endings of its last character are tried: a term is looked up many times a paper.
    return next((p for p in res.zh_suffix_last.get(zh[-1:], ()) if zh.endswith(p[0])), None)


def is_stop_unit(res: Resources, text: str) -> bool:
    """A stop term only right after a number (`24 FPS`), a name elsewhere (`吞吐量（FPS）`)."""
    return entity_key(text) in res.stop_units


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One curated entity: canonical name, type and every known spelling."""

    key: str
    name: str
    etype: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    word: str
    side: str  # "before" / "after" the name, "clause", or "word" (a role cue's mask)
    value: str  # entity type or role
    weight: int = 1


@dataclass(frozen=True, slots=True)
class RelationCue:
    """A row of `relation_cues.tsv`: the text before and after an object that states a relation."""

    predicate: str
    before: re.Pattern[str]
    after: re.Pattern[str]
    subject: str  # near, after, own or heading: where the subject is (relation_cues.tsv)
    # The first non-space character the text after an object needs for `after` to match, and
    # the last one the text before it needs for `before` (regex_guards; None: any)
    after_first: frozenset[str] | None = None
    before_last: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the pipeline reads from data files, loaded once."""

    kb: dict[str, KBEntry]  # entity key -> entry
    kb_alias: dict[str, KBEntry]  # key of any Latin-script spelling -> entry
    kb_zh: dict[str, KBEntry]  # Chinese alias -> entry
    kb_exact_case: frozenset[str]  # all-caps spellings that must match case exactly
    stop: frozenset[str]  # entity keys that are never entities on their own
    stop_caps: frozenset[str]  # keys of stop terms that stop only their all-capital spelling
    stop_units: frozenset[str]  # keys of stop terms that stop only right after a number
    stop_categories: frozenset[str]  # keys of stop terms noted `category` (LLM, VLM, Video LLM)
    stop_generic: frozenset[str]  # keys of stop terms noted `generic` (VAE, ViT, Transformer)
    homonyms: dict[str, KBEntry]  # key of a KB spelling -> the entry of its other sense
    # key of a KB spelling -> the words of its other sense's topic (`GQA`: `注意力`, `KV`)
    homonym_topics: dict[str, re.Pattern[str]]
    type_cues: tuple[Cue, ...]
    role_cues: tuple[Cue, ...]
    relation_cues: tuple[RelationCue, ...]
    suffixes: tuple[tuple[str, str, str], ...]  # (affix, suffix|infix, type), longest first
    variant_words: frozenset[str]
    lowercase_tails: frozenset[str]
    plain_modifiers: frozenset[str]  # words before a known name that do not extend it
    org_words: frozenset[str]  # words after an organisation's name that keep it one
    metric_aggregates: frozenset[str]  # `RMSE` of `ATE RMSE`: a measure of the acronym before
    compare_re: re.Pattern[str]  # `优于`, `相比`: a clause about another's entity (relations)
    hardware_re: re.Pattern[str]  # name grammars of hardware families (`Pixel 9 Pro`, `Xeon`)
    metric_heads: dict[str, str]  # Chinese measure noun after a Latin name -> English word
    head_types: dict[str, str]  # that noun -> type of the named thing (Metric unless told)
    title_cues: dict[str, str]  # English title word -> type of the name before the colon
    title_lead: frozenset[str]  # title words that decide when they open the phrase (Evaluating)
    title_openers: frozenset[str]  # first words of a title head that is a phrase (Beyond)
    areas: tuple[Area, ...]
    # (lowercased keyword, area key); an English word as a pattern that must start a word
    area_rules: tuple[tuple[str | re.Pattern[str], str], ...]
    area_keywords: tuple[str, ...]  # the keyword each rule needs in the names, by rule
    area_tree: dict  # those keywords as a tree of characters (`keyword_tree`)
    field_syn: dict[str, tuple[str, str]]  # normalized spelling -> (canonical en, zh)
    zh_names: NameFinder | None  # every Chinese KB alias, longest first
    zh_suffix_type: tuple[tuple[str, str], ...]  # gloss: Chinese term ending -> type/reject
    zh_suffix_last: dict[str, tuple[tuple[str, str], ...]]  # those endings by last character
    gloss_after_reject: tuple[str, ...]  # words right after a gloss that make it no name
    gloss_en_reject: frozenset[str]  # last English words of concepts, not names
    gloss_en_type: dict[str, str]  # last English word of a title-cased gloss -> type
    gloss_en_coined: dict[str, str]  # rejected last word -> type, when a coined word qualifies it
    gloss_en_role: dict[str, str]  # rejected last word -> Chinese ending that makes it a role
    gloss_en_generic: frozenset[str]  # first words that only name a modality (`Visual`)
    category_zh: tuple[str, ...]  # Chinese category endings (多智能体系统)
    light_verbs: frozenset[str]  # verbs before a Chinese term, not part of it
    setting_zh: tuple[str, ...]  # endings of a `Name（中文）` note that says how it was used
    kind_zh: tuple[str, ...]  # nouns that, with two characters or fewer before, only give a kind
    # The relation stage's cue tables by object types and heading, filled as it meets them:
    # built once per process with the cues they come from (not an init argument, so a
    # `dataclasses.replace` with other cues starts empty)
    relation_tables: dict = field(default_factory=dict, init=False, compare=False, repr=False)


def _rows(path: Path, min_cols: int) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UserError(f"{path}: cannot read data file ({e.strerror})") from e
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < min_cols or not cols[0].strip():
            raise UserError(f"{path}:{number}: expected {min_cols} tab-separated columns")
        yield number, [c.strip() for c in cols]


def _homonyms(
    kb: dict[str, KBEntry], kb_alias: dict[str, KBEntry]
) -> tuple[dict[str, KBEntry], dict[str, re.Pattern[str]]]:
    """`homonyms.tsv`: a KB spelling with a second sense, itself a KB entry of another type,
    and the words of that sense's topic."""
    path = KB_DIR / "homonyms.tsv"
    out: dict[str, KBEntry] = {}
    topics: dict[str, re.Pattern[str]] = {}
    for number, cols in _rows(path, 2):
        first, other = kb_alias.get(entity_key(cols[0])), kb.get(entity_key(cols[1]))
        if first is None or other is None or first.etype == other.etype:
            raise UserError(
                f"{path}:{number}: expected a known spelling and a known name of another type"
            )
        out[entity_key(cols[0])] = other
        words = [w.strip() for w in (cols[2] if len(cols) > 2 else "").split("|") if w.strip()]
        if words:
            topics[entity_key(cols[0])] = _topic_pattern(words)
    return out, topics


def _topic_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of the words; a Latin one only as a whole word (`KV`, not the `KV` of `KVQuant`)."""
    alts = [
        rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" if w.isascii() else re.escape(w)
        for w in sorted(words, key=lambda w: (-len(w), w))
    ]
    return re.compile("|".join(alts))


_YEAR_END = re.compile(r"^(.*[a-z])-?20([012]\d)$")
# a version glued to a word of two or more letters: `seed1.6`, `rtx4090` (not `h100`, `-v3`)
_GLUED_VERSION = re.compile(r"(?<=[a-z]{2})(?=\d)")
_VERSIONED = frozenset({"Model", "Hardware", "Software"})


def _load_kb() -> tuple[dict[str, KBEntry], dict[str, KBEntry], dict[str, KBEntry], frozenset[str]]:
    kb: dict[str, KBEntry] = {}
    alias: dict[str, KBEntry] = {}
    zh: dict[str, KBEntry] = {}
    exact: set[str] = set()
    for filename, etype in _KB_FILES.items():
        assert etype in ENTITY_TYPES
        path = KB_DIR / filename
        for number, cols in _rows(path, 1):
            name = cols[0]
            spellings = [a.strip() for a in (cols[1] if len(cols) > 1 else "").split("|")]
            spellings = [a for a in spellings if a]
            key = entity_key(name)
            if key in kb:
                raise UserError(f"{path}:{number}: duplicate knowledge-base entry {name!r}")
            entry = KBEntry(key, name, etype, tuple(spellings))
            kb[key] = entry
            for s in [name, *spellings]:
                if has_cjk(s):
                    # `腾讯AI Lab` is written `腾讯 AI Lab` as often: a space where the script
                    # changes is spelling
                    for form in (s, _SCRIPT_GAP.sub("", s), _SCRIPT_GAP.sub(" ", s)):
                        zh.setdefault(form, entry)
                    continue
                owner = alias.setdefault(entity_key(s), entry)
                if owner is not entry:
                    # One spelling for two entries would type every mention of it by file order.
                    raise UserError(
                        f"{path}:{number}: {s!r} of {name!r} is already a spelling of {owner.name!r}"
                    )
                letters = [c for c in s if c.isalpha()]
                if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
                    exact.add(s)
    # `Phi3` for `Phi-3`, `Qwen2.5VL` for `Qwen2.5-VL`: a spelling with letters and digits
    # glued finds the entry too, unless two entries would share it.
    # `AIME'24` for `AIME 2024`: a benchmark's year cut to two digits after an apostrophe
    # (not the `2060` of `RTX 2060`).
    loose: dict[str, KBEntry | None] = {}
    for key, entry in alias.items():
        shorts = [glued_key(key)]
        if entry.etype in _VERSIONED:
            # ... and `Seed-1.6` finds `Seed1.6`: a hyphen before a version is spelling too
            # (but `Structured 3D` in a title is not the Structured3D data)
            shorts.append(_GLUED_VERSION.sub("-", key))
        if entry.etype == "Dataset" and (year := _YEAR_END.match(key)):
            shorts.append(f"{year[1]}'{year[2]}")
        for short in shorts:
            if short != key and short not in alias:
                loose[short] = entry if loose.get(short, entry) is entry else None
    alias.update((k, e) for k, e in loose.items() if e is not None)
    return kb, alias, zh, frozenset(exact)


def _load_areas() -> tuple[Area, ...]:
    areas = []
    for _, cols in _rows(ONTOLOGY_DIR / "fields.areas.tsv", 2):
        en, zh = cols[0], cols[1]
        areas.append(Area(key=field_key(zh, en), zh=zh, en=en))
    return tuple(areas)


def norm_field(text: str) -> str:
    """Spelling-insensitive form of a field name for synonym lookup."""
    return re.sub(r"[\s\-_]+", "", text).casefold()


def _relation_cues() -> Iterator[RelationCue]:
    path = PATTERNS_DIR / "relation_cues.tsv"
    for number, cols in _rows(path, 4):
        predicate, before, after, subject = (c.strip() for c in cols[:4])
        if predicate not in STATED_RELATIONS:
            raise UserError(f"{path}:{number}: unknown relation {predicate!r}")
        if subject not in ("near", "after", "own", "heading"):
            raise UserError(
                f"{path}:{number}: subject must be near, after, own or heading, not {subject!r}"
            )
        try:
            before_re, after_re = re.compile(before or r"$"), re.compile(after or r"")
        except re.error as e:
            raise UserError(f"{path}:{number}: bad regular expression ({e})") from None
        yield RelationCue(
            predicate, before_re, after_re, subject, first_solid(after_re), last_solid(before_re)
        )


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """An English area keyword as a word's start: `ai` is not in `air`; an acronym is a whole
    word (`gui` is not in `guidance`), plural allowed (`gpus`). The letter before the keyword
    is tested after it: a pattern opening with a literal is searched by a fast scan, one
    opening with a lookbehind is tried at every character of the field's name."""
    word = re.escape(keyword)
    end = r"s?(?![a-z])" if len(keyword) <= 3 else ""
    return re.compile(rf"{word}(?<![a-z]{word}){end}")


def keyword_tree(keywords: Iterable[str]) -> dict:
    """Keywords as a tree of characters; key "" of a node holds the places of the keywords
    that end there."""
    tree: dict = {}
    for k, keyword in enumerate(keywords):
        node = tree
        for ch in keyword:
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(k)
    return tree


@lru_cache(maxsize=1)
def resources() -> Resources:
    kb, kb_alias, kb_zh, exact = _load_kb()
    homonyms, homonym_topics = _homonyms(kb, kb_alias)
    stop_rows = [c for _, c in _rows(KB_DIR / "stoplist.tsv", 1)]
    stop_terms = [c[0] for c in stop_rows]
    stop = frozenset(entity_key(t) for t in stop_terms)
    # An all-capital stop term that is also a KB name in other case (`VLLM`, `vLLM`) stops
    # only its own spelling.
    stop_caps = frozenset(
        entity_key(t) for t in stop_terms if t.isupper() and entity_key(t) in kb_alias
    )
    stop_units = frozenset(entity_key(c[0]) for c in stop_rows if c[1:2] == ["unit after a number"])
    stop_categories = frozenset(entity_key(c[0]) for c in stop_rows if c[1:2] == ["category"])
    stop_generic = frozenset(entity_key(c[0]) for c in stop_rows if c[1:2] == ["generic"])
    type_cues = tuple(
        Cue(c[0], c[1], c[2], int(c[3]) if len(c) > 3 else 1)
        for _, c in _rows(PATTERNS_DIR / "type_cues.tsv", 3)
    )
    role_cues = tuple(Cue(c[0], c[2], c[1]) for _, c in _rows(PATTERNS_DIR / "role_cues.tsv", 3))
    relation_cues = tuple(_relation_cues())
    suffixes = tuple(
        sorted(
            ((c[0], c[1], c[2]) for _, c in _rows(PATTERNS_DIR / "name_affixes.tsv", 3)),
            key=lambda p: -len(p[0]),
        )
    )
    variants = frozenset(c[0] for _, c in _rows(PATTERNS_DIR / "variant_words.txt", 1))
    tails = frozenset(c[0] for _, c in _rows(PATTERNS_DIR / "lowercase_suffixes.txt", 1))
    plain = frozenset(c[0] for _, c in _rows(PATTERNS_DIR / "plain_modifiers.txt", 1))
    org_words = frozenset(c[0] for _, c in _rows(PATTERNS_DIR / "org_words.txt", 1))
    aggregates = frozenset(c[0] for _, c in _rows(PATTERNS_DIR / "metric_aggregates.txt", 1))
    compare = [c[0] for _, c in _rows(PATTERNS_DIR / "compare_words.txt", 1)]
    compare_re = re.compile("|".join(map(re.escape, sorted(compare, key=len, reverse=True))))
    grammars = [c[0] for _, c in _rows(PATTERNS_DIR / "hardware_names.txt", 1)]
    # Whole words only: not the `Pixel 8` of `Pixel 8B`, nor a prefix of `TPU v5e-8x`.
    hardware_re = re.compile(
        r"(?<![\w.\-])(?:" + "|".join(f"(?:{g})" for g in grammars) + r")(?![\w\-+]|\.\d)"
    )
    head_rows = [c for _, c in _rows(PATTERNS_DIR / "metric_heads.tsv", 2)]
    metric_heads = {c[0]: c[1] for c in head_rows}
    head_types = {c[0]: c[2] if len(c) > 2 else "Metric" for c in head_rows}
    title_rows = [c for _, c in _rows(PATTERNS_DIR / "title_cues.tsv", 2)]
    title_cues = {c[0]: c[1] for c in title_rows}
    title_lead = frozenset(c[0] for c in title_rows if len(c) > 2 and c[2] == "lead")
    openers = frozenset(c[0] for _, c in _rows(PATTERNS_DIR / "title_openers.txt", 1))
    areas = _load_areas()
    by_en = {a.en: a.key for a in areas}
    rules: list[tuple[str | re.Pattern[str], str]] = []
    keywords: list[str] = []
    for number, cols in _rows(ONTOLOGY_DIR / "fields.keywords.tsv", 2):
        if cols[1] not in by_en:
            raise UserError(f"fields.keywords.tsv:{number}: unknown area {cols[1]!r}")
        keyword = cols[0].casefold()
        if keyword.isascii() and keyword.isalnum():
            rules.append((keyword_pattern(keyword), by_en[cols[1]]))
        else:
            rules.append((keyword, by_en[cols[1]]))
        keywords.append(keyword)
    syn: dict[str, tuple[str, str]] = {}
    for _, cols in _rows(ONTOLOGY_DIR / "fields.synonyms.tsv", 2):
        en, zh = cols[0], cols[1]
        others = cols[2].split("|") if len(cols) > 2 and cols[2] else []
        for s in [en, zh, *others]:
            syn.setdefault(norm_field(s), (en, zh))
    gloss = [c for _, c in _rows(PATTERNS_DIR / "gloss_cues.tsv", 3)]
    # Ordinary words that hold a short Chinese name (`可灵活` holds 可灵, `高通滤波` 高通) are
    # found with the names, longest first, so that they are not read as the name.
    zh_words = [t for t in stop_terms if has_cjk(t)]
    zh_names = NameFinder([*kb_zh, *zh_words]) if kb_zh else None
    zh_suffix_type = tuple(
        sorted(((w, v) for w, k, v in gloss if k == "zh_suffix"), key=lambda p: -len(p[0]))
    )
    zh_suffix_last: dict[str, tuple[tuple[str, str], ...]] = {}
    for p in zh_suffix_type:
        zh_suffix_last[p[0][-1]] = (*zh_suffix_last.get(p[0][-1], ()), p)
    return Resources(
        zh_names=zh_names,
        zh_suffix_type=zh_suffix_type,
        zh_suffix_last=zh_suffix_last,
        gloss_after_reject=tuple(w for w, k, _ in gloss if k == "after"),
        gloss_en_reject=frozenset(w for w, k, v in gloss if k == "en_last" and v == "reject"),
        gloss_en_type={w: v for w, k, v in gloss if k == "en_last" and v != "reject"},
        gloss_en_coined={w: v for w, k, v in gloss if k == "coined"},
        gloss_en_role={w: v for w, k, v in gloss if k == "role"},
        gloss_en_generic=frozenset(w for w, k, _ in gloss if k == "en_first"),
        category_zh=tuple(w for w, k, _ in gloss if k == "category"),
        light_verbs=frozenset({""} | {w for w, k, _ in gloss if k == "light_verb"}),
        setting_zh=tuple(w for w, k, _ in gloss if k == "setting"),
        kind_zh=tuple(w for w, k, _ in gloss if k == "kind"),
        kb=kb,
        kb_alias=kb_alias,
        kb_zh=kb_zh,
        homonyms=homonyms,
        homonym_topics=homonym_topics,
        kb_exact_case=exact,
        stop=stop,
        stop_caps=stop_caps,
        stop_units=stop_units,
        stop_categories=stop_categories,
        stop_generic=stop_generic,
        type_cues=type_cues,
        role_cues=role_cues,
        relation_cues=relation_cues,
        suffixes=suffixes,
        variant_words=variants,
        lowercase_tails=tails,
        plain_modifiers=plain,
        org_words=org_words,
        metric_aggregates=aggregates,
        compare_re=compare_re,
        hardware_re=hardware_re,
        metric_heads=metric_heads,
        head_types=head_types,
        title_cues=title_cues,
        title_lead=title_lead,
        title_openers=openers,
        areas=areas,
        area_rules=tuple(rules),
        area_keywords=tuple(keywords),
        area_tree=keyword_tree(keywords),
        field_syn=syn,
    )
