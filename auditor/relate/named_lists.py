"""Counts checked against the names listed with them: 7个城市分别为:A、B、…; A、B、C等3个乡镇; 主要包括A、B和C的三种."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import Relation

_CW = claim_words()
NAMES_AFTER = re.compile(r"[^。；;\d]{0,14}?(?:分别为|分别是|包括|即)[:：]?")
QUOTED_BEFORE = re.compile(r"((?:“[^”“]{1,24}”[和、及与]?){2,})$")
NAME_ITEM = re.compile(r"[\u4e00-\u9fff“”\"（）()]{1,16}")



def _names(chunk: str) -> list[str]:
    """Items of a list of names: 拉萨、喀什和周口 -> three names; None-like when anything else is in it."""
    items = [x.strip() for x in re.split(r"[、，,]|和|及|与", chunk) if x.strip()]
    return items if items and all(NAME_ITEM.fullmatch(x) for x in items) else []


def named_lists(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    """7个城市分别为:A、B、…; A、B、C等3个乡镇: a count checked against the names listed with it."""
    for q in qs:
        if q.kind != "count" or q.value < 2 or q.value > 40 or q.approx:
            continue
        names: list[str] = []
        m = NAMES_AFTER.match(text, q.end)
        if m:
            stop = re.search(r"[。；;\n]", text[m.end():m.end() + 400])
            names = _names(text[m.end():m.end() + (stop.start() if stop else 0)]) if stop else []
        elif (qm := QUOTED_BEFORE.search(text[max(0, q.start - 200):q.start])) is not None:
            names = re.findall(r"“([^”“]{1,24})”", qm.group(1))
        elif (im := ITEMISED.match(text, q.end)) is not None:
            names = _itemised(text, im.end(), q.unit)
        elif text[max(0, q.start - 1):q.start] == "的":
            names = _included(text, q)
        elif text[max(0, q.start - 1):q.start] == "等":
            k = q.start - 1
            while k > 0 and text[k - 1] not in "。；;，,：:\n" and q.start - k < 200:
                k -= 1
            names = _names(text[k:q.start - 1])
            if len(names) < 2:
                names = []
        if not names and len(q.unit) == 1 and q.value <= 9 and CJK_UNIT.fullmatch(q.unit):
            names = _named_before(text, q)
        if names:
            yield Relation("sum", q, q.start, q.end, extra={"names": str(len(names)), "list": "、".join(names),
                                                           "link": "names listed with the count"})




def _named_before(text: str, q: Quantity) -> list[str]:
    """两村 after 十八顷地村与富强村: the names before it in its paragraph that end in its noun."""
    lo = max(0, q.start - NAMED_BACK, text.rfind("\n", 0, q.start) + 1)
    pair = re.compile(rf"[\u4e00-\u9fff]{{1,10}}?{re.escape(q.unit)}(?:(?:与|和|及|、)[\u4e00-\u9fff]{{1,10}}?"
                      rf"{re.escape(q.unit)})+")
    lists = list(pair.finditer(text, lo, q.start))  # bounded: one paragraph's stretch before the count
    if not lists:
        return []
    names = [x for x in re.split(r"与|和|及|、", lists[-1].group(0)) if x]
    if any(len(x) > 1 and x[-2] in COUNT_CHARS for x in names):
        return []  # 示范基地四家、国家级工厂两家: items with counts of their own (四家), and 国家 no name of a 家
    return names


NAMED_BACK = 300
#: a numeral straight before the measure word makes an item a count, not a name (四家, 3家)
COUNT_CHARS = frozenset("零一二两三四五六七八九十百千万0123456789")
CJK_UNIT = re.compile(r"[\u4e00-\u9fff]")


def _itemised(text: str, at: int, unit: str = "") -> list[str]:
    """涉及34个单位，其中东坪镇17件，洛阳镇5件，…: the names of the items, each with its own figure.

    Items counted in the count's own measure word (3项，其中许可1项、其他2项) are its parts, not names."""
    stop = re.search(r"[。；;\n]", text[at:at + 1200])
    if stop is None:
        return []
    items = [x.strip() for x in re.split(r"[，,、]", text[at:at + stop.start()]) if x.strip()]
    found = [ITEM_FIGURE.fullmatch(x) for x in items]
    if len(items) < 2 or not all(found) or any(x.endswith("各") for x in items):
        return []
    if unit and any(x.endswith(unit) for x in items):
        return []  # a breakdown of the count itself: the sums judge it
    return [m.group(1) for m in found if m is not None]


ITEMISED = re.compile(r"[\u4e00-\u9fff]{0,6}[，,]\s*其中[，,:：]?")
ITEM_FIGURE = re.compile(r"([\u4e00-\u9fff“”（）()]{1,20}?)\d+(?:\.\d+)?[\u4e00-\u9fff]{0,2}")


def _included(text: str, q: Quantity) -> list[str]:
    """主要包括A、B、C和D的四种模式: the items between 包括 and 的 are what the count counts.

    The items are split where the list is joined (、, and the one 和/及/与 of the last pair), so an
    item may hold a 与 of its own (甲调解与乙调解相结合).
    """
    k = q.start - 1
    while k > 0 and text[k - 1] not in "。；;，,：:\n" and q.start - k < 200:
        k -= 1
    chunk = text[k:q.start - 1]
    leads = list(LIST_LEAD.finditer(chunk))
    if not leads:
        return []
    pieces = [x.strip() for x in chunk[leads[-1].end():].split("、")]
    last = LAST_JOINT.split(pieces[-1], maxsplit=1)
    items = [*pieces[:-1], *last]
    if len(items) < 2 or not all(ITEM_PHRASE.fullmatch(x) for x in items):
        return []
    return items


LIST_LEAD = re.compile(_CW.alternation("sums.breakdown_lead"))
LAST_JOINT = re.compile(r"以及|和|及|与")
ITEM_PHRASE = re.compile(r"[\u4e00-\u9fff“”\"]{1,24}")
