"""What every reporter needs: exact number strings, positions, context and arithmetic.

Reporters differ only in layout; the wording of a number, where a finding sits
and which sentence shows it are decided once, here, so the formats agree.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from auditor.model import Claim, DocumentResult, Finding, Quantity, Report

#: Characters that end a sentence for the purpose of showing context.
SENTENCE_ENDS = frozenset("。！？；!?;\n\r")
#: How many characters of context to show around a figure, at most.
CONTEXT_CHARS = 80


def fmt_number(x: Decimal | Fraction | int) -> str:
    """An exact decimal string: no exponent, no trailing zeros, no ``-0``.

    A Fraction that does not terminate is rounded half up to 6 decimals.

    >>> fmt_number(Decimal("1.8E+4")), fmt_number(Decimal("875000.0")), fmt_number(Decimal("95.60"))
    ('18000', '875000', '95.6')
    >>> fmt_number(Fraction(43, 45)), fmt_number(Fraction(1, 8)), fmt_number(Fraction(-2, 3))
    ('0.955556', '0.125', '-0.666667')
    """
    if isinstance(x, bool):
        raise TypeError("a bool is not a number")
    if isinstance(x, int):
        return str(x)
    if isinstance(x, Fraction):
        return _fmt_fraction(x)
    if not x.is_finite():
        return str(x)
    if x == x.to_integral_value():
        return str(int(x))
    s = format(x, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _fmt_fraction(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    den = x.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den == 1:  # terminating: exact
        k = max(twos, fives)
        scaled = x.numerator * (10**k // x.denominator)
        return fmt_number(Decimal(scaled).scaleb(-k))
    sign = -1 if x < 0 else 1
    n = (abs(x) * 10**6 + Fraction(1, 2)).__floor__()
    return fmt_number(Decimal(sign * n).scaleb(-6)) if n else "0"


class Lines:
    """1-based line and column of offsets into one text (bisect over line starts)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, max(offset, 0)) - 1
        return i + 1, offset - self._starts[i] + 1


def finding_position(finding: Finding, lines: Lines) -> tuple[int, int]:
    """The finding's own line/column when the rules set them, else computed."""
    if finding.line > 0:
        return finding.line, max(finding.column, 1)
    return lines.line_col(finding.start)


def message_for(finding: Finding, lang: str) -> str:
    if lang == "en":
        return finding.message_en or finding.message
    return finding.message


def sorted_findings(doc: DocumentResult) -> list[Finding]:
    return sorted(doc.findings, key=lambda f: (f.start, f.end, -f.severity.rank, f.code))


def iter_findings(report: Report) -> Iterator[tuple[DocumentResult, Finding, int, int]]:
    """Every finding of the report in document order, with its line and column."""
    for doc in report.documents:
        lines = Lines(doc.text)
        for f in sorted_findings(doc):
            line, col = finding_position(f, lines)
            yield doc, f, line, col


def quantity_dict(q: Quantity) -> dict[str, object]:
    d: dict[str, object] = {"start": q.start, "end": q.end, "text": q.text, "value": fmt_number(q.value)}
    if q.high is not None:
        d["high"] = fmt_number(q.high)
    d.update(unit=q.unit, kind=q.kind, approx=q.approx, decimals=q.decimals)
    if q.frame is not None:
        f = q.frame
        d.update(subject=f.subject, role=f.role, period=f.period, plan=f.plan, item=f.item)
        if f.base:
            d["base"] = f.base
    return d


# --- context ---------------------------------------------------------------------------

def sentence_context(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[str, int, int]:
    """The sentence around text[start:end], cut to about `limit` characters around it.

    Returns the context (line breaks and tabs shown as spaces, cuts marked with …)
    and the span's start and end inside it.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_ENDS:
        right += 1
    if right < len(text) and text[right] not in "\n\r":
        right += 1  # keep the sentence's own full stop
    cut_left = cut_right = False
    width = end - start
    if width >= limit:
        cut_left, cut_right = left < start, end < right
        left, right = start, end
    elif right - left > limit:
        room = limit - width
        rpad = min(room - min(room // 2, start - left), right - end)
        lpad = min(room - rpad, start - left)
        cut_left, cut_right = lpad < start - left, rpad < right - end
        left, right = start - lpad, end + rpad
    # trim blanks at both ends, never into the span
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    body = re.sub(r"[\t\n\r\v\f]", " ", text[left:right])
    lead = "…" if cut_left else ""
    return lead + body + ("…" if cut_right else ""), len(lead) + start - left, len(lead) + end - left


# --- arithmetic ------------------------------------------------------------------------

_NUM = re.compile(r"-?\d+(?:\.(\d+))?")


def _decimals(s: str | None) -> int | None:
    if not s:
        return None
    m = _NUM.search(s.replace(",", ""))
    if not m:
        return None
    return len(m.group(1) or "")


def _as_decimal(s: str) -> Decimal | None:
    try:
        d = Decimal(s.strip().rstrip("%％").replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def shown_recomputed(recomputed: str, claimed: str | None) -> str:
    """The recomputed value rounded for display: at least 2 decimals, at least
    the claim's own, and never so few that it looks equal to a differing claim."""
    value = _as_decimal(recomputed)
    if value is None:
        return recomputed
    exponent = value.as_tuple().exponent
    own = max(-exponent, 0) if isinstance(exponent, int) else 0
    want = max(_decimals(claimed) or 0, 2)
    places = min(own, want)
    shown = fmt_number(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)) if own > places \
        else fmt_number(value)
    claim_value = _as_decimal(claimed) if claimed else None
    if claim_value is not None and _as_decimal(shown) == claim_value and value != claim_value:
        return fmt_number(value)
    return shown


def _with_unit(number: str, unit: str) -> str:
    return f"{number}{unit}" if unit else number


def arithmetic(expression: str | None, recomputed: str | None, claimed: str | None, unit: str = "",
               check: bool = False) -> str:
    """`52118/52360 = 99.54% ≠ 99.98%` for a finding; `41/44 = 93.18%` for a claim (check=True)."""
    parts: list[str] = []
    if expression:
        parts.append(expression)
    if recomputed:
        shown = shown_recomputed(recomputed, claimed)
        parts.append(("= " if parts else "") + _with_unit(shown, unit))
        if claimed and not check:
            same = _as_decimal(shown) is not None and _as_decimal(shown) == _as_decimal(claimed)
            parts.append(("= " if same else "≠ ") + _with_unit(claimed, unit))
    elif claimed and not check:
        parts.append(("≠ " if parts else "") + _with_unit(claimed, unit))
    return " ".join(parts)


def finding_unit(finding: Finding, doc: DocumentResult) -> str:
    """The unit of a finding's figures: its claim's, else % when the figure is a percentage."""
    for c in doc.claims:
        if c.start < finding.end and finding.start < c.end and c.claimed == finding.claimed:
            return c.unit
    if finding.code[:1] in ("R", "G") and ("%" in finding.text or "％" in finding.text):
        return "%"
    return ""


def finding_arithmetic(finding: Finding, doc: DocumentResult) -> str:
    return arithmetic(finding.expression, finding.recomputed, finding.claimed, finding_unit(finding, doc))


def claim_arithmetic(claim: Claim) -> str:
    return arithmetic(claim.expression, claim.recomputed, claim.claimed, claim.unit, check=True)


def claim_counts(report: Report) -> dict[str, int]:
    """Claims by status; repeats (one figure stated twice) are counted apart: they recompute nothing."""
    counts = {"consistent": 0, "inconsistent": 0, "borderline": 0, "unverifiable": 0, "repeat": 0}
    for doc in report.documents:
        for c in doc.claims:
            key = "repeat" if c.kind == "repeat" else c.status
            counts[key] = counts.get(key, 0) + 1
    return counts


def unreadable_count(report: Report) -> int:
    return sum(1 for d in report.documents if d.error is not None)
