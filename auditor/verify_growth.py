"""Growth, multiples, compound and cumulative growth, and differences, recomputed from their levels.

A growth rate is (new - old) / old over the intervals its levels stand for; where the old level is
not stated but the change is, it is rebuilt from the change; a rate over whole counts is also
held to the granularity test (a prior that is a whole number). Differences and their signs are
checked here too, since points and growth share them.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from msgspec.structs import replace

from auditor.model import Claim, Quantity
from auditor.relate import Relation
from auditor.relate.link import frame
from auditor.verify_base import (
    Interval,
    _claim,
    _ops,
    _plain,
    claimed_interval,
    fmt,
    fr,
    level_interval,
    meets,
    mid,
    misrounded_within,
    num,
    operand_interval,
    ratio,
    rounded_among,
)


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
    if new is not None and _count_falls_past_zero(r, new, claimed):
        return _claim(r, text, status="inconsistent", code="R203", hint="decline", operands=_ops(new),
                      expression="≤ 100%", recomputed="100")
    if new is None or (old is None and inc is None):
        return _claim(r, text, status="unverifiable")
    # (税收收入24.6亿元,同比增收5亿元: a whole number of 亿 beside figures finer than the 亿 is rounded to the 亿)
    every = tuple(x for x in (new, old, inc) if x is not None)
    nlo, nhi = _widest(level_interval(new), rounded_among(new, every))
    if old is not None:
        olo, ohi = _widest(level_interval(old), rounded_among(old, every))
        expr = f"({num(new)}-{num(old)})/{num(old)}"
        ops = _ops(new, old)
    else:
        assert inc is not None
        ilo, ihi = rounded_among(inc, every)
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
    if old is not None:
        lo = (nlo - ohi) / ohi * 100
        hi = (nhi - olo) / olo * 100
    else:
        # the old value is the new less the increment: the rate inc/(new - inc) rises with the increment
        # and falls with the new value, so its bounds pair the ends (not the old value's own interval,
        # which counts the new value's rounding twice: 5.2亿元 and 2000万元 are 3.86%-4.15%, never 3%)
        assert inc is not None
        lo = (ilo / (nhi - ilo) if d > 0 else -ihi / (nlo + ihi)) * 100
        hi = (ihi / (nlo - ihi) if d > 0 else -ilo / (nhi + ilo)) * 100
    if sign < 0:
        lo, hi = -hi, -lo
    iv = (min(lo, hi), max(lo, hi))
    x = mid(iv)
    base = dict(operands=ops, expression=expr, recomputed=fmt(x))
    if meets(iv, claimed):
        return _claim(r, text, status="consistent", **base)
    if iv[1] < 0 and fr(q.value) > 0 and r.strong:
        return _claim(r, text, status="inconsistent", code="G303", hint="direction", **base)
    # (产量8688万吨,减少101万吨,下降1.2%: operands to the 吨 written in 万 make a narrow interval, not a point;
    # 1.149% is one unit off the 1.2% printed, a rounding slip, not a wrong figure)
    found = misrounded_within(iv, q) if iv[1] - iv[0] <= Fraction(1, 10**q.decimals) else None
    cause = found[0] if found else None
    if cause:
        return _claim(r, text, status="borderline", code="G301", hint=cause, **base)
    if not r.strong or _days_share_points(new, (nlo, nhi), (olo, ohi), sign, claimed):
        return _claim(r, text, status="unverifiable", **base)
    return _claim(r, text, status="inconsistent", code="G301", **base)


def _count_falls_past_zero(r: Relation, new: Quantity, claimed: Interval) -> bool:
    """其他咨询4件,…同比减幅121.43%: a count of the rate's own subject cannot fall by more than 100% (it would be
    below zero); an amount may (利润下降121%: a profit turned into a loss), so only counts are judged."""
    q = r.claim
    return r.direction < 0 and q.unit == "%" and q.value > 0 and claimed[0] > 100 and new.kind == "count" \
        and frame(new).role == "level" and frame(q).subject == frame(new).subject and frame(q).item == frame(new).item


def _widest(a: Interval, b: Interval) -> Interval:
    return min(a[0], b[0]), max(a[1], b[1])


def _days_share_points(new: Quantity, n: Interval, o: Interval, sign: int, claimed: Interval) -> bool:
    """Is a growth of a count of days in a year the change of their share of the year, in points?

    优良天数达到269天,同比增加27天,同比上升7.6%: 27/242 = 11.16%, but 269/365 - 242/366 = 7.58 points: the
    publisher's % is the share's change (个百分点). Two readings: no error."""
    if new.unit != "天" or n[1] > 366:
        return False
    for now, before in ((365, 365), (365, 366), (366, 365)):
        lo = (n[0] / now - o[1] / before) * 100 * sign
        hi = (n[1] / now - o[0] / before) * 100 * sign
        if meets((min(lo, hi), max(lo, hi)), claimed):
            return True
    return False


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
    if all(max(abs(lo), abs(hi)) * 2 * (abs(fr(y.value)) + 1) < 100 for y in levels):
        # 断面13个,同比增加1.2%: a count of 13 moves by 1/14 at the least; a rate under half of that is no change of
        # the count (a change of its share, written in % for 个百分点), not a wrong one
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


def _rate_interval(q: Quantity) -> Interval:
    """An operand's interval; a whole rate (出生率为9‰) is rounded like any reading, ± half its unit: 9‰ - 4.26‰
    may be anything from 4.24‰ to 5.24‰."""
    if q.kind == "percent" and q.decimals == 0 and q.scale == 1 and not q.approx:
        v = fr(q.value)
        return v - Fraction(1, 2), v + Fraction(1, 2)
    return operand_interval(q)


def _signed_change(r: Relation) -> tuple[Quantity, Quantity, Interval] | None:
    """New, old, and the interval of new - old signed by the stated direction (减少 counts down)."""
    if not r.parts or not r.whole:
        return None
    new, old = r.parts[0], r.whole[0]
    nlo, nhi = _rate_interval(new)
    olo, ohi = _rate_interval(old)
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
    if not r.strong:
        return _claim(r, q.text, status="unverifiable", **base)
    if hi < 0:
        return _claim(r, q.text, status="inconsistent", code="G303", hint="direction", **base)
    return _claim(r, q.text, status="inconsistent", code="G302", **base)
