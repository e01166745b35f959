"""Golden files: the `auditor/v1` JSON of every seed document, reviewed as a diff when it changes.

Regenerate with ``pytest tests/test_golden.py --regen-golden`` (or ``AUDITOR_REGEN_GOLDEN=1``),
then read ``git diff tests/golden`` before committing.
"""
from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"
HOW = "regenerate with `pytest tests/test_golden.py --regen-golden` (or AUDITOR_REGEN_GOLDEN=1) and review the diff"


def check_json(path: Path) -> dict[str, Any]:
    """`python -m auditor check --format json FILE`, exactly as a user runs it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "auditor", "check", "--format", "json", str(path)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, check=False)
    assert proc.returncode in (0, 1), f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    return normalise(json.loads(proc.stdout))


def normalise(report: dict[str, Any]) -> dict[str, Any]:
    """Only the file name of each path: the golden files must not depend on where the repository is."""
    for doc in report["documents"]:
        doc["path"] = Path(doc["path"]).name
    return report


def dump(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_there_are_seeds() -> None:
    assert SEEDS, "no seeds/*.txt"


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_golden(seed: Path, regen_golden: bool) -> None:
    got = dump(check_json(seed))
    golden = GOLDEN / f"{seed.stem}.json"
    if regen_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
        return
    if not golden.is_file():
        pytest.fail(f"missing golden file {golden.relative_to(ROOT)}; {HOW}")
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now", lineterm="", n=2)
        shown = "\n".join(list(diff)[:120])
        pytest.fail(f"{seed.name} differs from {golden.name}; if the change is intended, {HOW}\n{shown}")


def test_no_stale_golden_files() -> None:
    stems = {p.stem for p in SEEDS}
    stale = sorted(p.name for p in GOLDEN.glob("*.json") if p.stem not in stems)
    assert stale == [], f"golden files without a seed: {stale}"
