"""Shares nudged to total 100%: a breakdown's shares rounded so that they add up to exactly 100.

`生活用水905.7…占15.1%；工业用水968.4…占16.2%；农业用水3781.3…占63.0%；生态补水342.8…占5.7%` of
5998.2: 968.4/5998.2 = 16.14% rounds to 16.1, but with 16.1 the four shares total 99.9; the report
raised it to 16.2 so that they total 100.0. A share one unit off in its last digit, among shares of the
same whole that are otherwise right and total exactly 100 only with it, is that adjustment: a warning
(R202), not a wrong figure (R201). One pass over the claims, grouped by their whole.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from msgspec.structs import replace

from auditor.model import Claim

HUNDRED = Decimal(100)
FIGURE = re.compile(r"([0-9]+(?:\.([0-9]+))?)\s*[%％]?$")  # (a structure term carries no %)


def adjusted_to_100(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    groups: dict[tuple[int, int], list[int]] = {}
    for k, c in enumerate(claims):
        if c.kind == "share" and c.operands and (c.unit == "%" or _structure_term(c)) \
                and (c.status in ("consistent", "inconsistent") or _one_off(c)):
            w = c.operands[-1]
            groups.setdefault((w.start, w.end), []).append(k)
    out = list(claims)
    for idx in groups.values():
        for run in _runs_to_100(claims, idx):
            wrong = [k for k in run if claims[k].status != "consistent"]
            if len(run) < 3 or len(wrong) != 1 or not (claims[wrong[0]].code == "R201" and not claims[wrong[0]].hint
                                                        or _one_off(claims[wrong[0]])):
                continue
            c = claims[wrong[0]]
            fixed = _rounded(c)
            if fixed is None:
                continue
            value, right, unit = fixed
            if abs(value - right) == unit:  # and with the rounded share, the run would miss 100
                out[wrong[0]] = replace(c, status="borderline", code="R202", hint="to-100")
    return tuple(out)


def _one_off(c: Claim) -> bool:
    """A share already found one unit off or truncated (verify.py): where its run totals 100, the to-100
    reading names it better (三次产业结构19.5:34.6:45.9 over 19.55%, 34.57%, 45.87%: rounded, 100.1)."""
    return c.status == "borderline" and c.code == "R202" and c.hint in ("one-off", "truncated")


def _structure_term(c: Claim) -> bool:
    """A term of a structure ratio (三次产业结构19.5:34.6:45.9): a share in % written without the sign."""
    return c.unit == "" and (":" in c.text or "：" in c.text or "结构" in c.text)


def _runs_to_100(claims: Sequence[Claim], idx: list[int]) -> list[list[int]]:
    """Consecutive shares of one whole whose stated values total exactly 100 (one breakdown each:
    the same whole may be split twice, by use and by source)."""
    runs: list[list[int]] = []
    run: list[int] = []
    acc = Decimal(0)
    for k in idx:
        try:
            acc += Decimal(claims[k].claimed)
        except InvalidOperation:
            run, acc = [], Decimal(0)
            continue
        run.append(k)
        if acc == HUNDRED:
            runs.append(run)
        if acc >= HUNDRED:
            run, acc = [], Decimal(0)
    return runs


def _rounded(c: Claim) -> tuple[Decimal, Decimal, Decimal] | None:
    """The stated share, the recomputed one rounded to its places, and one unit of the last place."""
    m = FIGURE.search(c.detail.get("figure", c.text))
    if m is None or c.recomputed is None:
        return None
    try:
        value, x = Decimal(m.group(1)), Decimal(c.recomputed)
    except InvalidOperation:
        return None
    unit = Decimal(1).scaleb(-len(m.group(2) or ""))
    return value, x.quantize(unit, rounding=ROUND_HALF_UP), unit
