"""The `auditor/v1` JSON shape: keys, order and exact value strings (SPEC.md)."""
from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from msgspec.structs import replace

from auditor.model import Finding, Report, Severity
from auditor.report import render
from auditor.report.common import fmt_number

from .conftest import TEXT, build_document, build_error_document

QUANTITY_KEYS = ["start", "end", "text", "value", "unit", "kind", "approx", "decimals"]
CLAIM_KEYS = ["kind", "start", "end", "text", "claimed", "unit", "operands", "expression", "recomputed", "status",
              "link"]  # `link` (why these operands) is this project's addition to auditor/v1
FINDING_KEYS = ["code", "severity", "start", "end", "line", "column", "text", "message", "claimed", "recomputed",
                "expression", "fingerprint", "waiver"]


def load(report: Report, lang: str = "zh") -> dict:
    out = render(report, "json", lang=lang)
    assert isinstance(out, str)
    return json.loads(out)


def test_top_level(report: Report) -> None:
    data = load(report)
    assert list(data) == ["schema", "documents", "summary"]
    assert data["schema"] == "auditor/v1"
    # SPEC's four counts first; the claim counts are additions (a repeat is never counted as a check)
    assert list(data["summary"])[:4] == ["documents", "errors", "warnings", "infos"]
    assert {k: data["summary"][k] for k in ("documents", "errors", "warnings", "infos")} == \
        {"documents": 2, "errors": 1, "warnings": 0, "infos": 0}
    claims = [c for d in data["documents"] for c in d["claims"]]
    assert data["summary"]["claims"] == sum(1 for c in claims if c["kind"] != "repeat")
    assert data["summary"]["recomputed"] == sum(1 for c in claims if c["kind"] != "repeat"
                                                and c["status"] != "unverifiable")
    doc = data["documents"][0]
    assert list(doc) == ["path", "sha256", "chars", "error", "quantities", "claims", "findings", "notes"]
    assert doc["path"] == "reports/2023年报告.txt"
    assert doc["sha256"] == "ab" * 32
    assert doc["chars"] == len(TEXT)
    assert doc["error"] is None


def test_text_is_not_escaped_and_indented_by_one(report: Report) -> None:
    out = render(report, "json")
    assert isinstance(out, str)
    assert "化解率为95.6%" in out and "\\u" not in out
    assert out.startswith('{\n "schema": "auditor/v1",')
    assert out.endswith("}\n")


def test_quantities(report: Report) -> None:
    qs = load(report)["documents"][0]["quantities"]
    assert [list(q) for q in qs if q["text"] != "5-20%"] == [QUANTITY_KEYS] * (len(qs) - 1)
    by_text = {q["text"]: q for q in qs}
    assert by_text["87.5余万人次"] == {"start": TEXT.index("87.5余万人次"), "end": TEXT.index("87.5余万人次") + 8,
                                  "text": "87.5余万人次", "value": "875000", "unit": "人次", "kind": "count",
                                  "approx": "余", "decimals": 1}
    assert by_text["95.6%"]["value"] == "95.6" and by_text["95.6%"]["decimals"] == 1
    assert by_text["45起"]["approx"] is None
    rng = by_text["5-20%"]
    assert list(rng) == ["start", "end", "text", "value", "high", "unit", "kind", "approx", "decimals"]
    assert (rng["value"], rng["high"]) == ("5", "20")
    for q in qs:
        assert TEXT[q["start"]:q["end"]] == q["text"]


def test_claims(report: Report) -> None:
    claims = load(report)["documents"][0]["claims"]
    assert [list(c) for c in claims] == [CLAIM_KEYS] * 3
    ok = claims[0]
    assert ok["kind"] == "rate" and ok["status"] == "consistent"
    assert (ok["claimed"], ok["unit"], ok["expression"], ok["recomputed"]) == ("95.6", "%", "43/45", "95.5556")
    assert [o["text"] for o in ok["operands"]] == ["43起", "45起"]
    assert all(list(o) == ["start", "end", "text"] and TEXT[o["start"]:o["end"]] == o["text"] for o in ok["operands"])
    assert claims[2]["status"] == "unverifiable"
    assert claims[2]["operands"] == [] and claims[2]["expression"] is None and claims[2]["recomputed"] is None


def test_findings(report: Report) -> None:
    (f,) = load(report)["documents"][0]["findings"]
    assert list(f) == FINDING_KEYS
    start = TEXT.index("按时办结率99.98%")
    assert f == {"code": "R201", "severity": "error", "start": start, "end": start + 11, "line": 3, "column": 31,
                 "text": "按时办结率99.98%", "message": "按时办结率99.98%高于办结件数与受理件数之比",
                 "claimed": "99.98", "recomputed": "99.9084", "expression": "37082/37116",
                 "fingerprint": f["fingerprint"], "waiver": None}
    assert len(f["fingerprint"]) == 16
    assert TEXT.count("\n", 0, start) + 1 == 3
    assert start - (TEXT.rindex("\n", 0, start) + 1) + 1 == 31


def test_rule_supplied_position_is_kept() -> None:
    doc = build_document()
    f = replace(doc.findings[0], line=7, column=2)
    (out,) = load(Report((replace(doc, findings=(f,)),)))["documents"][0]["findings"]
    assert (out["line"], out["column"]) == (7, 2)


def test_english_messages_fall_back_to_chinese() -> None:
    doc = build_document()
    extra = Finding("C502", Severity.INFO, 0, 2, "一、", "两个指标数值相同")
    data = load(Report((replace(doc, findings=(*doc.findings, extra)),)), lang="en")
    messages = {f["code"]: f["message"] for f in data["documents"][0]["findings"]}
    assert messages == {"R201": "the on-time rate 99.98% exceeds completed/received", "C502": "两个指标数值相同"}
    assert data["summary"]["infos"] == 1


def test_findings_are_in_document_order() -> None:
    doc = build_document()
    early = Finding("U101", Severity.ERROR, 3, 5, "总体", "缺少单位")
    data = load(Report((replace(doc, findings=(*doc.findings, early)),)))
    assert [f["code"] for f in data["documents"][0]["findings"]] == ["U101", "R201"]


def test_error_document(report: Report) -> None:
    doc = load(report)["documents"][1]
    assert doc == {"path": "missing.txt", "sha256": "", "chars": 0,
                   "error": {"code": "not_found", "message": "no such file"},
                   "quantities": [], "claims": [], "findings": [], "notes": []}


def test_extract_mode_has_no_claims_or_findings(extract_report: Report) -> None:
    data = load(extract_report)
    doc = data["documents"][0]
    assert doc["claims"] == [] and doc["findings"] == []
    assert len(doc["quantities"]) == 9
    assert data["documents"][1]["error"]["code"] == "not_found"


def test_empty_report() -> None:
    assert load(Report(())) == {"schema": "auditor/v1", "documents": [],
                                "summary": {"documents": 0, "errors": 0, "warnings": 0, "infos": 0,
                                            "claims": 0, "recomputed": 0, "consistent": 0, "repeats": 0}}


def test_error_only_report() -> None:
    assert load(Report((build_error_document(),)))["summary"]["documents"] == 1


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("18000"), "18000"),
    (Decimal("1.8E+4"), "18000"),
    (Decimal("875000.0"), "875000"),
    (Decimal("392200"), "392200"),
    (Decimal("95.6"), "95.6"),
    (Decimal("95.60"), "95.6"),
    (Decimal("0.00001"), "0.00001"),
    (Decimal("1E-7"), "0.0000001"),
    (Decimal("-0"), "0"),
    (Decimal("-0.50"), "-0.5"),
    (Decimal("1E+2"), "100"),
    (Decimal("12345678901234567890123456789.123456789"), "12345678901234567890123456789.123456789"),
    (Fraction(7, 4), "1.75"),
    (Fraction(1, 1024), "0.0009765625"),
    (Fraction(300, 3), "100"),
    (Fraction(1, 3), "0.333333"),
    (Fraction(2, 3), "0.666667"),
    (Fraction(-2, 3), "-0.666667"),
    (Fraction(43, 45) * 100, "95.555556"),
    (Fraction(1, 3_000_000), "0"),
    (Fraction(1, 1_500_000), "0.000001"),
    (5, "5"),
])
def test_fmt_number(value: Decimal | Fraction | int, text: str) -> None:
    assert fmt_number(value) == text
    assert "E" not in fmt_number(value) and "e" not in fmt_number(value)
