#!/usr/bin/env python3
"""Sum up a long fuzz run: the examples run per test and the slowest example of all its chunks.

`nox -s fuzz` runs tests/test_fuzz.py in chunks (a fresh process each, its own Hypothesis seed), each
writing its timings to FOLDER/chunk-N.json (tests/test_fuzz.py, $FUZZ_TIMINGS). This prints, per test and
in all, the examples run and the slowest example by wall time (with its CPU time and the cyclic
collector's share) and by CPU time.

    python benchmarks/fuzz_report.py FOLDER
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def main(folder: Path) -> int:
    chunks = sorted(folder.glob("chunk-*.json"))
    if not chunks:
        print(f"{folder}: no chunk-*.json timings", file=sys.stderr)
        return 2
    tests: dict[str, dict[str, Any]] = {}
    for path in chunks:
        for test, row in json.loads(path.read_text(encoding="utf-8")).items():
            t = tests.setdefault(test, {"examples": 0, "wall": None, "cpu": None})
            t["examples"] += row["examples"]
            for key, slowest, field in (("wall", row["slowest_wall"], "wall_s"), ("cpu", row["slowest_cpu"], "cpu_s")):
                if slowest and (t[key] is None or slowest[field] > t[key][field]):
                    t[key] = slowest
    print(f"{len(chunks)} chunks")
    print(f"{'test':<14}{'examples':>10}{'slowest wall s':>16}{'its CPU s':>11}{'its GC s':>10}{'slowest CPU s':>15}")
    for test, t in sorted(tests.items()):
        w, c = t["wall"] or {}, t["cpu"] or {}
        print(f"{test:<14}{t['examples']:>10,}{w.get('wall_s', 0):>16.3f}{w.get('cpu_s', 0):>11.3f}"
              f"{w.get('gc_s', 0):>10.3f}{c.get('cpu_s', 0):>15.3f}")
    total = sum(t["examples"] for t in tests.values())
    worst = max((t["wall"]["wall_s"] for t in tests.values() if t["wall"]), default=0.0)
    print(f"all: {total:,} examples, slowest {worst:.3f} s wall")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
