"""SARIF output validates against the 2.1.0 schema (vendored in tests/data, no network)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditor.model import Report
from auditor.report import render
from auditor.report.sarif import FINGERPRINT_KEY

from .conftest import WAIVER, build_error_document

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(report: Report) -> dict[str, Any]:
    out = render(report, "sarif")
    assert isinstance(out, str)
    data: dict[str, Any] = json.loads(out)
    return data


def validate(data: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.mark.parametrize("name", ["report", "waived_report"])
def test_validates(name: str, request: pytest.FixtureRequest) -> None:
    validate(sarif(request.getfixturevalue(name)))


def test_empty_and_error_only_validate() -> None:
    validate(sarif(Report(())))
    validate(sarif(Report((build_error_document(),))))


def test_the_schema_catches_a_broken_log(report: Report) -> None:
    data = sarif(report)
    data["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        validate(data)
    data = sarif(report)
    data["runs"][0]["results"][0]["partialFingerprints"] = {FINGERPRINT_KEY: 7}
    with pytest.raises(AssertionError):
        validate(data)


def test_fingerprint_and_suppression(waived_report: Report) -> None:
    results = sarif(waived_report)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [{FINGERPRINT_KEY: "0123456789abcdef"},
                                                            {FINGERPRINT_KEY: "fedcba9876543210"}]
    assert "suppressions" not in results[0]
    (s,) = results[1]["suppressions"]
    assert s["kind"] == "external" and s["status"] == "accepted"
    assert s["justification"] == f"{WAIVER.why} ({WAIVER.who}, {WAIVER.date})"


def test_seeds_validate() -> None:
    from auditor import audit_paths

    data = sarif(audit_paths(Path(__file__).parents[2] / "seeds"))
    validate(data)
    results = data["runs"][0]["results"]
    assert results and all(len(r["partialFingerprints"][FINGERPRINT_KEY]) >= 16 for r in results)
