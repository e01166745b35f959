"""Recomputation in exact arithmetic, with rounding intervals and qualifiers -> claim status.

A figure printed with d decimals stands for the interval of values that round
(half up) to it; operands that are themselves rounded (1.4万) or qualified (余,
约) are intervals too, and a claim is consistent when the recomputed interval
meets the claimed one. Truncation, half-even and one-unit-off readings are
tried only after that fails, and name the likely cause (R202).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

from auditor.lexicon import lexicon
from auditor.model import Claim, Operand, Quantity
from auditor.relate import BOUNDED_RATES, Relation

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


def verify(r: Relation) -> Claim:
    fn = {"rate": _verify_rate, "share": _verify_rate, "growth": _verify_growth, "difference": _verify_difference,
          "points": _verify_points, "sum": _verify_sum, "repeat": _verify_repeat, "multiple": _verify_multiple}[r.kind]
    return fn(r)


def _claim(r: Relation, figure: str, **kw: Any) -> Claim:
    """The verified claim: its text is the span's (text[start:end]); `figure` is the claimed figure as written.

    `link` says why the operands were chosen (relate/link.py); by default the relation's own.
    """
    q = r.claim
    detail = {"figure": figure, "at": str(q.start)}
    link = kw.pop("link", None)
    why = link if link is not None else r.extra.get("link", "")
    if why and (kw.get("operands") or "names" in r.extra):
        detail["link"] = why
    return Claim(kind=r.kind, start=r.start, end=r.end, text=r.text or figure, claimed=num(q), unit=q.unit,
                 detail=detail, **kw)


def _verify_rate(r: Relation) -> Claim:
    q = r.claim
    text = q.text
    if r.extra.get("per"):
        return _verify_average(r)
    bounded = r.kind == "rate" and any(w in r.extra.get("stem", "") for w in BOUNDED_RATES) \
        and not r.extra.get("carried")
    claimed = claimed_interval(q)
    if q.kind == "percent" and fr(q.value) - q.half_ulp >= 100 and bounded:
        return _claim(r, text, status="inconsistent", code="R203", hint="over-100", recomputed="100",
                      expression="≤ 100%")
    first = None
    for parts, whole in r.alternatives:
        iv = ratio(parts, whole, _per(q))
        if iv is None:
            continue
        if first is None:
            first = (parts, whole, iv)
        if meets(iv, claimed):
            return _claim(r, text, operands=_ops(*parts, *whole), expression=_expr(parts, whole),
                          recomputed=fmt(mid(iv)), status="consistent", link=_rate_link(r, parts, whole))
    if r.all_claim and q.kind in ("percent", "number") and not meets((HUNDRED, HUNDRED), _plain(q)):
        return _claim(r, text, status="borderline", code="R205", recomputed="100", expression="均（全部）",
                      hint="all")
    if first is None and r.all_claim and r.extra.get("all_link") and meets((HUNDRED, HUNDRED), claimed):
        # 全部完成按时整改，按时整改率100%: the words say every item, the figure says 100%
        return _claim(r, text, status="consistent", recomputed="100", expression="均（全部）",
                      operands=(Operand(q.start, q.end, q.text),), link=r.extra["all_link"])
    if r.extra.get("peer"):
        return _verify_peer(r, claimed)
    if first is None:
        return _claim(r, text, status="unverifiable")
    parts, whole, iv = first
    x = mid(iv)
    base = dict(operands=_ops(*parts, *whole), expression=_expr(parts, whole), recomputed=fmt(x))
    if r.subset:
        # the stated part bounds the true part from above: only a claim above it is wrong
        if fr(q.value) <= iv[1] or not r.strong:
            return _claim(r, text, status="unverifiable", **base)
        return _claim(r, text, status="inconsistent", code="R201", hint="subset", **base)
    near = int(r.extra.get("near", len(r.alternatives)))
    direct = int(r.extra.get("direct", 1))
    for n, (ps, ws) in enumerate(r.alternatives):
        aiv = ratio(ps, ws, _per(q))
        if aiv is None or aiv[0] != aiv[1] or (n >= near and r.kind != "share"):
            continue
        cause = _misrounded(aiv[0], q)
        # truncation is specific evidence; "one unit off" only counts for the likeliest operands
        if cause and (cause != "one-off" or n == 0 and (direct > 0 or r.kind == "share" and q.decimals >= 1)):
            return _claim(r, text, status="borderline", code="R202", hint=cause, operands=_ops(*ps, *ws),
                          expression=_expr(ps, ws), recomputed=fmt(aiv[0]))
    if r.extra.get("complementary"):
        if abs(x - fr(q.value)) <= 2:
            return _claim(r, text, status="borderline", code="R206", hint="base", **base)
        return _claim(r, text, status="unverifiable", **base)
    if r.extra.get("population") and q.unit == "‰" and POP_WARN < abs(x - fr(q.value)) / fr(q.value) <= POP_FAR:
        # 出生率8.25‰ with 6312 births in 715000 people (8.83‰): no mean population of a year is that far from
        # its year-end, so the rate is over a base the text does not state
        return _claim(r, text, status="borderline", code="R206", hint="population", **base)
    if not r.strong:
        return _claim(r, text, status="unverifiable", **base)
    if x > 100 and bounded:
        return _claim(r, text, status="inconsistent", code="R203", hint="part-over-whole", **base)
    if not r.extra.get("unique") and not _plausible(x, fr(q.value)):
        # far off: more likely the operands were paired wrongly than the report wrong
        return _claim(r, text, status="unverifiable", **base)
    return _claim(r, text, status="inconsistent", code="R201", **base)


def _verify_peer(r: Relation, claimed: Interval) -> Claim:
    """A rate on the population its peer implies (relate/vital.py): part × peer rate / peer count."""
    q, part, (count, other) = r.claim, r.parts[0], r.whole
    plo, phi = operand_interval(part)
    clo, chi = operand_interval(count)
    olo, ohi = operand_interval(other)
    if clo <= 0:
        return _claim(r, q.text, status="unverifiable")
    iv = (plo * olo / chi, phi * ohi / clo)
    base = dict(operands=_ops(part, count, other), expression=f"{num(part)}*{num(other)}/{num(count)}",
                recomputed=fmt(mid(iv)), link=r.extra["peer_link"])
    if meets(iv, claimed):
        return _claim(r, q.text, status="consistent", **base)
    if abs(mid(iv) - fr(q.value)) <= fr(q.value) * PEER_SLACK:
        return _claim(r, q.text, status="unverifiable", **base)  # a near miss: the two rates' own roundings
    return _claim(r, q.text, status="inconsistent", code="R201", hint="peer", **base)


#: a rate per thousand this far off the population stated before it (5%..25%) is over some other base: a
#: year's mean population is within a few percent of its year-end; further off, the pairing is in doubt
POP_WARN = Fraction(5, 100)
POP_FAR = Fraction(25, 100)
#: how far a rate may miss the population its peer implies before the pair is called inconsistent (3%):
#: each rate is rounded from its own division, often on a mean population the text does not give
PEER_SLACK = Fraction(3, 100)


def _per(q: Quantity) -> Fraction:
    """Per hundred, per thousand (‰) or per ten thousand (‱)."""
    return {"‰": Fraction(1000), "‱": Fraction(10000)}.get(q.unit, HUNDRED)


def _rate_link(r: Relation, parts: Sequence[Quantity], whole: Sequence[Quantity]) -> str:
    """Why these operands: the part's link and the whole's (same subject 办结; total marked 受理)."""
    if r.extra.get("listed"):
        return r.extra.get("link", "")  # a list's share says both links at once
    part = r.extra.get("link", "")
    key = whole[0].start if len(whole) == 1 else parts[0].start
    w = r.extra.get(f"why{key}", "")
    if len(parts) > 1:
        part = "adjacent parts"
    return "; ".join(x for x in (part, w) if x)


def _plausible(x: Fraction, claimed: Fraction) -> bool:
    """A recomputed rate close enough to the claim that a mismatch is the report's, not the pairing's."""
    return abs(x - claimed) <= max(Fraction(10), abs(claimed) / 5) and abs(x - claimed) <= abs(claimed) / 2 + 1


def _expr(parts: Sequence[Quantity], whole: Sequence[Quantity]) -> str:
    p = "+".join(num(x) for x in parts)
    w = "+".join(num(x) for x in whole).replace("+-", "-")
    p = f"({p})" if len(parts) > 1 else p
    w = f"({w})" if len(whole) > 1 else w
    return f"{p}/{w}"


def _verify_growth(r: Relation) -> Claim:
    if "stated_direction" in r.extra:
        from auditor.verify_direction import verify_direction

        return verify_direction(r)
    q = r.claim
    text = q.text
    claimed = claimed_interval(q)
    sign = r.direction if q.value >= 0 else 1
    if "old_lo" in r.extra:
        return _verify_rebuilt(r, claimed, sign)
    if "years" in r.extra:
        return _verify_compound(r)
    if r.extra.get("granular") and not r.whole:
        return _verify_granular(r, sign)
    new = r.parts[0] if r.parts else None
    old = r.whole[0] if r.whole else None
    inc = r.alternatives[0][1][0] if r.alternatives else None
    if new is None or (old is None and inc is None):
        return _claim(r, text, status="unverifiable")
    nlo, nhi = level_interval(new)
    if old is not None:
        olo, ohi = level_interval(old)
        expr = f"({num(new)}-{num(old)})/{num(old)}"
        ops = _ops(new, old)
    else:
        assert inc is not None
        ilo, ihi = operand_interval(inc)
        d = -1 if r.direction < 0 else 1
        olo, ohi = (nlo - ihi, nhi - ilo) if d > 0 else (nlo + ilo, nhi + ihi)
        expr = f"{num(inc)}/({num(new)}{'-' if d > 0 else '+'}{num(inc)})"
        ops = _ops(new, inc)
    if olo <= 0:
        return _claim(r, text, status="unverifiable")
    if new.kind == "percent" and (old is None or old.kind == "percent"):
        # a rate compared with a % sign: points or percent? Only the old rate settles it
        if old is None:
            return _claim(r, text, status="unverifiable")
        pts = (fr(new.value) - fr(old.value)) * sign
        rel = (fr(new.value) - fr(old.value)) / fr(old.value) * 100 * sign
        if meets((rel, rel), claimed):
            return _claim(r, text, operands=ops, expression=expr, recomputed=fmt(rel), status="consistent")
        if meets((pts, pts), claimed):
            return _claim(r, text, operands=ops, expression=f"{num(new)}-{num(old)}", recomputed=fmt(pts),
                          status="borderline", code="G304", hint="points")
        return _claim(r, text, operands=ops, expression=expr, recomputed=fmt(rel), status="unverifiable")
    lo = (nlo - ohi) / ohi * 100
    hi = (nhi - olo) / olo * 100
    if sign < 0:
        lo, hi = -hi, -lo
    iv = (min(lo, hi), max(lo, hi))
    x = mid(iv)
    base = dict(operands=ops, expression=expr, recomputed=fmt(x))
    if meets(iv, claimed):
        return _claim(r, text, status="consistent", **base)
    if iv[1] < 0 and fr(q.value) > 0 and r.strong:
        return _claim(r, text, status="inconsistent", code="G303", hint="direction", **base)
    cause = _misrounded(x, q) if iv[0] == iv[1] else None
    if cause:
        return _claim(r, text, status="borderline", code="G301", hint=cause, **base)
    if not r.strong:
        return _claim(r, text, status="unverifiable", **base)
    return _claim(r, text, status="inconsistent", code="G301", **base)


def _verify_multiple(r: Relation) -> Claim:
    """增长N倍 against new/old − 1, 是…的N倍 against new/old; or N against a 年均 rate compounded over the years."""
    q = r.claim
    if "years" in r.extra:
        return _verify_compound(r)
    if "restated" in r.extra or ("prior" in r.extra and r.extra.get("ratio")):
        from auditor.verify_ratio import verify_prior_ratio, verify_restated

        return verify_restated(r) if "restated" in r.extra else verify_prior_ratio(r)
    if not r.parts or not r.whole:
        return _claim(r, q.text, status="unverifiable")
    new, old = r.parts[0], r.whole[0]
    iv = ratio((new,), (old,), Fraction(int(r.extra.get("per", "1"))))
    if iv is None:
        return _claim(r, q.text, status="unverifiable")
    if r.extra.get("ratio"):
        # 城乡收入比2.02:1, 性别比106.8: the two sides' ratio; confirms only
        per = r.extra.get("per", "1")
        expr = f"{num(new)}/{num(old)}" + (f"×{per}" if per != "1" else "")
        status = "consistent" if meets(iv, claimed_interval(q)) else "unverifiable"
        return _claim(r, q.text, operands=_ops(new, old), expression=expr, recomputed=fmt(mid(iv)), status=status)
    increase = r.extra.get("reading") == "increase"
    shift = 1 if increase else 0
    got = (iv[0] - shift, iv[1] - shift)
    expr = f"{num(new)}/{num(old)}" + ("-1" if increase else "")
    base = dict(operands=_ops(new, old), expression=expr, recomputed=fmt(mid(got)))
    claimed = claimed_interval(q)
    if meets(got, claimed):
        return _claim(r, q.text, status="consistent", **base)
    other = (iv[0] - 1 + shift, iv[1] - 1 + shift)
    if meets(other, claimed):
        # 增长3倍 for new = 3 × old (or the reverse): the two readings of 倍 confused
        return _claim(r, q.text, status="borderline", code="G301", hint="multiple-reading", **base)
    if not r.strong:
        return _claim(r, q.text, status="unverifiable", **base)
    return _claim(r, q.text, status="inconsistent", code="G301", **base)


def _verify_compound(r: Relation) -> Claim:
    """A multiple over n stated years against an average annual rate: 1 + N against (1 + g)^n.

    Either figure may be the claim (kind multiple: the multiple; kind growth: the rate). Confirms only:
    the span a 年均 rate covers is often left open by a year.
    """
    q = r.claim
    n = int(r.extra["years"])
    if r.extra.get("levels"):
        return _verify_compound_levels(r, n)
    if r.extra.get("cumulative"):
        return _verify_cumulative(r, n)
    mult, rate = (q, r.parts[0]) if r.kind == "multiple" else (r.parts[0], q)
    mlo, mhi = claimed_interval(mult) if mult is q else _plain(mult)
    glo, ghi = claimed_interval(rate) if rate is q else _plain(rate)
    if 1 + glo / 100 <= 0:
        return _claim(r, q.text, status="unverifiable")
    shift = 1 if r.extra.get("reading") == "increase" else 0
    plo, phi = (1 + glo / 100) ** n - shift, (1 + ghi / 100) ** n - shift
    ops = _ops(r.parts[0])
    if r.kind == "multiple":
        expr = f"(1+{num(rate)}%)^{n}" + ("-1" if shift else "")
        x = mid((plo, phi))
        ok = meets((plo, phi), (mlo, mhi))
    else:
        expr = f"({shift}+{num(mult)})^(1/{n})-1"
        point = (Decimal(shift) + _dec(mult.value)) ** (Decimal(1) / Decimal(n)) - 1
        x = fr(point * 100)
        ok = meets((plo, phi), (mlo, mhi))
    status = "consistent" if ok else "unverifiable"
    return _claim(r, q.text, operands=ops, expression=expr, recomputed=fmt(x), status=status)


def _verify_cumulative(r: Relation, n: int) -> Claim:
    """An average annual rate against the growth over its n years: (1 + g)^n against 1 + G. Confirms only."""
    q, total = r.claim, r.parts[0]
    glo, ghi = claimed_interval(q)
    tlo, thi = _plain(total)
    if 1 + glo / 100 <= 0 or 1 + tlo / 100 <= 0:
        return _claim(r, q.text, status="unverifiable")
    lo, hi = (1 + glo / 100) ** n, (1 + ghi / 100) ** n
    point = (1 + _dec(total.value) / 100) ** (Decimal(1) / Decimal(n)) - 1
    status = "consistent" if meets((lo, hi), (1 + tlo / 100, 1 + thi / 100)) else "unverifiable"
    return _claim(r, q.text, operands=_ops(total), expression=f"(1+{num(total)}%)^(1/{n})-1",
                  recomputed=fmt(fr(point * 100)), status=status)


def _dec(x: Decimal | Fraction) -> Decimal:
    f = fr(x)
    return Decimal(f.numerator) / Decimal(f.denominator)


def _verify_compound_levels(r: Relation, n: int) -> Claim:
    """An average annual rate against the two levels n years apart: new/old against (1 + g)^n. Confirms only."""
    q, new, old = r.claim, r.parts[0], r.whole[0]
    iv = ratio((new,), (old,), Fraction(1))
    glo, ghi = claimed_interval(q)
    if iv is None or 1 + glo / 100 <= 0:
        return _claim(r, q.text, status="unverifiable")
    sign = r.direction if q.value >= 0 else 1
    lo, hi = sorted(((1 + sign * glo / 100) ** n, (1 + sign * ghi / 100) ** n))
    point = (_dec(new.value) / _dec(old.value)) ** (Decimal(1) / Decimal(n)) - 1
    ops = _ops(new, old)
    status = "consistent" if meets(iv, (lo, hi)) else "unverifiable"
    return _claim(r, q.text, operands=ops, expression=f"({num(new)}/{num(old)})^(1/{n})-1",
                  recomputed=fmt(fr(point * 100)), status=status)


def _whole_priors(n: Fraction, lo: Fraction, hi: Fraction, sign: int) -> list[int]:
    """Whole numbers p with (n - p)/p·100·sign in [lo, hi]."""
    out: list[int] = []
    top, bottom = max(lo * sign, hi * sign), min(lo * sign, hi * sign)
    if 1 + top / 100 <= 0:
        return []  # a fall of 100% or more leaves nothing
    a = n / (1 + top / 100)
    p = -((-a.numerator) // a.denominator)
    if 1 + bottom / 100 <= 0:
        return [max(p, 1)]  # a fall of up to 100% (下降100% at its rounding): any larger prior
    b = n / (1 + bottom / 100)
    while p <= b and len(out) < 3:
        if p > 0:
            out.append(p)
        p += 1
    return out


def _verify_granular(r: Relation, sign: int) -> Claim:
    """Only the new count is stated: its prior must be a whole number (37件46人、上升50% has none).

    Each count the rate may speak of is tried; one whole prior for any of them leaves the claim
    unverifiable, a prior only under truncation is G301 (truncated), none at all G301.
    """
    q = r.claim
    v = fr(q.value)
    unit = Fraction(1, 10**q.decimals)
    lo, hi = _plain(q)
    levels = [ps[0] for ps, _ in r.alternatives]
    if any(_whole_priors(fr(x.value), lo, hi, sign) for x in levels):
        return _claim(r, q.text, status="unverifiable")
    x = levels[-1]
    n = fr(x.value)
    p = max(1, round(n / (1 + v * sign / 100)))
    rec = (n - p) / p * 100 * sign
    base = dict(operands=_ops(*levels), expression=f"({num(x)}-{p})/{p}", recomputed=fmt(rec))
    if any(_whole_priors(fr(y.value), v, v + unit - Fraction(1, 10**12), sign) for y in levels):
        return _claim(r, q.text, status="borderline", code="G301", hint="truncated", **base)
    return _claim(r, q.text, status="inconsistent", code="G301", hint="granularity", **base)


def _verify_rebuilt(r: Relation, claimed: Interval, sign: int) -> Claim:
    """A total's growth against the prior total rebuilt from its parts' own rates: confirms, never accuses."""
    q, new = r.claim, r.parts[0]
    olo, ohi = Fraction(r.extra["old_lo"]), Fraction(r.extra["old_hi"])
    nlo, nhi = level_interval(new)
    ops = _ops(*r.alternatives[0][0]) if r.alternatives else _ops(new)
    expr = f"{num(new)}/({r.extra['rebuilt']})-1"
    others = [tuple(Fraction(x) for x in pair.split(",", 1)) for pair in r.extra.get("old_more", "").split(";") if pair]
    ivs = []
    for lo, hi in [(olo, ohi), *others]:
        if lo <= 0:
            return _claim(r, q.text, status="unverifiable")
        a, b = (nlo - hi) / hi * 100 * sign, (nhi - lo) / lo * 100 * sign
        ivs.append((min(a, b), max(a, b)))
    x = mid(ivs[0])
    if all(meets(iv, claimed) for iv in ivs):
        return _claim(r, q.text, operands=ops, expression=expr, recomputed=fmt(x), status="consistent")
    if r.extra.get("granular"):
        # the parts' rates do not confirm it: the total's own prior must still be a whole count
        return _verify_granular(replace(r, alternatives=((r.parts[:1], ()),)), sign)
    return _claim(r, q.text, operands=ops, expression=expr, recomputed=fmt(x), status="unverifiable")


def _signed_change(r: Relation) -> tuple[Quantity, Quantity, Interval] | None:
    """New, old, and the interval of new - old signed by the stated direction (减少 counts down)."""
    if not r.parts or not r.whole:
        return None
    new, old = r.parts[0], r.whole[0]
    nlo, nhi = operand_interval(new)
    olo, ohi = operand_interval(old)
    lo, hi = nlo - ohi, nhi - olo
    if r.direction < 0:
        lo, hi = -hi, -lo
    return new, old, (lo, hi)


def _verify_difference(r: Relation) -> Claim:
    """增加122篇: the stated difference against new - old (old - new for a decrease)."""
    q = r.claim
    if "per_year" in r.extra and r.parts:
        # 平均每年增加48.3万人: the change over the span over its years; confirms only (the span's count may differ)
        n, c = int(r.extra["per_year"]), r.parts[0]
        lo, hi = operand_interval(c)
        got = (lo / n, hi / n)
        status = "consistent" if meets(got, claimed_interval(q)) else "unverifiable"
        return _claim(r, q.text, operands=_ops(c), expression=f"{num(c)}/{n}", recomputed=fmt(mid(got)), status=status)
    if "of_parts" in r.extra:
        # 增加530万人 = 1790万人 - 1260万人: the total's change against its parts' signed changes; confirms only
        lo = sum((operand_interval(p)[0] for p in r.parts), Fraction(0))
        hi = sum((operand_interval(p)[1] for p in r.parts), Fraction(0))
        expr = "".join(("" if k == 0 or p.value < 0 else "+") + num(p) for k, p in enumerate(r.parts))
        status = "consistent" if meets((lo, hi), operand_interval(q)) else "unverifiable"
        return _claim(r, q.text, operands=_ops(*r.parts), expression=expr, recomputed=fmt(mid((lo, hi))),
                      status=status)
    change = _signed_change(r)
    if change is None:
        return _claim(r, q.text, status="unverifiable")
    new, old, (lo, hi) = change
    if r.extra.get("by_year"):
        # 2016年相比2015年增长了272.5万件, 这四年间年平均增长58.3万件: the years' levels; confirms only
        n = int(r.extra.get("per_year_levels", "1"))
        got = (lo / n, hi / n)
        expr = f"{num(new)}-{num(old)}" if r.direction > 0 else f"{num(old)}-{num(new)}"
        status = "consistent" if meets(got, operand_interval(q)) else "unverifiable"
        return _claim(r, q.text, operands=_ops(new, old), expression=expr if n == 1 else f"({expr})/{n}",
                      recomputed=fmt(mid(got)), status=status)
    expr = f"{num(new)}-{num(old)}" if r.direction > 0 else f"{num(old)}-{num(new)}"
    base = dict(operands=_ops(new, old), expression=expr, recomputed=fmt(mid((lo, hi))))
    if meets((lo, hi), operand_interval(q)):
        return _claim(r, q.text, status="consistent", **base)
    if hi < 0:
        return _claim(r, q.text, status="inconsistent", code="G303", hint="direction", **base)
    return _claim(r, q.text, status="inconsistent", code="G302", **base)


def _verify_points(r: Relation) -> Claim:
    """X个百分点 against the difference of the two stated rates."""
    q = r.claim
    if "months" in r.extra and r.parts:
        return _verify_schedule(r)
    if "signs" in r.extra or "net_zero" in r.extra or "prior_num" in r.extra:
        from auditor.verify_points import verify_net_zero, verify_points_parts, verify_points_priors

        if "prior_num" in r.extra:
            return verify_points_priors(r)
        return verify_points_parts(r) if "signs" in r.extra else verify_net_zero(r)
    change = _signed_change(r)
    if change is None:
        return _claim(r, q.text, status="unverifiable")
    new, old, (lo, hi) = change
    base = dict(operands=_ops(new, old), expression=f"{num(new)}-{num(old)}", recomputed=fmt(mid((lo, hi))))
    claimed = claimed_interval(q)
    if meets((lo, hi), claimed):
        return _claim(r, q.text, status="consistent", **base)
    if r.extra.get("peer"):
        return _claim(r, q.text, status="unverifiable", **base)  # the own rate is chosen by words: confirms only
    if hi < 0 and meets((-hi, -lo), claimed):
        return _claim(r, q.text, status="inconsistent", code="G303", hint="direction", **base)
    return _claim(r, q.text, status="inconsistent", code="G302", **base)


def _verify_schedule(r: Relation) -> Claim:
    """超进度 against the completion ratio minus the share of the year gone: confirms only (schedules vary)."""
    q, done = r.claim, r.parts[0]
    months = int(r.extra["months"])
    gone = Fraction(months * 100, 12)
    lo, hi = _plain(done)
    got = ((lo - gone), (hi - gone)) if r.direction > 0 else ((gone - hi), (gone - lo))
    expr = f"{num(done)}-{months}/12×100" if r.direction > 0 else f"{months}/12×100-{num(done)}"
    status = "consistent" if meets(got, claimed_interval(q)) else "unverifiable"
    return _claim(r, q.text, operands=_ops(done), expression=expr, recomputed=fmt(mid(got)), status=status)


def _verify_sum(r: Relation) -> Claim:
    t = r.claim
    text = t.text
    if "names" in r.extra:
        # a count against the names listed with it: confirmed, never accused (lists end in 等)
        n = int(r.extra["names"])
        status = "consistent" if n == t.value else "unverifiable"
        return _claim(r, text, expression=f"count({r.extra['list']})", recomputed=str(n), status=status)
    lo = sum((operand_interval(p)[0] for p in r.parts), Fraction(0))
    hi = sum((operand_interval(p)[1] for p in r.parts), Fraction(0))
    tiv = operand_interval(t)
    expr = "".join(("" if k == 0 or p.value < 0 else "+") + num(p) for k, p in enumerate(r.parts))
    base = dict(operands=_ops(*r.parts), expression=expr, recomputed=fmt(mid((lo, hi))))
    if "signed" in r.extra:
        # 增加78.0亿 = -3.7亿-81.2亿+137.0亿+25.9亿: a change against its parts' signed changes; confirms only
        return _claim(r, text, status="consistent" if meets((lo, hi), tiv) else "unverifiable", **base)
    if meets((lo, hi), tiv):
        return _claim(r, text, status="consistent", **base)
    if lo > tiv[1] and r.extra.get("classifications"):
        return _claim(r, text, status="unverifiable", **base)  # two classifications listed one after the other
    if lo > tiv[1]:
        if r.overlap:
            return _claim(r, text, status="borderline", code="S401", hint="overlap", **base)
        return _claim(r, text, status="inconsistent" if r.strong else "borderline", code="S401", **base)
    # parts below the total
    if r.exhaustive and r.strong:
        return _claim(r, text, status="inconsistent", code="S402", **base)
    return _claim(r, text, status="consistent", **base)


def _verify_repeat(r: Relation) -> Claim:
    """The same figure stated twice agrees with itself: recorded so the reader sees both places."""
    other = r.whole[0]
    if r.extra.get("rounded"):
        # a rounded or qualified restatement: its interval must hold the exact figure
        ok = meets(_restated_interval(r.claim), operand_interval(other))
        return _claim(r, r.claim.text, operands=_ops(other), expression=f"≈ {other.text}", recomputed=num(other),
                      status="consistent" if ok else "unverifiable")
    return _claim(r, r.claim.text, operands=_ops(other), expression=f"= {other.text}", recomputed=num(other),
                  status="consistent")


def _restated_interval(q: Quantity) -> Interval:
    """What a bound admits as the restatement of one figure: 超5千美元 restates 5432美元, not 5.4万美元.

    A bound alone holds any figure on its side (超过1万件 "holds" 1512.5万件), so a bound restating a
    figure holds it within one unit of its last stated digit; other qualifiers keep their interval.
    """
    lo, hi = claimed_interval(q)
    b = _bound(q)
    if b == "lower":
        return lo, fr(q.value) + _step(q)
    if b == "upper":
        return fr(q.value) - _step(q), hi
    return lo, hi


def _verify_average(r: Relation) -> Claim:
    """A per-unit figure: consistent when some stated total over some stated count rounds to it."""
    q = r.claim
    claimed = claimed_interval(q)
    for parts, whole in r.alternatives:
        iv = ratio(parts, whole, Fraction(1))
        if iv is not None and meets(iv, claimed):
            return _claim(r, q.text, operands=_ops(*parts, *whole), expression=_expr(parts, whole),
                          recomputed=fmt(mid(iv)), status="consistent")
    return _claim(r, q.text, status="unverifiable")
