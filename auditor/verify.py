"""Recomputation in exact arithmetic, with rounding intervals and qualifiers -> claim status.

A figure printed with d decimals stands for the interval of values that round
(half up) to it; operands that are themselves rounded (1.4万) or qualified (余,
约) are intervals too, and a claim is consistent when the recomputed interval
meets the claimed one. Truncation, half-even and one-unit-off readings are
tried only after that fails, and name the likely cause (R202).
"""
from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from auditor.model import Claim, Operand, Quantity
from auditor.relate import BOUNDED_RATES, Relation
from auditor.relate.link import frame
from auditor.verify_base import (
    HUNDRED,
    Interval,
    _bound,
    _claim,
    _ops,
    _plain,
    _step,
    claimed_interval,
    cut_short_ratio,
    fmt,
    fr,
    meets,
    mid,
    misrounded_within,
    num,
    operand_interval,
    ratio,
    rounded_among,
)
from auditor.verify_growth import _signed_change, _verify_difference, _verify_growth, _verify_multiple


def verify(r: Relation) -> Claim:
    fn = {"rate": _verify_rate, "share": _verify_rate, "growth": _verify_growth, "difference": _verify_difference,
          "points": _verify_points, "sum": _verify_sum, "repeat": _verify_repeat, "multiple": _verify_multiple}[r.kind]
    return fn(r)


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
    near = int(r.extra.get("near", len(r.alternatives)))
    for n, (parts, whole) in enumerate(r.alternatives):
        iv = ratio(parts, whole, _per(q))
        if iv is None:
            continue
        if first is None:
            first = (parts, whole, iv)
        if meets(iv, claimed) and _is_stream(r, whole):
            return _claim(r, text, status="unverifiable", operands=_ops(*first[0], *first[1]),
                          expression=_expr(first[0], first[1]), recomputed=fmt(mid(first[2])))
        if meets(iv, claimed):
            far = near <= n < len(r.alternatives) - _stages(r)  # (a stage between is a near reading, tried last)
            status = "unverifiable" if far and near > 0 and _far_against_total(r, whole) else "consistent"
            return _claim(r, text, operands=_ops(*parts, *whole), expression=_expr(parts, whole),
                          recomputed=fmt(mid(iv)), status=status, link=_rate_link(r, parts, whole))
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
    direct = int(r.extra.get("direct", 1))
    unit = Fraction(1, 10**q.decimals)
    for n, (ps, ws) in enumerate(r.alternatives):
        aiv = ratio(ps, ws, _per(q))
        if aiv is None or aiv[1] - aiv[0] > unit or (n >= near and r.kind != "share") \
                or n >= len(r.alternatives) - _stages(r) or _is_stream(r, ws):
            continue  # (a stage between never accuses; nor does a reading looser than the claim's last digit)
        found = misrounded_within(aiv, q)
        # truncation is specific evidence; "one unit off" only counts for the likeliest operands
        if found and (found[0] != "one-off" or n == 0 and (direct > 0 or r.kind == "share" and q.decimals >= 1)):
            return _claim(r, text, status="borderline", code="R202", hint=found[0], operands=_ops(*ps, *ws),
                          expression=_expr(ps, ws), recomputed=fmt(found[1]))
    if r.strong and _other_reading_close(r, q, near):
        # 开工率为88%: 34/146 = 23%, but 34/39 = 87.18% over the stage stated between: the claim more likely
        # rounds that reading loosely than misstates the first; no error on the first alone
        return _claim(r, text, status="unverifiable", **base)
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
    if (cut := cut_short_ratio(parts, whole, _per(q))) is not None and meets(cut, claimed):
        # 接收5.77万件…举报7144件,占比12.36%: 7144/57790 gives it; the total in 万 was cut short, not rounded,
        # or the share is off: doubtful, no error
        return _claim(r, text, status="borderline", code="R202", hint="cut-short", **base)
    return _claim(r, text, status="inconsistent", code="R201", **base)


def _is_stream(r: Relation, whole: Sequence[Quantity]) -> bool:
    """Is this whole the first reading's plus another stream stated beside it (relate/rate_wholes.stream_beside)?
    Such a sum that gives the claim (within its rounding, not one unit off: a guessed sum is weak evidence)
    keeps an error off the first reading, but confirms nothing."""
    return len(whole) == 2 and str(whole[1].start) == r.extra.get("stream")


def _stages(r: Relation) -> int:
    """How many of the last alternatives are stages stated between the whole and the part (relate/rates.py)."""
    return int(r.extra.get("stages", 0))


def _other_reading_close(r: Relation, q: Quantity, near: int) -> bool:
    """Does a near reading other than the first come within one unit of the claim's last digit?"""
    unit = Fraction(1, 10**q.decimals)
    stages = _stages(r)
    for ps, ws in (*r.alternatives[1:near], *(r.alternatives[-stages:] if stages else ())):
        iv = ratio(ps, ws, _per(q))
        if iv is not None and abs(mid(iv) - fr(q.value)) <= unit:
            return True
    return False


def _far_against_total(r: Relation, far: tuple[Quantity, ...]) -> bool:
    """Does a rate's whole stated further back stand against the total of the rate's own sentences?

    审结135件，其中纠错29件，纠错率约19.2%: 29/135 = 21.48%; 受理151件 paragraphs before gives 19.2%, but the
    text marks 135 as the total its rate is of. Two readings, no confirmation. (A share naming its base, or a
    rate whose near whole is only the figure before it, may still be confirmed from afar.)"""
    near = r.alternatives[0][1]
    if r.kind != "rate" or len(near) != 1 or len(far) != 1:
        return False
    near_why = r.extra.get(f"why{near[0].start}", "")
    far_why = r.extra.get(f"why{far[0].start}", "")
    return near_why.startswith(("total marked", "其中 total")) and not far_why.startswith("named base")


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


def _nests_under_first(parts: Sequence[Quantity], pivs: Sequence[Interval], tiv: Interval) -> bool:
    """人员204人,其中,专业技术人员157人,主管医师61人,检验技师78人: the parts after the first fit inside it (61+78
    within 157 within 204) and name other things than it (no subject ending as its does; 公路建设项目完成投资 and
    水运建设项目完成投资 are siblings): a breakdown of the first part as well as one of the total, two readings
    that disagree, so no S401."""
    if len(parts) < 3 or pivs[0][1] > tiv[1] or sum((iv[0] for iv in pivs[1:]), Fraction(0)) > pivs[0][1]:
        return False
    tails = [frame(p).subject[-2:] for p in parts]
    return all(len(x) == 2 for x in tails) and tails[0] not in tails[1:]


def _verify_sum(r: Relation) -> Claim:
    t = r.claim
    text = t.text
    if "names" in r.extra:
        # a count against the names listed with it: confirmed, never accused (lists end in 等)
        n = int(r.extra["names"])
        status = "consistent" if n == t.value else "unverifiable"
        return _claim(r, text, expression=f"count({r.extra['list']})", recomputed=str(n), status=status)
    every = (t, *r.parts)
    # (完成投资36亿元。其中…215431.5万元,…: a whole number of 亿 beside parts to the 万 is rounded, 36亿 ± 0.5亿)
    pivs = [rounded_among(p, every) for p in r.parts]
    lo = sum((iv[0] for iv in pivs), Fraction(0))
    hi = sum((iv[1] for iv in pivs), Fraction(0))
    tiv = rounded_among(t, every)
    expr = "".join(("" if k == 0 or p.value < 0 else "+") + num(p) for k, p in enumerate(r.parts))
    base = dict(operands=_ops(*r.parts), expression=expr, recomputed=fmt(mid((lo, hi))))
    if "signed" in r.extra:
        # 增加78.0亿 = -3.7亿-81.2亿+137.0亿+25.9亿: a change against its parts' signed changes; confirms only
        return _claim(r, text, status="consistent" if meets((lo, hi), tiv) else "unverifiable", **base)
    if meets((lo, hi), tiv):
        return _claim(r, text, status="consistent", **base)
    if lo > tiv[1] and _bound(t) == "lower":
        # 参保人数在5万人以上,其中东城区最多,达到12万人: a total stated as a floor is no ceiling for its parts
        return _claim(r, text, status="unverifiable", **base)
    if lo > tiv[1] and r.extra.get("classifications"):
        return _claim(r, text, status="unverifiable", **base)  # two classifications listed one after the other
    if lo > tiv[1] and len(pivs) > 1 and not r.exhaustive and any(iv[0] > 3 * tiv[1] for iv in pivs):
        # 自治组织287个。其中:村委会247个,…村民小组2150个: a part alone over three times the total of a list not
        # closed by 其他 counts another thing (the units inside the parts), more likely than a breakdown one figure
        # of which is wrong (兼职2940人 under 2150人, 咨询类460条 under 200条 and 共500条, and any list closed by
        # 其他 stay S401)
        return _claim(r, text, status="unverifiable", **base)
    if lo > tiv[1] and not r.exhaustive and _nests_under_first(r.parts, pivs, tiv):
        return _claim(r, text, status="unverifiable", **base)
    if lo > tiv[1]:
        if r.overlap:
            return _claim(r, text, status="borderline", code="S401", hint="overlap", **base)
        return _claim(r, text, status="inconsistent" if r.strong else "borderline", code="S401", **base)
    # parts below the total
    if r.exhaustive and r.strong:
        return _claim(r, text, status="inconsistent", code="S402", **base)
    if r.exhaustive:
        # 共受理284406件。其中…其它类9791件: a list closed by 其他 that falls short is all of something, but the
        # total it is of is not tied to it (strong): neither a confirmation nor an error
        return _claim(r, text, status="unverifiable", **base)
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
