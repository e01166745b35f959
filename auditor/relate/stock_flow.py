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
from dataclasses import replace

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
