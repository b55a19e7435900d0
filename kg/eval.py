"""Score the built graph against hand-made gold annotations (precision, recall, F1)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UserError
from kg.eval_areas import (
    AreaScore,
    GraphField,
    format_areas,
    load_areas,
    score_areas,
)
from kg.iri import ONTOLOGY
from kg.keys import arxiv_key, entity_key
from kg.model import ENTITY_TYPES, ROLES, STATED_RELATIONS

if TYPE_CHECKING:
    import rdflib

QUERIES_DIR = Path(__file__).resolve().parent / "eval_queries"

# Benchmark is a Dataset used to evaluate: the guide accepts either, so they score as one type.
_TYPE_GROUP = {"Benchmark": "Dataset"}
GROUP_LABEL = {"Dataset": "Dataset/Benchmark"}
SCORED_TYPES: tuple[str, ...] = tuple(t for t in ENTITY_TYPES if t not in _TYPE_GROUP)
NO_TYPE = "(none)"
# The roles a gold entity can be given; none of them means the paper only mentions it.
SCORED_ROLES: tuple[str, ...] = tuple(r for r in ROLES if r != "mentions")
SCORED_RELATIONS: tuple[str, ...] = STATED_RELATIONS
_ANY_RELATION = "any relation"  # the row that ignores the predicate (direction still counts)

_ENTITY_KEYS = ("name", "type")
_PAPER_KEYS = ("arxiv_id", "entities")


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity of a paper."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    alt_types: tuple[str, ...] = ()
    optional: bool = False
    roles: tuple[str, ...] | None = None  # None: the annotator gave no roles

    @property
    def keys(self) -> frozenset[str]:
        return _keys((self.name, *self.aliases))

    @property
    def accepted_types(self) -> frozenset[str]:
        return frozenset(_group(t) for t in (self.type, *self.alt_types))


@dataclass(frozen=True)
class GoldField:
    """One annotated field of a paper (Chinese and/or English name, other forms as aliases)."""

    zh: str | None
    en: str | None
    aliases: tuple[str, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return _keys(v for v in (self.zh, self.en, *self.aliases) if v)

    @property
    def label(self) -> str:
        return self.en or self.zh or ""


@dataclass(frozen=True)
class GoldRelation:
    """One stated entity-entity relation; subject and object index the paper's entities."""

    subject: int
    predicate: str
    object: int


@dataclass(frozen=True)
class GoldPaper:
    """The annotations of one paper."""

    arxiv_id: str
    entities: tuple[GoldEntity, ...]
    fields: tuple[GoldField, ...]
    relations: tuple[GoldRelation, ...] | None = None  # None: the annotator gave no relations


@dataclass(frozen=True)
class GoldSet:
    """One gold file."""

    path: Path
    papers: tuple[GoldPaper, ...]


@dataclass(frozen=True)
class PredictedEntity:
    """An entity linked to a paper in the graph: its IRI, labels and (grouped) entity types."""

    iri: str
    labels: tuple[str, ...]
    types: tuple[str, ...]
    roles: tuple[str, ...] = ()  # the paper's roles towards it (SCORED_ROLES)

    @property
    def keys(self) -> frozenset[str]:
        return _keys(self.labels)

    @property
    def name(self) -> str:
        return self.labels[0] if self.labels else self.iri

    @property
    def primary_type(self) -> str:
        return self.types[0] if self.types else NO_TYPE


@dataclass(frozen=True)
class PredictedRelation:
    """A relation the graph says the paper's text states, with both ends' labels."""

    subject: frozenset[str]  # keys of the subject's labels
    predicate: str
    object: frozenset[str]
    label: str = ""  # `subject -> object`, canonical names, for the error lists


@dataclass(frozen=True)
class PredictedPaper:
    """What the graph says about one paper."""

    entities: tuple[PredictedEntity, ...]
    fields: tuple[tuple[str, ...], ...]
    relations: tuple[PredictedRelation, ...] = ()


@dataclass(frozen=True)
class Counts:
    """Match counts; precision and recall sides are counted apart so per-type rows stay exact."""

    matched_pred: int = 0
    fp: int = 0
    matched_gold: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched_pred, self.matched_pred + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_gold, self.matched_gold + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.matched_pred + other.matched_pred,
            self.fp + other.fp,
            self.matched_gold + other.matched_gold,
            self.fn + other.fn,
        )


@dataclass(frozen=True)
class ErrorItem:
    """A miss, false positive or type confusion, for the error lists."""

    arxiv_id: str
    name: str
    type: str
    predicted_type: str | None = None


@dataclass(frozen=True)
class FileScore:
    """The scores of one gold file."""

    gold_file: str
    papers: int
    missing_papers: tuple[str, ...]
    gold_entities: int
    optional_entities: int
    predicted_entities: int
    untyped: Counts
    typed: Counts
    untyped_by_type: tuple[tuple[str, Counts], ...]
    typed_by_type: tuple[tuple[str, Counts], ...]
    fields: Counts
    roles: tuple[tuple[str, Counts], ...]  # per role, over matched entities gold gives roles
    relations: tuple[tuple[str, Counts], ...]  # per predicate, over papers gold gives relations
    relation_misses: tuple[ErrorItem, ...]
    relation_false_positives: tuple[ErrorItem, ...]
    misses: tuple[ErrorItem, ...]
    false_positives: tuple[ErrorItem, ...]
    type_errors: tuple[ErrorItem, ...]


@dataclass(frozen=True)
class EvalReport:
    """The scores of every gold file against one graph."""

    graph: str
    files: tuple[FileScore, ...]
    areas: tuple[AreaScore, ...] = ()


def evaluate(
    gold_files: Sequence[Path], graph_path: Path, area_files: Sequence[Path] = ()
) -> EvalReport:
    """Score the graph at graph_path against each gold file and each field-area table."""
    if not gold_files and not area_files:
        raise UserError("give at least one gold file (--gold FILE) or area table (--areas FILE)")
    golds = [load_gold(Path(p)) for p in gold_files]
    area_golds = [(str(p), load_areas(p, taxonomy_area_names())) for p in area_files]
    graph = parse_graph(Path(graph_path))
    predictions = read_predictions(graph) if golds else {}
    fields = read_fields(graph) if area_golds else ()
    return EvalReport(
        graph=str(graph_path),
        files=tuple(score_gold(g, predictions) for g in golds),
        areas=tuple(score_areas(name, rows, fields) for name, rows in area_golds),
    )


def taxonomy_area_names() -> tuple[str, ...]:
    """English names of the taxonomy's top-level areas (what an area table may name)."""
    from kg.extract.fields import taxonomy_areas

    return tuple(a.en for a in taxonomy_areas())


def load_gold(path: Path | str) -> GoldSet:
    """Read and check a gold JSON file; any defect is a UserError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"gold file not found: {path}")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        raise UserError(f"{path}: not UTF-8 text ({e.reason})") from None
    except json.JSONDecodeError as e:
        raise UserError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("papers"), list):
        raise UserError(f"{path}: expected an object with a 'papers' list")
    papers = []
    seen: set[str] = set()
    for i, raw in enumerate(doc["papers"], 1):
        paper = _gold_paper(path, i, raw)
        key = arxiv_key(paper.arxiv_id)
        if key in seen:
            raise UserError(f"{path}: paper #{i}: arxiv_id {paper.arxiv_id} given twice")
        seen.add(key)
        papers.append(paper)
    return GoldSet(path=path, papers=tuple(papers))


def parse_graph(path: Path) -> rdflib.Graph:
    """The built graph, or a UserError naming the file."""
    import rdflib
    from rdflib.util import guess_format

    if not path.exists():
        raise UserError(f"graph not found: {path} (run `kg build` first)")
    graph = rdflib.Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as e:  # rdflib raises many parser-specific exception types
        raise UserError(f"{path}: cannot read the graph as RDF: {e}") from None
    return graph


def read_fields(graph: rdflib.Graph) -> tuple[GraphField, ...]:
    """Every field of the graph with its labels and the top-level areas it reaches."""
    keys: dict[str, str] = {}
    labels: dict[str, set[str]] = defaultdict(set)
    areas: dict[str, set[str]] = defaultdict(set)
    for field, key, label, area in graph.query(_query("areas")):
        keys[str(field)] = str(key)
        labels[str(field)].add(str(label))
        if area is not None:
            areas[str(field)].add(str(area))
    return tuple(
        GraphField(keys[f], frozenset(labels[f]), frozenset(areas[f])) for f in sorted(keys)
    )


def read_predictions(graph: rdflib.Graph) -> dict[str, PredictedPaper]:
    """Per arXiv key, the paper's linked entities, fields and stated relations."""
    papers = {arxiv_key(str(row[0])) for row in graph.query(_query("papers"))}
    links = {(arxiv_key(str(a)), str(e)) for a, e in graph.query(_query("links"))}
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a, e, role in graph.query(_query("roles")):
        roles[(arxiv_key(str(a)), str(e))].add(str(role).removeprefix(ONTOLOGY))
    values: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity, kind, value in graph.query(_query("entities")):
        values[(str(entity), str(kind))].add(str(value))
    entities: dict[str, list[PredictedEntity]] = defaultdict(list)
    for paper, iri in sorted(links):
        labels = _labels(values, iri)
        kinds = {_group(t.removeprefix(ONTOLOGY)) for t in values[(iri, "type")]}
        types = tuple(t for t in SCORED_TYPES if t in kinds)
        entities[paper].append(
            PredictedEntity(iri, labels, types, tuple(sorted(roles[(paper, iri)])))
        )

    stated: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for a, subj, pred, obj in graph.query(_query("relations")):
        predicate = str(pred).removeprefix(ONTOLOGY)
        if predicate in SCORED_RELATIONS:
            stated[arxiv_key(str(a))].add((str(subj), predicate, str(obj)))
    relations = {
        paper: tuple(_predicted_relation(values, s, p, o) for s, p, o in sorted(triples))
        for paper, triples in stated.items()
    }

    field_labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for arxiv_id, field, value in graph.query(_query("fields")):
        field_labels[(arxiv_key(str(arxiv_id)), str(field))].add(str(value))
    fields: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for (paper, _iri), labels in sorted(field_labels.items()):
        fields[paper].append(tuple(sorted(labels)))
    return {
        p: PredictedPaper(
            tuple(entities.get(p, ())), tuple(fields.get(p, ())), relations.get(p, ())
        )
        for p in papers
    }


def _predicted_relation(
    values: Mapping[tuple[str, str], set[str]], subject: str, predicate: str, obj: str
) -> PredictedRelation:
    """A stated relation with its ends' label keys, each end's labels looked up once."""
    s, o = _labels(values, subject), _labels(values, obj)
    label = f"{(s or (subject,))[0]} -> {(o or (obj,))[0]}"
    return PredictedRelation(_keys(s), predicate, _keys(o), label)


def _labels(values: Mapping[tuple[str, str], set[str]], iri: str) -> tuple[str, ...]:
    """rdfs:label first, so the error lists show the canonical name, then the other labels."""
    canonical = sorted(values.get((iri, "label"), ()))
    return (*canonical, *sorted(values.get((iri, "alt"), set()) - set(canonical)))


def score_gold(gold: GoldSet, predictions: Mapping[str, PredictedPaper]) -> FileScore:
    """Score the predictions of the gold file's papers (other papers of the graph are ignored)."""
    tally: Counter[tuple[str, str, str]] = Counter()
    misses: list[ErrorItem] = []
    false_pos: list[ErrorItem] = []
    type_errors: list[ErrorItem] = []
    field_counts = Counter[str]()
    missing: list[str] = []
    n_pred = 0
    empty = PredictedPaper((), ())
    roles: Counter[tuple[str, str]] = Counter()
    relations: Counter[tuple[str, str]] = Counter()
    rel_errors: tuple[list[ErrorItem], list[ErrorItem]] = ([], [])
    for paper in gold.papers:
        key = arxiv_key(paper.arxiv_id)
        if key not in predictions:
            missing.append(paper.arxiv_id)
        pred = predictions.get(key, empty)
        n_pred += len(pred.entities)
        matching = _score_entities(paper, pred.entities, tally, misses, false_pos, type_errors)
        _score_roles(paper, pred.entities, matching, roles)
        _score_fields(paper, pred.fields, field_counts)
        _score_relations(paper, pred.relations, relations, rel_errors)
    gold_entities = [e for p in gold.papers for e in p.entities]
    return FileScore(
        gold_file=gold.path.name,
        papers=len(gold.papers),
        missing_papers=tuple(sorted(missing)),
        gold_entities=sum(1 for e in gold_entities if not e.optional),
        optional_entities=sum(1 for e in gold_entities if e.optional),
        predicted_entities=n_pred,
        untyped=_total(tally, "untyped"),
        typed=_total(tally, "typed"),
        untyped_by_type=_by_type(tally, "untyped"),
        typed_by_type=_by_type(tally, "typed"),
        fields=Counts(
            field_counts["tp"], field_counts["fp"], field_counts["tp"], field_counts["fn"]
        ),
        roles=tuple(
            (r, Counts(roles[(r, "tp")], roles[(r, "fp")], roles[(r, "tp")], roles[(r, "fn")]))
            for r in SCORED_ROLES
        ),
        relations=tuple(
            (
                r,
                Counts(
                    relations[(r, "tp_pred")],
                    relations[(r, "fp")],
                    relations[(r, "tp_gold")],
                    relations[(r, "fn")],
                ),
            )
            for r in (*SCORED_RELATIONS, _ANY_RELATION)
        ),
        relation_misses=tuple(sorted(rel_errors[0], key=_error_order)),
        relation_false_positives=tuple(sorted(rel_errors[1], key=_error_order)),
        misses=tuple(sorted(misses, key=_error_order)),
        false_positives=tuple(sorted(false_pos, key=_error_order)),
        type_errors=tuple(sorted(type_errors, key=_error_order)),
    )


def format_report(report: EvalReport, max_errors: int = 30) -> str:
    """Plain-text report: per-type and overall scores, then the first errors of each kind."""
    lines = [
        f"graph: {report.graph}",
        "Dataset and Benchmark count as the same type. Optional gold entities are neither hits",
        "nor misses, and predictions matching them are left out of the counts.",
    ]
    for score in report.files:
        lines += ["", *_format_file(score, max_errors)]
    if len(report.files) > 1:
        lines += ["", *_format_pooled(report.files)]
    for area_score in report.areas:
        lines += ["", *format_areas(area_score, max_errors)]
    return "\n".join(lines) + "\n"


def _format_pooled(files: Sequence[FileScore]) -> list[str]:
    """All gold files as one set (micro over every paper), and the mean of their typed F1."""
    untyped: dict[str, Counts] = {}
    typed: dict[str, Counts] = {}
    for s in files:
        for t, c in s.untyped_by_type:
            untyped[t] = untyped.get(t, Counts()) + c
        for t, c in s.typed_by_type:
            typed[t] = typed.get(t, Counts()) + c
    mean = sum(s.typed.f1 for s in files) / len(files)
    lines = [
        f"== all {len(files)} gold files pooled: {sum(s.papers for s in files)} papers, "
        f"{sum(s.gold_entities for s in files)} gold entities; mean typed F1 of the files "
        f"{mean:.3f}",
        "",
        _HEAD,
    ]
    for t, c in typed.items():
        lines.append(_row(GROUP_LABEL.get(t, t), untyped.get(t, Counts()), c))
    total_u = sum((s.untyped for s in files), Counts())
    total_t = sum((s.typed for s in files), Counts())
    lines.append(_row("overall (micro)", total_u, total_t))
    f = sum((s.fields for s in files), Counts())
    lines.append(f"{'fields':<18} {_prf(f, 9)}   (tp {f.matched_gold}, fp {f.fp}, fn {f.fn})")
    pooled = [(r, sum((dict(s.roles)[r] for s in files), Counts())) for r in SCORED_ROLES]
    lines += _role_rows(tuple(pooled))
    names = [r for r, _ in files[0].relations] if files else []
    lines += _count_rows(
        "relation", [(r, sum((dict(s.relations)[r] for s in files), Counts())) for r in names]
    )
    return lines


def _role_rows(roles: Sequence[tuple[str, Counts]]) -> list[str]:
    """Per-role P/R/F1 over the matched entities the gold gives roles; nothing if it gives none."""
    return _count_rows("role", (*roles, ("all roles", sum((c for _, c in roles), Counts()))))


def _count_rows(head: str, rows: Sequence[tuple[str, Counts]]) -> list[str]:
    """A P/R/F1 table with gold and predicted counts; nothing if no row has either."""
    if not any(c.matched_gold + c.fn + c.matched_pred + c.fp for _, c in rows):
        return []
    lines = ["", f"{head:<18} {'P':>9} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}"]
    for label, c in rows:
        lines.append(
            f"{label:<18} {_prf(c, 9)}   {c.matched_gold + c.fn:>5} {c.matched_pred + c.fp:>5}"
        )
    return lines


def _format_file(s: FileScore, max_errors: int) -> list[str]:
    lines = [
        f"== {s.gold_file}: {s.papers} papers, {s.gold_entities} gold entities "
        f"(+{s.optional_entities} optional), {s.predicted_entities} predicted links",
    ]
    if s.missing_papers:
        lines.append(
            f"   {len(s.missing_papers)} gold paper(s) missing from the graph, all their "
            f"entities count as misses: {', '.join(s.missing_papers)}"
        )
    lines += ["", _HEAD]
    untyped = dict(s.untyped_by_type)
    for t, typed in s.typed_by_type:
        lines.append(_row(GROUP_LABEL.get(t, t), untyped.get(t, Counts()), typed))
    lines.append(_row("overall (micro)", s.untyped, s.typed))
    f = s.fields
    lines.append(f"{'fields':<18} {_prf(f, 9)}   (tp {f.matched_gold}, fp {f.fp}, fn {f.fn})")
    lines += _role_rows(s.roles)
    relation_rows = _count_rows("relation", s.relations)
    lines += relation_rows
    lines += _error_list("Misses (FN)", s.misses, max_errors)
    lines += _error_list("False positives (FP)", s.false_positives, max_errors)
    lines += _error_list("Type errors (label matched, type wrong)", s.type_errors, max_errors)
    if relation_rows:
        lines += _error_list("Relations missed", s.relation_misses, max_errors)
        lines += _error_list("Relations not in the gold", s.relation_false_positives, max_errors)
    return lines


_HEAD = (
    f"{'type':<18} {'untyped P':>9} {'R':>6} {'F1':>6}   {'typed P':>7} {'R':>6} {'F1':>6}"
    f"   {'gold':>5} {'pred':>5}"
)


def _row(label: str, untyped: Counts, typed: Counts) -> str:
    gold = untyped.matched_gold + untyped.fn
    pred = untyped.matched_pred + untyped.fp
    return f"{label:<18} {_prf(untyped, 9)}   {_prf(typed, 7)}   {gold:>5} {pred:>5}"


def _prf(c: Counts, width: int) -> str:
    """P, R and F1 columns; '-' where there is nothing to divide by (no gold or no prediction)."""
    has_pred = c.matched_pred + c.fp > 0
    has_gold = c.matched_gold + c.fn > 0
    p = f"{c.precision:.3f}" if has_pred else "-"
    r = f"{c.recall:.3f}" if has_gold else "-"
    f = f"{c.f1:.3f}" if has_pred and has_gold else "-"
    return f"{p:>{width}} {r:>6} {f:>6}"


def _error_list(title: str, items: Sequence[ErrorItem], limit: int) -> list[str]:
    shown = f", first {limit}" if len(items) > limit else ""
    lines = ["", f"{title}: {len(items)}{shown}"]
    for e in items[: max(limit, 0)]:
        kind = f"{e.type} -> {e.predicted_type}" if e.predicted_type else e.type
        lines.append(f"  {e.arxiv_id:<12} {kind:<24} {e.name}")
    return lines


def _score_entities(
    paper: GoldPaper,
    preds: Sequence[PredictedEntity],
    tally: Counter[tuple[str, str, str]],
    misses: list[ErrorItem],
    false_pos: list[ErrorItem],
    type_errors: list[ErrorItem],
) -> dict[int, int]:
    """Count hits, misses and false positives; returns the matching (gold -> prediction)."""
    gold = paper.entities

    def type_agrees(g: int, p: int) -> bool:
        return bool(gold[g].accepted_types & set(preds[p].types))

    matching = _match(
        [g.keys for g in gold], [not g.optional for g in gold], [p.keys for p in preds], type_agrees
    )
    matched_preds = set(matching.values())
    for g_idx, entity in enumerate(gold):
        g_type = _group(entity.type)
        p_idx = matching.get(g_idx)
        if entity.optional:
            continue  # tolerated either way: neither a hit nor a miss
        if p_idx is None:
            for scope in ("untyped", "typed"):
                tally[(scope, g_type, "fn")] += 1
            misses.append(ErrorItem(paper.arxiv_id, entity.name, g_type))
            continue
        pred = preds[p_idx]
        tally[("untyped", g_type, "matched_gold")] += 1
        tally[("untyped", pred.primary_type, "matched_pred")] += 1
        agreed = [t for t in pred.types if t in entity.accepted_types]
        if agreed:
            # as in the untyped rows: recall side by gold type, precision side by the agreed type
            tally[("typed", g_type, "matched_gold")] += 1
            tally[("typed", g_type if g_type in agreed else agreed[0], "matched_pred")] += 1
        else:
            tally[("typed", g_type, "fn")] += 1
            tally[("typed", pred.primary_type, "fp")] += 1
            type_errors.append(
                ErrorItem(paper.arxiv_id, entity.name, g_type, predicted_type=pred.primary_type)
            )
    for p_idx, pred in enumerate(preds):
        if p_idx in matched_preds:
            continue
        for scope in ("untyped", "typed"):
            tally[(scope, pred.primary_type, "fp")] += 1
        false_pos.append(ErrorItem(paper.arxiv_id, pred.name, pred.primary_type))
    return matching


def _score_roles(
    paper: GoldPaper,
    preds: Sequence[PredictedEntity],
    matching: Mapping[int, int],
    counts: Counter[tuple[str, str]],
) -> None:
    """Roles of the entities both sides have, where the annotator gave roles: a role is a hit
    if both give it, a false positive or a miss if only one does."""
    for g_idx, p_idx in matching.items():
        entity = paper.entities[g_idx]
        if entity.roles is None or entity.optional:
            continue
        predicted = set(preds[p_idx].roles)
        for role in SCORED_ROLES:
            gold_has, pred_has = role in entity.roles, role in predicted
            if gold_has or pred_has:
                counts[(role, "tp" if gold_has and pred_has else "fn" if gold_has else "fp")] += 1


def _score_relations(
    paper: GoldPaper,
    preds: Sequence[PredictedRelation],
    counts: Counter[tuple[str, str]],
    errors: tuple[list[ErrorItem], list[ErrorItem]],
) -> None:
    """Stated relations, where the annotator gave them: a gold relation is found when the graph
    states one from an entity sharing a label with its subject to one sharing a label with its
    object, with the same predicate (or any, for the `any relation` row)."""
    if paper.relations is None:
        return
    gold = [
        (paper.entities[r.subject].keys, r.predicate, paper.entities[r.object].keys)
        for r in paper.relations
    ]

    def found(s: frozenset[str], p: str, o: frozenset[str], other: Iterable[tuple]) -> tuple:
        pairs = [q for q in other if s & q[0] and o & q[2]]
        return bool(pairs), any(q[1] == p for q in pairs)

    pred = [(r.subject, r.predicate, r.object) for r in preds]
    for r, (s, p, o) in zip(paper.relations, gold, strict=True):
        pair, typed = found(s, p, o, pred)
        counts[(p, "tp_gold" if typed else "fn")] += 1
        counts[(_ANY_RELATION, "tp_gold" if pair else "fn")] += 1
        if not typed:
            name = f"{paper.entities[r.subject].name} -> {paper.entities[r.object].name}"
            errors[0].append(ErrorItem(paper.arxiv_id, name, p))
    for r, (s, p, o) in zip(preds, pred, strict=True):
        pair, typed = found(s, p, o, gold)
        counts[(p, "tp_pred" if typed else "fp")] += 1
        counts[(_ANY_RELATION, "tp_pred" if pair else "fp")] += 1
        if not typed:
            errors[1].append(ErrorItem(paper.arxiv_id, r.label, p))


def _score_fields(paper: GoldPaper, preds: Sequence[tuple[str, ...]], counts: Counter[str]) -> None:
    pred_keys = [_keys(labels) for labels in preds]
    matching = _match(
        [f.keys for f in paper.fields], [True] * len(paper.fields), pred_keys, lambda g, p: True
    )
    counts["tp"] += len(matching)
    counts["fn"] += len(paper.fields) - len(matching)
    counts["fp"] += len(preds) - len(matching)


def _match(
    gold_keys: Sequence[frozenset[str]],
    required: Sequence[bool],
    pred_keys: Sequence[frozenset[str]],
    prefer: Callable[[int, int], bool],
) -> dict[int, int]:
    """One-to-one matching of gold to predicted items sharing a key (gold index -> pred index).

    Augmenting paths (Kuhn) give a maximum matching; required gold items are placed first so
    an optional one never takes the only prediction a required one could have, and preferred
    edges (same type) are tried first.
    """
    edges = {
        g: sorted(
            (p for p, keys in enumerate(pred_keys) if keys & gk),
            key=lambda p: (not prefer(g, p), p),
        )
        for g, gk in enumerate(gold_keys)
    }
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in sorted(range(len(gold_keys)), key=lambda i: (not required[i], i)):
        augment(g, set())
    return {g: p for p, g in owner.items()}


def _gold_paper(path: Path, i: int, raw: object) -> GoldPaper:
    where = f"{path}: paper #{i}"
    if not isinstance(raw, dict):
        raise UserError(f"{where}: expected an object")
    for k in _PAPER_KEYS:
        if k not in raw:
            raise UserError(f"{where}: missing key '{k}'")
    arxiv_id = raw["arxiv_id"]
    if not isinstance(arxiv_id, str) or not arxiv_id.strip():
        raise UserError(f"{where}: 'arxiv_id' must be a non-empty string")
    where = f"{path}: paper {arxiv_id}"
    if not isinstance(raw["entities"], list):
        raise UserError(f"{where}: 'entities' must be a list")
    entities = tuple(_gold_entity(where, j, e) for j, e in enumerate(raw["entities"], 1))
    fields_raw = raw.get("fields", [])
    if not isinstance(fields_raw, list):
        raise UserError(f"{where}: 'fields' must be a list")
    fields = tuple(_gold_field(where, j, f) for j, f in enumerate(fields_raw, 1))
    relations = None
    if "relations" in raw:
        if not isinstance(raw["relations"], list):
            raise UserError(f"{where}: 'relations' must be a list")
        names = {e.name: k for k, e in enumerate(entities)}
        relations = tuple(
            _gold_relation(where, j, r, names) for j, r in enumerate(raw["relations"], 1)
        )
    return GoldPaper(arxiv_id.strip(), entities, fields, relations)


def _gold_relation(where: str, j: int, raw: object, names: Mapping[str, int]) -> GoldRelation:
    where = f"{where}: relation #{j}"
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(k), str) for k in ("subject", "predicate", "object")
    ):
        raise UserError(f"{where}: expected an object with 'subject', 'predicate' and 'object'")
    if raw["predicate"] not in SCORED_RELATIONS:
        raise UserError(
            f"{where}: unknown predicate '{raw['predicate']}' "
            f"(one of {', '.join(SCORED_RELATIONS)})"
        )
    for end in ("subject", "object"):
        if raw[end] not in names:
            raise UserError(
                f"{where}: {end} '{raw[end]}' is not the name of an entity of the paper"
            )
    return GoldRelation(names[raw["subject"]], raw["predicate"], names[raw["object"]])


def _gold_entity(where: str, j: int, raw: object) -> GoldEntity:
    where = f"{where}: entity #{j}"
    if not isinstance(raw, dict):
        raise UserError(f"{where}: expected an object")
    for k in _ENTITY_KEYS:
        if not isinstance(raw.get(k), str) or not raw[k].strip():
            raise UserError(f"{where}: missing or empty key '{k}'")
    types = [raw["type"], *_str_list(where, raw, "alt_types")]
    for t in types:
        if t not in ENTITY_TYPES:
            raise UserError(f"{where} ({raw['name']}): unknown type '{t}'")
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise UserError(f"{where} ({raw['name']}): 'optional' must be true or false")
    roles = None
    if "roles" in raw:
        roles = tuple(_str_list(where, raw, "roles"))
        for r in roles:
            if r not in SCORED_ROLES:
                raise UserError(
                    f"{where} ({raw['name']}): unknown role '{r}' (one of {', '.join(SCORED_ROLES)})"
                )
    return GoldEntity(
        name=raw["name"],
        type=raw["type"],
        aliases=tuple(_str_list(where, raw, "aliases")),
        alt_types=tuple(types[1:]),
        optional=optional,
        roles=roles,
    )


def _gold_field(where: str, j: int, raw: object) -> GoldField:
    where = f"{where}: field #{j}"
    if not isinstance(raw, dict):
        raise UserError(f"{where}: expected an object with 'zh' and/or 'en'")
    zh, en = raw.get("zh"), raw.get("en")
    if not all(v is None or isinstance(v, str) for v in (zh, en)) or not (zh or en):
        raise UserError(f"{where}: needs a 'zh' or 'en' string")
    return GoldField(zh=zh, en=en, aliases=tuple(_str_list(where, raw, "aliases")))


def _str_list(where: str, raw: dict, key: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserError(f"{where}: '{key}' must be a list of strings")
    return value


def _query(name: str) -> str:
    return (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _keys(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (entity_key(label) for label in labels) if k)


def _group(entity_type: str) -> str:
    return _TYPE_GROUP.get(entity_type, entity_type)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _total(tally: Counter[tuple[str, str, str]], scope: str) -> Counts:
    sums = Counter[str]()
    for (s, _t, kind), n in tally.items():
        if s == scope:
            sums[kind] += n
    return Counts(sums["matched_pred"], sums["fp"], sums["matched_gold"], sums["fn"])


def _by_type(tally: Counter[tuple[str, str, str]], scope: str) -> tuple[tuple[str, Counts], ...]:
    types = [*SCORED_TYPES, *sorted({t for (s, t, _k) in tally if s == scope} - set(SCORED_TYPES))]
    return tuple(
        (
            t,
            Counts(
                tally[(scope, t, "matched_pred")],
                tally[(scope, t, "fp")],
                tally[(scope, t, "matched_gold")],
                tally[(scope, t, "fn")],
            ),
        )
        for t in types
    )


def _error_order(e: ErrorItem) -> tuple[str, str, str]:
    return (e.arxiv_id, e.name.casefold(), e.type)
