"""PDF: the text layer, read with pdfplumber, as a reader sees it.

Each page gives its text lines (from pdfplumber's character boxes) and its ruled tables
(pdfplumber's table finder), in reading order. Tables become pipe rows (`| 合计 | 108156 |`,
one row a line, cells joined by " | "), the convention of the other loaders; the characters of a
table are not read again as lines, and a frame around text (one column) is no table. A character
printed again within a point of itself (fake bold) is read once. Every line is normalised
(auditor.load.normalise: radical look-alikes such as ⼤ to 大, full-width digits to ASCII). Page
numbers and running headers and footers are dropped and lines wrapped inside a sentence are
joined (auditor.load.pdf_layout). The text returned — what `auditor text` prints and what
offsets index — is that normalised, joined text.

Bad files: no bytes → `empty`; no `%PDF-` header, unparseable or truncated (no end-of-file
marker) → `unreadable`; a password needed → `encrypted`; pages without any text (a scan), or
with more than MAX_UNMAPPED of its glyphs in fonts without a Unicode map → `no_text`; an unmapped
glyph among readable text becomes U+FFFD. pdfminer's log messages (font warnings and the like)
are kept off the terminal.
"""
from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median
from typing import Any

from auditor.document import Document
from auditor.load import LoadError
from auditor.load.normalise import normalise
from auditor.load.pdf_layout import Block, Line, Table, join_pair, page_text
from auditor.load.txt import read_bytes

HEADER_WINDOW = 1024  # readers accept junk before the header, within 1 KB
EOF_WINDOW = 2048  # the %%EOF marker must be near the end: a file cut short has none
#: a gap wider than this share of the font size between two characters is a space
WORD_GAP = 0.5
_QUIET_LOGGERS = ("pdfminer", "pdfplumber")
#: pdfminer writes `(cid:123)` for a glyph its font does not map to Unicode; it stands as one U+FFFD,
#: which no figure takes in
_CID = re.compile(r"\(cid:\d+\)")
UNMAPPED = "\ufffd"
#: above this share of unmapped glyphs the text is refused rather than audited as fragments
MAX_UNMAPPED = 0.3


def load_pdf(path: Path) -> Document:
    raw = read_bytes(path)
    return Document.from_text(pdf_text(raw), str(path), raw=raw)


def pdf_text(raw: bytes) -> str:
    if not raw.strip():
        raise LoadError("empty", "the file is empty")
    if b"%PDF-" not in raw[:HEADER_WINDOW]:
        raise LoadError("unreadable", "not a valid PDF file")
    if b"%%EOF" not in raw[-EOF_WINDOW:]:
        raise LoadError("unreadable", "not a valid PDF file: truncated (no end-of-file marker)")
    with _quiet():
        pages = _read_pages(raw)
    return readable(page_text(pages))


def readable(text: str) -> str:
    """The text, unless it is none (a scan) or mostly glyphs without a Unicode map."""
    unmapped = text.count(UNMAPPED)
    if not text.strip():
        raise LoadError("no_text", "the PDF has no text layer (a scan?): it needs OCR before it can be audited")
    if unmapped > MAX_UNMAPPED * len("".join(text.split())):
        raise LoadError("no_text", f"{unmapped} of the PDF's characters have no Unicode map in their fonts: "
                                   "its text cannot be read (it needs OCR)")
    return text


def clean(text: str) -> str:
    """An extracted line or cell: unmapped glyphs as U+FFFD, look-alikes normalised."""
    return normalise(_CID.sub(UNMAPPED, text))


@contextmanager
def _quiet() -> Iterator[None]:
    """pdfminer logs font and syntax warnings through logging: none of them reach the terminal."""
    loggers = [logging.getLogger(name) for name in _QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _read_pages(raw: bytes) -> list[list[Block]]:
    # lazy: pdfplumber (and pdfminer under it) is slow to import
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise LoadError("encrypted", "the PDF is encrypted") from None
        raise LoadError("unreadable", "not a valid PDF file") from None
    except Exception:  # PSEOF, KeyError and the like on broken files
        raise LoadError("unreadable", "not a valid PDF file") from None
    try:
        pages: list[list[Block]] = []
        with pdf:
            for page in pdf.pages:
                pages.append(_page_blocks(page))
                page.close()  # drop the page's parsed objects: memory stays that of one page
        return pages
    except LoadError:
        raise
    except Exception:  # a broken page tree or content stream
        raise LoadError("unreadable", "not a valid PDF file") from None


def _page_blocks(page: Any) -> list[Block]:
    """A page's text lines and tables, top to bottom."""
    # a frame around text (one column) is not a table: its text is read as lines
    tables = [t for t in page.find_tables() if max((len(_row(r)) for r in t.extract()), default=0) > 1]
    boxes = [t.bbox for t in tables]
    doubled = _doubled(page.chars)

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        if id(obj) in doubled:
            return False
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(keep) if boxes or doubled else page
    blocks: list[tuple[float, Block]] = []
    for line in body.extract_text_lines(return_chars=True, x_tolerance_ratio=WORD_GAP):
        text = clean(line["text"]).strip()
        if not text:
            continue
        size = median(float(c.get("size") or 0.0) for c in line["chars"]) if line["chars"] else 0.0
        blocks.append((line["top"], Line(text, float(line["x0"]), float(line["x1"]), float(line["top"]), size)))
    for table in tables:
        rows = tuple(_row(row) for row in table.extract())
        blocks.append((table.bbox[1], Table(rows, float(table.bbox[1]))))
    blocks.sort(key=lambda pair: pair[0])
    return [block for _, block in blocks]


def _doubled(chars: list[dict[str, Any]]) -> set[int]:
    """Characters printed twice at (nearly) the same place, as fake bold is: all but the first.

    One pass with a hash of the rounded position (pdfplumber's dedupe_chars sorts and is slow).
    """
    seen: set[tuple[str, int, int]] = set()
    doubled: set[int] = set()
    for ch in chars:
        text, x, y = ch["text"], round(ch["x0"]), round(ch["top"])
        if not text.isspace() and any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            doubled.add(id(ch))
        seen.add((text, x, y))
    return doubled


def _row(cells: list[str | None]) -> tuple[str, ...]:
    """A table row's cells; a cell merged over several columns comes once (the others are None)."""
    out = []
    for cell in cells:
        if cell is None:
            continue
        text = ""
        for part in clean(cell).split("\n"):
            text = join_pair(text, part.strip())
        out.append(text.replace("|", "｜"))
    return tuple(out)
