"""A growth rate stated twice: once with its change amount, once with its level (the same figure).

`新收各类案件总数同比增加156.0万件,上升12.87%` and, paragraphs later, `各省(区、市)法院新收案件1368.2万件,
同比上升12.87%`: the same rate of the same metric (two shared two-character words), so the level and
the change are one item's: 189.0/(1488.9 − 189.0) = 14.54%. Confirms only: kept where the two agree.
"""
from __future__ import annotations

import re

from msgspec.structs import replace

from auditor.model import Quantity
from auditor.relate.base import CLAUSE_END, Relation, label_before, same_unit
from auditor.relate.link import COMMON, grams

Key = tuple[str, int, int]
#: the last words before a level, its metric: 法院新收案件1368.2万件 -> 新收案件
TAIL = re.compile(r"([\u4e00-\u9fff]{2,4})(?:为|达|是|共|计|达到|共计)?$")


class RestatedRates:
    """The rates stated with their change only, by figure, for a later statement with the level only."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.changes: dict[Key, tuple[Relation, Quantity]] = {}

    def see(self, rel: Relation) -> Relation | None:
        """Remember a change-only rate; give a level-only rate the change of its earlier statement."""
        from auditor.verify import verify

        q = rel.claim
        if rel.kind != "growth" or q.kind != "percent" or q.decimals < 1:
            return None
        key = (str(q.value), q.decimals, rel.direction)
        inc = rel.alternatives[0][1][0] if len(rel.alternatives) == 1 and rel.alternatives[0][1] else None
        if not rel.parts and not rel.whole and inc is not None and "inc" in rel.extra:
            self.changes.setdefault(key, (rel, inc))
            return None
        if len(rel.parts) != 1 or rel.whole or rel.alternatives or key not in self.changes:
            return None
        first, change = self.changes[key]
        level = rel.parts[0]
        if not same_unit(level, change) or level.kind != change.kind:
            return None
        a = {g for g in grams(label_before(self.text, change, 0, CLAUSE_END)) if g not in COMMON}
        tail = TAIL.search(label_before(self.text, level, 0, CLAUSE_END))
        b = {g for g in grams(tail.group(1)) if g not in COMMON} if tail else set()
        if len(a & b) < 2:
            return None  # the words naming the level (新收案件) must name the change's metric too
        joined = replace(rel, alternatives=((rel.parts, (change,)),), strong=False,
                         extra={**rel.extra, "inc": "restated",
                                "link": f"the same rate stated with its change: {first.text or first.claim.text}"})
        return joined if verify(joined).status == "consistent" else None
