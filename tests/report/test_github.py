"""`--format github`: one workflow command per finding, escaped as the runner parses them."""
from __future__ import annotations

import re

from msgspec.structs import replace

from auditor.model import Report
from auditor.report import FORMATS, render
from auditor.report.github import command, escape_data, escape_property

from .conftest import WAIVER, build_document

LINE = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def lines(report: Report, lang: str = "zh") -> list[str]:
    out = render(report, "github", lang=lang)
    assert isinstance(out, str)
    return out.splitlines()


def props(line: str) -> tuple[str, dict[str, str], str]:
    m = LINE.match(line)
    assert m, line
    fields = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), fields, m.group(3)


def test_registered() -> None:
    from auditor.cli import FORMATS as CLI_FORMATS

    assert "github" in FORMATS and "github" in CLI_FORMATS


def test_finding_annotation(report: Report) -> None:
    first, second = lines(report)
    level, fields, message = props(first)
    assert level == "error"
    assert fields == {"file": "reports/2023年报告.txt", "line": "3", "endLine": "3", "col": "31", "endColumn": "42",
                      "title": "R201 所述比率与部分/整体之比不符（超出舍入范围）"}
    assert message == ("按时办结率99.98%25高于办结件数与受理件数之比%0A37082/37116 = 99.91%25 ≠ 99.98%25"
                       "%0A指纹 0123456789abcdef")
    assert second == "::error file=missing.txt,title=无法读取::no such file"


def test_waived_is_a_notice_naming_the_waiver(waived_report: Report) -> None:
    out = lines(waived_report)
    level, fields, message = props(out[1])
    assert level == "notice" and fields["title"].startswith("已豁免 提示 C502")
    waiver = f"已豁免：{WAIVER.why}（豁免人 {WAIVER.who}, {WAIVER.date}）"
    assert message == f"{waiver}%0A满意率与相邻指标数值相同%0A指纹 fedcba9876543210"


def test_infos_are_notices_and_english() -> None:
    doc = build_document()
    f = replace(doc.findings[0], severity=doc.findings[0].severity.__class__("info"))
    (line,) = lines(Report((replace(doc, findings=(f,)),)), "en")
    level, fields, message = props(line)
    assert level == "notice" and message.startswith("the on-time rate") and "fingerprint 0123456789abcdef" in message


def test_escaping() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\nc:d,e") == "a%25b%0Ac%3Ad%2Ce"
    assert command("warning", "x", file="a,b:c.txt", line=2) == "::warning file=a%2Cb%3Ac.txt,line=2::x"
    assert command("error", "m") == "::error::m"


def test_path_with_comma_stays_one_property() -> None:
    doc = build_document(path="报告,第1版:终稿.txt")
    (line,) = lines(Report((doc,)))
    _, fields, _ = props(line)
    assert fields["file"] == "报告%2C第1版%3A终稿.txt"
