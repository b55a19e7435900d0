"""Extraction cost in CPU instructions per paper (callgrind): a figure a busy machine cannot move.

Runs the extractor under `valgrind --tool=callgrind` twice, once on no paper and once on the
papers of `--reports`, and prints the difference per paper. Wall-clock throughput
(`bench_extract.py`) swings by 20% with the load of a shared machine; instruction counts
repeat to within a fraction of a per cent, so they are what to compare between two commits.
Slow: about two minutes for the bundled 100 papers.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_COLLECTED = re.compile(r"Collected : (\d+)")


def _extract(reports: Path, limit: int) -> None:
    """The measured work: load the pipeline, then extract `limit` papers."""
    from kg.extract import extract_papers
    from kg.extract.pipeline import nlp
    from kg.extract.resources import resources
    from kg.parse import iter_papers, parse_folder

    papers = list(iter_papers(parse_folder(reports)))[:limit]
    nlp()
    resources()
    for _ in extract_papers(papers):
        pass


def _instructions(reports: Path, limit: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={tmp}/out",
                sys.executable,
                __file__,
                "--child",
                str(limit),
                "--reports",
                str(reports),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    found = _COLLECTED.search(proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed:\n{proc.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=Path, default=ROOT / "reports")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        sys.path.insert(0, str(ROOT))  # measure this checkout's code, not an installed copy
        _extract(a.reports, a.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (e.g. `apt-get install valgrind`)")
    from kg.parse import iter_papers, parse_folder

    n = sum(1 for _ in iter_papers(parse_folder(a.reports)))
    base = _instructions(a.reports, 0)
    full = _instructions(a.reports, n)
    print(f"{n} papers: {(full - base) / n / 1e6:.1f} M instructions per paper")


if __name__ == "__main__":
    main()
