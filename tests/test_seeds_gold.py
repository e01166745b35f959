"""The annotated gold rows of the seed documents, judged the way ../shared/tools/score.py judges them.

Quantity rows (``quantity``/``not_quantity``) are judged on ``auditor extract`` output, and the
``not_quantity`` rows once more on ``auditor check`` output (nothing may be flagged there); claim
rows on ``auditor check`` output. A claim row that the auditor does not yet get right is a strict
xfail with its row id, so a fix shows up as XPASS and the mark is removed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.jsonl"
SEEDS = ROOT / "seeds"

QUANTITY_KINDS = {"count", "percent", "money", "measure", "number", "ratio", "multiple"}
FAMILY = {  # gold kind -> finding codes (prefixes) that flag it
    "missing_unit": ("U101",),
    "unit_mismatch": ("U102",),
    "rate": ("R",),
    "rate_over_100": ("R203", "S401"),
    "share": ("R",),
    "growth": ("G",),
    "difference": ("G",),
    "points": ("G",),
    "multiple": ("G", "R"),
    "sum": ("S",),
    "repeat": ("C",),
}
CLAIM_KINDS = {  # gold kind -> claim kinds that may carry it
    "rate": {"rate", "share"},
    "share": {"rate", "share"},
    "growth": {"growth"},
    "difference": {"difference"},
    "points": {"points", "growth"},
    "multiple": {"multiple"},
    "sum": {"sum"},
    "repeat": {"repeat"},
}
QUANTITY_VERDICTS = ("quantity", "not_quantity")

# Claim rows the auditor misses today: id -> what goes wrong (strict: a fix fails the suite until removed).
XFAIL_REQUIRED: dict[str, str] = {}
# Optional rows ("harder cases, counted apart"): not strict, a fix is welcome either way.
XFAIL_OPTIONAL: dict[str, str] = {
    "000-07": "19个连队、3个社区 as the parts of 22个: no sum claim",
    "000-08": "a repeated figure (19名) is not a repeat claim",
    "001-02": "2起调解不成 as 45-43: no difference claim",
    "001-06": "37件 restated with another count: no repeat finding",
}


def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def run(verb: str) -> dict[str, dict[str, Any]]:
    """`python -m auditor VERB --format json` over every seed a gold row names, keyed by file stem."""
    docs = sorted({r["doc"] for r in rows()})
    paths = [str(SEEDS / f"{d}.txt") for d in docs]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "auditor", verb, "--format", "json", *paths],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, check=False)
    assert proc.returncode in (0, 1), f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    return {Path(d["path"]).stem: d for d in json.loads(proc.stdout)["documents"]}


@pytest.fixture(scope="module")
def extract_out() -> dict[str, dict[str, Any]]:
    return run("extract")


@pytest.fixture(scope="module")
def check_out() -> dict[str, dict[str, Any]]:
    return run("check")


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def dec(x: object) -> Decimal | None:
    try:
        return Decimal(str(x))
    except (InvalidOperation, ValueError, TypeError):
        return None


def judge(row: dict[str, Any], text: str, doc: dict[str, Any]) -> tuple[bool, str]:
    """(passed, why) for one gold row against one document's JSON: score.py's rules, restated."""
    q0 = text.find(row["quote"])
    if q0 < 0:
        return False, "quote not found in the document text"
    q1 = q0 + len(row["quote"])
    finds = [f for f in doc.get("findings", []) if overlaps(f["start"], f["end"], q0, q1)]
    claims = [c for c in doc.get("claims", []) if overlaps(c["start"], c["end"], q0, q1)]
    quants = [q for q in doc.get("quantities", []) if overlaps(q["start"], q["end"], q0, q1)]
    kind, verdict = row["kind"], row["verdict"]

    if verdict == "not_quantity":
        if finds:
            return False, f"flagged: {[f['code'] for f in finds]}"
        bad = [(q["text"], q["kind"]) for q in quants if q.get("kind") in QUANTITY_KINDS]
        return not bad, f"read as quantity: {bad}" if bad else "ok"

    if verdict == "quantity":
        want = dec(row["value"])
        for q in quants:
            if dec(q.get("value")) == want and q.get("unit", "") == row.get("unit", "") and (
                    not row.get("approx") or row["approx"] in (q.get("approx") or "")):
                return True, "ok"
        got = [(q["text"], q.get("value"), q.get("unit"), q.get("approx")) for q in quants]
        return False, f"want {row['value']} {row.get('unit', '')} {row.get('approx', '')}; got {got}"

    codes = FAMILY.get(kind, ())
    family = [f for f in finds if f["code"].startswith(codes)] if codes else finds
    here = [f["code"] for f in finds]

    if verdict == "inconsistent":
        hits = [f for f in family if f["severity"] in ("error", "warning")]
        return bool(hits), "ok" if hits else f"not flagged; findings here: {here}"

    if verdict == "borderline":
        if any(f["severity"] == "error" for f in family):
            return False, "flagged as error, want warning or info"
        hits = [f for f in family if f["severity"] in ("warning", "info")]
        return bool(hits), "ok" if hits else f"no warning or info; findings here: {here}"

    if verdict == "unverifiable":
        loud = [f["code"] for f in family if f["severity"] in ("error", "warning")]
        if loud:
            return False, f"flagged though unverifiable: {loud}"
        wrong = [c for c in claims if c.get("status") == "inconsistent"
                 and c.get("kind") in CLAIM_KINDS.get(kind, {kind})]
        return not wrong, f"judged inconsistent: {wrong[0].get('expression')}" if wrong else "ok"

    if verdict == "consistent":
        errs = [f["code"] for f in family if f["severity"] == "error"]
        if errs:
            return False, f"false alarm: {errs}"
        ok = [c for c in claims if c.get("kind") in CLAIM_KINDS.get(kind, {kind}) and c.get("status") == "consistent"]
        got = [(c.get("kind"), c.get("status"), c.get("expression")) for c in claims]
        return bool(ok), "ok" if ok else f"claim not verified; claims here: {got}"

    return False, f"unknown verdict {verdict}"


def text_of(row: dict[str, Any]) -> str:
    return (SEEDS / f"{row['doc']}.txt").read_text(encoding="utf-8")


def cases(quantity_rows: bool) -> Iterator[Any]:
    for r in rows():
        if (r["verdict"] in QUANTITY_VERDICTS) != quantity_rows:
            continue
        marks: list[pytest.MarkDecorator] = []
        if r["id"] in XFAIL_REQUIRED:
            marks.append(pytest.mark.xfail(strict=True, reason=f"{r['id']}: {XFAIL_REQUIRED[r['id']]}"))
        elif r["id"] in XFAIL_OPTIONAL:
            marks.append(pytest.mark.xfail(strict=False, reason=f"{r['id']} (optional): {XFAIL_OPTIONAL[r['id']]}"))
        yield pytest.param(r, id=r["id"], marks=marks)


def test_gold_file_is_well_formed() -> None:
    ids = [r["id"] for r in rows()]
    assert len(ids) == len(set(ids))
    for r in rows():
        assert (SEEDS / f"{r['doc']}.txt").is_file(), r["id"]
        assert r["quote"] in text_of(r), r["id"]
    known = set(XFAIL_REQUIRED) | set(XFAIL_OPTIONAL)
    assert known <= set(ids)
    assert all(not r.get("optional") for r in rows() if r["id"] in XFAIL_REQUIRED)
    assert all(r.get("optional") for r in rows() if r["id"] in XFAIL_OPTIONAL)


@pytest.mark.parametrize("row", list(cases(quantity_rows=True)))
def test_quantity_row(row: dict[str, Any], extract_out: dict[str, dict[str, Any]],
                      check_out: dict[str, dict[str, Any]]) -> None:
    ok, why = judge(row, text_of(row), extract_out[row["doc"]])
    assert ok, f"{row['id']} {row['quote']!r} (extract): {why}"
    if row["verdict"] == "not_quantity":
        ok, why = judge(row, text_of(row), check_out[row["doc"]])
        assert ok, f"{row['id']} {row['quote']!r} (check): {why}"


@pytest.mark.parametrize("row", list(cases(quantity_rows=False)))
def test_claim_row(row: dict[str, Any], check_out: dict[str, dict[str, Any]]) -> None:
    ok, why = judge(row, text_of(row), check_out[row["doc"]])
    assert ok, f"{row['id']} {row['kind']} {row['verdict']} {row['quote']!r}: {why}"
