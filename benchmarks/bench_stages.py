#!/usr/bin/env python3
"""Throughput of each stage of `auditor check`, and how it grows with the length of one document.

The seed reports (seeds/*.txt) are joined into one document of --size characters, and
then of --size/4 and --size/16: each stage (segment, extract, frames, relate+verify, rules)
is timed in CPU seconds on each, the best of --repeat runs. A stage that is linear in the text
keeps its characters per second as the document grows; the last column prints the ratio of
the largest document's throughput to the smallest's (1.0 is linear, well under 1 is not).

    python benchmarks/bench_stages.py [--size 400000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.document import Document  # noqa: E402
from auditor.extract import extract  # noqa: E402
from auditor.frames import frames  # noqa: E402
from auditor.relate import relate  # noqa: E402
from auditor.rules import run_rules  # noqa: E402
from auditor.script import simplified  # noqa: E402
from auditor.segment import segment  # noqa: E402
from auditor.verify import verify  # noqa: E402


def document(size: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not seeds:
        raise SystemExit("no seeds/*.txt to measure on")
    out, n = [], 0
    while n < size:
        for s in seeds:
            out.append(s)
            n += len(s)
    return "\n".join(out)[:size]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return min(times), result


def stages(text: str, repeat: int) -> dict[str, float]:
    out: dict[str, float] = {}
    out["simplified"], match = best(lambda: simplified(text), repeat)
    out["segment"], seg = best(lambda: segment(match), repeat)
    out["extract"], qs = best(lambda: tuple(extract(text)), repeat)
    out["frames"], framed = best(lambda: frames(match, qs, seg), repeat)
    out["relate+verify"], claims = best(lambda: tuple(verify(r) for r in relate(match, framed, seg, text)), repeat)
    doc = Document.from_text(text)
    out["rules"], _ = best(lambda: run_rules(doc, framed, claims), repeat)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=400_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    sizes = [a.size // 16, a.size // 4, a.size]
    results = {n: stages(document(n), a.repeat) for n in sizes}
    names = list(results[sizes[0]])
    print(f"{'stage':<15}" + "".join(f"{n:>14,d} ch" for n in sizes) + "   large/small")
    for name in names:
        rates = [n / max(results[n][name], 1e-9) for n in sizes]
        print(f"{name:<15}" + "".join(f"{r / 1e6:>11.2f} M/s" for r in rates) + f"   {rates[-1] / rates[0]:>6.2f}")
    total = [n / max(sum(results[n].values()), 1e-9) for n in sizes]
    print(f"{'all':<15}" + "".join(f"{r / 1e6:>11.2f} M/s" for r in total) + f"   {total[-1] / total[0]:>6.2f}")


if __name__ == "__main__":
    main()
