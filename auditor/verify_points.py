"""A share's change in points against the share rebuilt from its two parts before and after their changes.

points = 100·(A/(A+B) − (A−ΔA)/(A+B−ΔA−ΔB)), each level within its rounding (the corners of the
intervals bound it: over a level's rounding the function is monotone in each figure). Confirms,
never accuses (relate/points_parts.py).
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from auditor.model import Claim
from auditor.relate import Relation
from auditor.verify import _claim, _ops, claimed_interval, fmt, level_interval, meets, mid, num, operand_interval


def verify_points_parts(r: Relation) -> Claim:
    q = r.claim
    (a, da), (b, db) = r.parts, r.whole
    rate = r.alternatives[0][0][0]
    sa, sb = (int(x) for x in r.extra["signs"].split(","))
    share = [x / (x + y) * 100 for x, y in product(level_interval(a), level_interval(b))]
    if not meets((min(share), max(share)), claimed_interval(rate)):
        return _claim(r, q.text, status="unverifiable")  # the share is not this part over the two
    got = []
    for x, dx, y, dy in product(level_interval(a), operand_interval(da), level_interval(b), operand_interval(db)):
        old_part, old_whole = x - sa * dx, x + y - sa * dx - sb * dy
        if old_part < 0 or old_whole <= 0:
            return _claim(r, q.text, status="unverifiable")
        got.append((x / (x + y) - Fraction(old_part, 1) / old_whole) * 100 * r.direction)
    iv = (min(got), max(got))
    sign = lambda s: "-" if s > 0 else "+"  # noqa: E731
    expr = (f"{num(a)}/({num(a)}+{num(b)})-({num(a)}{sign(sa)}{num(da)})/"
            f"({num(a)}+{num(b)}{sign(sa)}{num(da)}{sign(sb)}{num(db)})")
    status = "consistent" if meets(iv, claimed_interval(q)) else "unverifiable"
    return _claim(r, q.text, operands=_ops(a, da, b, db, rate), expression=expr, recomputed=fmt(mid(iv)),
                  status=status)


def verify_net_zero(r: Relation) -> Claim:
    """The signed point changes of a complete split add up to zero within their rounding."""
    q = r.claim
    signs = [int(x) for x in r.extra["net_zero"].split(",")]
    lo = sum((s * claimed_interval(p)[0 if s > 0 else 1] for p, s in zip(r.parts, signs, strict=True)), Fraction(0))
    hi = sum((s * claimed_interval(p)[1 if s > 0 else 0] for p, s in zip(r.parts, signs, strict=True)), Fraction(0))
    expr = "".join(f"{'+' if s > 0 else '-'}{num(p)}" for p, s in zip(r.parts, signs, strict=True)).lstrip("+")
    status = "consistent" if lo <= 0 <= hi else "unverifiable"
    net = sum((s * Fraction(p.value) for p, s in zip(r.parts, signs, strict=True)), Fraction(0))
    return _claim(r, q.text, operands=_ops(*r.parts), expression=expr, recomputed=fmt(net), status=status)
