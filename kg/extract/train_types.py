"""Fit type_weights.tsv, the type model's weights, on the dev gold sets (never the held-out).

Run `python -m kg.extract.train_types` after changing the extractor's cues or the gold sets.
Only names the knowledge base does not know are examples: known names keep the KB's type.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.eval import load_gold
from kg.extract.aggregate import accumulate, cue_type, inherit_types, name_view
from kg.extract.cands import state
from kg.extract.pipeline import make_doc, run
from kg.extract.text import paper_sentences
from kg.extract.type_model import (
    TYPES,
    WEIGHTS_FILE,
    choose,
    features,
    probabilities,
    vote_lead,
)
from kg.keys import entity_key
from kg.parse import parse_folder
from kg.paths import PROJECT_DIR

GOLD = PROJECT_DIR / "tests" / "gold"
# Dev sets only: heldout.json, agreement/ and fresh_heldout/ measure what this learns.
TRAINING_SETS: tuple[tuple[Path, tuple[Path, ...]], ...] = (
    (PROJECT_DIR / "reports", (GOLD / "dev.json", GOLD / "dev_b.json", GOLD / "check.json")),
    (GOLD / "fresh", tuple(sorted((GOLD / "fresh").glob("*.json")))),
)
# A feature must occur with this many distinct names, so that no single name is learnt.
MIN_NAMES = 3
L2 = 1.0
STEPS = 300


@dataclass(frozen=True, slots=True)
class Example:
    features: list[str]
    name: str
    accepted: frozenset[str]  # gold type and alternative types
    current: str  # the type the cues give
    lead: int  # how far the cue votes for `current` lead
    group: str  # gold file, the unit of cross-validation


def examples(sets=TRAINING_SETS) -> list[Example]:
    """Every unknown name that gold annotates, with its features and gold types."""
    out = []
    for folder, gold_files in sets:
        papers = {p.arxiv_id: p for r in parse_folder(folder).reports for p in r.papers}
        for gold_file in gold_files:
            for gp in load_gold(gold_file).papers:
                paper = papers.get(gp.arxiv_id)
                if paper is None or paper.failed:
                    continue
                text, sents = paper_sentences(paper)
                doc = run(make_doc(text, sents, paper.title))
                accs, _, _ = accumulate(doc)
                inherit_types(accs)
                gold = {k: e for e in gp.entities for k in e.keys}
                for acc in accs.values():
                    current = cue_type(acc)
                    if acc.in_kb or current is None:
                        continue
                    keys = [acc.key, *map(entity_key, acc.labels), *map(entity_key, acc.zh)]
                    entity = next((gold[k] for k in keys if k in gold), None)
                    if entity is None:
                        continue
                    accepted = frozenset(t for t in entity.accepted_types if t in TYPES)
                    if accepted:
                        view = name_view(acc, state(doc))
                        out.append(
                            Example(
                                features(view),
                                acc.name,
                                accepted,
                                current,
                                vote_lead(acc.votes),
                                gold_file.stem,
                            )
                        )
    return out


def fit(rows: list[Example]) -> dict[str, list[float]]:
    """Multinomial logistic regression, L2-regularised, full-batch Adam from zero."""
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for f in r.features:
            names[f].add(r.name.lower())
    vocab = sorted(f for f, ns in names.items() if len(ns) >= MIN_NAMES)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    y = np.zeros((len(rows), len(TYPES)))
    for i, r in enumerate(rows):
        for f in r.features:
            if (j := index.get(f)) is not None:
                x[i, j] = 1.0
        for t in r.accepted:  # either accepted type is right: share the target between them
            y[i, TYPES.index(t)] = 1.0 / len(r.accepted)
    w = np.zeros((len(vocab), len(TYPES)))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, STEPS + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (x.T @ (p - y) + L2 * w) / len(rows)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {f: [round(float(a), 4) for a in w[index[f]]] for f in vocab}


def write(table: dict[str, list[float]], n: int, path: Path = WEIGHTS_FILE) -> None:
    lines = [
        "# Type model weights, written by `python -m kg.extract.train_types`; do not edit.",
        f"# {n} unknown names of the dev gold sets; columns: feature, then {', '.join(TYPES)}.",
    ]
    lines += ["\t".join([f, *(f"{a:.4f}" for a in ws)]) for f, ws in sorted(table.items())]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def cross_validate(rows: list[Example]) -> tuple[int, int, int]:
    """Leave one gold file out: (names, right by the cues alone, right with the model)."""
    cues = model = 0
    for group in sorted({r.group for r in rows}):
        table = {f: tuple(w) for f, w in fit([r for r in rows if r.group != group]).items()}
        for r in rows:
            if r.group == group:
                cues += r.current in r.accepted
                model += choose(probabilities(r.features, table), r.current, r.lead) in r.accepted
    return len(rows), cues, model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    ap.add_argument("--cv", action="store_true", help="cross-validate by gold file; no writing")
    a = ap.parse_args()
    rows = examples()
    if a.cv:
        n, cues, model = cross_validate(rows)
        print(f"{n} names: cues alone {cues / n:.4f}, with the model {model / n:.4f}")
        return
    table = fit(rows)
    write(table, len(rows), a.out)
    print(f"{len(rows)} examples, {len(table)} features -> {a.out}")


if __name__ == "__main__":
    main()
