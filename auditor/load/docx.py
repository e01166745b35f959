"""Word (.docx): body paragraphs and tables, in document order.

One line per paragraph; a table gives one line per row with its cells joined
by " | ", so a figure and its row label stay on one line. Headers, footers,
footnotes and text boxes are not read.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from auditor.document import Document
from auditor.load import LoadError
from auditor.load.txt import check_not_empty, read_bytes

CELL_SEP = " | "


def load_docx(path: Path) -> Document:
    raw = read_bytes(path)
    text = docx_text(raw)
    check_not_empty(text)
    return Document.from_text(text, str(path), raw=raw)


def docx_text(raw: bytes) -> str:
    import docx  # lazy: python-docx pulls in lxml

    try:
        document = docx.Document(io.BytesIO(raw))
        return "\n".join(_block_lines(document))
    except Exception as exc:  # zipfile.BadZipFile, PackageNotFoundError, KeyError, lxml errors...
        raise LoadError("unreadable", "not a valid .docx file") from exc


def _block_lines(container: Any) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return lines


def _table_lines(table: Any) -> list[str]:
    lines = []
    for row in table.rows:
        cells = []
        seen: set[int] = set()
        for cell in row.cells:
            # A horizontally merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
        lines.append(CELL_SEP.join(cells))
    return lines
