"""Every rule of the contract is documented once, with the same severity and all five sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.rules.docs import (
    SECTIONS,
    known_codes,
    rule_doc,
    rule_section,
    rule_severity,
    rule_summary,
    rule_title,
)

# The rules table of SPEC.md ("codes are stable"): code -> severity.
SPEC_RULES: dict[str, str] = {
    "U101": "error",
    "U102": "warning",
    "R201": "error",
    "R202": "warning",
    "R203": "error",
    "R204": "error",
    "R205": "warning",
    "R206": "warning",
    "G301": "error",
    "G302": "error",
    "G303": "error",
    "G304": "warning",
    "S401": "error",
    "S402": "error",
    "C501": "warning",
    "C502": "info",
    "C503": "warning",
    "C504": "warning",
}
CODE = re.compile(r"^[UGRSC]\d{3}$")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SPEC_MD = Path(__file__).resolve().parents[2] / "docs" / "SPEC.md"


def test_spec_table_matches_the_list_here() -> None:
    """Guard against SPEC gaining a rule that this test (and the docs) do not know."""
    assert SPEC_MD.is_file(), "docs/SPEC.md, the project's copy of the contract, is missing"
    rows = re.findall(
        r"^\| ([UGRSC]\d{3}) \| (error|warning|info) \|",
        SPEC_MD.read_text("utf-8"),
        flags=re.MULTILINE,
    )
    assert dict(rows) == SPEC_RULES


def test_every_spec_code_has_a_page() -> None:
    assert set(SPEC_RULES) <= set(known_codes())


def test_known_codes_are_sorted_and_well_formed() -> None:
    codes = known_codes()
    assert codes == tuple(sorted(codes))
    assert len(codes) == len(set(codes))
    for code in codes:
        assert CODE.match(code), code


@pytest.mark.parametrize("code", sorted(SPEC_RULES))
def test_page_title_and_severity(code: str) -> None:
    lines = rule_doc(code).splitlines()
    title = lines[0]
    assert title.startswith(f"# {code} ")
    assert KEBAB.match(rule_title(code)), title
    assert title == f"# {code} {rule_title(code)}"
    severity_lines = [line for line in lines if line.startswith("Severity:")]
    assert severity_lines == [f"Severity: {SPEC_RULES[code]}"]
    assert rule_severity(code) == SPEC_RULES[code]


@pytest.mark.parametrize("code", sorted(SPEC_RULES))
def test_page_has_all_sections_in_order_and_non_empty(code: str) -> None:
    text = rule_doc(code)
    headings = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
    assert tuple(headings) == SECTIONS
    for heading in SECTIONS:
        assert rule_section(code, heading), f"{code}: empty section {heading!r}"
    assert rule_summary(code)


@pytest.mark.parametrize("code", sorted(SPEC_RULES))
def test_example_shows_chinese_text_and_arithmetic(code: str) -> None:
    example = rule_section(code, "Example")
    assert re.search(r"[\u4e00-\u9fff]", example), code
    assert re.search(r"[=≠<>+\u2212÷\u00d7]", example), code


@pytest.mark.parametrize("code", ["X999", "R999", "R20", "", "../R201", "R201.md"])
def test_unknown_code_raises_key_error(code: str) -> None:
    with pytest.raises(KeyError):
        rule_doc(code)


def test_lookup_ignores_case_and_spaces() -> None:
    assert rule_doc(" r201 ") == rule_doc("R201")
