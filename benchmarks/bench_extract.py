#!/usr/bin/env python3
"""Extraction throughput: `auditor.extract.extract` over the seed reports, beside a plain numeral regex.

The seeds (seeds/*.txt) are repeated to about --size characters (10 MB by default)
and each document-sized chunk is extracted in turn, as the CLI does. The plain
regex, re.finditer(r"\\d+(?:\\.\\d+)?"), is timed over the same text in the same run,
so the two figures compare on one machine. Throughput is per core: one process, timed in
CPU seconds (time.process_time), the best of --repeat runs.

    python benchmarks/bench_extract.py [--size 10000000] [--repeat 3] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pathlib
import pstats
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.extract import extract  # noqa: E402

PLAIN = re.compile(r"\d+(?:\.\d+)?")


def corpus(size: int) -> list[str]:
    """The seed reports, repeated until their total length reaches `size` characters."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not seeds:
        raise SystemExit("no seeds/*.txt to measure on")
    docs: list[str] = []
    total = 0
    while total < size:
        for s in seeds:
            docs.append(s)
            total += len(s)
    return docs


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    """The best of `repeat` runs, in CPU seconds of this process: a busy machine slows the
    wall clock of a single-threaded run, not the work it does per core."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000_000, help="characters to extract from (default 10 M)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is reported")
    ap.add_argument("--profile", action="store_true", help="print the cProfile of one extraction run")
    a = ap.parse_args()

    docs = corpus(a.size)
    chars = sum(map(len, docs))
    extract(docs[0])  # warm the lexicon and the compiled patterns

    found = [0]

    def run_extract() -> None:
        found[0] = sum(len(extract(d)) for d in docs)

    def run_plain() -> None:
        found[1:] = [sum(1 for d in docs for _ in PLAIN.finditer(d))]

    t_ex = best_of(a.repeat, run_extract)
    t_re = best_of(a.repeat, run_plain)
    print(f"corpus: {len(docs)} documents, {chars:,} characters (seeds repeated)")
    label = "plain regex " + PLAIN.pattern
    print(f"{'extract()':<28}{chars / t_ex / 1e6:>8.2f} M chars/s  {t_ex:7.3f} s  {found[0]:>9,} mentions")
    print(f"{label:<28}{chars / t_re / 1e6:>8.2f} M chars/s  {t_re:7.3f} s  {found[1]:>9,} numerals")
    print(f"extract() takes {t_ex / t_re:.1f}x the time of the plain regex")
    if a.profile:
        prof = cProfile.Profile()
        prof.enable()
        run_extract()
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
