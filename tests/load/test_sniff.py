"""The loader is chosen by the content; the name only breaks ties, and a wrong one is noted."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from office_files import docx_bytes, p, pdf_bytes, xlsx_bytes, zip_with

from auditor.load import SUFFIXES, LoadError, load
from auditor.load.sniff import OLE2_MAGIC, sniff
from auditor.pipeline import run_path

PARA = "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。"


def write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def random_bytes(n: int = 4096) -> bytes:
    raw = random.Random(7).randbytes(n)
    assert b"\0" in raw
    return raw


def minimal_pdf(text: str) -> bytes:
    return pdf_bytes(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET")


@pytest.mark.parametrize("name", [f"empty{s}" for s in SUFFIXES])
def test_empty_file_of_each_extension(tmp_path: Path, name: str) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, name, b""))
    assert info.value.code == "empty"


@pytest.mark.parametrize(("name", "code"), [
    ("random.txt", "binary"), ("random.md", "binary"), ("random.csv", "binary"),
    ("random.docx", "unreadable"), ("random.xlsx", "unreadable"), ("random.pdf", "unreadable"),
    ("random.html", "binary"),
])
def test_random_bytes_give_a_clear_code(tmp_path: Path, name: str, code: str) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, name, random_bytes()))
    assert info.value.code == code
    if code == "unreadable":
        assert f"not a valid {Path(name).suffix} file" in info.value.message


def test_pdf_named_txt_is_read_as_pdf_not_audited_as_syntax(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "report.txt", minimal_pdf("Resolution rate 95.6%.")))
    assert "Resolution rate 95.6%." in doc.text
    assert "obj" not in doc.text and "%PDF" not in doc.text
    assert [c for c, _ in doc.notes] == ["wrong_extension"]
    assert ".txt" in doc.notes[0][1] and "PDF" in doc.notes[0][1]


def test_docx_named_xlsx_and_xlsx_named_docx(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "a.xlsx", docx_bytes(p(PARA))))
    assert doc.text == PARA
    assert doc.notes == (("wrong_extension", "named .xlsx but the content is Word (.docx): read as Word (.docx)"),)
    doc = load(write(tmp_path, "b.docx", xlsx_bytes({"表1": [["合计", 108156]]})))
    assert doc.text == "表1\n| 合计 | 108156 |"
    assert doc.notes and "Excel" in doc.notes[0][1] and ".docx" in doc.notes[0][1]


def test_html_named_txt_is_read_as_html(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "page.txt", f"<!DOCTYPE html><html><body><p>{PARA}</p></body></html>".encode()))
    assert doc.text == PARA
    assert [c for c, _ in doc.notes] == ["wrong_extension"]


def test_right_names_give_no_note(tmp_path: Path) -> None:
    assert load(write(tmp_path, "a.docx", docx_bytes(p(PARA)))).notes == ()
    assert load(write(tmp_path, "a.txt", PARA.encode())).notes == ()
    assert load(write(tmp_path, "a.html", f"<p>{PARA}</p>".encode())).notes == ()  # a fragment: the name decides


def test_notes_reach_the_result(tmp_path: Path) -> None:
    path = write(tmp_path, "a.xlsx", docx_bytes(p(PARA)))
    for mode in ("check", "extract"):
        result = run_path(path, mode=mode)
        assert result.error is None
        assert [c for c, _ in result.notes] == ["wrong_extension"]
    assert run_path(write(tmp_path, "b.txt", PARA.encode())).notes == ()


@pytest.mark.parametrize(("name", "stream", "says"), [
    ("old.doc", "WordDocument", ".docx"),
    ("old.xls", "Workbook", ".xlsx"),
    ("old.wps", "WordDocument", ".docx"),
    ("renamed.docx", "WordDocument", ".docx"),
])
def test_legacy_ole2_files_are_refused_with_a_hint(tmp_path: Path, name: str, stream: str, says: str) -> None:
    raw = OLE2_MAGIC + bytes(504) + stream.encode("utf-16-le") + bytes(1000)
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, name, raw))
    assert info.value.code == "legacy_format"
    assert f"save as {says}" in info.value.message


def test_encrypted_office_file(tmp_path: Path) -> None:
    raw = OLE2_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(1000)
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "locked.docx", raw))
    assert info.value.code == "unreadable" and "password" in info.value.message


@pytest.mark.parametrize(("entries", "says"), [
    ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<a/>"}, "OpenDocument"),
    ({"ppt/presentation.xml": b"<a/>"}, "PowerPoint"),
    ({"data.bin": b"12345"}, "not a Word"),
])
def test_other_zip_archives_are_unsupported(tmp_path: Path, entries: dict[str, bytes], says: str) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "x.docx", zip_with(entries)))
    assert info.value.code == "unsupported" and says in info.value.message


def test_sniff_looks_at_content_only() -> None:
    assert sniff(b"junk\n%PDF-1.7\n") == "pdf"
    assert sniff(b"\xef\xbb\xbf  <!-- x -->\n<!doctype HTML><p>") == "html"
    assert sniff(b"<HTML lang=zh>") == "html"
    assert sniff(b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">') == "html"
    assert sniff(b"<htmlx>") == "text"
    assert sniff("正文提到<html>标签".encode()) == "text"
    assert sniff(docx_bytes(p("x"))) == "docx"


def test_unknown_suffix_with_text_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "data.json", b'{"a": 1}'))
    assert info.value.code == "unsupported"


def test_rtf_is_unsupported_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "a.txt", b"{\\rtf1\\ansi 45}"))
    assert info.value.code == "unsupported" and ".docx" in info.value.message


def test_text_named_as_a_spreadsheet_is_read_as_a_table(tmp_path: Path) -> None:
    # web systems export tab-separated text as .xls
    doc = load(write(tmp_path, "export.xls", "单位\t收案\n甲院\t1200\n".encode("gbk")))
    assert doc.text == "| 单位 | 收案 |\n| 甲院 | 1200 |"
    assert doc.notes == (("wrong_extension", "named .xls but the content is CSV: read as CSV"),)


def test_html_named_xls_is_read_as_html(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "export.xls", b"<html><body><table><tr><td>a</td><td>1</td></tr></table></body></html>"))
    assert doc.text == "| a | 1 |"  # the HTML loader writes table rows as pipe rows
    assert doc.notes[0][0] == "wrong_extension" and "HTML" in doc.notes[0][1]


def test_broken_and_looping_links(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "absent.txt")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    for path in (broken, loop):
        with pytest.raises(LoadError) as info:
            load(path)
        assert info.value.code == "unreadable" and "link" in info.value.message
    with pytest.raises(LoadError) as info:
        load(tmp_path / "absent.txt")
    assert info.value.code == "not_found"
