"""May a figure be a rate's whole: the structural links between a rate's part and a whole (auditor/relate/rates.py)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.model import Quantity
from auditor.relate.base import TOTAL_MARK, Seg, same_unit
from auditor.relate.link import sibling
from auditor.relate.rate_wholes import BREAKDOWN_AFTER, PERIOD_MARKS, _names_base, _whole_label, members_of_scope
from auditor.relate.shares import TOTAL_WORDS

#: a figure the sentence opens as the scope of what follows: 还未供暖的889件中,
SCOPE_AFTER = re.compile(r"\s*(?:中|当中|之中)\s*[，,]")


def whole_link(text: str, qs: Sequence[Quantity], j: int, part_j: int, i: int, seg: Seg, base: str,
               stem_matched: bool) -> str:
    """May qs[j] be the whole of the part qs[part_j]? Only by structure, never by nearness alone.

    A whole is marked as one (共/总/合计/受理…), or is named by the share (占全省…的), or announces
    a breakdown (…，其中), or stands in the rate's own item, or opens the sentence of a part the rate
    names by its stem (调解纠纷45起，成功43起，成功率95.6%); without a stem, only the figure just
    before the part, of its unit, in its sentence.
    """
    w = qs[j]
    lab = _whole_label(text, w)
    if sibling(w, qs[part_j]) and not TOTAL_WORDS.search(lab) and not BREAKDOWN_AFTER.match(text, w.end):
        return ""  # 新收一审案件600件,新收二审案件300件: a sibling part (新收 marks both), not the whole
    if (mark := TOTAL_MARK.search(lab)) is not None and (
            mark.group(0) not in PERIOD_MARKS or seg.sent[j] == seg.sent[part_j]):
        return f"total marked {mark.group(0)}"
    if members_of_scope(text, qs, seg, j, part_j):
        return ""  # 审结的案件中,维持的67件,…撤回的24件: members of one scope, neither the other's whole
    if seg.item[j] == seg.item[i] and j != part_j:
        return "same item"
    if j < part_j and seg.sent[j] == seg.sent[i] and SCOPE_AFTER.match(text, w.end):
        return "scope of the sentence (…中)"  # 还未供暖的889件中,由…的共有160件,占此类问题的18%
    if base and _names_base(base, lab):
        return f"named base {base}"
    if j < part_j and BREAKDOWN_AFTER.match(text, w.end):
        return "其中 total"  # 本单位收入为1687.45万元，其中：… the total the part is listed under
    if j < part_j and seg.sent[j] == seg.sent[part_j]:
        if stem_matched:
            return "heads the part's sentence"  # the rate names its part; a figure of its unit before it
        between = [k for k in range(j + 1, part_j) if same_unit(qs[k], w)]
        return "" if between else "figure before the part"
    return ""
