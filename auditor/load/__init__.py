"""Loaders: one module per file format, each returning a Document.

The loader is chosen by the file's content (sniff.py); the suffix only breaks ties
between formats the content cannot tell apart (text, CSV, an HTML fragment). A valid
file under another format's name is read by its content, with a `wrong_extension`
note naming both. A loader raises LoadError with a short machine code (listed in
docs/SPEC.md, "Bad input") and a one-line reason; the CLI prints it beside the file
name and goes on with the batch.
"""
from __future__ import annotations

from pathlib import Path

from auditor.document import Document


class LoadError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


#: the format a suffix names; legacy formats are listed so that a folder reports them instead of skipping them
FORMAT_OF_SUFFIX = {
    ".txt": "text", ".md": "text", "": "text",
    ".csv": "csv", ".tsv": "csv",
    ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".pdf": "pdf", ".html": "html", ".htm": "html",
    ".doc": "legacy", ".xls": "legacy", ".wps": "legacy", ".et": "legacy",
}
SUFFIXES = tuple(s for s in FORMAT_OF_SUFFIX if s)
MAX_BYTES = 50 * 1024 * 1024
_TEXTUAL = frozenset({"text", "csv", "html"})
_SPREADSHEETS = frozenset({".xls", ".et"})
_NAMES = {"text": "plain text", "csv": "CSV", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "pdf": "PDF",
          "html": "HTML", "legacy": "legacy Office"}


def load(path: Path) -> Document:
    """Read one file into a Document, choosing the loader by its content."""
    from auditor.load.safety import read_bytes
    from auditor.load.sniff import TEXT, sniff

    suffix = path.suffix.lower()
    if not path.exists():
        if path.is_symlink():
            raise LoadError("unreadable", "a broken or looping symbolic link")
        raise LoadError("not_found", "no such file")
    if not path.is_file():
        raise LoadError("unreadable", "not a regular file")
    raw = read_bytes(path)
    if not raw:
        raise LoadError("empty", "the file is empty (0 bytes)")
    named = FORMAT_OF_SUFFIX.get(suffix)
    found = sniff(raw)
    if found == TEXT:
        if named is None:
            raise LoadError("unsupported", f"unsupported file type {suffix!r}")
        if named in _TEXTUAL:
            return _read(named, path, raw)
        # a binary format's name on content with no signature: text if it decodes, else a clear error.
        # A spreadsheet's name on text is mostly a CSV/TSV export named .xls: read as a table.
        as_text = "csv" if named == "xlsx" or suffix in _SPREADSHEETS else "text"
        try:
            doc = _read(as_text, path, raw)
        except LoadError as exc:
            if exc.code == "empty":
                raise
            raise LoadError("unreadable", f"not a valid {suffix} file: no {_NAMES[named]} signature, "
                                          f"and not text either ({exc.message})") from None
        return doc.with_note("wrong_extension", f"named {suffix} but the content is {_NAMES[as_text]}: "
                                                f"read as {_NAMES[as_text]}")
    doc = _read(found, path, raw)
    if named is not None and named != found:
        doc = doc.with_note("wrong_extension", f"named {suffix or '(no suffix)'} but the content is "
                                               f"{_NAMES[found]}: read as {_NAMES[found]}")
    return doc


def _read(fmt: str, path: Path, raw: bytes) -> Document:
    if fmt == "text":
        from auditor.load.txt import load_txt

        return load_txt(path, raw)
    if fmt == "csv":
        from auditor.load.csv import load_csv

        return load_csv(path, raw)
    if fmt == "docx":
        from auditor.load.docx import load_docx

        return load_docx(path, raw)
    if fmt == "xlsx":
        from auditor.load.xlsx import load_xlsx

        return load_xlsx(path, raw)
    if fmt == "pdf":
        from auditor.load.pdf import load_pdf

        return load_pdf(path)
    if fmt == "html":
        from auditor.load.html import load_html

        return load_html(path)
    raise LoadError("unsupported", f"no loader for {fmt}")  # pragma: no cover - sniff returns known formats
