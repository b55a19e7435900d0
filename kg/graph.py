"""Merge parsed papers and their extractions into one canonical networkx graph."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence

import networkx as nx

from kg.iri import entity_iri, field_iri, paper_iri
from kg.merge import entity_merges, field_merges, renamed, sense, vote
from kg.model import (
    Alias,
    Area,
    EntityMention,
    Evidence,
    FieldMention,
    PaperExtraction,
    PaperRecord,
    Relation,
)


def _entity_type(types: Counter[str]) -> str:
    """Majority type, Benchmark counted as Dataset; a Dataset used to evaluate is a Benchmark."""
    merged = Counter("Dataset" if t == "Benchmark" else t for t in types.elements())
    winner = vote(merged)
    if winner == "Dataset" and types["Benchmark"]:
        return "Benchmark"
    return winner


def _senses(extractions: Sequence[PaperExtraction]) -> dict[str, dict[str, str]]:
    """Per entity key, the sense each sense of its mentions goes to, and under "" its
    commonest sense.

    Papers that each propose a name as a different kind of thing (`TRACE` a benchmark in
    one, a model in another) name different things: each proposed sense is a node of its
    own, and so is a sense tied in the vote with the one a paper proposes, or one a paper
    proposes under a spelling that differs from the others' only in letter case (`Comet`,
    `COMET`). Elsewhere a name is one node, typed by the vote of its papers, so one paper's
    mistyping does not split it."""
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    guessed: dict[str, Counter[str]] = defaultdict(Counter)
    proposed: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)  # proposed, typed by no cue
    spelled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ex in extractions:
        for m in ex.entities:
            (guessed if m.guessed else typed)[m.key][sense(m.etype)] += 1
            spelled[m.key, sense(m.etype)].add(m.name)
            if "proposes" in m.roles:
                (named if m.guessed else proposed)[m.key].add(sense(m.etype))
    out: dict[str, dict[str, str]] = {}
    for key in typed.keys() | guessed.keys():
        votes = typed.get(key) or guessed[key]
        top = vote(votes)
        own = proposed.get(key, set())
        tied = {s for s, n in votes.items() if n == votes[top]}
        coined = own or named.get(key, set())
        mine = next(iter(coined)) if len(coined) == 1 else None
        if mine is not None and _cased_apart(spelled, key, mine, votes):
            # `Comet` the system one paper proposes, `COMET` the measure others report:
            # spelled in another letter case, the proposed thing is a node of its own
            top = vote(Counter({s: n for s, n in votes.items() if s != mine}))
            out[key] = {s: mine if s == mine else top for s in votes.keys() | guessed[key].keys()}
        elif len(own) == 1 and len(tied) > 1 and own <= tied:
            # `Hammer` the model one paper proposes, `HAMMER` a benchmark another runs: with
            # no majority, the proposed sense and each sense tied with it are things of their
            # own, the proposed one the commonest
            top = next(iter(own))
            out[key] = {s: s if s in tied else top for s in votes.keys() | guessed[key].keys()}
        elif len(own) > 1:
            top = vote(Counter({s: n for s, n in votes.items() if s in own}))
            out[key] = {s: s if s in own else top for s in votes.keys() | guessed[key].keys()}
        else:
            out[key] = dict.fromkeys(votes.keys() | guessed[key].keys(), top)
        out[key][""] = top
    return out


def _cased_apart(
    spelled: dict[tuple[str, str], set[str]], key: str, proposed: str, votes: Counter[str]
) -> bool:
    """Whether the proposed sense's names differ from every other sense's only in letter case
    (`Comet` and `COMET`), no spelling shared."""
    mine = spelled[key, proposed]
    folded = {n.casefold() for n in mine}
    others = [s for s in votes if s != proposed]
    return bool(others) and all(
        not mine & spelled[key, s] and folded & {n.casefold() for n in spelled[key, s]}
        for s in others
    )


def _paper_nodes(records: Sequence[PaperRecord]) -> dict[str, dict]:
    by_id: dict[str, list[PaperRecord]] = defaultdict(list)
    for r in records:
        by_id[r.arxiv_id].append(r)
    nodes = {}
    for arxiv_id, recs in by_id.items():
        recs = sorted(recs, key=lambda r: (r.failed, r.date or "", r.source, r.line))
        first = recs[0]
        nodes[paper_iri(arxiv_id)] = {
            "kind": "Paper",
            "label": first.title,
            "arxiv_id": arxiv_id,
            "title": first.title,
            "url": first.url,
            "dates": tuple(sorted({r.date for r in recs if r.date})),
            "sources": tuple(sorted({(r.source, r.line) for r in recs})),
            "read_source": first.read_source,
            # A paper analysed successfully in any report is not failed.
            "failed": all(r.failed for r in recs),
            "error": first.error if all(r.failed for r in recs) else None,
        }
    return nodes


class _EntityAcc:
    """Everything known about one entity key across papers."""

    __slots__ = ("names", "types", "guesses", "aliases", "in_kb", "papers")

    def __init__(self) -> None:
        self.names: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.guesses: Counter[str] = Counter()  # types no cue in their paper chose
        self.aliases: set[Alias] = set()
        self.in_kb = False
        self.papers: set[str] = set()

    def add(self, m: EntityMention, paper: str) -> None:
        self.names[m.name] += 1
        (self.guesses if m.guessed else self.types)[m.etype] += 1
        self.aliases.update(m.aliases)
        self.in_kb |= m.in_kb
        self.papers.add(paper)

    def label(self) -> str:
        return vote(self.names)

    def alias_tuple(self, label: str) -> tuple[Alias, ...]:
        names = {Alias(n) for n in self.names if n != label}
        aliases = {a for a in self.aliases | names if a.text != label and a.text.strip()}
        return tuple(sorted(aliases, key=lambda a: (a.text, a.lang or "")))


def build_graph(
    records: Iterable[PaperRecord],
    extractions: Iterable[PaperExtraction],
    areas: Sequence[Area] = (),
) -> nx.MultiDiGraph:
    """One graph from paper records (possibly repeated across reports) and their extractions."""
    records = list(records)
    extractions = list(extractions)
    papers = _paper_nodes(records)
    same_field = field_merges(extractions, {a.key for a in areas})
    same_entity = entity_merges(extractions)
    if same_entity or same_field:
        extractions = [renamed(ex, same_entity, same_field) for ex in extractions]

    entities: dict[tuple[str, str], _EntityAcc] = defaultdict(_EntityAcc)
    in_paper: dict[tuple[str, str], tuple[str, str]] = {}  # (paper, key) -> its (key, sense)
    links: dict[tuple[str, tuple[str, str]], tuple[set[str], set[Evidence]]] = {}
    fields: dict[str, dict] = {}
    field_names: dict[str, tuple[Counter[str], Counter[str]]] = defaultdict(
        lambda: (Counter(), Counter())
    )
    in_field: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
    broader: set[tuple[str, str]] = set()
    own_area: dict[str, str] = {}  # field -> the area its own names give (first mention)
    relations: list[tuple[str, Relation]] = []  # (IRI of the paper stating it, relation)
    area_keys = {a.key for a in areas}

    senses = _senses(extractions)
    for ex in extractions:
        p = paper_iri(ex.arxiv_id)
        for m in ex.entities:
            node = (m.key, senses[m.key][sense(m.etype)])
            entities[node].add(m, p)
            in_paper[(p, m.key)] = node
            roles, evidence = links.setdefault((p, node), (set(), set()))
            roles.update(r for r in m.roles if r != "mentions")
            evidence.update(m.evidence)
        for f in ex.fields:
            _add_field(f, fields, field_names)
            if f.evidence:
                in_field[(p, f.key)].add(f.evidence)
            else:
                in_field[(p, f.key)]
            # A top-level area is a root even where a report files it under another
            # (`自然语言处理 - 智能体`): a broader area would make the taxonomy a tangle.
            if f.key in area_keys:
                continue
            if f.parent and f.parent != f.key:
                broader.add((f.key, f.parent))
            if f.area in area_keys:
                own_area.setdefault(f.key, f.area)
        relations.extend((p, r) for r in ex.relations)

    broader |= _own_areas(broader, own_area, area_keys)

    G = nx.MultiDiGraph()
    G.graph["areas"] = tuple(sorted(areas, key=lambda a: a.key))

    for a in areas:
        zh, en = field_names[a.key]
        zh[a.zh] += 1_000_000  # the taxonomy's own labels win over labels seen in reports
        en[a.en] += 1_000_000
        fields.setdefault(a.key, {})

    # Entities: one node per key and sense, typed by vote; relation objects nobody mentions
    # get a node.
    kinds: dict[tuple[str, str], str] = {}
    main: dict[str, tuple[str, str]] = {}  # key -> the node of its commonest sense
    nodes: dict[str, dict] = dict(papers)
    for node, acc in entities.items():
        key = node[0]
        # A paper that only defaulted the type (`OccSora 风格的 VAE`) does not outvote one
        # whose text typed it (`相较 OccWorld、OccSora 与 DOME`).
        types = acc.types or acc.guesses
        # the node's sense bounds its type: a tie of the model and a benchmark spelled alike
        # that the sense vote gave to the model is no benchmark
        kind = _entity_type(
            Counter({t: n for t, n in types.items() if sense(t) == node[1]}) or types
        )
        kinds[node] = kind
        if node[1] == senses[key][""]:
            main[key] = node
        label = acc.label()
        nodes[entity_iri(kind, key)] = {
            "kind": kind,
            "label": label,
            "key": key,
            "aliases": acc.alias_tuple(label),
            "support": len(acc.papers),
            "in_kb": acc.in_kb,
        }
    for _p, r in sorted(relations, key=lambda pr: (pr[1].subject, pr[1].predicate, pr[1].object)):
        if r.object in main or r.subject not in main:
            continue
        kind = r.object_type or kinds[main[r.subject]]
        main[r.object] = (r.object, sense(kind))
        kinds[main[r.object]] = kind
        nodes[entity_iri(kind, r.object)] = {
            "kind": kind,
            "label": r.object_name or r.object,
            "key": r.object,
            "aliases": (),
            "support": 0,
            "in_kb": False,
        }

    field_support: Counter[str] = Counter(f for _, f in in_field)
    for key in fields:
        zh, en = field_names[key]
        zh_label = vote(zh) if zh else None
        en_label = vote(en) if en else None
        nodes[field_iri(key)] = {
            "kind": "Field",
            "label": en_label or zh_label or key,
            "key": key,
            "zh": zh_label,
            "en": en_label,
            # the other names papers gave it (`自动化程序修复` beside `自动程序修复`)
            "aliases": tuple(
                sorted(
                    [Alias(t, "zh") for t in zh if t != zh_label]
                    + [Alias(t, "en") for t in en if t != en_label],
                    key=lambda a: (a.lang, a.text),
                )
            ),
            "top": key in area_keys,
            "support": field_support[key],
        }

    for node_id in sorted(nodes):
        G.add_node(node_id, **nodes[node_id])

    edges: list[tuple[str, str, str, dict]] = []
    for (p, node), (roles, evidence) in links.items():
        edges.append(
            (
                p,
                entity_iri(kinds[node], node[0]),
                "mentions",
                {"roles": tuple(sorted(roles)), "evidence": _sorted_evidence(evidence)},
            )
        )
    for (p, key), evidence in in_field.items():
        edges.append((p, field_iri(key), "inField", {"evidence": _sorted_evidence(evidence)}))
    for narrow, wide in broader:
        if wide in fields:
            edges.append((field_iri(narrow), field_iri(wide), "broader", {}))
    # Each sentence stating a relation lies in one paper's block: keep which, for SPARQL.
    rel_evidence: dict[tuple[tuple[str, str], str, tuple[str, str]], dict[Evidence, str]] = (
        defaultdict(dict)
    )
    for p, r in relations:
        if r.subject in main and r.object in main and r.subject != r.object:
            # each end in the sense the stating paper gave it
            s_node = in_paper.get((p, r.subject), main[r.subject])
            o_node = in_paper.get((p, r.object), main[r.object])
            ev = rel_evidence[(s_node, r.predicate, o_node)]
            if r.evidence:
                ev[r.evidence] = p
    for (s, pred, o), ev in rel_evidence.items():
        ordered = _sorted_evidence(ev)
        edges.append(
            (
                entity_iri(kinds[s], s[0]),
                entity_iri(kinds[o], o[0]),
                pred,
                {"evidence": ordered, "papers": tuple(ev[e] for e in ordered)},
            )
        )
    for u, v, rel, data in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
        G.add_edge(u, v, key=rel, rel=rel, **data)
    return G


def _own_areas(
    broader: set[tuple[str, str]], own_area: dict[str, str], roots: Collection[str]
) -> set[tuple[str, str]]:
    """Edges from a field to the area its own names give, where its report-given parents do
    not already lead there: `计算机视觉 - 视频生成` keeps 计算机视觉 as the broader field the
    report (and the guide) says, and adds generative models, where readers look for it."""
    parents: dict[str, list[str]] = defaultdict(list)
    for narrow, wide in sorted(broader):
        parents[narrow].append(wide)
    reached: dict[str, frozenset[str]] = {}

    def reach(key: str, seen: frozenset[str]) -> frozenset[str]:
        if key in reached:
            return reached[key]
        out: set[str] = set()
        for up in parents.get(key, ()):
            if up in roots:
                out.add(up)
            elif up not in seen:  # a cycle of merged fields stops here
                if up in own_area:
                    out.add(own_area[up])
                out |= reach(up, seen | {up})
        reached[key] = frozenset(out)
        return reached[key]

    return {
        (key, area)
        for key, area in sorted(own_area.items())
        if area not in reach(key, frozenset({key}))
    }


def _add_field(
    f: FieldMention,
    fields: dict[str, dict],
    names: dict[str, tuple[Counter[str], Counter[str]]],
) -> None:
    fields.setdefault(f.key, {})
    zh, en = names[f.key]
    if f.zh:
        zh[f.zh] += 1
    if f.en:
        en[f.en] += 1


def _sorted_evidence(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(evidence, key=lambda e: (e.source, e.line, e.section, e.sentence)))
