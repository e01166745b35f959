"""The rules table: codes unique and well formed, each documented with the same severity as SPEC.md,
each with its own example-table test file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.rules import RULES
from auditor.rules.docs import rule_doc, rule_severity, rule_title

CODE = re.compile(r"^[UGRSC]\d{3}$")
HERE = Path(__file__).resolve().parent
SPEC_MD = HERE.parents[1] / "docs" / "SPEC.md"

# SPEC.md's rules table ("codes are stable"), used when SPEC.md is not beside the repository.
SPEC_TABLE: dict[str, str] = {
    "U101": "error", "U102": "warning",
    "R201": "error", "R202": "warning", "R203": "error", "R204": "error", "R205": "warning", "R206": "warning",
    "G301": "error", "G302": "error", "G303": "error", "G304": "warning",
    "S401": "error", "S402": "error",
    "C501": "warning", "C502": "info", "C503": "warning", "C504": "warning",
}


def spec_table() -> dict[str, str]:
    if not SPEC_MD.is_file():
        return SPEC_TABLE
    rows = re.findall(r"^\| ([UGRSC]\d{3}) \| (error|warning|info) \|", SPEC_MD.read_text("utf-8"), re.MULTILINE)
    return dict(rows)


def test_rules_table_is_not_empty() -> None:
    assert len(RULES) >= len(SPEC_TABLE)


def test_codes_are_unique_and_match_their_entries() -> None:
    codes = [r.code for r in RULES.values()]
    assert len(codes) == len(set(codes))
    assert all(key == r.code for key, r in RULES.items())
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names)), "two rules share a name"


@pytest.mark.parametrize("code", sorted(RULES))
def test_code_is_well_formed(code: str) -> None:
    assert CODE.match(code)


def test_embedded_table_matches_spec() -> None:
    """Guard against SPEC.md changing without this file (or the fallback) following."""
    assert SPEC_MD.is_file(), "docs/SPEC.md, the project's copy of the contract, is missing"
    assert spec_table() == SPEC_TABLE


def test_every_spec_code_is_a_rule() -> None:
    assert sorted(set(spec_table()) - set(RULES)) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented(code: str) -> None:
    assert rule_doc(code).strip()
    assert rule_title(code) == RULES[code].name


@pytest.mark.parametrize("code", sorted(RULES))
def test_severity_agrees_with_docs_and_spec(code: str) -> None:
    severity = RULES[code].severity.value
    assert rule_severity(code) == severity
    spec = spec_table()
    if code in spec:  # SPEC allows new codes in the same families
        assert spec[code] == severity


@pytest.mark.parametrize("code", sorted(RULES))
def test_has_an_example_table_test_file(code: str) -> None:
    path = HERE / f"test_{code}.py"
    assert path.is_file(), f"{path.name} missing: every rule has FAIL/PASS example tables"
    source = path.read_text("utf-8")
    assert f'CODE = "{code}"' in source
    for table in ("FAIL = [", "PASS = [", "nothing-flagged"):
        assert table in source, f"{path.name} lacks {table!r}"
