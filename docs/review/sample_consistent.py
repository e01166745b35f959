#!/usr/bin/env python3
"""Draw the claims reported `consistent` (repeats left out) for a review of chance pairings.

    python docs/review/sample_consistent.py DOCS_DIR [--seed 2026] [--n 40]

Runs `python -m auditor check --format json` over DOCS_DIR, keeps the consistent claims that are
not repeats, draws --n of them with random.Random(--seed), and prints each with its arithmetic,
its link and the text around its operands, for a reviewer to judge: is the pairing the one the
text states (structural), or one that merely fits (a chance pairing)?
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import subprocess
import sys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--n", type=int, default=40)
    a = ap.parse_args()
    out = subprocess.run([sys.executable, "-m", "auditor", "check", "--format", "json", "--fail-on", "never",
                          a.docs], capture_output=True, text=True, encoding="utf-8", check=False).stdout
    report = json.loads(out)
    rows = []
    for doc in report["documents"]:
        text = pathlib.Path(doc["path"]).read_text(encoding="utf-8")
        rows += [(pathlib.Path(doc["path"]).stem, c, text) for c in doc["claims"]
                 if c["status"] == "consistent" and c["kind"] != "repeat"]
    print(f"{len(rows)} consistent claims (repeats left out); summary {report['summary']}")
    for k, (doc, c, text) in enumerate(random.Random(a.seed).sample(rows, min(a.n, len(rows)))):
        lo = min([c["start"]] + [o["start"] for o in c["operands"]])
        hi = max([c["end"]] + [o["end"] for o in c["operands"]])
        around = text[max(0, lo - 30):hi + 10].replace("\n", "⏎")
        print(f"{k:2} {doc}@{c['start']} {c['kind']} {c['expression']} = {c['recomputed']} vs {c['claimed']}"
              f" [{c['link']}]\n    {around[:300]}")


if __name__ == "__main__":
    main()
