"""Throughput of the extractor: the sample papers repeated to >= 2,000 papers, on one core."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from kg.extract import extract_papers
from kg.parse import iter_papers, parse_folder

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=Path, default=ROOT / "reports")
    ap.add_argument("--papers", type=int, default=2000)
    ap.add_argument("--profile", action="store_true", help="print the top functions by time")
    a = ap.parse_args()
    sample = list(iter_papers(parse_folder(a.reports)))
    papers = (sample * (a.papers // max(1, len(sample)) + 1))[: max(a.papers, len(sample))]
    list(extract_papers(sample[:2]))  # build the pipeline outside the timing
    prof = cProfile.Profile() if a.profile else None
    t0 = time.perf_counter()
    c0 = time.process_time()
    if prof:
        prof.enable()
    n = sum(1 for _ in extract_papers(papers))
    if prof:
        prof.disable()
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    # CPU time is the one-core figure; wall time also counts other processes on a busy machine.
    print(
        f"{n} papers: {n / cpu:.0f} papers/s (CPU {cpu:.2f} s), {n / dt:.0f} papers/s (wall {dt:.2f} s)"
    )
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
