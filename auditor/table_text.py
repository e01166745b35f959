"""The layouts tables take in plain text, cut into cells with their spans.

- pipe rows: one table row per line, cells joined by `|` (`| 合计 | 108156 |`, `总 计 | 34155 | 16368`,
  `合计 | 3318`; two such lines at least);
  the loaders render docx/html/xlsx/pdf tables this way;
- one cell per line, each closed by `|` (`2573 |`), a line holding only `|` being an empty cell;
- one cell per line with lines holding only `|` between the cells (a cell may wrap onto a second
  line: `机动车交通事故` / `责任纠纷`);
- one cell per line and no pipe at all: a run of short lines without sentence punctuation, a third
  or more of them figures (`序号` / `处理方式` / `数量` / `比例` / `1` / `作出维持决定` / `3509` / `74.7%`).

A pipe grid keeps its rows; a run of cells one per line is flat, and tables.py finds its rows.
Lines made only of pipes (`||||||`) are rules, not rows. The scan is linear in the text.
"""
from __future__ import annotations

import re

import msgspec

MIN_CELLS = 6  # a run of fewer cells one per line is no table
MAX_WRAP = 2  # content lines of one cell between two separator lines
MAX_EDGE = 30  # the longest line taken as a cell before the first or after the last separator
MIN_LINES = 12  # short lines in a run before a table without any pipe is read
MAX_LINE = 20  # the longest line taken as a cell of a table without any pipe
FIGURE_LINE = re.compile(r"^-?\d[\d,]*(?:\.\d+)?\s*[%％‰]?$")


class RawGrid(msgspec.Struct, frozen=True):
    """A table's cell spans, row by row, before any cell is read as a figure."""

    start: int
    end: int
    layout: str  # pipe | cells | separated
    rows: list[list[tuple[int, int]]] = msgspec.field(default_factory=list)  # cell spans (stripped) per row

    @property
    def flat(self) -> bool:
        return self.layout != "pipe"


def _kind(line: str) -> str:
    """P pipe row, E pipes only, C a cell closed by |, S a lone |, T text without a pipe."""
    n = line.count("|")
    if n == 0:
        return "T"
    content = line.replace("|", "").strip()
    if not content:
        return "S" if n == 1 else "E"
    if n == 1 and line.rstrip().endswith("|"):
        return "C"
    if n == 1:  # `合计 | 3318`: a two-column row without outer pipes (a docx table's rendering)
        return "P" if line[: line.index("|")].strip() else "T"
    return "P"


def _strip(line: str, lo: int, a: int, b: int) -> tuple[int, int]:
    piece = line[a:b]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    return lo + a + left, lo + a + max(left, right)


def _pipe_cells(line: str, lo: int) -> list[tuple[int, int]]:
    bars = [k for k, ch in enumerate(line) if ch == "|"]
    edges = [-1, *bars, len(line)]
    cells = [_strip(line, lo, a + 1, b) for a, b in zip(edges, edges[1:], strict=False)]
    if not line[: bars[0]].strip():
        cells = cells[1:]  # a leading | opens the row
    if not line[bars[-1] + 1:].strip():
        cells = cells[:-1]  # a trailing | closes it
    return cells


def _is_rule(line: str) -> bool:
    """A markdown rule under a header (|---|:--:|)."""
    return set(line.replace(" ", "")) <= set("|-:") and "-" in line


def grids(text: str) -> list[RawGrid]:
    lines: list[tuple[int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line, _kind(line)))
        pos += len(line) + 1
    out: list[RawGrid] = []
    i, n = 0, len(lines)
    while i < n:
        k = lines[i][2]
        if k == "P":
            j, rows = i, []
            while j < n and lines[j][2] in "PE":
                lo, line, kind = lines[j]
                if kind == "P" and not _is_rule(line):
                    rows.append(_pipe_cells(line, lo))
                j += 1
            if len(rows) >= 2:
                out.append(RawGrid(lines[i][0], lines[j - 1][0] + len(lines[j - 1][1]), "pipe", rows))
            i = j
            continue
        if k in "CS":
            j, cells, closed = i, [], 0
            while j < n and lines[j][2] in "CSE":
                lo, line, kind = lines[j]
                if kind != "E":
                    closed += kind == "C"
                    cells.append(_strip(line, lo, 0, line.rindex("|")))
                j += 1
            if closed >= MIN_CELLS // 2 and len(cells) >= MIN_CELLS:
                out.append(RawGrid(cells[0][0], lines[j - 1][0] + len(lines[j - 1][1]), "cells", [cells]))
                i = j
                continue
            sep = _separated(lines, i)
            if sep is not None:
                grid, i = sep
                out.append(grid)
                continue
            i = j
            continue
        if k == "T" and _short(lines[i][1]):
            bare = _bare(lines, i)
            if bare is not None:
                grid, i = bare
                out.append(grid)
                continue
        if k == "T" and i + 1 < n and lines[i + 1][2] == "S":
            sep = _separated(lines, i + 1)
            if sep is not None:
                grid, i = sep
                out.append(grid)
                continue
        i += 1
    return out


def _separated(lines: list[tuple[int, str, str]], i: int) -> tuple[RawGrid, int] | None:
    """Cells one per line between lines holding only `|`, from the separator at line i."""
    n = len(lines)
    cells: list[tuple[int, int]] = []
    lo, line, _ = lines[i - 1] if i > 0 else (0, "", "")
    if i > 0 and lines[i - 1][2] == "T" and 0 < len(line.strip()) <= MAX_EDGE:
        cells.append(_strip(line, lo, 0, len(line)))
    j, seps = i, 0
    while j < n and lines[j][2] == "S":
        seps += 1
        k = j + 1
        while k < n and lines[k][2] == "T" and k - j <= MAX_WRAP:
            k += 1
        group = [x for x in lines[j + 1:k] if x[1].strip()]
        if k < n and lines[k][2] == "S":
            if group:
                cells.append((_strip(group[0][1], group[0][0], 0, len(group[0][1]))[0],
                              _strip(group[-1][1], group[-1][0], 0, len(group[-1][1]))[1]))
            else:
                cells.append((lines[j][0], lines[j][0]))
            j = k
            continue
        if group and len(group[0][1].strip()) <= MAX_EDGE and "。" not in group[0][1]:
            cells.append(_strip(group[0][1], group[0][0], 0, len(group[0][1])))
        break
    end = cells[-1][1] if cells else 0
    if seps < MIN_CELLS - 1 or len(cells) < MIN_CELLS:
        return None
    while j < n and lines[j][0] < end:
        j += 1
    return RawGrid(cells[0][0], end, "separated", [cells]), max(j, i + 1)


def _short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= MAX_LINE and not any(p in s for p in "。，,；;！？")


def _bare(lines: list[tuple[int, str, str]], i: int) -> tuple[RawGrid, int] | None:
    """A run of short lines, a third or more of them figures, from line i: cells one per line, no pipes."""
    j = i
    while j < len(lines) and lines[j][2] == "T" and _short(lines[j][1]):
        j += 1
    run = lines[i:j]
    figures = sum(1 for _, line, _ in run if FIGURE_LINE.match(line.strip()))
    if len(run) < MIN_LINES or figures * 3 < len(run):
        return None
    cells = [_strip(line, lo, 0, len(line)) for lo, line, _ in run]
    return RawGrid(cells[0][0], cells[-1][1], "lines", [cells]), j
