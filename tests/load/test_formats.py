"""Word, PDF and HTML loading, and the promise that no loader writes to its input."""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
from pathlib import Path

import pytest

from auditor.load import LoadError, load
from auditor.load.docx import load_docx
from auditor.load.html import html_text, load_html
from auditor.load.pdf import load_pdf

PARA = "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。"
HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>2023年工作报告</title>
<style>td {{ color: red }}</style><script>if (a < 2) {{ alert("45起") }}</script></head>
<body><h1>一、总体情况</h1>
<p>共调解各类矛盾纠纷45起。化解43起，
   <b>化解率</b>为95.6%&nbsp;&amp;&#x4E07;</p>
<table>
  <tr><th>项目</th> <th>数量</th></tr>
  <tr><td> 行政许可 </td>
      <td>208项</td></tr>
</table>
<ul><li>一是A</li><li>二是B<br>三是C</li></ul>
</body></html>
"""
HTML_TEXT = (
    "2023年工作报告\n一、总体情况\n共调解各类矛盾纠纷45起。化解43起， 化解率为95.6% &万\n"
    "| 项目 | 数量 |\n| 行政许可 | 208项 |\n一是A\n二是B\n三是C"
)


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("一、总体情况", level=1)
    document.add_paragraph(PARA)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "数量", "占比"], ["行政许可", "208项", "6.1%"], ["合计", "3415项", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 1).merge(table.cell(2, 2))  # a merged cell must not repeat its text
    document.add_paragraph("以上数据截至12月31日。")
    document.save(str(path))


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ASCII text in a standard font: enough to exercise the loader."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# --- .docx ---------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    make_docx(path)
    doc = load_docx(path)
    assert doc.text == "\n".join([
        "一、总体情况",
        PARA,
        "项目 | 数量 | 占比",
        "行政许可 | 208项 | 6.1%",
        "合计 | 3415项",
        "以上数据截至12月31日。",
    ])
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load(path).text == doc.text


def test_docx_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(LoadError) as info:
        load_docx(path)
    assert info.value.code == "unreadable"
    assert info.value.message.startswith("truncated or corrupt")


def test_docx_renamed_text_file(tmp_path: Path) -> None:
    # read by its content, with a note naming both
    path = tmp_path / "plain.docx"
    path.write_text(PARA, encoding="utf-8")
    doc = load(path)
    assert doc.text == PARA
    assert [code for code, _ in doc.notes] == ["wrong_extension"]
    assert ".docx" in doc.notes[0][1] and "plain text" in doc.notes[0][1]


def test_docx_empty(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(LoadError) as info:
        load_docx(path)
    assert info.value.code == "empty"


# --- .pdf ----------------------------------------------------------------------------


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["Mediated 45 disputes, resolved 43.", "Resolution rate 95.6%."]))
    doc = load_pdf(path)
    assert "Mediated 45 disputes, resolved 43." in doc.text
    assert "Resolution rate 95.6%." in doc.text
    assert "\f" not in doc.text
    assert load(path).text == doc.text


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"not a pdf at all", id="no-header"),
        pytest.param(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", id="truncated"),
        pytest.param(b"%PDF-1.4\n" + os.urandom(64).replace(b"\0", b"\1"), id="garbage"),
    ],
)
def test_pdf_corrupt(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(raw)
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "unreadable"
    assert info.value.message.startswith("not a valid PDF file")


def test_pdf_encrypted(tmp_path: Path) -> None:
    # the standard security handler with a user password that the empty string does not match
    encrypt = (
        "/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + "00" * 32 + "> /U <" + "11" * 32 + "> /P -4 >> "
        "/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
    )
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf(["secret 45"]).replace(b"/Root 1 0 R", b"/Root 1 0 R " + encrypt.encode()))
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "encrypted"
    assert info.value.message == "the PDF is encrypted"


def test_pdf_without_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([]))
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "no_text"


# --- .html ---------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["utf-8", "gbk", "gb2312", "GB18030"])
def test_html_by_meta_charset(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "report.html"
    markup = HTML.format(charset=charset)
    path.write_bytes(markup.encode("gb18030" if charset != "utf-8" else "utf-8"))
    assert load_html(path).text == HTML_TEXT


def test_html_without_meta_is_detected(tmp_path: Path) -> None:
    markup = HTML.format(charset="").replace('<meta charset="">', "")
    path = tmp_path / "report.htm"
    path.write_bytes(markup.encode("gbk"))
    assert load(path).text == HTML_TEXT


def test_html_wrong_meta_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(HTML.format(charset="utf-8").encode("gbk"))  # the label lies
    assert load_html(path).text == HTML_TEXT


def test_html_only_markup_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body> <p>&nbsp;</p> </body></html>")
    with pytest.raises(LoadError) as info:
        load_html(path)
    assert info.value.code == "empty"


def test_html_table_cells_and_blank_lines() -> None:
    markup = "<div>\n\n<table><tr><td></td><td>1</td><td> 2 </td></tr></table>\n\n\n<p>a</p><p></p><p>b</p></div>"
    assert html_text(markup) == "|  | 1 | 2 |\na\nb"


# --- inputs are never written --------------------------------------------------------


def test_loading_never_modifies_the_input(tmp_path: Path) -> None:
    make_docx(tmp_path / "a.docx")
    (tmp_path / "b.pdf").write_bytes(make_pdf(["Total 3415 items."]))
    (tmp_path / "c.html").write_bytes(HTML.format(charset="gbk").encode("gbk"))
    (tmp_path / "d.txt").write_bytes(b"\xef\xbb\xbf" + PARA.encode() + b"\r\n")
    (tmp_path / "e.txt").write_bytes(PARA.encode("gb18030"))
    (tmp_path / "f.txt").write_bytes(b"\x00\x01binary")
    old = 1_000_000_000
    before = {}
    for path in sorted(tmp_path.iterdir()):
        os.utime(path, (old, old))
        before[path] = (path.read_bytes(), path.stat().st_mtime_ns)
    for path in before:
        with contextlib.suppress(LoadError):
            load(path)
    for path, (raw, mtime) in before.items():
        assert path.read_bytes() == raw, path
        assert path.stat().st_mtime_ns == mtime, path
    assert sorted(tmp_path.iterdir()) == sorted(before)  # no stray files written beside them
