"""C504: a figure in the prose against the table cell for the same row and column.

A prose figure is read against a table cell only where the structure of the text names that cell:
its subject (frame.subject) holds the row's label (`柳河县人民法院` in `其次是柳河县人民法院2467件`),
and its sentence names the column (`受理` for a 受理 | 办结 table), or one column only is left
once kind and unit (件, 亿元, %), the figure's role (a level, a growth rate, a share) and period
(the column's year against the figure's) are matched. Where more than one cell fits, in one table
or across tables, nothing is said. A figure that fits its cell within rounding is confirmed
silently; one outside rounding is a warning on the prose figure, quoting the cell.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate

import msgspec
from msgspec.structs import replace

from auditor.lexicon import claim_words, lexicon
from auditor.model import Finding, Number, Quantity, Severity
from auditor.rules import Context, rule
from auditor.tables import Column, Table, tables

_W = claim_words()
GROWTH_HEAD = re.compile(_W.alternation("table.growth"))
SHARE_HEAD = re.compile(_W.alternation("table.share"))
YEAR = re.compile(r"((?:19|20)\d\d)年")
OTHER = tuple(_W("total.other"))
BRACKET = re.compile(r"[（(][^（）()]*[)）]")
MAGNITUDE = {"万": 10**4, "亿": 10**8, "千": 10**3, "百": 10**2}
ROLES = ("level", "growth", "share", "rate")
#: how far back in its sentence a figure's words are read for a column's name
REACH = 120
MIN_LABEL = 2  # a one-character row label (男, 女) is no subject
#: the list number a row label may open with: 3. / 3、/ (三) / 三、
NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                       r"|[一二三四五六七八九十]{1,3}、)\s*")
PER_UNIT = (*_W("average.words"), *_W("table.per_unit"))
MAX_SUBJECT = 16  # frames.py keeps a subject's last 16 characters


class Match(msgspec.Struct, frozen=True):
    """A table cell's figure matched to a figure stated in the prose."""

    table: Table
    row: int
    col: int
    cell: Quantity  # the cell's figure, its unit's magnitude resolved


def core(label: str) -> str:
    """A column's words without years, bracketed units and spaces: 2019年民事案件新收(件) -> 民事案件新收."""
    s = BRACKET.sub("", re.sub(r"\s+", "", label))
    s = YEAR.sub("", s)
    return s.rstrip("%％‰")


def year_of(col: Column) -> int | None:
    years = {int(y) for y in YEAR.findall(col.label)}
    return years.pop() if len(years) == 1 else None


def resolved(q: Quantity) -> Quantity | None:
    """The cell's figure as the extractor reads prose: 617.50 under 亿元 -> 61750000000 元, scale 10^8."""
    if q.high is not None or q.approx:
        return None
    u = q.unit
    if u and u[0] in MAGNITUDE and len(u) > 1 and u not in lexicon().units:
        mag = MAGNITUDE[u[0]]
        return replace(q, value=q.value * mag, unit=u[1:], scale=q.scale * mag)
    return q


def same_measure(p: Quantity, c: Quantity) -> bool:
    if p.kind == "percent" or c.kind == "percent":
        return p.kind == c.kind == "percent" and p.unit == c.unit
    if c.kind == "number" and not c.unit:
        return False  # a bare number in a table with no unit is no measure to compare
    return p.kind == c.kind and p.unit == c.unit


def role_fits(role: str, col: Column) -> bool:
    words = core(col.label) or col.label
    growth, share = bool(GROWTH_HEAD.search(col.label)), bool(SHARE_HEAD.search(words))
    if role == "growth":
        return growth
    if role == "share":
        return share and not growth
    return not growth and not share


def period_fits(period: str, col: Column, years: Sequence[int]) -> bool:
    y = year_of(col)
    if period.isdigit():
        return y is None and not years or y == int(period)
    if period in ("", "current"):
        return y is None or y == max(years)
    return False  # prior, span: not a table cell of one period


def _outside(ts: Sequence[Table]) -> Callable[[Quantity], bool]:
    """Whether a figure stands outside every table (a bisection over the tables' spans in text order)."""
    spans = sorted((t.start, t.end) for t in ts)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))

    def test(q: Quantity) -> bool:
        k = bisect_right(starts, q.start) - 1
        return k < 0 or reach[k] <= q.start

    return test


class Index(msgspec.Struct, frozen=True):
    """The document's tables with their rows by label, so each prose figure looks up only its subject's words."""

    tables: tuple[Table, ...]
    rows: dict[str, list[tuple[int, int]]]  # row label -> (table, row)
    years: tuple[tuple[int, ...], ...]  # per table, the years its columns name


def index(ts: Sequence[Table]) -> Index:
    rows: dict[str, list[tuple[int, int]]] = {}
    for k, t in enumerate(ts):
        for r, row in enumerate(t.rows):
            lab = NUMBERING.sub("", row.label)  # 3.公务用车购置及运行维护费: the row's name without its number
            if MIN_LABEL <= len(lab) <= MAX_SUBJECT and not row.total and not row.subset \
                    and not lab.startswith(OTHER):
                rows.setdefault(lab, []).append((k, r))
    years = tuple(tuple(y for c in t.columns if (y := year_of(c)) is not None) for t in ts)
    return Index(tuple(ts), rows, years)


def matches(text: str, q: Quantity, ix: Index) -> list[Match]:
    """Every cell the prose figure may restate; the caller keeps the figure only where there is one."""
    f = q.frame
    if f is None or f.role not in ROLES or f.plan or f.aside or q.approx or q.high is not None:
        return []
    subject = re.sub(r"\s+", "", f.subject)[-MAX_SUBJECT:]
    if f.role == "share" and "占" in subject:
        subject = subject[:subject.index("占")]  # 税收收入占一般公共预算收入比重为60%: the part, not its base
    if len(subject) < MIN_LABEL:
        return []
    # the row labels the subject holds (its substrings: at most MAX_SUBJECT² / 2 look-ups), longest per table
    per_table: dict[int, list[int]] = {}
    for i in range(len(subject)):
        for j in range(i + MIN_LABEL, len(subject) + 1):
            lab = subject[i:j]
            if lab in ix.rows and _names(subject, lab) and not _part_of_named_total(text, q, lab):
                for k, r in ix.rows[lab]:
                    per_table.setdefault(k, []).append(r)
    if not per_table:
        return []
    context = re.sub(r"\s+", "", text[max(0, q.start - REACH):q.start])
    context = context[max(context.rfind("。"), context.rfind("\n")) + 1:]
    out: list[Match] = []
    for k, rows in sorted(per_table.items()):
        t = ix.tables[k]
        if not near(text, q, t, ix.tables):
            continue  # a table sections away speaks of another period, place or breakdown
        longest = max(len(t.rows[r].label) for r in rows)
        for r in sorted({r for r in rows if len(t.rows[r].label) == longest}):  # 第一产业 over 产业
            fit = []
            for c, col in enumerate(t.columns):
                cq = t.q(r, c)
                cell = resolved(cq) if cq is not None else None
                if cell is None or not same_measure(q, cell) or not role_fits(f.role, col) \
                        or not period_fits(f.period, col, ix.years[k]):
                    continue
                fit.append(Match(t, r, c, cell))
            named = [m for m in fit if (w := core(t.columns[m.col].label)) and len(w) >= MIN_LABEL and w in context]
            out.extend(named if named else fit)
    return out


#: how far (characters, line breaks) a prose figure may stand from the table it restates
NEAR_CHARS = 1500
NEAR_BREAKS = 6


def near(text: str, q: Quantity, t: Table, ts: Sequence[Table]) -> bool:
    """The prose figure stands beside the table: a few lines before or after it, no other table between."""
    lo, hi = (q.end, t.start) if q.end <= t.start else (t.end, q.start)
    if hi - lo > NEAR_CHARS or text.count("\n", lo, hi) > NEAR_BREAKS:
        return False
    return not any(o is not t and lo <= o.start < hi for o in ts)


def _part_of_named_total(text: str, q: Quantity, label: str) -> bool:
    """全年中药材产量1.50万吨。其中,林下中药材产量0.60万吨: a part listed under 其中 after a total that names
    the row is a kind of the row's measure (林下中药材), not the row."""
    k = text.rfind("其中", max(0, q.start - REACH), q.start)
    if k < 0 or "\n" in text[k:q.start]:
        return False
    before = text[max(0, k - REACH):k]
    return label in before[before.rfind("\n") + 1:]


def _names(subject: str, label: str) -> bool:
    """The subject holds the row's label; a residual row (其他) or a two-character label only as the whole
    subject's end word after a name of its own (其他 in 乡镇政府等其他 is that breakdown's rest, not the row)."""
    if len(label) < MIN_LABEL or label not in subject or label.startswith(OTHER):
        return False
    # 人均社会消费品零售总额, 万元规模以上工业增加值用水量: a figure per unit of the row's measure, not the row's
    head = subject[:subject.rfind(label)]
    if any(w in head and w not in label for w in PER_UNIT):
        return False
    return len(label) > MIN_LABEL or subject == label


def agrees(q: Quantity, cell: Quantity) -> bool:
    from auditor.verify_base import meets, operand_interval

    a = operand_interval(q)
    b = operand_interval(cell)
    if q.frame is not None and q.frame.role == "growth":
        a, b = (abs(a[0]), abs(a[1])), (abs(b[0]), abs(b[1]))  # 下降2.6% against a -2.6 cell
        a, b = (min(a), max(a)), (min(b), max(b))
    return meets(a, b)


def prose_cells(text: str, qs: Sequence[Quantity]) -> Iterator[tuple[Quantity, Match]]:
    """Each prose figure with the one table cell it restates (agreeing or not)."""
    ts = tables(text, qs)
    if not ts:
        return
    ix = index(ts)
    outside = _outside(ts)
    for q in qs:
        if not q.is_quantity or not outside(q):
            continue
        found = matches(text, q, ix)
        if len(found) == 1:
            yield q, found[0]


@rule("C504", "prose-differs-from-table", Severity.WARNING)
def prose_differs_from_table(ctx: Context) -> Iterator[Finding]:
    """A prose figure naming a table's row (and column) carries another value than that cell."""
    for q, m in prose_cells(ctx.text, ctx.quantities):
        if agrees(q, m.cell):
            continue
        where = m.table.where(m.row, m.col)
        cell = m.table.q(m.row, m.col)
        assert cell is not None
        yield Finding("C504", Severity.WARNING, q.start, q.end, q.text,
                      message=f"正文为{q.text}，表格中（{where}）为{cell.text}",
                      message_en=f"The text gives {q.text}; the table ({where}) gives {cell.text}",
                      claimed=plain(q.value), recomputed=plain(m.cell.value))


def plain(v: Number) -> str:
    """A figure without exponent or trailing zeros: 3711000000.00 -> 3711000000, 2.60 -> 2.6."""
    d = Decimal(v) if not isinstance(v, Fraction) else Decimal(v.numerator) / Decimal(v.denominator)
    s = f"{d:f}"
    return s.rstrip("0").rstrip(".") if "." in s else s
