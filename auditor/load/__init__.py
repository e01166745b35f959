"""Loaders: one module per file format, each returning a Document.

A loader raises LoadError with a short machine code and a one-line reason;
the CLI prints it beside the file name and goes on with the batch.
"""
from __future__ import annotations

from pathlib import Path

from auditor.document import Document

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024


class LoadError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def load(path: Path) -> Document:
    """Read one file into a Document, choosing the loader by suffix."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise LoadError("not_found", "no such file")
    if not path.is_file():
        raise LoadError("unreadable", "not a regular file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError("unreadable", exc.strerror or str(exc)) from None
    if size > MAX_BYTES:
        raise LoadError("too_large", f"file is {size} bytes, above the {MAX_BYTES}-byte limit")
    if suffix in (".txt", ".md", ""):
        from auditor.load.txt import load_txt

        return load_txt(path)
    if suffix == ".docx":
        from auditor.load.docx import load_docx

        return load_docx(path)
    if suffix == ".pdf":
        from auditor.load.pdf import load_pdf

        return load_pdf(path)
    if suffix in (".html", ".htm"):
        from auditor.load.html import load_html

        return load_html(path)
    raise LoadError("unsupported", f"unsupported file type {suffix!r}")
