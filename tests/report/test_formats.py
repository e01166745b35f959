"""jsonl, csv, html, sarif and xlsx: each reads the same Report."""
from __future__ import annotations

import csv
import io
import json

import pytest
from msgspec.structs import replace

from auditor.model import Finding, Report, Severity
from auditor.report import FORMATS, render
from auditor.report.sarif import artifact_uri

from .conftest import TEXT, build_document, build_error_document


def text_of(report: Report, fmt: str, lang: str = "zh") -> str:
    out = render(report, fmt, lang=lang)
    assert isinstance(out, str)
    return out


def test_unknown_format_is_refused(report: Report) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(report, "pdf", "zh", False, None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(fmt: str) -> None:
    assert render(Report(()), fmt, "zh", False, None) is not None


# --- jsonl ---

def test_jsonl_one_object_per_finding(report: Report) -> None:
    lines = text_of(report, "jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 2
    assert rows[0]["path"] == "reports/2023年报告.txt"
    assert (rows[0]["code"], rows[0]["line"], rows[0]["column"], rows[0]["claimed"]) == ("R201", 3, 31, "99.98")
    assert rows[1] == {"path": "missing.txt", "error": {"code": "not_found", "message": "no such file"}}


def test_jsonl_extract_one_object_per_quantity(extract_report: Report) -> None:
    rows = [json.loads(line) for line in text_of(extract_report, "jsonl").splitlines()]
    quantities = [r for r in rows if "error" not in r]
    assert len(quantities) == 9
    assert quantities[6] == {"path": "reports/2023年报告.txt", "start": TEXT.index("87.5"),
                              "end": TEXT.index("87.5") + 8, "text": "87.5余万人次", "value": "875000",
                              "unit": "人次", "kind": "count", "approx": "余", "decimals": 1}


def test_jsonl_english(report: Report) -> None:
    row = json.loads(text_of(report, "jsonl", "en").splitlines()[0])
    assert row["message"] == "the on-time rate 99.98% exceeds completed/received"


# --- csv ---

def test_csv_extract_row_per_quantity(extract_report: Report) -> None:
    rows = list(csv.reader(io.StringIO(text_of(extract_report, "csv", "en"))))
    assert rows[0] == ["path", "start", "end", "text", "value", "unit", "kind", "approx", "decimals", "subject",
                       "role", "period", "unreadable"]
    assert rows[-1] == ["missing.txt"] + [""] * 11 + ["no such file"]
    zh = next(csv.reader(io.StringIO(text_of(extract_report, "csv"))))
    assert zh[:5] == ["文档", "起", "止", "原文", "数值"]
    assert len(rows) == 11
    start = TEXT.index("87.5")
    assert rows[7][:9] == ["reports/2023年报告.txt", str(start), str(start + 8), "87.5余万人次", "875000", "人次",
                           "count", "余", "1"]


# --- sarif ---

def sarif(report: Report, lang: str = "zh") -> dict:
    return json.loads(text_of(report, "sarif", lang))


def test_sarif_structure(report: Report) -> None:
    data = sarif(report)
    assert data["version"] == "2.1.0"
    assert data["$schema"].endswith("sarif-2.1.0.json")
    (run,) = data["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auditor" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == ["R201"]
    rule = driver["rules"][0]
    assert rule["name"] and rule["shortDescription"]["text"]
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    assert result["ruleId"] == "R201" and result["ruleIndex"] == 0 and result["level"] == "error"
    assert result["message"]["text"] == "按时办结率99.98%高于办结件数与受理件数之比"
    (loc,) = result["locations"]
    phys = loc["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "reports/2023%E5%B9%B4%E6%8A%A5%E5%91%8A.txt"
    assert phys["region"] == {"startLine": 3, "startColumn": 31, "endLine": 3, "endColumn": 42,
                              "snippet": {"text": "按时办结率99.98%"}}
    assert result["properties"] == {"claimed": "99.98", "recomputed": "99.9084", "expression": "37082/37116"}
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and "no such file" in note["message"]["text"]


def test_sarif_levels_and_rules_from_codes_present() -> None:
    doc = build_document()
    extra = (Finding("C502", Severity.INFO, 0, 2, "一、", "相同"),
             Finding("R202", Severity.WARNING, 3, 5, "总体", "截断"))
    data = sarif(Report((replace(doc, findings=(*doc.findings, *extra)),)), "en")
    run = data["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["C502", "R201", "R202"]
    levels = {r["ruleId"]: (r["level"], r["ruleIndex"]) for r in run["results"]}
    assert levels == {"C502": ("note", 0), "R201": ("error", 1), "R202": ("warning", 2)}
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["results"][2]["message"]["text"] == "the on-time rate 99.98% exceeds completed/received"


def test_sarif_uris() -> None:
    assert artifact_uri("a b/c.txt") == "a%20b/c.txt"
    assert artifact_uri("/tmp/报告.txt") == "file:///tmp/%E6%8A%A5%E5%91%8A.txt"


def test_error_only_batch_in_every_text_format() -> None:
    r = Report((build_error_document(),))
    assert text_of(r, "csv").count("\n") == 2  # the header and the unreadable document's row
    assert text_of(r, "github") == "::error file=missing.txt,title=无法读取::no such file\n"
    assert json.loads(text_of(r, "sarif"))["runs"][0]["results"] == []


def test_csv_extract_shows_each_figure_frame() -> None:
    from auditor.document import Document
    from auditor.pipeline import extract_document

    text = "钢材产量1200万吨，增加50万吨。"
    report = Report((extract_document(Document.from_text(text, "x.txt")),), mode="extract")
    rows = list(csv.reader(io.StringIO(text_of(report, "csv"))))
    by_text = {r[3]: r for r in rows[1:]}
    assert by_text["1200万吨"][-4:-1] == ["钢材产量", "level", ""]
    assert by_text["50万吨"][-4:-2] == ["钢材产量", "change"]


def test_the_cli_offers_every_format_the_reporters_write() -> None:
    from auditor.cli_args import FORMATS as CLI_FORMATS
    from auditor.config import FORMATS as CONFIG_FORMATS

    assert CLI_FORMATS == FORMATS == CONFIG_FORMATS
