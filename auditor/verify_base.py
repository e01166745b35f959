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
    if q.numeral == "arabic" or q.approx:
        return lo, hi
    half = Fraction(mag, 2) if (mag := whole_magnitude(q)) > 1 else Fraction(0)
    return lo - half, hi + half


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


MAGNITUDES = (("万亿", 10**12), ("兆", 10**12), ("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4))


def whole_magnitude(q: Quantity) -> int:
    """The magnitude a figure is a whole number of, as written: 2489万件 -> 10^4, 36亿元 -> 10^8, else 1."""
    if q.decimals or q.scale != 1 or q.value % 10**4 or q.approx and _bound(q) != "lower":
        return 1
    head = q.text.removesuffix(q.unit).rstrip()
    for word, mag in MAGNITUDES:
        if head.endswith(word):
            return mag if q.value % mag == 0 else 1
    return 1


def rounded_among(q: Quantity, others: Sequence[Quantity]) -> Interval:
    """An operand's interval beside the others of one recomputation.

    已超2489万件,其中…1377.1万件,占55.32%: a whole number of 万 stated beside a figure finer than the 万 is
    rounded to the 万, ± 0.5万, and one marked 超 lies within the 万 above it (a count of 24,890,000
    exactly is not what the writer means). Beside figures that are whole numbers of the same magnitude
    it is taken as written: 3万元 of which 1万元 is 33.3%."""
    lo, hi = operand_interval(q)
    mag = whole_magnitude(q)
    if mag > 1 and any(o is not q and o.value % mag for o in others):
        if q.approx:  # 已超2489万件: above the figure, by less than one 万
            return lo, hi + mag
        return lo - Fraction(mag, 2), hi + Fraction(mag, 2)
    return lo, hi


def ratio(parts: Sequence[Quantity], whole: Sequence[Quantity], times: Fraction = HUNDRED) -> Interval | None:
    every = (*parts, *whole)
    piv = [rounded_among(p, every) for p in parts]
    wiv = [rounded_among(w, every) for w in whole]
    if parts and all(any(p is w for w in whole) for p in parts):
        # 不捕24人 over 逮捕25人 and 不捕24人: the parts are in the whole, so their rounding counts once:
        # S/(S+R) rises with S and falls with R (the rest of the whole), and its bounds pair the ends
        rest = [iv for w, iv in zip(whole, wiv, strict=True) if not any(w is p for p in parts)]
        slo, shi = sum((iv[0] for iv in piv), Fraction(0)), sum((iv[1] for iv in piv), Fraction(0))
        rlo, rhi = sum((iv[0] for iv in rest), Fraction(0)), sum((iv[1] for iv in rest), Fraction(0))
        if slo + rhi <= 0 or shi + rlo <= 0:
            return None
        return slo * times / (slo + rhi), shi * times / (shi + rlo)
    plo = sum((iv[0] for iv in piv), Fraction(0))
    phi = sum((iv[1] for iv in piv), Fraction(0))
    wlo = sum((iv[0] for iv in wiv), Fraction(0))
    whi = sum((iv[1] for iv in wiv), Fraction(0))
    if wlo <= 0:
        return None
    return plo * times / whi, phi * times / wlo


def cut_short_ratio(parts: Sequence[Quantity], whole: Sequence[Quantity], times: Fraction = HUNDRED) -> Interval | None:
    """The ratio with every figure written with decimals in 万 or 亿 read as cut short rather than rounded
    (5.77万 for 57790: [57700, 57800)); None where no operand is so written, or the parts are in the whole.

    Publishers often cut such figures; a share that the exact figures give, and the rounded ones miss by a
    hair, is then no error of the report's."""
    every = (*parts, *whole)
    if not any(_abbreviated(q) for q in every) or any(p is w for p in parts for w in whole):
        return None

    def cut(q: Quantity) -> Interval:
        v, h = fr(q.value), fr(q.half_ulp)
        return (v, v + 2 * h) if _abbreviated(q) else operand_interval(q)

    piv, wiv = [cut(p) for p in parts], [cut(w) for w in whole]
    wlo = sum((iv[0] for iv in wiv), Fraction(0))
    if wlo <= 0:
        return None
    return (sum((iv[0] for iv in piv), Fraction(0)) * times / sum((iv[1] for iv in wiv), Fraction(0)),
            sum((iv[1] for iv in piv), Fraction(0)) * times / wlo)


def _abbreviated(q: Quantity) -> bool:
    """A figure written with decimals in 万 or 亿 (5.77万): the kind publishers cut short (a whole 3万 is not)."""
    return q.scale > 1 and q.decimals >= 1 and not q.approx


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


def misrounded_within(iv: Interval, q: Quantity) -> tuple[str, Fraction] | None:
    """The cause (and the value) by which a recomputed interval gives the claimed figure, if mis-rounded.

    受理27.3468万件,办结27.3411万件,办结率达99.9%: operands to the 件 written in 万 make a narrow interval, not
    a point; a value in it that truncates (or rounds half-even) to the claim is evidence of that, but one unit
    off is judged at its middle only (an edge of the interval is not the likeliest value)."""
    m = mid(iv)
    causes = [(cause, x) for x in (m, iv[0], iv[1]) if (cause := _misrounded(x, q)) is not None]
    specific = [(cause, x) for cause, x in causes if cause != "one-off"]
    if specific:
        return specific[0]
    return causes[0] if causes and causes[0][1] == m else None


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
