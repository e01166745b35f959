"""What a file is, from its first bytes: the name only breaks ties.

Strong signatures decide alone: `%PDF-` (within the first KB, as readers allow),
a zip package (looked inside: `word/document.xml` is Word, `xl/workbook.xml` is
Excel), an OLE2 compound file (legacy .doc/.xls/.wps, refused with a hint). HTML
is recognised by a leading `<!doctype html>` or `<html` (after a BOM, blanks and
comments); anything else is `text`, and whether it really decodes as text is the
text loader's call.
"""
from __future__ import annotations

import posixpath
import re

from auditor.load import LoadError

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
HTML = "html"
TEXT = "text"
CSV = "csv"

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_HEAD = re.compile(rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_BOMS = (b"\xef\xbb\xbf",)
_PDF_HEAD = re.compile(rb"%PDF-\d")
HTML_SNIFF_BYTES = 4096
#: relationship type of a package's main part, by the folder it names
_MAIN_FOLDERS = {"word": DOCX, "xl": XLSX}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(raw: bytes) -> str:
    """The format the content shows: pdf, docx, xlsx, html or text.

    Raises LoadError for what is recognised but cannot be read: a legacy Office file
    (`legacy_format`), a zip that is not a Word or Excel package (`unsupported`), a damaged
    zip (`unreadable`).
    """
    if _PDF_HEAD.search(raw[:1024]):
        return PDF
    if raw.startswith(OLE2_MAGIC):
        raise _legacy(raw)
    if raw.startswith(ZIP_MAGICS):
        return _zip_kind(raw)
    if raw.startswith(b"{\\rtf"):
        raise LoadError("unsupported", "an RTF document: save it as .docx (or .txt) and audit that")
    head = raw[:HTML_SNIFF_BYTES]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
    if _HTML_HEAD.match(head):
        return HTML
    return TEXT


def _legacy(raw: bytes) -> LoadError:
    head = raw[: 512 * 1024]  # the directory entries sit near the start in all but huge files
    if _utf16("EncryptedPackage") in head:
        return LoadError("unreadable",
                         "a password-protected Office document: remove the password, save, and audit that")
    if _utf16("WordDocument") in head:
        what, new = "a legacy Word (.doc) or WPS document", ".docx"
    elif _utf16("Workbook") in head or _utf16("Book") in head:
        what, new = "a legacy Excel (.xls) or WPS spreadsheet", ".xlsx"
    else:
        what, new = "a legacy Office (OLE2) file", ".docx or .xlsx"
    return LoadError("legacy_format", f"{what}: open it and save as {new} (or export to PDF), then audit that")


def _zip_kind(raw: bytes) -> str:
    from auditor.load.safety import open_zip, read_entry

    archive = open_zip(raw)
    with archive:
        names = set(archive.namelist())
        main = ""
        if "_rels/.rels" in names:
            main = _main_part(read_entry(archive, "_rels/.rels"))
        kind = _MAIN_FOLDERS.get(main.split("/", 1)[0]) if main else None
        if kind:
            return kind
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        if "mimetype" in names:
            mime = read_entry(archive, "mimetype")[:100].decode("ascii", errors="replace").strip()
            raise LoadError("unsupported", f"an OpenDocument file ({mime}): save it as .docx or .xlsx and audit that")
        if main.startswith("ppt/") or "ppt/presentation.xml" in names:
            raise LoadError("unsupported", "a PowerPoint presentation: export it to PDF and audit that")
    raise LoadError("unsupported", "a zip archive that is not a Word (.docx) or Excel (.xlsx) document")


def _main_part(rels: bytes) -> str:
    """The package's main part (officeDocument relationship target), or ""."""
    from auditor.load.safety import parse_xml

    root = parse_xml(rels, "_rels/.rels")
    for rel in root:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
    return ""
