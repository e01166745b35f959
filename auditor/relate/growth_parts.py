"""A total's growth rebuilt from its parts' own growth rates (Σ part/(1+rate))."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    Relation,
    Seg,
    growth_head,
    growth_start,
    near_total,
    same_unit,
)
from auditor.relate.levels import _dir, _dir_of, item_start, unlinkable_growth
from auditor.relate.link import frame, named_aside


def parts_index(qs: Sequence[Quantity], sums: Sequence[Relation]) -> dict[int, list[tuple[int, ...]]]:
    """Totals whose parts add up to them (sums.py): total index -> the parts' indexes, per breakdown."""
    at = {q.start: k for k, q in enumerate(qs)}
    out: dict[int, list[tuple[int, ...]]] = {}
    for r in sums:
        if r.kind != "sum" or "names" in r.extra or r.overlap or len(r.parts) < 2 or r.claim.start not in at:
            continue
        total = r.claim
        run = sum((Fraction(p.value) for p in r.parts), Fraction(0))
        if run != Fraction(total.value) and not near_total(run, Fraction(total.value), total, list(r.parts)):
            continue
        if any(p.start not in at or not same_unit(p, total) for p in r.parts):
            continue
        parts = tuple(at[p.start] for p in r.parts)
        out.setdefault(at[total.start], []).append(parts)
    return out


def _comparison(text: str, q: Quantity, seg: Seg, i: int) -> str:
    """What a rate compares with: 环比 (the period before) or 同比 (the same period a year before)."""
    lab = text[seg.clause_start[seg.clause[i]]:q.start]
    w = claim_words()
    if any(x in lab for x in w("growth.period_on_period")):
        return "period"
    return "year" if any(x in lab for x in w("growth.year_on_year")) else ""


def _own_rate(text: str, qs: Sequence[Quantity], p: int, seg: Seg, sent_start: list[int]) -> tuple[int, int] | None:
    """The one growth rate a part states in its own item (旧存38件,同比上升26.67%), with its direction."""
    found = [j for j in range(p + 1, min(len(qs), p + 4)) if seg.item[j] == seg.item[p]]
    rates = [j for j in found if qs[j].kind == "percent" and frame(qs[j]).role == "growth"]
    levels = [j for j in found if frame(qs[j]).role == "level" and qs[j].unit == qs[p].unit
              and (not rates or j < rates[0]) and not named_aside(text, qs[j])]  # 旧存1127件(含执行486件)
    if len(rates) != 1 or levels or frame(qs[rates[0]]).plan != frame(qs[p]).plan:
        return None
    j = rates[0]
    if unlinkable_growth(text, qs[j], sent_start[seg.sent[j]], item_start(qs, j, seg, seg.clause_start)):
        return None
    gm = growth_head(text, seg.clause_start[seg.clause[j]], qs[j].start)
    if gm is None:
        return None
    return j, 1 if qs[j].value < 0 else _dir(gm.group(2))


def _prior_of(part: Quantity, rate: Quantity, direction: int) -> tuple[Fraction, Fraction] | None:
    """The prior value a part and its own rate imply; a whole count's prior is a whole number."""
    h = Fraction(1, 2 * 10**rate.decimals)
    g = Fraction(rate.value) * direction
    glo, ghi = (g - h) / 100, (g + h) / 100
    if 1 + glo <= 0:
        return None
    ph = Fraction(part.half_ulp) if (part.decimals or part.scale > 1) else Fraction(0)
    if rate.approx or part.approx:
        return None
    lo = (Fraction(part.value) - ph) / (1 + ghi)
    hi = (Fraction(part.value) + ph) / (1 + glo)
    if part.kind == "count" and part.scale == 1 and part.decimals == 0:
        a, b = -((-lo.numerator) // lo.denominator), hi.numerator // hi.denominator
        if a > b:
            return None  # no whole prior gives the part's rate: the part's own rate is in question
        return Fraction(a), Fraction(b)
    return lo, hi


def rebuilt(text: str, qs: Sequence[Quantity], i: int, total: int, seg: Seg, sent_start: list[int],
            wholes: dict[int, list[tuple[int, ...]]]) -> Relation | None:
    """The total's growth against the prior total its parts' own rates imply (Σ part/(1+rate)).

    `税收收入642.8亿元,增长3.5%;非税收入215.6亿元,增长12.4%` under `收入858.4亿元,同比增长5.6%`:
    only where the parts add up to the total and every part states exactly one rate of its own,
    of the same comparison (同比/环比) as the total's. Confirms, never accuses.
    """
    q = qs[i]
    kind = _comparison(text, q, seg, i)
    found: list[tuple[Fraction, Fraction, tuple[int, ...], list[tuple[int, int]]]] = []
    for parts in wholes.get(total, []):
        rates = [_own_rate(text, qs, p, seg, sent_start) for p in parts]
        if any(r is None for r in rates):
            continue
        own = [r for r in rates if r is not None]
        if i in (js := [j for j, _ in own]) or len(set(js)) != len(js):
            continue  # 比报告数38600万元增加20万元,比上年下降12.5%: the total's rate is no part's own (a tautology)
        if any((c := _comparison(text, qs[j], seg, j)) and kind and c != kind for j, _ in own):
            continue
        priors = [_prior_of(qs[p], qs[j], d) for p, (j, d) in zip(parts, own, strict=True)]
        if any(x is None for x in priors):
            continue
        lo = sum((x[0] for x in priors if x is not None), Fraction(0))
        hi = sum((x[1] for x in priors if x is not None), Fraction(0))
        found.append((lo, hi, parts, own))
    if not found:
        return None
    lo, hi, parts, own = found[0]
    extra = {"link": "parts add up to the total; each states its own rate",
             "old_lo": str(lo), "old_hi": str(hi),
             "rebuilt": "+".join(f"{_plain(qs[p])}/(1{_signed(qs[j], d)})"
                                 for p, (j, d) in zip(parts, own, strict=True))}
    if len(found) > 1:
        extra["old_more"] = ";".join(f"{a},{b}" for a, b, _, _ in found[1:])
    operands = (qs[total], *(qs[p] for p in parts), *(qs[j] for j, _ in own))
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[total],), direction=_dir_of(text, q, seg, i),
                    extra=extra, alternatives=((operands, ()),))


def _plain(q: Quantity) -> str:
    v = Fraction(q.value)
    return format((Decimal(v.numerator) / Decimal(v.denominator)).normalize(), "f")


def _signed(rate: Quantity, d: int) -> str:
    v = Fraction(rate.value) * d / 100
    return f"{'+' if v >= 0 else '-'}{format(abs(Decimal(v.numerator) / Decimal(v.denominator)).normalize(), 'f')}"



# ---- a part's prior as its whole's prior less the other part's --------------------------------

def prior_by_complement(text: str, qs: Sequence[Quantity], i: int, part: int, seg: Seg,
                        wholes: dict[int, list[tuple[int, ...]]]) -> Relation | None:
    """`共受理1862件(去年同期为1795件)…其中旧存514件(去年同期为186件)…新收1348件,同比下降16.22%`: where the
    part and one other add up to a whole, and the whole and the other state their priors, the part's
    prior is their difference (2296 - 220). Confirms, never accuses."""
    q = qs[i]
    found = []
    for total, breakdowns in wholes.items():
        for parts in breakdowns:
            if len(parts) != 2 or part not in parts:
                continue
            other = parts[1] if parts[0] == part else parts[0]
            t0, o0 = _prior_in_item(qs, seg, total), _prior_in_item(qs, seg, other)
            if t0 is None or o0 is None:
                continue
            prior = Fraction(qs[t0].value) - Fraction(qs[o0].value)
            if prior > 0 and all(qs[k].decimals == 0 and qs[k].scale == 1 for k in (t0, o0, part)):
                found.append((prior, t0, o0))
    if len(found) != 1:
        return None
    prior, t0, o0 = found[0]
    extra = {"link": "the whole's prior less the other part's", "old_lo": str(prior), "old_hi": str(prior),
             "rebuilt": f"{_plain(qs[t0])}-{_plain(qs[o0])}"}
    operands = (qs[part], qs[t0], qs[o0])
    return Relation("growth", q, growth_start(text, q), q.end, parts=(qs[part],), direction=_dir_of(text, q, seg, i),
                    extra=extra, alternatives=((operands, ()),))


def _prior_in_item(qs: Sequence[Quantity], seg: Seg, k: int) -> int | None:
    """The one prior value in a level's item: 1862件(去年同期为1795件)."""
    found = [m for m in range(k + 1, min(len(qs), k + 4)) if seg.item[m] == seg.item[k]
             and frame(qs[m]).role == "prior" and qs[m].kind == qs[k].kind and same_unit(qs[m], qs[k])]
    return found[0] if len(found) == 1 else None
