"""A direction stated without a figure (有所上升) against the two levels linked to it.

The rise or fall is settled only where the levels' rounding intervals do not meet: 16238 against
14888 is a rise; 1.2万 against 1.2万 tells nothing. A direction the levels contradict is G303.
"""
from __future__ import annotations

from msgspec.structs import replace

from auditor.model import Claim
from auditor.relate import Relation
from auditor.verify_base import _ops, fmt, level_interval, num


def verify_direction(r: Relation) -> Claim:
    q = r.claim
    claim = Claim(kind=r.kind, start=r.start, end=r.end, text=r.text or q.text, claimed=r.extra["stated_direction"],
                  unit="", detail={"figure": q.text, "at": str(q.start)})
    if not r.parts or not r.whole:
        return claim
    new, old = r.parts[0], r.whole[0]
    nlo, nhi = level_interval(new)
    olo, ohi = level_interval(old)
    went = 1 if nlo > ohi else -1 if nhi < olo else 0
    if olo <= 0 or went == 0:
        return claim
    shown = replace(claim, operands=_ops(new, old), expression=f"({num(new)}-{num(old)})/{num(old)}",
                    recomputed=fmt((nlo + nhi - olo - ohi) / (olo + ohi) * 100),
                    detail={**claim.detail, "link": r.extra.get("link", "")})
    if went == r.direction:
        return replace(shown, status="consistent")
    if not r.strong:
        return shown
    return replace(shown, status="inconsistent", code="G303", hint="direction")
