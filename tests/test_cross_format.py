"""Same findings in every format: each seed written as .docx, .pdf, .html and .xlsx audits as its .txt does.

Each document is the seed's paragraphs followed by one small table; the .txt baseline carries the
table as pipe rows. The .docx puts one figure (the first figure of the first finding, else the
first figure) in a tracked insertion (`w:ins`, built by hand) and the table as a Word table; the
.pdf is written with reportlab's built-in CID font STSong-Light (no font file needed), its lines
wrapped at the page width, page numbers in the footer and a running header; the .html has one
`<p>` a paragraph and a `<table>`; the .xlsx one cell a paragraph and the table in cells.
Findings are compared as (code, claimed, expression).
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from auditor.pipeline import audit_text, run_path

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
TABLE = [["类别", "场次"], ["线上宣讲", "12场"], ["线下宣讲", "30场"], ["合计", "42场"]]
FIGURE = re.compile(r"\d+(?:\.\d+)?")

Key = Counter[tuple[str, str | None, str | None]]


def paragraphs(seed: Path) -> list[str]:
    return [line.strip() for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]


def pipe_rows() -> str:
    return "\n".join("| " + " | ".join(row) + " |" for row in TABLE)


def baseline(seed: Path) -> str:
    return seed.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + pipe_rows() + "\n"


def key(findings: object) -> Key:
    return Counter((f.code, f.claimed, f.expression) for f in findings)  # type: ignore[attr-defined]


def inserted_figure(seed: Path) -> tuple[int, int, int]:
    """(paragraph, start, end) of the figure to put in a tracked insertion."""
    paras = paragraphs(seed)
    findings = sorted(audit_text(baseline(seed)).findings, key=lambda f: f.start)
    for f in findings:
        for i, para in enumerate(paras):
            at = para.find(f.text)
            if at >= 0 and (m := FIGURE.search(para, at)) and m.start() < at + len(f.text):
                return i, m.start(), m.end()
    for i, para in enumerate(paras):
        if m := FIGURE.search(para):
            return i, m.start(), m.end()
    raise AssertionError("a seed without figures")


# --- writers ------------------------------------------------------------------------------


def write_docx(seed: Path, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    target, a, b = inserted_figure(seed)
    document = docx.Document()
    for i, para in enumerate(paragraphs(seed)):
        if i != target:
            document.add_paragraph(para)
            continue
        p = document.add_paragraph()
        p.add_run(para[:a])
        ins = OxmlElement("w:ins")
        ins.set(qn("w:id"), "1")
        ins.set(qn("w:author"), "reviewer")
        ins.set(qn("w:date"), "2024-01-01T00:00:00Z")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = para[a:b]
        run.append(text)
        ins.append(run)
        p._p.append(ins)
        p.add_run(para[b:])
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))


def write_html(seed: Path, path: Path) -> None:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs(seed))
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in TABLE)
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n{body}<table>{rows}</table></body></html>',
        encoding="utf-8",
    )


def write_xlsx(seed: Path, path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for para in paragraphs(seed):
        sheet.append([para])
    for row in TABLE:
        sheet.append(row)
    book.save(str(path))


def write_pdf(seed: Path, path: Path) -> None:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        pytest.skip("no PDF writer: reportlab (test extra) is not installed and headless Chromium is not used")
    font, size = "STSong-Light", 12.0
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    left, text_width = 72.0, A4[0] - 144.0
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    state = {"page": 1, "y": height - 72.0}

    def furniture() -> None:
        c.setFont(font, 9)
        c.drawString(left, height - 40, "某县人民政府公报")
        c.drawCentredString(width / 2, 40, f"- {state['page']} -")

    def need(h: float) -> None:
        if state["y"] - h < 72:
            c.showPage()
            state["page"] += 1
            state["y"] = height - 72.0
            furniture()

    furniture()
    for para in paragraphs(seed):
        para = para.replace("·", "・")  # STSong-Light has no U+00B7 glyph; U+30FB reads back as U+00B7
        buf, x = "", 2 * size
        for ch in para + "\0":
            if ch == "\0" or (buf and x + pdfmetrics.stringWidth(buf + ch, font, size) > text_width):
                need(1.5 * size)
                c.setFont(font, size)
                c.drawString(left + x, state["y"], buf)
                state["y"] -= 1.5 * size
                buf, x = "", 0.0
            if ch != "\0":
                buf += ch
    row_h, col_w = 1.8 * size, 120.0
    need(row_h * len(TABLE) + size)
    top = state["y"] + size
    for r, row in enumerate(TABLE):
        for k, cell in enumerate(row):
            c.setFont(font, size - 2)
            c.drawString(left + k * col_w + 4, top - (r + 1) * row_h + 6, cell)
    for r in range(len(TABLE) + 1):
        c.line(left, top - r * row_h, left + len(TABLE[0]) * col_w, top - r * row_h)
    for k in range(len(TABLE[0]) + 1):
        c.line(left + k * col_w, top, left + k * col_w, top - len(TABLE) * row_h)
    c.save()
    path.write_bytes(out.getvalue())


WRITERS: dict[str, Callable[[Path, Path], None]] = {
    ".docx": write_docx,
    ".pdf": write_pdf,
    ".html": write_html,
    ".xlsx": write_xlsx,
}


# --- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix",
    [
        ".docx",
        ".pdf",
        ".html",
        ".xlsx",
    ],
)
@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_same_findings_in_every_format(tmp_path: Path, seed: Path, suffix: str) -> None:
    expected = key(audit_text(baseline(seed)).findings)
    path = tmp_path / (seed.stem + suffix)
    WRITERS[suffix](seed, path)
    result = run_path(path)
    assert result.error is None, result.error
    assert key(result.findings) == expected
    for f in result.findings:  # offsets index the text the loader returned (what `auditor text` prints)
        assert result.text[f.start:f.end] == f.text


def test_the_table_is_read_in_every_text_format(tmp_path: Path) -> None:
    # the comparison above would pass if a loader dropped the table: here it must be there
    seed = SEEDS[0]
    for suffix in (".pdf", ".html"):
        path = tmp_path / (seed.stem + suffix)
        WRITERS[suffix](seed, path)
        assert pipe_rows() in run_path(path, mode="extract").text, suffix


def test_pdf_of_seed_004_keeps_its_errors_and_a_quiet_stderr(tmp_path: Path) -> None:
    seed = next(s for s in SEEDS if s.name.startswith("004_"))
    path = tmp_path / "004.pdf"
    write_pdf(seed, path)
    run = subprocess.run(
        [sys.executable, "-m", "auditor", "check", str(path), "--format", "json", "--fail-on", "never"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    codes = {f["code"] for f in json.loads(run.stdout)["documents"][0]["findings"]}
    assert {"R201", "S401"} <= codes
