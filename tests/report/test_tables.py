"""CSV and xlsx: one row per finding with its sentence, arithmetic and fingerprint, numbers as numbers."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from auditor.model import Report
from auditor.report import render
from auditor.report.table import FINDING_COLUMNS, display_width, document_row, exact, finding_rows, headers

from .conftest import WAIVER, build_document, build_error_document, build_waived_document

openpyxl = pytest.importorskip("openpyxl")


def csv_rows(report: Report, lang: str = "zh") -> list[list[str]]:
    out = render(report, "csv", lang=lang)
    assert isinstance(out, str)
    return list(csv.reader(io.StringIO(out, newline="")))


def workbook(report: Report, lang: str = "zh"):  # type: ignore[no-untyped-def]
    out = render(report, "xlsx", lang=lang)
    assert isinstance(out, bytes) and out[:2] == b"PK"
    return openpyxl.load_workbook(io.BytesIO(out))


# --- the shared rows ---

def test_finding_row_cells(report: Report) -> None:
    (row,) = finding_rows(report)
    c = row.cells
    assert (c["document"], c["line"], c["column"], c["code"], c["severity"]) == (
        "reports/2023年报告.txt", 3, 31, "R201", "error")
    assert c["title"] == "所述比率与部分/整体之比不符（超出舍入范围）"
    assert c["sentence"] == "受理<b>政务</b>&办件37116件,办结37082件,按时办结率99.98%。"
    a, b = row.mark
    assert str(c["sentence"])[a:b] == "按时办结率99.98%"
    assert c["arithmetic"] == "37082/37116 = 99.91% ≠ 99.98%"
    assert c["claimed"] == Decimal("99.98") and c["recomputed"] == Decimal("99.9084")
    assert c["fingerprint"] == "0123456789abcdef" and c["waived"] is False and c["waived_by"] == ""


def test_english_title() -> None:
    (row,) = finding_rows(Report((build_document(),)), "en")
    assert row.cells["title"] != "所述比率与部分/整体之比不符（超出舍入范围）"
    assert str(row.cells["message"]).startswith("the")


def test_figure_alone_has_no_arithmetic() -> None:
    doc = build_document()
    f = replace(doc.findings[0], code="U101", claimed="99.98", recomputed=None, expression=None)
    (row,) = finding_rows(Report((replace(doc, findings=(f,)),)))
    assert row.cells["arithmetic"] == ""


def test_waived_counts_apart() -> None:
    row = document_row(build_waived_document())
    assert (row["errors"], row["infos"], row["waived"]) == (1, 0, 1)
    row = document_row(build_error_document())
    assert (row["unreadable"], row["error_code"], row["errors"]) == ("no such file", "not_found", 0)


def test_exact() -> None:
    assert exact("99.98") == Decimal("99.98") and exact("1,200") == Decimal(1200) and exact("66.6%") == Decimal("66.6")
    assert exact(None) is None and exact("") is None and exact("三分之二") is None and exact("NaN") is None


@given(st.text(alphabet="ab中文，１2", max_size=20))
def test_display_width_counts_cjk_double(s: str) -> None:
    wide = sum(1 for ch in s if ch in "中文，１")
    assert display_width(s) == len(s) + wide


# --- csv ---

def test_csv_columns_and_row(report: Report) -> None:
    rows = csv_rows(report)
    assert rows[0] == headers(FINDING_COLUMNS, "zh") + ["无法读取原因"]
    assert rows[0][:6] == ["文档", "行", "列", "代码", "级别", "问题类型"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["文档"] == "reports/2023年报告.txt" and row["行"] == "3" and row["级别"] == "错误"
    assert row["原文语句"] == "受理<b>政务</b>&办件37116件,办结37082件,按时办结率99.98%。"
    assert row["数字"] == "按时办结率99.98%" and row["核算"] == "37082/37116 = 99.91% ≠ 99.98%"
    assert (row["所述值"], row["重算值"], row["指纹"]) == ("99.98", "99.9084", "0123456789abcdef")
    assert rows[2][0] == "missing.txt" and rows[2][-1] == "no such file" and not any(rows[2][1:-1])
    assert len(rows) == 3


def test_csv_english_headers(report: Report) -> None:
    rows = csv_rows(report, "en")
    assert rows[0][:5] == ["document", "line", "column", "code", "severity"] and rows[1][4] == "error"


def test_csv_waived_rows_come_last_and_say_so(waived_report: Report) -> None:
    rows = csv_rows(waived_report)
    head = rows[0]
    first, waived = dict(zip(head, rows[1], strict=True)), dict(zip(head, rows[2], strict=True))
    assert first["代码"] == "R201" and first["已豁免"] == ""
    assert waived["代码"] == "C502" and waived["已豁免"] == "是"
    assert (waived["豁免人"], waived["豁免理由"], waived["豁免日期"]) == (WAIVER.who, WAIVER.why, WAIVER.date)


def test_csv_quotes_commas_and_quotes() -> None:
    doc = build_document()
    f = replace(doc.findings[0], message='含逗号,和"引号"')
    rows = csv_rows(Report((replace(doc, findings=(f,)),)))
    assert rows[1][rows[0].index("说明")] == '含逗号,和"引号"'


def test_csv_read_back_with_pandas_numbers_are_numbers(waived_report: Report) -> None:
    pd = pytest.importorskip("pandas")
    out = render(waived_report, "csv")
    assert isinstance(out, str)
    frame = pd.read_csv(io.StringIO(out))
    findings = frame[frame["代码"].notna()]
    assert len(findings) == 2
    assert findings["所述值"].dtype.kind == "f" and findings["所述值"].iloc[0] == pytest.approx(99.98)
    assert findings["行"].dtype.kind in "if"


def test_cli_csv_file_has_bom(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.cli import main

    src = tmp_path / "r.txt"
    src.write_text("受理办件37116件,办结37082件,按时办结率99.98%。\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    main(["check", str(src), "--format", "csv", "-o", str(out)])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "文档".encode() in data[:20]


# --- xlsx ---

def test_xlsx_sheets_headers_and_numbers(report: Report) -> None:
    wb = workbook(report)
    assert wb.sheetnames == ["问题", "已豁免", "文档", "表述"]  # quantities: `auditor extract`
    ws = wb["问题"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == headers(FINDING_COLUMNS, "zh")
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["文档"], row["行"], row["列"], row["代码"], row["级别"]) == (
        "reports/2023年报告.txt", 3, 31, "R201", "错误")
    assert row["问题类型"] == "所述比率与部分/整体之比不符（超出舍入范围）"
    assert row["核算"] == "37082/37116 = 99.91% ≠ 99.98%" and row["指纹"] == "0123456789abcdef"
    claimed, recomputed = ws.cell(2, 10), ws.cell(2, 11)
    assert claimed.data_type == "n" and claimed.value == pytest.approx(99.98)
    assert recomputed.data_type == "n" and recomputed.value == pytest.approx(99.9084)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
    assert ws["A1"].font.b


def test_xlsx_documents_sheet_has_unreadable_reason(report: Report) -> None:
    rows = list(workbook(report)["文档"].iter_rows(values_only=True))
    assert rows[0][:3] == ("文档", "字数", "错误")
    by_doc = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_doc["missing.txt"]["无法读取原因"] == "no such file"
    assert by_doc["reports/2023年报告.txt"]["错误"] == 1 and by_doc["reports/2023年报告.txt"]["无法读取原因"] is None


def test_xlsx_widths_count_cjk_double(report: Report) -> None:
    ws = workbook(report)["问题"]
    assert ws.column_dimensions["A"].width == display_width("reports/2023年报告.txt") + 2
    title = "所述比率与部分/整体之比不符（超出舍入范围）"
    assert ws.column_dimensions["F"].width == display_width(title) + 2 > len(title) + 2
    assert ws.column_dimensions["E"].width == 6  # 级别 and 错误 are 4 wide, plus the margin
    assert not ws["N2"].alignment.wrap_text
    doc = build_document()
    long = replace(doc.findings[0], message="很长的说明" * 20)
    ws = workbook(Report((replace(doc, findings=(long,)),)))["问题"]
    assert ws.column_dimensions["N"].width == 60 and ws["N2"].alignment.wrap_text  # capped, and wrapped


def test_xlsx_waived_sheet(waived_report: Report) -> None:
    wb = workbook(waived_report, "en")
    assert wb.sheetnames[:3] == ["Findings", "Waived", "Documents"]
    assert [r[3] for r in wb["Findings"].iter_rows(min_row=2, values_only=True)] == ["R201"]
    (row,) = wb["Waived"].iter_rows(min_row=2, values_only=True)
    head = [c.value for c in wb["Waived"][1]]
    cells = dict(zip(head, row, strict=True))
    assert cells["code"] == "C502" and cells["waived"] is True and cells["waived by"] == "张三"


def test_xlsx_read_back_with_pandas(waived_report: Report) -> None:
    pd = pytest.importorskip("pandas")
    out = render(waived_report, "xlsx")
    assert isinstance(out, bytes)
    sheets = pd.read_excel(io.BytesIO(out), sheet_name=None)
    findings = pd.concat([sheets["问题"], sheets["已豁免"]])
    assert len(findings) == 2
    assert sheets["问题"]["所述值"].dtype.kind == "f" and sheets["问题"]["行"].dtype.kind == "i"
    assert len(sheets["文档"]) == 2


def test_xlsx_text_is_never_a_formula() -> None:
    doc = build_document()
    f = replace(doc.findings[0], message="=HYPERLINK(\"http://x\")", text="\x0b坏字符")
    ws = workbook(Report((replace(doc, findings=(f,)),)))["问题"]
    head = [c.value for c in ws[1]]
    message, figure = ws.cell(2, head.index("说明") + 1), ws.cell(2, head.index("数字") + 1)
    assert message.value == "=HYPERLINK(\"http://x\")" and message.data_type == "s"
    assert figure.value == "\ufffd坏字符"


def test_xlsx_extract_mode(extract_report: Report) -> None:
    wb = workbook(extract_report, "en")
    assert wb.sheetnames == ["Documents", "Quantities"]
    assert wb["Quantities"].max_row == 10
    values = [r[6] for r in wb["Quantities"].iter_rows(min_row=2, values_only=True)]
    assert 875000 in values


def test_xlsx_does_not_import_pandas() -> None:
    import subprocess
    import sys

    code = ("import sys; from auditor.report import render; from auditor.model import Report; "
            "render(Report(()), 'xlsx'); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


_TEXT = st.text(alphabet=st.sampled_from(list('ab,"\n\r=<>&；。中文%:')), max_size=12)


@given(message=_TEXT, path=_TEXT.filter(bool))
def test_csv_and_html_keep_any_text_as_data(message: str, path: str) -> None:
    doc = build_document(path=path)
    f = replace(doc.findings[0], message=message)
    report = Report((replace(doc, findings=(f, replace(f, code="C502"))), build_error_document()))
    rows = csv_rows(report)
    assert len(rows) == 4 and sorted(r[3] for r in rows[1:3]) == ["C502", "R201"]
    assert rows[1][0] == path and rows[1][rows[0].index("说明")] == message and rows[3][-1] == "no such file"
    html = render(report, "html")
    assert isinstance(html, str)
    assert html.count('<tr class="finding"') == 2 and html.count("<script>") == 1
