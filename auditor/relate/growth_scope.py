"""A growth rate whose sentence narrows its scope (若扣除房地产板块…则增长9.4%; 剔除不可比因素(…),同比增长4.9%):
the levels before the narrowing word do not measure it (auditor/relate/growth.py)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import BRACKET_CLOSE
from auditor.relate.link import frame

NARROWED = re.compile(claim_words().alternation("growth.narrowed"))


def narrowed(text: str, qs: Sequence[Quantity], i: int, sentence_start: int) -> bool:
    """若扣除房地产板块,市属企业实现净利润则同比增长9.4%: a scope narrowed in the rate's sentence, with no level
    stated after the narrowing word, is one the levels before it do not measure: no operands. (剔除一次性收入
    1.77亿元后,增长0.02%: the amount set aside is no level either; frames.EXCLUDED makes it an attribute. A
    bracket closed before the rate is a note on the figure before it: 收入100万元(不含转移支付),增长5%.)"""
    # (收入100万元(不含转移支付),增长5%: a narrowing inside a bracket closed before the rate is a note; one
    # before its own bracket, 剔除不可比因素(剔除抗旱专项5亿元…),同比增长4.9%, narrows the rate)
    found = [m for m in NARROWED.finditer(text, sentence_start, qs[i].start)
             if not (_bracket_depth(text, sentence_start, m.start()) > 0
                     and BRACKET_CLOSE.search(text, m.end(), qs[i].start))]
    if not found:
        return False
    at = found[-1].end()
    k = i - 1
    while k >= 0 and qs[k].start >= at:
        if frame(qs[k]).role == "level" and qs[k].is_quantity and not frame(qs[k]).aside:
            return False  # (a bracket after the narrowing word lists what it sets aside: no level)
        k -= 1
    return True


def _bracket_depth(text: str, lo: int, hi: int) -> int:
    """How many brackets are open at hi, counted from lo."""
    depth = 0
    for ch in text[lo:hi]:
        if ch in "(（":
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    return depth
