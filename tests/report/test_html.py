"""The HTML report: self-contained, an overview, sortable and filterable findings, waived ones apart."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from msgspec.structs import replace

from auditor.model import Report
from auditor.report import render

from .conftest import WAIVER, build_document, build_error_document


def page(report: Report, lang: str = "zh") -> str:
    out = render(report, "html", lang=lang)
    assert isinstance(out, str)
    return out


class Rows(HTMLParser):
    """The rows of each table by id, as lists of their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[dict[str, str | None]]] = {}
        self._table: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._table = a.get("id") or ""
            self.tables.setdefault(self._table, [])
        elif tag == "tr" and self._table is not None and "data-code" in a:
            self.tables[self._table].append(a)


def rows_of(html: str) -> dict[str, list[dict[str, str | None]]]:
    parser = Rows()
    parser.feed(html)
    return parser.tables


def test_standalone_no_network(report: Report) -> None:
    html = page(report)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert '<html lang="zh-CN">' in html
    # one inline script and one inline style, nothing fetched
    assert html.count("<script>") == 1 and "<script src" not in html
    assert not re.search(r"<link|src=|@import|url\(|https?://", html)


def test_escaped(report: Report) -> None:
    html = page(report)
    assert "&lt;b&gt;政务&lt;/b&gt;&amp;办件" in html and "<b>政务" not in html
    doc = build_document(path='a<"x">.txt')
    f = replace(doc.findings[0], message="<img onerror=alert(1)>")
    html = page(Report((replace(doc, findings=(f,)),)))
    assert "<img" not in html and "&lt;img onerror=alert(1)&gt;" in html
    assert 'data-doc="a&lt;&quot;x&quot;&gt;.txt"' in html


def test_finding_row(report: Report) -> None:
    html = page(report)
    assert "<mark>按时办结率99.98%</mark>" in html
    assert "37082/37116 = 99.91% ≠ 99.98%" in html
    assert "0123456789abcdef" in html and "3:31" in html
    (row,) = rows_of(html)["findings"]
    assert row["data-code"] == "R201" and row["data-severity"] == "error"
    assert row["data-doc"] == "reports/2023年报告.txt" and row["data-fingerprint"] == "0123456789abcdef"


def test_overview_and_filters(report: Report) -> None:
    html = page(report)
    assert 'id="overview"' in html and "文档概览" in html
    overview = html[html.index('id="overview"'):html.index("</table>", html.index('id="overview"'))]
    assert "reports/2023年报告.txt" in overview and "missing.txt" in overview and "no such file" in overview
    for ident in ("f-code", "f-severity", "f-doc", "f-q"):
        assert f'id="{ident}"' in html
    assert '<option value="R201">' in html and '<option value="error">错误</option>' in html
    assert html.count('class="sortable"') >= 2
    assert 'data-filter-doc="reports/2023年报告.txt"' in html


def test_claims_and_unverifiable(report: Report) -> None:
    html = page(report)
    assert "✓</span> 化解率为95.6%" in html and "43/45 = 95.56%" in html
    assert "另有 1 条表述无法核实" in html


def test_waived_apart(waived_report: Report) -> None:
    html = page(waived_report)
    tables = rows_of(html)
    assert [r["data-code"] for r in tables["findings"]] == ["R201"]
    assert [r["data-code"] for r in tables["waived"]] == ["C502"]
    assert "已豁免的问题 (1)" in html and WAIVER.why in html and WAIVER.who in html and WAIVER.date in html


def test_no_findings() -> None:
    doc = build_document()
    html = page(Report((replace(doc, findings=()),)))
    assert "未发现问题" in html and 'id="findings"' not in html and 'id="waived"' not in html


def test_english(report: Report) -> None:
    html = page(report, "en")
    assert '<html lang="en">' in html and "the on-time rate 99.98% exceeds" in html
    assert "<th>document</th>" in html and "Findings (1)" in html and "文档概览" not in html


def test_extract(extract_report: Report) -> None:
    html = page(extract_report)
    assert "87.5余万人次" in html and "875000" in html and "5–20" in html
    assert "<mark>" not in html and 'id="findings"' not in html


def test_error_only() -> None:
    html = page(Report((build_error_document(),)))
    assert "missing.txt" in html and "无法读取：文件不存在（no such file）" in html
