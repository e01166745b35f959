"""Amounts converted at a stated exchange rate: `人均生产总值为98650元，…按…平均汇率6.7518折算，人均生产总值
约合14611美元` (98650 / 6.7518).

The rate is the figure straight after 汇率 between the two amounts, in their sentence; the amount
converted is the nearest figure in 元 before it, of the same subject as the converted one (人均生产总值).
A rate above 1 is yuan per unit of the currency (divided by), one below 1 the other way. Only ever
confirmed: a report may convert another figure than the one it prints.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation, Seg
from auditor.relate.link import COMMON, frame, grams

BACK = 8  # figures back from the converted amount to the amount it converts


@cache
def _words() -> tuple[re.Pattern[str], tuple[str, ...]]:
    w = claim_words()
    rate = re.compile(rf"(?:{w.alternation('rate.exchange')})(?:为|是)?\s*(\d+\.\d+|\d+)(?![\d.%‰])")
    return rate, tuple(w("rate.foreign_currency"))


def conversion(text: str, qs: Sequence[Quantity], i: int, seg: Seg) -> Relation | None:
    rate_word, currencies = _words()
    q = qs[i]
    if q.kind != "money" or q.unit not in currencies or q.high is not None:
        return None
    for k in range(i - 1, max(-1, i - BACK), -1):
        c = qs[k]
        if seg.sent[k] != seg.sent[i]:
            return None
        if c.kind != "money" or c.unit != "元" or c.high is not None:
            continue
        found = list(rate_word.finditer(text, c.end, q.start))
        if len(found) != 1 or not _same_subject(c, q):
            return None
        m = found[0]
        digits = m.group(1)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        fx = Quantity(m.start(1), m.end(1), digits, Decimal(digits), "", "number", decimals=decimals)
        if fx.value <= 0 or fx.value == 1:
            return None
        if fx.value < 1:
            return None  # a rate of the currency per yuan: a product, which no average reading gives
        return Relation("rate", q, q.start, q.end, alternatives=(((c,), (fx,)),),
                        extra={"per": "1", "link": f"{c.text} at the exchange rate {digits} stated between them"})
    return None


def _same_subject(a: Quantity, b: Quantity) -> bool:
    return bool((grams(frame(a).subject) & grams(frame(b).subject)) - COMMON)
