"""Rows of a table written one cell per line: where the header ends and each row begins.

A run of cells carries no row breaks. Two readings are tried: a fixed row width (the header's,
`指标 | 2009年 | 2008年 | 2009年为上年%` then rows of four), and a new row at each label that
follows a figure (rows whose stubs differ in width: `合计 | 小计 | 25478 | …` then `职务 | 13024 | …`).
The reading with more well-formed rows (labels, then figures and blanks) wins; a fixed width only
where it reads the run to its end or reads more rows.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import claim_words

if TYPE_CHECKING:
    from auditor.tables import Cell

MIN_BY_COLUMN = 3  # figures of a table printed column by column
SERIAL = re.compile(rf"^(?:{claim_words().alternation('table.serial')})$")


# --- rows of a table written one cell per line -------------------------------------------

def segment(cells: list[Cell]) -> tuple[list[list[Cell]], list[list[Cell]]] | None:
    """Header rows and data rows of a flat run of cells: a fixed row width, or a new row at each label."""
    first = next((n for n, c in enumerate(cells) if c.q is not None), None)
    if first is None:
        return None
    by_column = stub_then_values(cells, first)
    if by_column is not None:
        return by_column
    serial = any(SERIAL.match(c.text) for c in cells[:first])
    best: tuple[int, int, int] = (0, 0, 0)
    for w in range(2, 17):
        for h in range(first, max(0, first - w + 1) - 1, -1):
            score = _fixed_score(cells, w, h, serial)
            if score > best[0]:
                best = (score, w, h)
    rows = _label_rows(cells, first)
    fixed: list[list[Cell]] = []
    if best[0] >= 2:
        _, w, h = best
        fixed = [cells[k:k + w] for k in range(h, len(cells), w)]
        fixed = fixed[: _fixed_rows(fixed, w, serial)]
    elif best[0] == 1:
        fixed, w, h = _last_row(cells, first, serial)
        best = (len(fixed), w, h)
    covered = bool(fixed) and fixed[-1][-1] is cells[-1]
    if fixed and (best[0] > _label_score(rows) or best[0] == _label_score(rows) and covered):
        data = fixed
        head = [cells[max(0, k - w):k] for k in range(h, 0, -w)][::-1]
        if h % w:
            head = _grouped_head(cells[:h], w - stub_len(data[0], serial)) or head
        return head, data
    if _label_score(rows) < 2:
        return None
    counts = [sum(1 for c in r if c.q is not None) for r in rows]
    if len(rows) > 2 and counts[0] < counts[1] and all(c.q is not None for c in rows[0]):
        # figures straight after the header, before any label: a first column spanning every row
        # (受理总量 | 38447 beside the rows); they belong to no row
        rows = rows[1:]
        width = counts[0] and counts[1]
        head_cells = cells[:first]
        head = [head_cells[:-width], head_cells[-width:]] if 0 < width < len(head_cells) else [head_cells]
        return [r for r in head if r], rows
    # the first row's labels stand among the header's words: as many as the widest stub below
    lead = 0
    while lead < first and cells[first - 1 - lead].q is None:
        lead += 1
    s = min(max((stub_len(r, False) for r in rows[1:]), default=1), max(0, lead - 1))
    h = first - s
    rows[0] = cells[h:first] + rows[0]
    width = len(rows[0]) - s
    head_cells = cells[:h]
    head = [head_cells[:-width], head_cells[-width:]] if 0 < width < len(head_cells) else [head_cells]
    return [r for r in head if r], rows


def stub_then_values(cells: list[Cell], first: int) -> tuple[list[list[Cell]], list[list[Cell]]] | None:
    """A one-column table printed column by column: its stub of labels, then its figures in the same order.

    `全市` / `人数(人)` / `  出生人数` / `  死亡人数` / … / `8800` / `5600` / …: the row labels are
    the indented ones, one per figure, and a label set back that opens indented ones is a heading over them.
    Read only where every cell after the first figure is a figure and the indented labels, as many as the
    figures, fill the end of the stub with headings between them; the labels before are the header.
    """
    figures = cells[first:]
    if len(figures) < MIN_BY_COLUMN or any(c.q is None for c in figures):
        return None
    stub = cells[:first]
    rows = [k for k, c in enumerate(stub) if c.indent > 0]
    if len(rows) != len(figures):
        return None
    h = rows[0] - 1 if rows[0] > 0 else 0  # the heading over the first rows, or none
    heads = [k for k in range(h, first) if k not in rows]
    if any(k + 1 >= first or stub[k + 1].indent == 0 for k in heads) or any(c.label is False for c in stub[h:]):
        return None  # a label set back inside the stub must open indented rows
    it = iter(figures)
    data = [[stub[k]] if k in heads else [stub[k], next(it)] for k in range(h, first)]
    return ([stub[:h]] if h else []), data


def _grouped_head(cells: list[Cell], width: int) -> list[list[Cell]] | None:
    """A header of column groups over leaves, its corner printed once: `| 事故 | 伤亡 |` over `甲 | 乙 | 甲 | 乙`
    under a blank corner gives 3 + 4 cells, not rows of the table's width. The leaves are the last `width`
    cells (labels all), the groups the cells above them, each spanning the same number of leaves."""
    if width < 2 or len(cells) <= width:
        return None
    above, leaves = cells[:-width], cells[-width:]
    named = [c for c in above if not c.blank]
    if len(named) < 2 or width % len(named) or len(above) > len(named) + 1 or any(not c.label for c in leaves) \
            or (len(above) > len(named) and not above[0].blank):
        return None
    return [above, leaves]


def _last_row(cells: list[Cell], first: int, serial: bool) -> tuple[list[list[Cell]], int, int]:
    """One row of figures closing the run under its header (合计 | 1 | -50 | 5 | …): its stub is the run
    of labels before the first figure, as long as the header then ends in a label, not a blank."""
    for s in (1, 2, 3):
        h = first - s
        w = len(cells) - h
        if h < w - s or h < 1 or cells[h - 1].blank:
            continue
        row = cells[h:]
        if _row_shape(row, serial) == 1:
            return [row], w, h
    return [], 0, 0


def _row_shape(row: list[Cell], serial: bool) -> int:
    """1 a data row (labels, then figures and blanks), 0 a section row, -1 not a row."""
    s = stub_len(row, serial)
    if s == 0 and not (row and row[0].blank):
        return -1
    rest = row[s:]
    if any(c.label for c in rest):
        return -1
    figures = sum(1 for c in rest if c.q is not None)
    if figures:
        return 1 if figures >= sum(1 for c in row[:s] if c.label) else -1
    return 0 if sum(1 for c in row if c.label) <= 1 else -1


def _fixed_rows(data: list[list[Cell]], w: int, serial: bool) -> int:
    n = 0
    for k, r in enumerate(data):
        shape = _row_shape(r, serial)
        if shape < 0 or (len(r) < w and k + 1 < len(data)):
            break
        n = k + 1
    return n


def _fixed_score(cells: list[Cell], w: int, h: int, serial: bool) -> int:
    score = 0
    for k in range(h, len(cells), w):
        r = cells[k:k + w]
        shape = _row_shape(r, serial)
        if shape < 0:
            break
        score += shape
        if len(r) < w:
            break
    return score


def _label_rows(cells: list[Cell], first: int) -> list[list[Cell]]:
    """Rows from the first figure on, a new one at each label that follows a figure or a blank."""
    rows: list[list[Cell]] = []
    cur: list[Cell] = []
    for c in cells[first:]:
        if c.label and cur and not cur[-1].label:
            rows.append(cur)
            cur = []
        cur.append(c)
    if cur:
        rows.append(cur)
    return rows


def _label_score(rows: list[list[Cell]]) -> int:
    counts = [sum(1 for c in r if c.q is not None) for r in rows]
    counts = [n for n in counts if n >= 2]
    if not counts:
        return 0
    mode = max(set(counts), key=counts.count)
    return counts.count(mode)


def serial_head(head: Sequence[Sequence[Cell]]) -> bool:
    return any(r and SERIAL.match(r[0].text) for r in head)


def stub_len(row: Sequence[Cell], serial: bool) -> int:
    """Leading label cells (blanks included); a serial number opens the stub where the header says 序号."""
    s = 0
    if serial and row and row[0].q is not None and row[0].q.value == int(row[0].q.value) and len(row) > 1 \
            and row[1].label:
        s = 1
    while s < len(row) and row[s].q is None:
        s += 1
    while s > 0 and row[s - 1].blank and s == len(row):
        s -= 1
    return s
