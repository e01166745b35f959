"""CSV and TSV: one table, rendered as pipe rows (`| 单位 | 2024年 | 2023年 |`).

The bytes are decoded as a text file is (txt.py: any of its encodings, the same
notes); the delimiter is the one of `,` tab `;` `|` that splits the first lines
most consistently. Cells are kept as written; a newline inside a quoted cell
becomes a space, so a row stays one line. Blank rows and trailing empty cells go.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from auditor.document import Document
from auditor.load.txt import check_not_empty, decode_text, read_bytes

DELIMITERS = (",", "\t", ";", "|")
SNIFF_LINES = 20
_CHARACTER = re.compile(r" \(character \d+\)")
# far above any real cell; csv's default (128 KB) would refuse a long quoted paragraph
csv.field_size_limit(16 * 1024 * 1024)


def pipe_row(cells: Sequence[str]) -> str:
    """`| a | b |`: the table layout the text stages read as a row."""
    return "| " + " | ".join(cells) + " |"


def clean_cell(value: str) -> str:
    return " ".join(value.split()) if any(ch in value for ch in "\r\n\t") else value.strip()


def table_lines(rows: Iterable[Sequence[str]]) -> list[str]:
    """Pipe rows of a table: blank rows dropped, trailing empty cells trimmed, and the
    leading columns that are empty in every row dropped (a sheet that starts at column C)."""
    kept = []
    for row in rows:
        cells = [clean_cell(c) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            kept.append(cells)
    if not kept:
        return []
    skip = min(next(i for i, c in enumerate(cells) if c) for cells in kept)
    return [pipe_row(cells[skip:]) for cells in kept]


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    best, best_score = ",", 0
    for delim in DELIMITERS:
        counts = [line.count(delim) for line in lines]
        if not counts or not counts[0]:
            continue
        # rows that split into as many cells as the first, weighted by how many cells that is
        score = sum(1 for c in counts if c == counts[0]) * 100 + counts[0]
        if score > best_score:
            best, best_score = delim, score
    return best


def csv_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    return "\n".join(table_lines(reader))


def load_csv(path: Path, raw: bytes | None = None) -> Document:
    if raw is None:
        raw = read_bytes(path)
    decoded, notes = decode_text(raw)
    # character offsets index the decoded file, not the rendered table: keep the byte offsets only
    notes = tuple((code, _CHARACTER.sub("", message)) for code, message in notes)
    text = csv_text(decoded)
    check_not_empty(text)
    return Document.from_text(text, str(path), raw=raw, notes=notes)
