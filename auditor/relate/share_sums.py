"""Shares of one whole that add up: 占A%、占B%、占C% total 100%.

- three or more shares in a row (each after 占), or two announced by 其中, that total 100% are confirmed;
- `分别占出口总额的33.7%、18%、41.2%、7.1%`: the figures listed after one 分别占 are shares of that
  whole, one per item;
- a sentence opening with 其中 whose shares all name the same whole and make most of it
  (`其中:A的占62%,B的占11%,C的占23%`) lists parts of one whole, others not listed: confirmed;
- a list opened by 从…看/其中 and closed by 其他 is the whole: shares that miss 100% are an error.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from auditor.model import Quantity
from auditor.relate.announced import _opener
from auditor.relate.base import OTHER_WORD, Relation, Seg

SHARE_BASE = re.compile(r"占([^，,。；;、\d%]{0,7}?)\s*$")
EACH_SHARE = re.compile(r"分别占[^，,。；;、\d%]{0,10}?\s*$")
LISTED = re.compile(r"\s*(?:、|和|及)\s*")
BREAKDOWN_OPENING = re.compile(r"\s*其中")
OPENING_BACK = 120  # characters back to the sentence start
MOST = 90  # the shares after 其中 that are read as most of one whole


def shares_to_100(text: str, qs: Sequence[Quantity], seg: Seg) -> Iterator[Relation]:
    run: list[int] = []
    listed = False  # the run is the list after one 分别占
    for j, q in enumerate([*qs, None]):
        if q is not None and q.kind != "percent" and q.kind in ("count", "money", "measure"):
            continue  # 其他案件12126件，占4.73%: the level an item states beside its share
        base = _base(text, q)
        ok = base is not None and (not run or (seg.para[j] == seg.para[run[-1]]
                                               and seg.sent[j] - seg.sent[run[-1]] <= 1
                                               and (listed or base == _base(text, qs[run[-1]]))))
        more = q is not None and q.kind == "percent" and listed and bool(run) and \
            LISTED.fullmatch(text[qs[run[-1]].end:q.start]) is not None
        if more or (ok and run and not listed):
            run.append(j)
            continue
        if run:
            yield from _judge(text, qs, seg, run, listed)
        run = [j] if ok else []
        listed = ok and q is not None and EACH_SHARE.search(text, max(0, q.start - 14), q.start) is not None


def _base(text: str, q: Quantity | None) -> str | None:
    """The whole a share names (占全省的 -> 全省的, 的占 -> ''), None for a figure that is no share."""
    if q is None or q.kind != "percent":
        return None
    m = SHARE_BASE.search(text, max(0, q.start - 8), q.start)
    return None if m is None else m.group(1)


def _judge(text: str, qs: Sequence[Quantity], seg: Seg, run: list[int], listed: bool) -> Iterator[Relation]:
    first = qs[run[0]]
    total = sum((Fraction(qs[r].value) for r in run), Fraction(0))
    tol = sum((qs[r].half_ulp for r in run), Fraction(0))
    announced = re.search(r"其中[,，:：]?\s*[\u4e00-\u9fff]{0,8}占$",
                          text[max(0, first.start - 14):first.start]) is not None
    hundred = Quantity(first.start, first.end, "100%", Decimal(100), "%", "percent")  # the whole, for messages
    if (len(run) >= 3 or len(run) == 2 and (announced or listed)) and abs(total - 100) <= tol:
        # 其中一类占76.4%,二类占23.6%: 其中 says they split one
        yield Relation("sum", hundred, first.start, qs[run[-1]].end, parts=tuple(qs[r] for r in run),
                       extra={"link": "shares of one whole"}, whole=(hundred,), exhaustive=False)
        return
    opened = _opened(text, qs, run)
    if len(run) >= 3 and opened is not None and _one_base(text, qs, run) and \
            any(w in text[qs[run[-2]].end:qs[run[-1]].start] for w in OTHER_WORD):
        # 从类型看，A占59%；B占30%…此外，其他占4%: an opener and a closing 其他 make the list the whole
        yield Relation("sum", hundred, opened, qs[run[-1]].end, parts=tuple(qs[r] for r in run),
                       extra={"link": "shares of one whole, opened and closed by 其他"}, whole=(hundred,),
                       exhaustive=True, strong=True)
        return
    if len(run) >= 2 and not listed and MOST <= total <= 100 + tol and _one_whole(text, qs, seg, run):
        # 其中:维持的占62.16%,纠正的占11.12%,调解的占22.87%: most of one whole, others unlisted. Shares
        # that add up to little, or to more than 100%, may sort one whole along several lines (女性占40%,
        # 党员占70%): no claim
        yield Relation("sum", hundred, first.start, qs[run[-1]].end, parts=tuple(qs[r] for r in run),
                       extra={"link": "shares of one whole after 其中"}, whole=(hundred,), exhaustive=False,
                       overlap=True)


def _one_whole(text: str, qs: Sequence[Quantity], seg: Seg, run: list[int]) -> bool:
    """The shares fill one sentence that opens with 其中 and all name the same whole."""
    first = qs[run[0]]
    if any(seg.sent[r] != seg.sent[run[0]] for r in run):
        return False
    lo = max(0, first.start - OPENING_BACK)
    k = max(text.rfind(c, lo, first.start) for c in "。；;\n") + 1
    if k == 0 or not BREAKDOWN_OPENING.match(text, max(k, lo)):
        return False
    return _one_base(text, qs, run)


def _one_base(text: str, qs: Sequence[Quantity], run: list[int]) -> bool:
    return len({_base(text, qs[r]) for r in run}) == 1


def _opened(text: str, qs: Sequence[Quantity], run: list[int]) -> int | None:
    """Where the opener before the first share begins (从类型看, 其中), None where there is none."""
    j = run[0]
    op = _opener(text, qs, j)
    if op is None:
        return None
    k = text.rfind(op[0], max(0, qs[j].start - OPENING_BACK), qs[j].start)
    return k if k >= 0 else None
