"""Score the extractor against hand-made gold (tests/gold/dev.json): typed P/R/F1 per type,
and the precision of the aliases it gives each matched entity in that paper (how many of
them the gold lists among the entity's names). `kg eval` scores the built graph instead,
where an entity's aliases are merged over all papers and its known aliases added."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kg.extract import extract_papers
from kg.keys import entity_key
from kg.parse import iter_papers, parse_folder

ROOT = Path(__file__).resolve().parent.parent
_SAME = {"Benchmark": "Dataset"}


def _t(etype: str) -> str:
    return _SAME.get(etype, etype)


def _labels(name: str, aliases: list[str]) -> set[str]:
    return {entity_key(x) for x in [name, *aliases] if x}


def score(gold_paths: list[Path], reports: Path, show: int) -> None:
    gold = [
        p for path in gold_paths for p in json.loads(path.read_text(encoding="utf-8"))["papers"]
    ]
    papers = {p.arxiv_id: p for p in iter_papers(parse_folder(reports))}
    wanted = [papers[g["arxiv_id"]] for g in gold]
    preds = {x.arxiv_id: x for x in extract_papers(wanted)}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[str] = []
    aliases: Counter[tuple[bool, bool]] = Counter()  # (Chinese, listed by gold)
    for g in gold:
        pred = preds[g["arxiv_id"]].entities
        used: set[int] = set()
        for ge in g["entities"]:
            labels = _labels(ge["name"], ge.get("aliases", []))
            types = {_t(ge["type"]), *(_t(t) for t in ge.get("alt_types", []))}
            hit = None
            # Prefer the prediction named like the gold entity, then any shared label.
            for i, pe in enumerate(pred):
                if i not in used and entity_key(pe.name) == entity_key(ge["name"]):
                    hit = i
                    break
            for i, pe in enumerate(pred):
                if hit is not None:
                    break
                if i in used:
                    continue
                plabels = _labels(pe.name, [a.text for a in pe.aliases])
                if labels & plabels:
                    hit = i
            gt = _t(ge["type"])
            if hit is None:
                if not ge.get("optional"):
                    fn[gt] += 1
                    errors.append(f"FN {g['arxiv_id']} {ge['name']} [{gt}]")
                continue
            used.add(hit)
            for alias in pred[hit].aliases:
                listed = entity_key(alias.text) in labels
                aliases[(alias.lang == "zh", listed)] += 1
                if not listed:
                    errors.append(f"AL {g['arxiv_id']} {pred[hit].name} <- {alias.text}")
            pt = _t(pred[hit].etype)
            if ge.get("optional"):
                continue
            if pt in types:
                tp[gt] += 1
            else:
                fn[gt] += 1
                fp[pt] += 1
                errors.append(f"TY {g['arxiv_id']} {ge['name']} gold={gt} pred={pt}")
        for i, pe in enumerate(pred):
            if i not in used:
                fp[_t(pe.etype)] += 1
                errors.append(f"FP {g['arxiv_id']} {pe.name} [{_t(pe.etype)}]")
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for t in sorted(set(tp) | set(fp) | set(fn)) + ["ALL"]:
        a = sum(tp.values()) if t == "ALL" else tp[t]
        b = sum(fp.values()) if t == "ALL" else fp[t]
        c = sum(fn.values()) if t == "ALL" else fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{t:<14}{p:7.3f}{r:7.3f}{f:7.3f}{a:5}{b:5}{c:5}")
    for label, zh in (("Chinese", True), ("Latin script", False)):
        ok, n = aliases[(zh, True)], aliases[(zh, True)] + aliases[(zh, False)]
        print(f"aliases {label}: precision {ok / n if n else 0:.3f} ({ok}/{n})")
    for e in errors[:show]:
        print(e)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--gold", type=Path, action="append", help="gold JSON (repeatable; default dev.json)"
    )
    ap.add_argument("--reports", type=Path, default=ROOT / "reports")
    ap.add_argument("--show", type=int, default=400)
    a = ap.parse_args()
    score(a.gold or [ROOT / "tests" / "gold" / "dev.json"], a.reports, a.show)


if __name__ == "__main__":
    main()
