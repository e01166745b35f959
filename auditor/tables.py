"""Tables as first-class input: rows, value columns, header rows, a stub of row labels, units.

Loaders render docx/html/xlsx/pdf tables as pipe rows (one table row per line, cells joined by
" | "); reports pasted as text also carry tables one cell per line (`2573 |`, or cells separated
by lines holding only `|`). `table_text.py` finds those layouts and cuts them into cells, `table_rows.py`
finds the rows of a run of cells one per line;
this module reads each grid as a table: which cells are labels (the stub), which are figures,
what each value column is called (header rows, column groups spanning several columns), and the
unit a cell's figure is in (`单位：万元` above the table, `(%)` or `（万元）` in a header or row label).

A table's figures are the quantities auditor/extract read inside its cells; a bare number under a
header that names a unit gets that unit (`-16.66` under `同比增长(±%)` is a percent).
"""
from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import msgspec
from msgspec.structs import replace

from auditor.lexicon import claim_words, lexicon
from auditor.model import Quantity
from auditor.table_rows import segment, serial_head, stub_len
from auditor.table_text import RawGrid, grids

_W = claim_words()
TOTAL = re.compile(rf"^(?:{_W.alternation('sums.table_total')})")
SUBSET = re.compile(rf"^(?:{_W.alternation('sums.table_subset')})")
BLANK = frozenset(_W("table.blank"))
UNIT_LINE = re.compile(rf"(?:{_W.alternation('table.unit_line')})\s*[:：]\s*([^\s,，;；。)）]{{1,6}})")
BRACKET_UNIT = re.compile(r"[（(]([^（）()]{1,8})[)）]")
PLAIN = re.compile(r"^[-+]?\d{1,12}(?:\.\d{1,6})?[%％]?$")
PAIR = re.compile(r"^100(?:\.0+)?%?/(\d{1,3}(?:\.\d+)?)%?$")  # 100/79.8: 100% of its block, 79.8% of all
FIGURE_KINDS = ("number", "count", "money", "measure", "percent")
EMPHASIS = re.compile(r"(\*\*|__)\s*(\S(?:.*?\S)?)\s*\1")
MAX_CELLS = 4000  # cells of one table read (bounded work per table)


class Cell(msgspec.Struct, frozen=True):
    """One cell: its span in the text, its words (spaces removed) and the figure filling it."""

    start: int
    end: int
    text: str
    q: Quantity | None = None
    pair: Quantity | None = None  # the second figure of a `100/79.8` cell (q is the 100)
    indent: int = 0  # spaces opening the cell's line where the cell stands alone on it (`  出生人数`)

    @property
    def blank(self) -> bool:
        return self.q is None and (not self.text or self.text in BLANK)

    @property
    def label(self) -> bool:
        return self.q is None and not self.blank


class Column(msgspec.Struct, frozen=True):
    """A value column: its header words top to bottom, the group it falls under, its unit."""

    label: str
    leaf: str  # the lowest header words (授权量 under 发明)
    group: str  # the header words spanning it and its neighbours (发明), or ""
    unit: str
    head: Cell | None  # the lowest header cell naming it


class Row(msgspec.Struct, frozen=True):
    """One row of a table: its label cells and one cell (or None) per value column."""

    stub: tuple[Cell, ...]  # the label cells (a serial number, a name, a 小计 under a block name)
    cells: tuple[Cell | None, ...]  # one per value column, None where the row has no cell there
    start: int
    end: int
    short: bool = False  # fewer cells than the table's rows have: a merged cell, its cells' columns unknown

    @property
    def label(self) -> str:
        return "".join(c.text for c in self.stub if c.label)

    @property
    def section(self) -> bool:
        """A row with no figure: a heading for the rows after it (按性别分:)."""
        return not any(c is not None and c.q is not None for c in self.cells)

    @property
    def total(self) -> bool:
        return any(TOTAL.match(c.text) for c in self.stub if c.label)

    @property
    def subset(self) -> bool:
        return any(SUBSET.match(c.text) for c in self.stub if c.label)


class Table(msgspec.Struct, frozen=True):
    """A table read from the text: its columns and rows."""

    start: int
    end: int
    layout: str  # pipe | cells
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unit: str = ""
    head: tuple[Cell, ...] = ()  # the header's cells, top row first

    def q(self, r: int, c: int) -> Quantity | None:
        cell = self.rows[r].cells[c]
        return None if cell is None else cell.q

    def where(self, r: int, c: int) -> str:
        """Row and column labels of a cell, for messages: 合计，2021年民事案件新收(件)."""
        row = self.rows[r].label or f"第{r + 1}行"
        col = self.columns[c].label or f"第{c + 1}列"
        return f"{row}，{col}"


def tables(text: str, qs: Sequence[Quantity]) -> list[Table]:
    """Every table written in the text, read from its pipe rows or its cells one per line."""
    figures = tuple(q for q in qs if q.kind in FIGURE_KINDS)
    # the stages of one document ask again and again with the very same figures: known by identity,
    # without hashing and comparing every figure for the cache below
    last = _LAST
    if last and last[0] is text and len(last[1]) == len(figures) and all(map(operator.is_, last[1], figures)):
        return list(last[2])
    found = _tables(text, figures)
    _LAST[:] = [text, figures, found]
    return list(found)


_LAST: list[Any] = []  # the text, figures and tables of the last call


@lru_cache(maxsize=4)
def _tables(text: str, qs: tuple[Quantity, ...]) -> tuple[Table, ...]:
    by_start = {q.start: q for q in qs}
    out = []
    for g in grids(text):
        t = _table(text, g, by_start)
        if t is not None:
            out.extend(_side_by_side(t))
    return tuple(out)


def _side_by_side(t: Table) -> list[Table]:
    """A table printed in k column groups side by side (诉求来源 | 数量 | 占比 | 工单类型 | 数量 | 占比), read one
    cell per line, comes out as rows taking turns between the groups: k tables, the rows dealt in turn.

    Only where the header names the same columns k times, every row fills them, and no total row
    (which would add up the groups together) stands among the rows.
    """
    if t.layout == "pipe" or not t.head:
        return [t]
    leaves = [c.leaf for c in t.columns]
    words = [c.text for c in t.head if c.text]
    k = sum(1 for n in range(len(words) - len(leaves) + 1) if words[n:n + len(leaves)] == leaves)
    rows = [r for r in t.rows if not r.section]
    if k < 2 or len(rows) < 2 * k or any(r.total for r in rows) or \
            any(any(c is None or c.q is None for c in r.cells) for r in rows):
        return [t]
    return [replace(t, rows=tuple(rows[j::k])) for j in range(k)]


def _cell(text: str, a: int, b: int, by_start: dict[int, Quantity]) -> Cell:
    cell = _read_cell(text, a, b, by_start)
    before = text[text.rfind("\n", 0, a) + 1:a]
    return replace(cell, indent=len(before)) if before and not before.strip() else cell


def _read_cell(text: str, a: int, b: int, by_start: dict[int, Quantity]) -> Cell:
    bold = EMPHASIS.fullmatch(text, a, b)
    if bold:
        a, b = bold.span(2)  # **124**: markdown emphasis around a cell is no part of it
    words = re.sub(r"\s+", "", text[a:b])
    q = by_start.get(a)
    if q is None and text[a:a + 1] in ("+", "＋"):
        q = by_start.get(a + 1)  # +5.1: a rise written with its sign
    if q is not None and (q.end > b or text[q.end:b].strip() or q.high is not None):
        q = None
    m = PAIR.match(words)
    if m:
        share = m.group(1)
        k = text.index("/", a) + 1
        d = Decimal(share)
        places = max(0, -int(d.as_tuple().exponent))  # type: ignore[operator]
        whole = Quantity(k, k + len(share), share, d, "%", "percent", decimals=places)
        hundred = Quantity(a, k - 1, text[a:k - 1], Decimal(100), "%", "percent")
        return Cell(a, b, words, hundred, whole)
    if q is None and PLAIN.match(words):
        q = _plain(text, a, b, words)  # a bare number the extractor took for a look-alike (12454, 119)
    return Cell(a, b, words, q)


def _plain(text: str, a: int, b: int, words: str) -> Quantity:
    pct = words.endswith(("%", "％"))
    digits = words.rstrip("%％")
    d = Decimal(digits)
    places = max(0, -int(d.as_tuple().exponent))  # type: ignore[operator]
    return Quantity(a, b, text[a:b], d, "%" if pct else "", "percent" if pct else "number", decimals=places)


def _table(text: str, g: RawGrid, by_start: dict[int, Quantity]) -> Table | None:
    spans, room = [], MAX_CELLS
    for line in g.rows:  # bounded work per table: its first MAX_CELLS cells
        if room <= 0:
            break
        spans.append(line[:room])
        room -= len(line)
    rows = [[_cell(text, a, b, by_start) for a, b in r] for r in spans]
    flat = _years_as_labels([c for r in rows for c in r])
    if g.flat:
        split = segment(flat)
        if split is None:
            return None
        head, data = split
    else:
        it = iter(flat)
        rows = [[next(it) for _ in r] for r in rows]
        serial = serial_head(rows[:1])
        first = next((n for n, r in enumerate(rows) if any(c.q is not None for c in r[stub_len(r, serial):])),
                     None)
        if first is None:
            return None
        head, data = rows[:first], rows[first:]
    # (a row with fewer cells than the widest, blanks counted, may have lost one to a merged cell)
    widest = max((len(r) for r in data), default=0)
    cut = [(r[: len(r) - next((k for k, c in enumerate(reversed(r)) if c.text), len(r))], len(r) < widest)
           for r in data]
    cut = [(r, fewer) for r, fewer in cut if r]
    data = [r for r, _ in cut]
    serial = serial_head(head)
    shaped = _shape(data, serial)
    width = max((len(v) for _, v in shaped), default=0)
    # one row of figures is a table only under a header (合计 | 108156 under 罚款 | … | 合计)
    figured = sum(1 for _, v in shaped if any(c is not None and c.q is not None for c in v))
    if width < 1 or figured < (1 if head else 2):
        return None
    unit = _table_unit(text, g.start, head)
    if not g.flat:  # a pipe row's trailing empty cells are no columns (`| 女 | |`)
        head = [r[: len(r) - next((k for k, c in enumerate(reversed(r)) if not c.blank), len(r))] for r in head]
    columns = _columns(head, width, unit)
    out_rows = []
    heading_unit = ""  # a heading row's unit holds for the rows under it (变动率(‰) over 出生率, 死亡率)
    for (r, fewer), (stub, vals) in zip(cut, shaped, strict=True):
        # its values padded at the end though its stub is as wide as the others': a cell merged into another
        # row's is missing, and its cells' columns are unknown (纪念馆 | 5 | 900 | 40 | 0.09 under five columns)
        short = fewer and len(stub) >= 1 and vals[-1:] == [None] and len(r) > len(stub)
        padded: list[Cell | None] = [None] * (width - len(vals))
        padded += vals
        row_unit = _unit_of("".join(c.text for c in stub))
        if not any(c is not None and c.q is not None for c in padded):
            heading_unit = row_unit
        cells = [None if c is None else _carry(c, columns[k].unit or row_unit or heading_unit or unit)
                 for k, c in enumerate(padded)]
        out_rows.append(Row(tuple(stub), tuple(cells), r[0].start, r[-1].end, short=short))
    return Table(g.start, g.end, g.layout, tuple(columns), tuple(out_rows), unit,
                 tuple(c for r in head for c in r))


def _shape(data: list[list[Cell]], serial: bool) -> list[tuple[list[Cell], list[Cell | None]]]:
    """Each row's stub and value cells, right-aligned where a merged stub leaves a row short.

    Pipe rows keep their places: the stub is as wide as that of the widest rows (a row opening with
    an age, 60 | 2486 | …, has it as its label), and a short row is aligned to the right only where
    its stub is the narrower part (合计 spanning 序号 and 名称).
    """
    stubs = [stub_len(r, serial) for r in data]
    full = max(len(r) for r in data)
    s0 = max((s for r, s in zip(data, stubs, strict=True) if len(r) == full and s < len(r)), default=0)
    s0 = min(s0, full - 1)
    out: list[tuple[list[Cell], list[Cell | None]]] = []
    for r, s in zip(data, stubs, strict=True):
        if s >= len(r):
            out.append((r, []))  # a heading inside the table
            continue
        if len(r) < full and s < s0:
            out.append((r[:s], list(r[s:])))
            continue
        stub = [c if k == 0 and serial else replace(c, q=None) for k, c in enumerate(r[:s0])]
        vals: list[Cell | None] = list(r[s0:])
        out.append((stub, vals + [None] * (full - s0 - len(vals))))
    return out


def _years_as_labels(cells: list[Cell]) -> list[Cell]:
    """A year opening each row of a table headed 年份 is the row's label, not a figure (1978 | 10005 | …)."""
    if not any(c.text.startswith(("年份", "年度")) or c.text == "年" for c in cells[:200]):
        return cells
    return [replace(c, q=None) if _is_year(c) else c for c in cells]


def _is_year(c: Cell) -> bool:
    q = c.q
    return q is not None and q.kind == "number" and q.decimals == 0 and 1900 <= q.value <= 2100 \
        and q.value == int(q.value) and re.fullmatch(r"\d{4}年?", c.text) is not None


# --- columns and units --------------------------------------------------------------------

def _columns(head: Sequence[Sequence[Cell]], width: int, unit: str) -> list[Column]:
    leaf: list[Cell | None] = [None] * width
    words: list[list[str]] = [[] for _ in range(width)]
    groups: list[str] = [""] * width
    for n, r in enumerate(head):
        cells = list(r)
        if width > 1 and sum(1 for c in cells if not c.blank) <= 1:
            continue  # a caption or a unit line over the whole table
        if len(cells) > width + 2 and n + 1 < len(head):
            continue  # words over more columns than the table has: not aligned with them
        if len(cells) >= width:
            for k, c in enumerate(cells[len(cells) - width:]):
                if c.text:
                    words[k].append(c.text)
                    leaf[k] = c
            continue
        named = cells[1:] if len(cells) > 1 and width % (len(cells) - 1) == 0 else cells
        if not named or width % len(named):
            continue
        span = width // len(named)
        for k in range(width):
            c = named[k // span]
            if c.text:
                words[k].append(c.text)
                if span > 1:
                    groups[k] = c.text
                else:
                    leaf[k] = c
    out = []
    for k in range(width):
        label = "".join(words[k])
        lf = leaf[k].text if leaf[k] is not None else label  # type: ignore[union-attr]
        out.append(Column(label, lf, groups[k], _unit_of(label), leaf[k]))
    return out


def _unit_of(label: str) -> str:
    """The unit a header or row label names: (件), （万元）, (±%), 为上年%, (‰)."""
    found = BRACKET_UNIT.findall(label)
    for inner in reversed(found):
        u = inner.replace("±", "").replace("+", "").replace("-", "").strip()
        if u in ("%", "％", "‰") or _unit_kind(u):
            return "%" if u == "％" else u
    if label.endswith(("%", "％")):
        return "%"
    if label.endswith("‰"):
        return "‰"
    return ""


def _unit_kind(u: str) -> str:
    if u in ("%", "‰"):
        return "percent"
    units = lexicon().units
    if u in units:
        return units[u]
    for mag in ("万", "亿", "千", "百"):
        if u.startswith(mag) and u[len(mag):] in units:
            return units[u[len(mag):]]
    return ""


def _table_unit(text: str, start: int, head: Sequence[Sequence[Cell]]) -> str:
    """单位：万元 on one of the two lines above the table or in its header."""
    lo = text.rfind("\n", 0, max(0, text.rfind("\n", 0, max(0, start - 1))))
    for words in [text[max(0, lo):start], *("".join(c.text for c in r) for r in head)]:
        m = UNIT_LINE.search(words)
        if m and _unit_kind(m.group(1)):
            return m.group(1)
    return ""


def _carry(c: Cell, unit: str) -> Cell:
    """The unit of a cell's column (or row, or table) carried to a bare number in it."""
    q = c.q
    if q is None or not unit or q.kind != "number":
        return c
    kind = _unit_kind(unit)
    if not kind:
        return c
    return replace(c, q=replace(q, unit=unit, kind=kind))
