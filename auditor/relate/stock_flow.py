"""Pending cases as the inflow and the carried-over stock less the cases concluded (收案 + 旧存 − 审结 = 未结).

`共收…各类案件214 375件(不含上年旧存19 648件,下同)…审结217 902件(含上年旧存案件,下同)…尚有各类未结案件
16 121件`: 214375 + 19648 − 217902 = 16121. Where the inflow holds the stock (含旧存) or no stock is
stated, the pending count is the inflow less the concluded. The figures are the paragraph's first of
each role before the pending count, in at most SENTENCES sentences; confirms only (a report may
count its flows on other bases).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from msgspec.structs import replace

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, Relation, Seg, same_unit

_W = claim_words()
RATE = re.compile(_W.alternation("rate.words"))
SENTENCES = 3
#: figures back from the pending count searched for the flows (bounded work)
REACH = 40
LABEL_REACH = 60


def stock_flow(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    for i, q in enumerate(qs):
        if q.kind != "count" or _role(text, q, seg, i) != "pending":
            continue
        roles: dict[str, int] = {}
        for k in range(max(0, i - REACH), i):
            if seg.para[k] != seg.para[i] or seg.sent[i] - seg.sent[k] > SENTENCES or not same_unit(qs[k], q) \
                    or qs[k].kind != q.kind or qs[k].approx or qs[k].high is not None:
                continue
            role = _role(text, qs[k], seg, k)
            if role in ("inflow", "stock", "done") and role not in roles:
                roles[role] = k  # the paragraph's first of each role
        if "inflow" not in roles or "done" not in roles or roles["done"] < roles["inflow"]:
            continue
        inflow, done = qs[roles["inflow"]], qs[roles["done"]]
        parts = [inflow]
        stock = roles.get("stock")
        if stock is not None and _excluded(text, qs[stock]):
            parts.append(qs[stock])
        parts.append(replace(done, value=-done.value))
        yield Relation("difference", q, q.start, q.end, parts=tuple(parts),
                       extra={"of_parts": "1", "link": "the inflow" + (" and the stock" if len(parts) == 3 else "")
                              + " less the cases concluded"})


def _role(text: str, q: Quantity, seg: Seg, k: int) -> str:
    lo = max(seg.clause_start[seg.clause[k]], q.start - LABEL_REACH)
    label = text[lo:q.start]
    cut = max((label.rfind(c) for c in "（("), default=-1)
    own = label[cut + 1:] if cut >= 0 else label  # 214 375件(不含上年旧存19 648件: the bracket's own words
    if RATE.search(own):
        return ""
    for role in ("pending", "stock", "done", "inflow"):  # 未结 before 结, 旧存 before 收
        if any(w in own for w in _W(f"flow.{role}")):
            return role
    return ""


def _excluded(text: str, stock: Quantity) -> bool:
    """不含上年旧存19 648件: the stock is outside the inflow (含 or nothing said: inside or unknown)."""
    lead = text[max(0, stock.start - 10):stock.start]
    k = max((lead.rfind(c) for c in "（(" + CLAUSE_END), default=-1)
    lead = lead[k + 1:]
    return any(w in lead for w in _W("flow.excluded"))


def closure_flows(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> tuple[Quantity, tuple[Quantity, ...]] | None:
    """The concluded count and the cases handled that a closure rate qs[i] (结案率) is over: `新收1000件，旧存200件，
    审结960件，结案率80%` -> 960 over 1000 + 200.

    The concluded count is the nearest before the rate, in its sentence or the SENTENCES before it, after any
    other rate (the flows before an earlier rate are that rate's); the carried-over stock the nearest before
    it; the inflow the figure next to the stock (`收案1000件(不含旧存200件)`, `旧存200件，新收1000件`). The stock
    is added only when the inflow does not hold it: 不含旧存…, or an inflow of new cases (新收).
    """
    done = stock = None
    for k in range(i - 1, max(-1, i - REACH), -1):
        c = qs[k]
        if seg.para[k] != seg.para[i] or seg.sent[i] - seg.sent[k] > SENTENCES:
            break
        if c.kind == "percent":
            if RATE.search(text[seg.clause_start[seg.clause[k]]:c.start]):
                break  # an earlier rate: what stands before it is its own
            continue
        if c.kind != "count" or c.approx or c.high is not None:
            continue
        role = _role(text, c, seg, k)
        if role == "done" and done is None:
            done = k
        elif role == "stock" and done is not None and same_unit(c, qs[done]):
            stock = k
            break
    if done is None or stock is None:
        return None
    for n in (stock - 1, stock + 1):
        if 0 <= n < done and qs[n].kind == "count" and same_unit(qs[n], qs[stock]) and not qs[n].approx \
                and seg.sent[n] == seg.sent[stock] and _role(text, qs[n], seg, n) == "inflow":
            inflow = qs[n]
            new_only = any(w in text[max(0, inflow.start - 8):inflow.start] for w in _W("rate.new_intake"))
            if _excluded(text, qs[stock]) or new_only:
                return qs[done], (inflow, qs[stock])
            return None
    return None


def with_flows(r: Relation, done: Quantity, handled: tuple[Quantity, ...]) -> Relation:
    """A closure rate's relation with the cases handled (新收 + 旧存) added as its last alternative (confirms only)."""
    alts = (*r.alternatives, ((done,), handled))
    extra = {**r.extra, f"why{handled[0].start}": "the new and the carried-over cases"}
    if not r.alternatives:
        extra.update({"direct": "0", "near": "0"})
        return replace(r, parts=(done,), whole=handled, alternatives=alts, extra=extra)
    return replace(r, alternatives=alts, extra=extra)
