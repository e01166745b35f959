"""What a printed figure stands for, in exact arithmetic: its interval, its form as written, the claim record.

A figure printed with d decimals stands for the interval of values that round (half up) to it;
operands that are themselves rounded (1.4万) or qualified (余, 约) are intervals too. The
recomputation of each kind of claim (verify.py, verify_growth.py, verify_ratio.py, …) is built
from these pieces.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from sys import intern
from typing import Any

from auditor.lexicon import lexicon
from auditor.model import Claim, Operand, Quantity
from auditor.relate import Relation

Interval = tuple[Fraction, Fraction]
HUNDRED = Fraction(100)


def fr(x: Decimal | Fraction) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(x)


def operand_interval(q: Quantity) -> Interval:
    """The values an operand may stand for: exact for whole counts, ± half a unit when rounded.

    A whole measure (163737公里, 951吨) is a rounded reading, not a count: ± half its last unit."""
    v = fr(q.value)
    if q.decimals == 0 and q.scale == 1 and not q.approx:
        if q.kind == "measure":
            return v - Fraction(1, 2), v + Fraction(1, 2)
        return v, v
    h = fr(q.half_ulp) if (q.decimals or q.scale > 1) else Fraction(0)
    lo, hi = v - h, v + h
    # as an operand, only approximate words widen the figure; 达/以上 introduce it
    if _bound(q) == "approx":
        step = _step(q)
        if q.approx and any(w in q.approx for w in ("余", "多")):
            lo, hi = v, v + step
        else:
            lo, hi = v - step, v + step
    return lo, hi


def level_interval(q: Quantity) -> Interval:
    """A level compared across periods: 二十八万人 is rounded to the 万 as 28万人 is (growth only)."""
    lo, hi = operand_interval(q)
    if q.scale != 1 or q.decimals or q.numeral == "arabic" or q.approx:
        return lo, hi
    for word, scale in (("亿", 10**8), ("万", 10**4)):
        if q.text.removesuffix(q.unit).endswith(word) and q.value % scale == 0:
            return lo - Fraction(scale, 2), hi + Fraction(scale, 2)
    return lo, hi


def _step(q: Quantity) -> Fraction:
    """One unit of the last significant stated digit: 2800 -> 100, 87.5万 -> 1000, 95.6 -> 0.1."""
    if q.decimals or q.scale > 1:
        return Fraction(q.scale) / 10**q.decimals
    v = abs(int(q.value))
    step = 1
    while v and v % 10 == 0 and step < 10**6:
        v //= 10
        step *= 10
    return Fraction(step)


def _bound(q: Quantity) -> str | None:
    if not q.approx:
        return None
    lex = lexicon()
    bounds = [lex.bound(w) for w in q.approx.split()]
    for b in ("lower", "upper", "approx"):
        if b in bounds:
            return b
    return None


def claimed_interval(q: Quantity, value: Fraction | None = None) -> Interval:
    """Values that the claimed figure admits under half-up rounding and its qualifier."""
    c = fr(q.value) if value is None else value
    h = Fraction(1, 2 * 10**q.decimals) * (q.scale if q.kind != "percent" else 1)
    lo, hi = c - h, c + h
    b = _bound(q)
    if b == "lower":
        hi = Fraction(10**15)
    elif b == "upper":
        lo = Fraction(-(10**15))
    elif b == "approx":
        step = _step(q) if q.kind != "percent" else Fraction(1, 10**q.decimals)
        if q.approx and any(w in q.approx for w in ("余", "多")):
            lo, hi = c - h, c + step
        else:
            lo, hi = c - step, c + step
    return lo, hi


def _plain(q: Quantity) -> Interval:
    """The rounding interval of a figure, ignoring its qualifier."""
    c, h = fr(q.value), Fraction(1, 2 * 10**q.decimals)
    return c - h, c + h


def meets(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1] and not (a[0] == a[1] and a[0] == b[1] and b[0] != b[1])


def ratio(parts: Sequence[Quantity], whole: Sequence[Quantity], times: Fraction = HUNDRED) -> Interval | None:
    plo = sum((operand_interval(p)[0] for p in parts), Fraction(0))
    phi = sum((operand_interval(p)[1] for p in parts), Fraction(0))
    wlo = sum((operand_interval(w)[0] for w in whole), Fraction(0))
    whi = sum((operand_interval(w)[1] for w in whole), Fraction(0))
    if wlo <= 0:
        return None
    return plo * times / whi, phi * times / wlo


def fmt(x: Fraction | Decimal, places: int = 4) -> str:
    """An exact value as a plain decimal string, rounded half up to `places` when it does not terminate."""
    d = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else x
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    s = format(d.normalize(), "f")
    return "0" if s in ("-0", "") else s


def num(q: Quantity) -> str:
    return _num(q.value)


@lru_cache(maxsize=4096)
def _num(value: Decimal | Fraction) -> str:
    """fmt of a figure's value, once per value: every claim writes its figure, a repeat both of them."""
    return fmt(fr(value), 4)


def mid(iv: Interval) -> Fraction:
    return (iv[0] + iv[1]) / 2


def _misrounded(x: Fraction, q: Quantity) -> str | None:
    """Does the claimed figure come from x by truncation, half-even or one unit off? Name it."""
    d = q.decimals
    c = Decimal(str(q.value))
    xd = Decimal(x.numerator) / Decimal(x.denominator)
    unit = Decimal(1).scaleb(-d)
    if xd.quantize(unit, rounding=ROUND_DOWN) == c:
        return "truncated"
    if xd.quantize(unit, rounding=ROUND_HALF_EVEN) == c:
        return "half-even"
    if abs(xd.quantize(unit, rounding=ROUND_HALF_UP) - c) <= unit and d >= 1:
        return "one-off"
    return None


def _ops(*qs: Quantity) -> tuple[Operand, ...]:
    return tuple(Operand(q.start, q.end, q.text) for q in qs)


def _claim(r: Relation, figure: str, **kw: Any) -> Claim:
    """The verified claim: its text is the span's (text[start:end]); `figure` is the claimed figure as written.

    `link` says why the operands were chosen (relate/link.py); by default the relation's own.
    """
    q = r.claim
    detail = {"figure": figure, "at": str(q.start)}
    link = kw.pop("link", None)
    why = link if link is not None else r.extra.get("link", "")
    if why and (kw.get("operands") or "names" in r.extra):
        detail["link"] = intern(why)  # a few links, shared by thousands of claims of a long report
    return Claim(kind=r.kind, start=r.start, end=r.end, text=r.text or figure, claimed=intern(num(q)), unit=q.unit,
                 detail=detail, **kw)
