#!/usr/bin/env python3
"""Score the annotated rows that sit in tables written as text (pipe rows, one cell per line).

    python docs/review/table_rows.py GOLD.jsonl DOCS_DIR SCORE_OUTPUT

SCORE_OUTPUT is what `score.py --gold GOLD --docs DOCS` printed (its FAIL lines). A row is a table
row when its quote lies on a pipe row (two or more `|`) or on a short line (at most 14 characters)
among at least six short lines around it: the layouts of a table flattened to text. Prints
`passed / table rows` and the ids of the rows that fail.
"""
from __future__ import annotations

import json
import pathlib
import sys

SHORT = 14


def is_table_row(text: str, quote: str) -> bool:
    i = text.find(quote)
    if i < 0:
        return False
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    line = text[start:end]
    around = text[max(0, start - 200):end + 200].splitlines()
    short = sum(1 for x in around if 0 < len(x.strip()) <= SHORT)
    return "|" in quote or line.count("|") >= 2 or (len(line.strip()) <= SHORT and short >= 6)


def main() -> None:
    gold, docs, scored = (pathlib.Path(a) for a in sys.argv[1:4])
    fails = {x.split()[1] for x in scored.read_text(encoding="utf-8").splitlines() if x.startswith("FAIL")}
    texts: dict[str, str] = {}
    rows, bad = 0, []
    for line in gold.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["doc"] not in texts:
            texts[r["doc"]] = (docs / f"{r['doc']}.txt").read_text(encoding="utf-8", errors="replace")
        if is_table_row(texts[r["doc"]], r["quote"]):
            rows += 1
            if r["id"] in fails:
                bad.append(r["id"])
    print(f"table rows: {rows - len(bad)} / {rows} pass")
    if bad:
        print("failing:", " ".join(bad))


if __name__ == "__main__":
    main()
