"""Tables inside submitted files (.docx, .xlsx, .html, .pdf): a 合计 row off by one is flagged on its cell,
a table that adds up gives consistent sum claims, and one wrong cell of a 占比 column is flagged alone."""
from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from auditor.pipeline import run_path

TITLE = "2024年办理案件情况"
TABLE = [["类别", "件数(件)", "占比(%)"], ["行政许可", "120", "48.0"], ["行政处罚", "80", "32.0"],
         ["行政强制", "50", "20.0"], ["合计", "250", "100.0"]]

Table = list[list[str]]


def write_docx(rows: Table, path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx (test extra) writes the .docx")
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))


def write_xlsx(rows: Table, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append([TITLE])
    for r, row in enumerate(rows):
        cells: list[object] = list(row)
        if r:  # figures as numbers, the share with one decimal shown, as a real workbook holds them
            cells = [row[0], int(row[1]), float(row[2])]
        ws.append(cells)
        if r:
            ws.cell(row=r + 2, column=3).number_format = "0.0"
    wb.save(str(path))


def write_html(rows: Table, path: Path) -> None:
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><p>{TITLE}</p><table>{body}</table>"
                    "</body></html>", encoding="utf-8")


def write_pdf(rows: Table, path: Path) -> None:
    pytest.importorskip("reportlab", reason="reportlab (test extra) writes the .pdf")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11)
    table = Table(rows)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(TITLE, style), table])


WRITERS: dict[str, Callable[[Table, Path], None]] = {
    ".docx": write_docx, ".xlsx": write_xlsx, ".html": write_html, ".pdf": write_pdf}


def audit(rows: Table, suffix: str, tmp_path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    path = tmp_path / f"table{suffix}"
    WRITERS[suffix](rows, path)
    doc = run_path(path)
    assert doc.error is None, doc.error
    findings = [(f.code, doc.text[f.start:f.end]) for f in doc.findings if f.severity.value == "error"]
    claims = [(c.kind, c.status, c.expression or "") for c in doc.claims if c.status != "unverifiable"]
    return findings, claims


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_a_table_that_adds_up_gives_consistent_sums(suffix: str, tmp_path: Path) -> None:
    findings, claims = audit(TABLE, suffix, tmp_path)
    assert findings == []
    assert ("sum", "consistent", "120+80+50") in claims
    assert ("share", "consistent", "80/250") in claims


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_a_total_off_by_one_is_flagged_on_its_cell(suffix: str, tmp_path: Path) -> None:
    rows = [r[:] for r in TABLE]
    rows[4][1] = "251"
    findings, _ = audit(rows, suffix, tmp_path)
    sums = [(code, text) for code, text in findings if code in ("S401", "S402")]
    assert len(sums) == 1 and sums[0][1].endswith("251"), findings  # the span ends at the 合计 cell


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_one_wrong_share_cell_is_flagged_alone(suffix: str, tmp_path: Path) -> None:
    rows = [r[:] for r in TABLE]
    rows[2][2] = "33.0"
    findings, _ = audit(rows, suffix, tmp_path)
    assert [code for code, _ in findings] == ["R201"], findings
    assert findings[0][1].endswith("33.0") and "行政处罚" in findings[0][1]


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_auditor_text_prints_the_text_the_offsets_index(suffix: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from auditor import cli

    rows = [r[:] for r in TABLE]
    rows[4][1] = "251"  # one finding, so there is an offset to check
    path = tmp_path / f"table{suffix}"
    WRITERS[suffix](rows, path)
    capsys.readouterr()
    status = cli.main(["text", str(path)])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    doc = run_path(path)
    assert out == doc.text
    assert doc.findings and all(out[f.start:f.end] == f.text for f in doc.findings)
    assert "合计 | 251" in out  # the table as pipe rows
