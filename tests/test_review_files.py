"""The hand judgments kept in docs/review/ are well formed: every row names its finding and says why."""
from __future__ import annotations

import json
import pathlib

REVIEW = pathlib.Path(__file__).resolve().parent.parent / "docs" / "review" / "long.jsonl"


def test_long_review_rows_are_judged_with_a_reason() -> None:
    rows = [json.loads(line) for line in REVIEW.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, "docs/review/long.jsonl holds no judgment"
    keys = set()
    for r in rows:
        assert {"doc", "code", "text", "judgment", "reason"} <= set(r), r
        assert r["judgment"] in ("TRUE", "FALSE", "UNCLEAR"), r
        assert len(r["reason"]) > 20, r
        if r["judgment"] == "FALSE":
            assert r.get("cause"), r
        key = (r["doc"], r["code"], r["text"])
        assert key not in keys, f"judged twice: {key}"
        keys.add(key)
