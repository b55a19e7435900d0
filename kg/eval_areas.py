"""Score the field taxonomy: the top-level areas each field reaches against a gold table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UserError
from kg.keys import entity_key

_HEADER = ("key", "zh", "en", "area", "also")


@dataclass(frozen=True)
class GoldArea:
    """One field of a gold table: its key and names, the expected area and other acceptable ones."""

    key: str
    zh: str
    en: str
    area: str
    also: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.en or self.zh or self.key


@dataclass(frozen=True)
class GraphField:
    """A field of the built graph: its key, labels and the top-level areas it reaches."""

    key: str
    labels: frozenset[str]
    areas: frozenset[str]  # English names of the areas reached through skos:broader


@dataclass(frozen=True)
class AreaError:
    field: str
    expected: str
    got: tuple[str, ...]


@dataclass(frozen=True)
class AreaScore:
    """How many gold fields the graph has, and how many of them sit under an acceptable area."""

    gold_file: str
    fields: int  # gold rows
    found: int  # of which the graph has the field
    right: int  # every area the field reaches is acceptable
    exact: int  # the field reaches exactly the gold's first-choice area
    hit: int  # the gold's first-choice area is among those the field reaches
    errors: tuple[AreaError, ...]

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def hit_rate(self) -> float:
        return self.hit / self.found if self.found else 0.0


def load_areas(path: Path | str, area_names: Sequence[str]) -> tuple[GoldArea, ...]:
    """Read a tab-separated gold table (`key zh en area also`); a defect names file and line."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"area gold file not found: {path}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise UserError(f"{path}: not UTF-8 text ({e.reason})") from None
    known = {a.casefold(): a for a in area_names}
    rows: list[GoldArea] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if tuple(cols[: len(_HEADER)]) == _HEADER:
            continue
        if len(cols) < 4 or not cols[0] or not cols[3]:
            raise UserError(
                f"{path}:{number}: expected columns {' '.join(_HEADER)} (tab-separated)"
            )
        key, zh, en, area = cols[:4]
        also = tuple(a.strip() for a in (cols[4] if len(cols) > 4 else "").split("|") if a.strip())
        for name in (area, *also):
            if name.casefold() not in known:
                raise UserError(f"{path}:{number}: unknown area '{name}'")
        if key in seen:
            raise UserError(f"{path}:{number}: field '{key}' given twice")
        seen.add(key)
        rows.append(
            GoldArea(key, zh, en, known[area.casefold()], tuple(known[a.casefold()] for a in also))
        )
    return tuple(rows)


def score_areas(
    gold_file: str, rows: Sequence[GoldArea], fields: Sequence[GraphField]
) -> AreaScore:
    """A gold field is right when the graph has it and every area it reaches is acceptable."""
    by_key = {f.key: f for f in fields}
    by_label: dict[str, GraphField] = {}
    for f in sorted(fields, key=lambda f: f.key):
        for label in f.labels:
            by_label.setdefault(entity_key(label), f)
    found = right = exact = hit = 0
    errors: list[AreaError] = []
    for row in rows:
        field = by_key.get(row.key) or next(
            (by_label[k] for k in (entity_key(row.en), entity_key(row.zh)) if k in by_label), None
        )
        if field is None:
            continue
        found += 1
        ok = bool(field.areas) and field.areas <= {row.area, *row.also}
        right += ok
        exact += field.areas == {row.area}
        hit += row.area in field.areas
        if not ok:
            errors.append(AreaError(row.label, row.area, tuple(sorted(field.areas))))
    return AreaScore(gold_file, len(rows), found, right, exact, hit, tuple(errors))


def format_areas(score: AreaScore, max_errors: int) -> list[str]:
    lines = [
        f"== field areas, {score.gold_file}: {score.found} of {score.fields} gold fields in the "
        f"graph; under an acceptable area only {score.right} ({score.accuracy:.3f}), "
        f"under the first choice {score.hit} ({score.hit_rate:.3f}), "
        f"under it alone {score.exact}",
    ]
    if score.errors and max_errors:
        lines.append(f"Wrong areas: {len(score.errors)}")
        for e in score.errors[:max_errors]:
            got = ", ".join(e.got) or "(none)"
            lines.append(f"  {e.field:<40} expected {e.expected:<28} got {got}")
    return lines
