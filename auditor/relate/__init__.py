"""Claims: which quantities a rate, a growth figure, a difference or a breakdown speaks of.


The text is cut into paragraphs, sentences and clauses; each claim looks for its
operands where reports state them: the same clause, the same sentence, or the
preceding sentences of the paragraph. A claim whose operands are not found is
still returned, with no operands, and verify() marks it unverifiable.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from msgspec.structs import replace

from auditor.frames import frames
from auditor.model import Quantity
from auditor.relate.averages import PER_UNIT, _average, daily_average
from auditor.relate.base import (
    BOUNDED_RATES,
    CLAUSE_END,
    RATE_WORD,
    Relation,
    Seg,
    bounds_after,
    ids_of,
)
from auditor.relate.change_lists import change_after_level, change_list_growth
from auditor.relate.changes import announced_changes, part_changes
from auditor.relate.complement_rates import complement_rate
from auditor.relate.completion import budget_gap, completion_rate, plan_completion
from auditor.relate.conversions import conversion
from auditor.relate.growth import _growth
from auditor.relate.growth_parts import parts_index
from auditor.relate.level_pairs import level_pair
from auditor.relate.levels import _difference, _points
from auditor.relate.link import NO_FRAME
from auditor.relate.multiples import _multiple
from auditor.relate.named_lists import named_lists
from auditor.relate.outcome_base import decision_base, with_decision_base
from auditor.relate.points_partition import partition_points
from auditor.relate.points_parts import points_from_parts
from auditor.relate.points_priors import points_from_priors
from auditor.relate.population import population_rate
from auditor.relate.rate_restated import RestatedRates
from auditor.relate.rate_wholes import CLOSURE
from auditor.relate.rates import _rate
from auditor.relate.ratios import ratios
from auditor.relate.repeats import _repeats
from auditor.relate.share_base import common_bases, with_common_base
from auditor.relate.shares import ranked_share_before
from auditor.relate.stated_directions import stated_directions
from auditor.relate.stock_flow import closure_flows, stock_flow, with_flows
from auditor.relate.structures import _structures
from auditor.relate.sums import _breakdowns
from auditor.relate.table_directions import table_directions
from auditor.relate.table_priors import TablePriors
from auditor.relate.table_rates import table_claims
from auditor.relate.table_repeats import table_repeats
from auditor.relate.year_lists import year_list_growth
from auditor.segment import Segments, segment

__all__ = ["BOUNDED_RATES", "Relation", "relate"]


def relate(text: str, quantities: Sequence[Quantity], seg: Segments | None = None,
           source: str | None = None) -> Iterator[Relation]:
    """Every claim the text makes about its figures, with the operands found for it.

    `text` is the text words are matched in (script.simplified); `source`, of the same length,
    the text as read, from which each claim's text is taken.
    """
    shown = text if source is None else source
    for r in _relate(text, quantities, seg):
        yield replace(r, text=shown[r.start:r.end])


def _relate(text: str, quantities: Sequence[Quantity], segments: Segments | None) -> Iterator[Relation]:
    if segments is None or any(q.frame is None for q in quantities if q.is_quantity):
        segments = segments or segment(text)
        quantities = frames(text, quantities, segments)
    qs = [q for q in quantities if q.is_quantity]
    if not qs:
        return
    clause_b = bounds_after(text, CLAUSE_END)
    starts = [q.start for q in qs]
    fr = [q.frame or NO_FRAME for q in qs]
    clause_start = array("q", (0,))
    clause_start.extend(clause_b)
    seg = Seg([f.sentence for f in fr], ids_of(starts, clause_b), [f.paragraph for f in fr], [f.item for f in fr],
              clause_start)
    sent_start = list(segments.sentences)
    sums = list(_breakdowns(text, qs, seg, sent_start))
    wholes = parts_index(qs, sums)  # a total's growth may be rebuilt from its parts' rates
    priors = TablePriors(text, qs)  # a level stated in the text may be a table's cell, its prior beside it
    growth_of: dict[int, Relation] = {}  # a level's own growth claim, by the level's start
    restated = RestatedRates(text)  # a rate stated again, once with its change and once with its level
    rate_at: dict[int, Relation] = {}  # the rate claim of a figure, by its index
    common = common_bases(text, qs, seg)  # 占来件量的16.40%: the whole every share of a run fits
    for i, q in enumerate(qs):
        if fr[i].role == "attribute":
            continue  # 占比超过5%的有27种: a threshold that sorts items claims nothing of its own
        cs = clause_start[seg.clause[i]]
        before = text[cs:q.start]
        if q.kind == "percent" or (q.kind == "number" and RATE_WORD.search(before)):
            listed = change_list_growth(text, qs, i, seg) or change_after_level(text, qs, i, seg) \
                or year_list_growth(text, qs, i, seg, sent_start)
            g = iter((listed,)) if listed is not None else _growth(text, qs, i, seg, sent_start, before, wholes)
            if g is not None:
                for one in g:
                    one = priors.prior(one, cs) or level_pair(text, qs, i, seg, one) or restated.see(one) or one
                    if len(one.parts) == 1 and one.kind == "growth":
                        growth_of[one.parts[0].start] = one
                    yield one
                continue
            r = population_rate(text, qs, i, seg) or completion_rate(text, qs, i, seg) \
                or budget_gap(text, qs, i, seg) or plan_completion(text, qs, i, seg) \
                or _rate(text, qs, i, seg, sent_start, clause_start, before)
            if r is None and (ranked := ranked_share_before(text, q, seg, i, before)) is not None:
                r = _rate(text, qs, i, seg, sent_start, clause_start, ranked)  # 占…比例最高，达92.71%
            if r is not None and i in common and not r.strong:
                r = with_common_base(r, qs[i - 1], common[i])
            if r is not None and r.kind == "rate" and CLOSURE.search(r.extra.get("stem", "")) \
                    and (flows := closure_flows(text, qs, i, seg)) is not None:
                r = with_flows(r, *flows)  # 新收…，旧存…，审结…，结案率: over the new and the carried-over cases
            if r is not None and r.kind == "rate" and (done := decision_base(text, qs, i, seg, r)) is not None:
                r = with_decision_base(r, done)  # 审结…。起诉…，起诉率: over the concluded cases
            if r is not None and r.kind == "rate" and (c := complement_rate(r, i, seg, rate_at)) is not None:
                r = c  # 不捕24人，不捕率48.98%。…批捕率51.02%: over the complementary rate's whole
            if r is not None:
                rate_at[i] = r
                yield r
        elif q.kind == "points":
            pts = _points(text, qs, i, seg, sent_start)
            if not pts.parts:
                rate = rate_at.get(i - 1)  # 结案率为42.18%,同比上升3.76个百分点: the rate straight before
                pts = points_from_parts(text, qs, i, seg) \
                    or (points_from_priors(text, qs, i, seg, rate, growth_of) if rate is not None else None) or pts
            yield pts
        elif q.kind == "multiple":
            m = _multiple(text, qs, i, seg, sent_start)
            if m is not None:
                yield m
        elif q.kind in ("count", "money", "measure"):
            d = _difference(text, qs, i, seg, sent_start, before)
            if d is not None:
                yield d
            elif PER_UNIT.search(before):
                a = conversion(text, qs, i, seg) or daily_average(text, qs, i, seg, before) \
                    or _average(text, qs, i, seg)
                if a is not None:
                    yield a
            elif (c := conversion(text, qs, i, seg)) is not None:
                yield c
    yield from sums
    yield from part_changes(text, qs, seg, wholes)
    yield from partition_points(text, qs, seg)
    yield from announced_changes(text, qs, seg)
    yield from _structures(text, qs, seg)
    yield from ratios(text, qs, seg)
    yield from _repeats(text, qs)
    yield from named_lists(text, qs)
    yield from table_claims(text, qs)
    yield from table_repeats(text, qs)
    yield from table_directions(text, qs)
    yield from stated_directions(text, qs, seg)
    yield from stock_flow(text, qs, seg)


