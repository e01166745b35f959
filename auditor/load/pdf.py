"""PDF: the text layer, as pdfminer.six lays it out.

Page breaks (form feeds) become newlines. A scanned PDF has no text layer and
is reported as empty rather than audited as nothing.
"""
from __future__ import annotations

import io
from pathlib import Path

from auditor.document import Document
from auditor.load import LoadError
from auditor.load.txt import read_bytes


def load_pdf(path: Path) -> Document:
    raw = read_bytes(path)
    text = pdf_text(raw)
    if not text.strip():
        raise LoadError("empty", "the PDF has no text layer (scanned?)")
    return Document.from_text(text, str(path), raw=raw)


def pdf_text(raw: bytes) -> str:
    if b"%PDF-" not in raw[:1024]:  # readers accept junk before the header, within 1 KB
        raise LoadError("unreadable", "not a valid PDF file")
    # lazy: pdfminer is slow to import
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect, PDFTextExtractionNotAllowed

    try:
        text = extract_text(io.BytesIO(raw))
    except (PDFPasswordIncorrect, PDFEncryptionError, PDFTextExtractionNotAllowed):
        raise LoadError("unreadable", "the PDF is encrypted") from None
    except Exception as exc:  # PDFSyntaxError, PSEOF, and the odd KeyError on broken files
        raise LoadError("unreadable", "not a valid PDF file") from exc
    return text.replace("\f", "\n")
