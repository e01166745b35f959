"""Claims: which quantities a rate, a growth figure, a difference or a breakdown speaks of.

The text is cut into paragraphs, sentences and clauses; each claim looks for its
operands where reports state them: the same clause, the same sentence, or the
preceding sentences of the paragraph. A claim whose operands are not found is
still returned, with no operands, and verify() marks it unverifiable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from auditor.model import Quantity

SENT_END = "。！？!?\n"
CLAUSE_END = SENT_END + "，,；;：:|"
CJK = re.compile(r"[\u4e00-\u9fff]")

RATE_WORD = re.compile(r"([\u4e00-\u9fff]{0,8}?)(?:率|比例|比重|占比)")
SHARE_WORD = re.compile(r"占|比重|比例|份额")
GROWTH_UP = ("增长", "上升", "提高", "增加", "提升", "增幅", "增速", "上涨", "攀升", "增长率", "上升率")
GROWTH_DOWN = ("下降", "减少", "降低", "下滑", "回落", "降幅", "减幅", "下跌", "减")
GROWTH_WORD = re.compile(
    r"(同比|环比|较|比|相比)?[^，,。；;]{0,20}?"
    r"(增长|上升|提高|增加|提升|增幅|增速|上涨|攀升|下降|减少|降低|下滑|回落|降幅|减幅|下跌|增收|减收|多|少)"
    r"(?:了|为|率为|率|达|达到|至)?[^\d，,。；;]{0,3}$"
)
TOTAL_WORD = re.compile(r"(共|合计|总计|累计|总数|总量|一共|总共|全年|总额|总)[\u4e00-\u9fff]{0,16}$")
OTHER_WORD = ("其他", "其它", "其余", "另有", "剩余")
SUBSET_MODIFIERS = ("按时", "按期", "及时", "当场", "现场", "一次性", "限时", "提前", "当日", "当天", "实际")
BOUNDED_RATES = ("办结", "结案", "化解", "成功", "满意", "胜诉", "参与", "合格", "及格", "覆盖", "知晓", "回复",
                 "答复", "接通", "解决", "参考", "到位", "完成", "执行", "审结", "受理", "处理", "反馈", "出庭",
                 "应诉", "公示", "签约", "纠错", "采纳", "落实", "达标")


@dataclass(frozen=True, slots=True)
class Relation:
    """A claim before verification: the claimed figure and the operands found for it."""

    kind: str  # rate|share|growth|difference|points|multiple|sum|repeat|missing_unit
    claim: Quantity
    start: int
    end: int
    parts: tuple[Quantity, ...] = ()  # numerator parts (rate), the parts (sum), the new value (growth)
    whole: tuple[Quantity, ...] = ()  # denominator terms (rate), the total (sum), the old value (growth)
    direction: int = 0  # growth: +1 up, -1 down
    exhaustive: bool = False  # sum: every part listed
    overlap: bool = False  # sum: parts may overlap
    subset: bool = False  # rate: the stated part bounds the true part from above (按时办结 <= 办结)
    strong: bool = False  # operands identified confidently enough to call an error
    all_claim: bool = False  # 均/全部 says 100%
    alternatives: tuple[tuple[tuple[Quantity, ...], tuple[Quantity, ...]], ...] = ()
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    text: str = ""  # text[start:end], filled in by relate()


@dataclass(slots=True)
class _Seg:
    sent: list[int]  # sentence id per quantity
    clause: list[int]
    para: list[int]


def _bounds(text: str, chars: str) -> list[int]:
    """Sorted offsets just after each boundary character (a cheap linear scan)."""
    return [i + 1 for i, c in enumerate(text) if c in chars]


def _ids(offsets: Sequence[int], bounds: list[int]) -> list[int]:
    out, j = [], 0
    for o in offsets:
        while j < len(bounds) and bounds[j] <= o:
            j += 1
        out.append(j)
    return out


def _label(text: str, q: Quantity, lo: int, stops: str = CLAUSE_END + "、（(）)") -> str:
    """The words before a figure in its clause: 化解43起 -> 化解."""
    i = q.start
    j = i
    while j > lo and i - j < 40 and text[j - 1] not in stops:
        j -= 1
    return text[j:i]


TOTAL_MARK = re.compile(r"共|总|合计|累计|受理|收到|接到|呼入|办理|收案|新收|登记|涉及|全年|全部|所有|应")
OUTCOME = ("成功", "不成", "未", "失败", "不予", "不")


def _stem_score(core: str, lab: str) -> int:
    """How well a figure's label carries a rate's stem: 2 plain match, 1 match qualified by an outcome word."""
    k = lab.rfind(core)
    if k < 0:
        return 0
    rest = lab[k + len(core):]
    if rest.startswith(OUTCOME) and not core.endswith(OUTCOME):
        return 1
    pre = lab[:k]
    if pre.endswith(("不", "未")) and not core.startswith(("不", "未")):
        return 1
    return 2


def relate(text: str, quantities: Sequence[Quantity]) -> Iterator[Relation]:
    """Every claim the text makes about its figures, with the operands found for it."""
    for r in _relate(text, quantities):
        yield replace(r, text=text[r.start:r.end])


def _relate(text: str, quantities: Sequence[Quantity]) -> Iterator[Relation]:
    qs = [q for q in quantities if q.is_quantity]
    if not qs:
        return
    sent_b = _bounds(text, SENT_END)
    clause_b = _bounds(text, CLAUSE_END)
    para_b = _bounds(text, "\n")
    starts = [q.start for q in qs]
    seg = _Seg(_ids(starts, sent_b), _ids(starts, clause_b), _ids(starts, para_b))
    sent_start = [0, *sent_b]
    clause_start = [0, *clause_b]
    used_as_growth: set[int] = set()
    for i, q in enumerate(qs):
        cs = clause_start[seg.clause[i]]
        before = text[cs:q.start]
        if q.kind == "percent" or (q.kind == "number" and RATE_WORD.search(before)):
            g = _growth(text, qs, i, seg, sent_start, before)
            if g is not None:
                used_as_growth.add(i)
                yield from g
                continue
            r = _rate(text, qs, i, seg, sent_start, clause_start, before)
            if r is not None:
                yield r
        elif q.kind == "points":
            yield _points(text, qs, i, seg, sent_start)
        elif q.kind in ("count", "money", "measure"):
            d = _difference(text, qs, i, seg, sent_start, before)
            if d is not None:
                yield d
            elif PER_UNIT.search(before):
                a = _average(qs, i, seg)
                if a is not None:
                    yield a
    yield from _breakdowns(text, qs, seg, sent_start)
    yield from _repeats(text, qs)
    yield from _named_lists(text, qs)


NAMES_AFTER = re.compile(r"[^。；;\d]{0,14}?(?:分别为|分别是|包括|即)[:：]?")
QUOTED_BEFORE = re.compile(r"((?:“[^”“]{1,24}”[和、及与]?){2,})$")
NAME_ITEM = re.compile(r"[\u4e00-\u9fff“”\"（）()]{1,16}")


def _names(chunk: str) -> list[str]:
    """Items of a list of names: 拉萨、喀什和周口 -> three names; None-like when anything else is in it."""
    items = [x.strip() for x in re.split(r"[、，,]|和|及|与", chunk) if x.strip()]
    return items if items and all(NAME_ITEM.fullmatch(x) for x in items) else []


def _named_lists(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
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
        elif text[max(0, q.start - 1):q.start] == "等":
            k = q.start - 1
            while k > 0 and text[k - 1] not in "。；;，,：:\n" and q.start - k < 200:
                k -= 1
            names = _names(text[k:q.start - 1])
            if len(names) < 2:
                names = []
        if names:
            yield Relation("sum", q, q.start, q.end, extra={"names": str(len(names)), "list": "、".join(names)})


def _repeats(text: str, qs: Sequence[Quantity]) -> Iterator[Relation]:
    """A figure stated again later in the document: the same metric (or a rare value) with the same value."""
    first: dict[tuple[str, str, Fraction], int] = {}
    for j, q in enumerate(qs):
        if q.kind not in ("count", "money", "measure", "percent") or q.high is not None:
            continue
        key = (q.kind, q.unit, Fraction(q.value))
        k = first.get(key)
        if k is None:
            first[key] = j
            continue
        p = qs[k]
        v = abs(Fraction(q.value))
        same_metric = _overlap(_label(text, p, 0), _label(text, q, 0)) >= 1
        rare = q.kind != "percent" and (v >= 100 or q.decimals > 0)
        trivial = v < 10 and not q.decimals or (q.kind == "percent" and v in (0, 100))
        if q.start - p.end > 8 and not trivial and (same_metric or rare):
            yield Relation("repeat", q, q.start, q.end, parts=(q,), whole=(p,))
            yield Relation("repeat", p, p.start, p.end, parts=(p,), whole=(q,))
        first[key] = j


# --- rates and shares ---------------------------------------------------------------

def _window(qs: Sequence[Quantity], i: int, seg: _Seg, sentences: int = 2) -> list[int]:
    """Indexes of quantities before i in the same paragraph, at most `sentences` sentences back."""
    out = []
    j = i - 1
    while j >= 0 and seg.para[j] == seg.para[i] and seg.sent[i] - seg.sent[j] <= sentences:
        out.append(j)
        j -= 1
    return out


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit or (a.kind == b.kind == "count" and {a.unit, b.unit} <= {"件", "宗", "起", "个", "件次"})


def _rate(text: str, qs: Sequence[Quantity], i: int, seg: _Seg, sent_start: list[int], clause_start: list[int],
          before: str) -> Relation | None:
    q = qs[i]
    found = list(RATE_WORD.finditer(before))
    m = found[-1] if found else None
    share = bool(SHARE_WORD.search(before))
    if m is None and not share:
        return None
    stem = m.group(1) if m is not None else ""
    if m is not None and not share and ("增长" in stem or "增" in stem[-1:] or stem.endswith(("上升", "下降"))):
        return None
    kind = "share" if share and (m is None or "占" in before) else "rate"
    # the rate's own label, e.g. 按时办结 for 按时办结率
    stem = re.sub(r"^.*?(?:的|是|为|其中|以及|和|及)", "", stem) if stem else ""
    near_text = text[max(0, q.start - 16):q.start]
    # 结案率102%（含上年结转案件）: a base that includes carried-over items may exceed 100%
    carried = "1" if re.search(r"含|包括|结转|旧存|积案|上年", text[q.end:q.end + 12]) else ""
    all_claim = bool(re.search(r"(?<!平)均(?![在为达])|全部|全都|全覆盖", near_text)) and "%" not in near_text \
        and not re.search(r"占[^，,。；;]*全部", near_text)
    cands = [j for j in _window(qs, i, seg, 6 if kind == "share" else 3) if qs[j].kind in ("count", "money", "measure")]
    if not cands:
        return Relation(kind, q, _claim_start(text, q, m, before), q.end, all_claim=all_claim,
                        extra={"stem": stem, "carried": carried})
    # the part: the figure whose label carries the rate's stem, else the nearest in the sentence
    part_j = None
    subset = False
    core = stem
    for mod in SUBSET_MODIFIERS:
        if core.startswith(mod) and len(core) > len(mod):
            core, subset = core[len(mod):], True
            break
    if core:
        best = 0
        for j in cands:
            sc = _stem_score(core, _label(text, qs[j], 0))
            if sc > best:
                part_j, best = j, sc
            if best == 2:
                break
        if part_j is None and len(core) >= 2:
            for j in cands:
                if core[-2:] in _label(text, qs[j], 0):
                    part_j = j
                    break
    stem_matched = part_j is not None
    if part_j is None:
        near = [j for j in cands if seg.sent[j] == seg.sent[i]]
        if near:
            part_j = near[0]
            subset = False
    if part_j is None:
        return Relation(kind, q, _claim_start(text, q, m, before), q.end, all_claim=all_claim,
                        extra={"stem": stem, "carried": carried})
    part = qs[part_j]
    wholes = [j for j in cands if j != part_j and _same_unit(qs[j], part) and qs[j].value >= part.value
              and not qs[j].high and not _has_own_share(text, qs, j)]
    # the likely whole first: a figure labelled as a total, then (for shares) the largest
    wholes.sort(key=lambda j: (not TOTAL_MARK.search(_label(text, qs[j], 0, CLAUSE_END)),
                               -qs[j].value if kind == "share" else 0))
    alts: list[tuple[tuple[Quantity, ...], tuple[Quantity, ...]]] = []
    for j in wholes:
        alts.append(((part,), (qs[j],)))
    # complementary base: 逮捕25人,不捕24人,不捕率 -> 24/(25+24); it comes first when the rate is named so
    counts = [j for j in cands if _same_unit(qs[j], part)]
    complementary: list[tuple[tuple[Quantity, ...], tuple[Quantity, ...]]] = []
    for j in counts:
        if j != part_j and seg.sent[j] >= seg.sent[part_j] - 1 and \
                re.search(r"[不未非]", _label(text, part, 0) + _label(text, qs[j], 0)):
            complementary.append(((part,), (part, qs[j])))
    if complementary and stem_matched and re.match(r"[不未非]", core or "x"):
        alts = complementary + alts
        extra_comp = "1"
    else:
        alts = alts + complementary
        extra_comp = ""
    n_direct = len(alts) - (len(complementary) if not extra_comp else 0)
    # a rate of several adjacent parts: 按时结案597件,超时办理4件,结案率100%; 交通类783件、城建类579件,占…77%
    ordered = sorted(j for j in counts if seg.sent[j] == seg.sent[part_j] or j == part_j)
    if part_j in ordered:
        at = ordered.index(part_j)
        for lo in range(max(0, at - 3), at + 1):
            for hi in range(at, min(len(ordered), at + 3)):
                if hi - lo < 1:
                    continue
                run = ordered[lo:hi + 1]
                ptuple = tuple(qs[r] for r in run)
                total = sum(x.value for x in ptuple)
                for j in wholes + [w for w in counts if w not in run and w not in wholes
                                   and not _has_own_share(text, qs, w)]:
                    if j not in run and qs[j].value >= total:
                        alts.append((ptuple, (qs[j],)))
    if not stem_matched and kind == "rate":
        # a guessed pairing is only worth confirming on exact figures (20余次 fits almost anything)
        exact = [not any(x.approx for x in a[0] + a[1]) for a in alts]
        n_direct = sum(exact[:n_direct])
        alts = [a for a, keep in zip(alts, exact, strict=True) if keep]
    # a whole stated further back in the document (占全省…总数的40.94%): only ever confirms
    far = [j for j in range(max(0, i - 60), i) if j not in cands and qs[j].kind == part.kind
           and _same_unit(qs[j], part) and qs[j].value >= part.value and qs[j].high is None]
    for j in reversed(far):
        alts.append(((part,), (qs[j],)))
    # a share that names its base (占调整预算…) must find that base in the whole's words
    base = re.search(r"占([\u4e00-\u9fff]{2,16}?)(?:的|比重|比例|总数的|为|达)*$", before)
    base_name = re.sub(r"(总数|总量|总额|比重|比例)$", "", base.group(1)) if base else ""
    if base_name and len(base_name) >= 3 and wholes:
        wl0 = _label(text, qs[wholes[0]], 0, CLAUSE_END)
        if not any(base_name[k:k + 3] in wl0 for k in range(len(base_name) - 2)):
            n_direct = 0
            wholes = wholes[:0] + wholes[1:] + wholes[:1]  # keep it as an alternative, not as the base
    strong = False
    if n_direct:
        w = alts[0][1][0]
        wl = _label(text, w, 0, CLAUSE_END)
        same_sentence = seg.sent[qs.index(w)] >= seg.sent[i] - 1
        marked = bool(TOTAL_MARK.search(wl))
        named = bool(re.search(r"总数|总量|总额|总计|合计|受理", before))
        strong = (stem_matched or kind == "share") and same_sentence and (marked or named)
    return Relation(kind, q, _claim_start(text, q, m, before), q.end, parts=(part,),
                    whole=alts[0][1] if alts else (), subset=subset, strong=strong, all_claim=all_claim,
                    alternatives=tuple(alts),
                    extra={"direct": str(n_direct), "near": str(len(alts) - len(far)), "carried": carried,
                           "unique": "1" if len(wholes) == 1 and not extra_comp else "", "stem": stem,
                           "complementary": extra_comp})


def _has_own_share(text: str, qs: Sequence[Quantity], j: int) -> bool:
    """A figure followed at once by its own share (投诉类103件,占比37.32%) is a part of the whole."""
    nxt = qs[j + 1] if j + 1 < len(qs) else None
    return nxt is not None and nxt.kind == "percent" and nxt.start - qs[j].end <= 10 and \
        "占" in text[qs[j].end:nxt.start]


def _claim_start(text: str, q: Quantity, m: re.Match[str] | None, before: str) -> int:
    if m is None:
        return q.start
    return q.start - len(before) + m.start(0) + len(m.group(1)) - min(len(m.group(1)), 4)


PER_UNIT = re.compile(
    r"(人均|户均|日均|月均|件均|场均|平均每[\u4e00-\u9fff]{0,4}?|平均)[\u4e00-\u9fff]{0,8}?(?:为|达到|达|约)?$")


def _average(qs: Sequence[Quantity], i: int, seg: _Seg) -> Relation | None:
    """人均结案242件, 平均每件标的额26.3万元: a total in the claim's unit over a count in another unit.

    Only ever confirmed: the divisor is often implied (days in a quarter), so a miss stays quiet.
    """
    q = qs[i]
    near = [j for j in range(max(0, i - 12), min(len(qs), i + 4)) if j != i and seg.para[j] == seg.para[i]
            and abs(seg.sent[j] - seg.sent[i]) <= 2 and qs[j].high is None]
    totals = [j for j in near if qs[j].unit == q.unit and qs[j].kind == q.kind and qs[j].value > q.value]
    counts = [j for j in near if qs[j].kind == "count" and qs[j].unit != q.unit and qs[j].value > 0]
    alts = tuple(((qs[t],), (qs[c],)) for t in totals for c in counts)
    if not alts:
        return None
    return Relation("rate", q, q.start, q.end, alternatives=alts, extra={"per": "1"})


# --- growth and differences ------------------------------------------------------------

INCREMENT_TAIL = re.compile(r"(增加|减少|增收|减收|多|少|增长|下降|上升|净增|新增)了?$")
OLD_TAIL = re.compile(r"(同比|较|比|相比)[^，,。；;]{0,16}?[（(]?$")


def _growth(text: str, qs: Sequence[Quantity], i: int, seg: _Seg, sent_start: list[int],
            before: str) -> Iterator[Relation] | None:
    q = qs[i]
    gm = GROWTH_WORD.search(before)
    if gm is None:
        return None
    word = gm.group(2)
    if word in ("多", "少") and not gm.group(1):
        return None
    direction = -1 if word in GROWTH_DOWN or word in ("减收", "少") else 1
    if q.value < 0:
        direction = 1  # a signed figure (-32.18%) carries its own direction
    rel = _growth_operands(text, qs, i, seg, sent_start, q, direction)
    return iter([rel])


def _growth_operands(text: str, qs: Sequence[Quantity], i: int, seg: _Seg, sent_start: list[int], q: Quantity,
                     direction: int) -> Relation:
    """Find the new value, the old value and the increment of a growth rate in its sentence."""
    same = [j for j in range(i - 1, -1, -1)
            if seg.sent[j] == seg.sent[i] and qs[j].kind in ("count", "money", "measure", "percent")]
    new = old = inc = None
    for j in same:
        c = qs[j]
        if c.kind == "percent":
            if q.kind == "percent" and old is None and new is None and \
                    OLD_TAIL.search(text[max(0, c.start - 12):c.start].rstrip("的")):
                old = j  # 较上年的94.5%提高1.8%: the old rate
                continue
            if old is not None and new is None and qs[old].kind == "percent":
                new = j  # 满意率为96.3%,较上年的94.5%…
                break
            if new is None and "占" not in text[max(0, c.start - 10):c.start]:
                break  # another growth rate in between: the operands belong to it
            continue
        lab = text[sent_start[seg.sent[j]]:c.start]
        tail = lab[-12:]
        if re.search(r"(增加|减少|增收|减收|多|少|增长|下降|上升|净增|新增)了?$", tail) and inc is None and new is None:
            inc = j
        elif re.search(r"(同比|较|比|相比)[^，,。；;]{0,16}?[（(]?$", tail) or re.search(r"[（(]$", tail):
            if old is None:
                old = j
        elif new is None:
            new = j
    if inc is None and new is not None:
        # the increment stated after the rate: 同比增长10.85%,增收2,798万元
        for j in range(i + 1, min(len(qs), i + 4)):
            if seg.sent[j] != seg.sent[i] or qs[j].kind == "percent":
                break
            if _same_unit(qs[j], qs[new]) and re.search(r"(增加|减少|增收|减收|多|少|增长|下降|净增)了?$",
                                                        text[max(0, qs[j].start - 4):qs[j].start]):
                inc = j
                break
    if inc is not None:
        # the new value is the figure the increment speaks of: 死亡33人 … 死亡人数减少9人
        inc_lab = _label(text, qs[inc], 0, CLAUSE_END)
        pool = [j for j in range(inc - 1, -1, -1) if seg.sent[i] - seg.sent[j] <= 1 and seg.para[j] == seg.para[i]
                and _same_unit(qs[j], qs[inc]) and qs[j].kind == qs[inc].kind and j != old
                and not INCREMENT_TAIL.search(text[max(0, qs[j].start - 6):qs[j].start])]
        if pool:
            new = max(pool, key=lambda j: (_overlap(_label(text, qs[j], 0), inc_lab), j))
    nq = qs[new] if new is not None else None
    oq = qs[old] if old is not None else None
    iq = qs[inc] if inc is not None else None
    if nq is not None and oq is not None and not _same_unit(nq, oq):
        oq = None
    if nq is not None and iq is not None and not _same_unit(nq, iq):
        iq = None
    if oq is not None and nq is not None and oq.start > nq.start and "由" in text[sent_start[seg.sent[i]]:nq.start]:
        nq, oq = oq, nq
    parts = tuple(x for x in (nq,) if x is not None)
    whole = tuple(x for x in (oq,) if x is not None)
    extra: dict[str, str] = {}
    if iq is not None:
        extra["inc"] = str(qs.index(iq))
    return Relation("growth", q, _growth_start(text, q), q.end, parts=parts, whole=whole, direction=direction,
                    strong=nq is not None and (oq is not None or iq is not None),
                    extra=extra, alternatives=((parts, (iq,)),) if iq is not None else ())


def _overlap(a: str, b: str) -> int:
    """Shared two-character words of two labels (死亡 in 死亡33人 and 死亡人数减少)."""
    grams = {a[k:k + 2] for k in range(len(a) - 1)}
    return sum(1 for k in range(len(b) - 1) if b[k:k + 2] in grams and CJK.match(b[k]))


def _growth_start(text: str, q: Quantity) -> int:
    s = q.start
    k = s
    while k > 0 and s - k < 6 and text[k - 1] not in CLAUSE_END and not text[k - 1].isdigit():
        k -= 1
    return k


def _difference(text: str, qs: Sequence[Quantity], i: int, seg: _Seg, sent_start: list[int],
                before: str) -> Relation | None:
    """增加122篇 after the new value and the old one: new - old = 122."""
    q = qs[i]
    m = re.search(r"(增加|减少|增收|减收|多|少|净增|增长|下降)了?$", before[-6:])
    if m is None:
        return None
    word = m.group(1)
    if word in ("多", "少") and not re.search(r"同比|较|比", before):
        return None
    direction = -1 if word in ("减少", "减收", "少", "下降") else 1
    same = [j for j in range(i - 1, -1, -1) if seg.sent[j] == seg.sent[i] and _same_unit(qs[j], q)]
    new = old = None
    for j in same:
        tail = text[sent_start[seg.sent[j]]:qs[j].start][-12:]
        if old is None and (OLD_TAIL.search(tail) or tail.endswith(("（", "("))):
            old = j
        elif new is None and old is not None or new is None and j < i - 1:
            new = j
    if new is None or old is None:
        return Relation("difference", q, q.start - len(m.group(0)), q.end, direction=direction)
    nq, oq = qs[new], qs[old]
    if oq.start > nq.start and "由" not in text[sent_start[seg.sent[i]]:nq.start]:
        pass
    return Relation("difference", q, min(oq.start, q.start - len(m.group(0))), q.end, parts=(nq,), whole=(oq,),
                    direction=direction, strong=True)


def _points(text: str, qs: Sequence[Quantity], i: int, seg: _Seg, sent_start: list[int]) -> Relation:
    """X个百分点 against the two rates the sentence states."""
    q = qs[i]
    rates = [j for j in range(i - 1, -1, -1) if seg.sent[j] == seg.sent[i] and qs[j].kind == "percent"]
    before = text[sent_start[seg.sent[i]]:q.start]
    down = bool(re.search(r"下降|降低|减少|回落|低", before[-8:]))
    if len(rates) >= 2:
        a, b = qs[rates[1]], qs[rates[0]]
        between = text[a.end:b.start]
        before_a = text[max(sent_start[seg.sent[i]], a.start - 10):a.start]
        before_b = text[max(a.end, b.start - 14):b.start]
        new = old = None
        if re.search(r"(提高|上升|下降|降低|增加|减少|增长)(到|至|为)", between) or re.search(r"[由从]", before_a):
            new, old = b, a  # 由A%提高到B%
        elif re.search(r"(比|较|高于|低于)[^，,。；;]{0,12}$", before_b):
            new, old = a, b  # A%, 比上年的B%高出X个百分点
        if new is not None and old is not None:
            return Relation("points", q, _growth_start(text, q), q.end, parts=(new,), whole=(old,),
                            direction=-1 if down else 1, strong=True)
    return Relation("points", q, _growth_start(text, q), q.end, direction=-1 if down else 1)


# --- breakdowns -------------------------------------------------------------------------

def _breakdowns(text: str, qs: Sequence[Quantity], seg: _Seg, sent_start: list[int]) -> Iterator[Relation]:
    """Totals and their parts: 共X项，其中A项、B项…; figures that follow a total and add up to it;
    共计 after its parts."""
    counted = [j for j, q in enumerate(qs) if q.kind in ("count", "money", "measure") and q.high is None]
    for j in counted:
        rel = _explicit_breakdown(text, qs, j, seg, sent_start)
        if rel is None:
            rel = _implicit_breakdown(text, qs, j, seg, sent_start)
        if rel is not None:
            yield rel
    yield from _parallel_units(text, qs, seg)
    yield from _shares_to_100(text, qs, seg)
    yield from _sentence_breakdowns(text, qs, seg, sent_start)


def _sentence_breakdowns(text: str, qs: Sequence[Quantity], seg: _Seg, sent_start: list[int]) -> Iterator[Relation]:
    """A sentence opening with 其中 breaks down a figure of the sentence before (刊336篇，同比…。其中：…)."""
    by_sent: dict[int, list[int]] = {}
    for j, q in enumerate(qs):
        if q.kind in ("count", "money", "measure") and q.high is None:
            by_sent.setdefault(seg.sent[j], []).append(j)
    for sid, idx in by_sent.items():
        opening = text[sent_start[sid]:sent_start[sid] + 6].lstrip()
        if not opening.startswith(("其中", "包括")) or sid - 1 not in by_sent:
            continue
        prev = by_sent[sid - 1]
        if re.match(r"[)）]?[。；;]", text[qs[prev[-1]].end:qs[prev[-1]].end + 2]) and \
                qs[prev[-1]].end >= sent_start[sid] - 2:
            continue  # the total closes the sentence: _explicit_breakdown has it
        first = qs[idx[0]]
        parts = [j for j in idx if qs[j].kind == first.kind and (first.kind == "count" or qs[j].unit == first.unit)]
        if len(parts) < 2:
            continue
        total = sum((Fraction(qs[j].value) for j in parts), Fraction(0))
        totals = [j for j in prev if qs[j].kind == first.kind]
        match = [j for j in totals if qs[j].value == total]
        if match:
            t = qs[match[0]]
            yield Relation("sum", t, t.start, qs[parts[-1]].end, parts=tuple(qs[j] for j in parts), whole=(t,),
                           exhaustive=True)


def _explicit_breakdown(text: str, qs: Sequence[Quantity], j: int, seg: _Seg,
                        sent_start: list[int]) -> Relation | None:
    """共X项，其中：A项、B项、其他C项 — parts announced by 其中 (or 包括) right after the total."""
    t = qs[j]
    after = text[t.end:t.end + 8]
    m = re.match(r"[)）]?[,，。；;:：]?\s*(其中|包括|含)[,，:：]?", after)
    if m is None:
        return None
    lab = _label(text, t, sent_start[seg.sent[j]], CLAUSE_END)
    if INCREMENT_TAIL.search(lab) or lab.endswith(("（", "(")):
        return None  # an increment or a bracketed prior figure is not what 其中 breaks down
    marked = bool(TOTAL_WORD.search(lab)) or bool(TOTAL_MARK.search(lab))
    sid = seg.sent[j] + (1 if re.match(r"[)）]?[。；;]", after) else 0)
    parts: list[int] = []
    seps: set[str] = set()
    k = j + 1
    while k < len(qs) and seg.sent[k] <= sid:
        p = qs[k]
        if seg.sent[k] < sid:
            k += 1
            continue
        if p.kind == "percent":
            k += 1
            continue
        if p.kind != t.kind or (p.kind != "count" and p.unit != t.unit) or p.high is not None:
            break
        between = text[qs[k - 1].end:p.start]
        if parts and re.search(r"同比|较上年|比上年|增加|减少|下降|增长|其中", between):
            break  # a comparison or a nested 其中 ends the list
        if parts and re.search(r"[；;]", between) and seps and not seps <= {"；", ";"} \
                and not any(w in between for w in OTHER_WORD):
            break  # a ； after parts joined by 、/，opens a new clause group (unless it brings 其他)
        if parts:
            seps.update(c for c in between if c in "、，,；;")
        parts.append(k)
        k += 1
    if not parts:
        return None
    # nested breakdowns: stop the parts where a prefix already adds up to the total
    run = Fraction(0)
    tv = Fraction(t.value)
    chosen = parts
    full = sum((Fraction(qs[x].value) for x in parts), Fraction(0))
    for n, x in enumerate(parts if full != tv else ()):
        run += Fraction(qs[x].value)
        nxt_other = n + 1 < len(parts) and any(w in _label(text, qs[parts[n + 1]], 0) for w in OTHER_WORD)
        if n >= 1 and not nxt_other and (run == tv or _near(run, tv, t, [qs[y] for y in parts[: n + 1]])):
            chosen = parts[: n + 1]
            break
    last_lab = _label(text, qs[chosen[-1]], 0)
    exhaustive = any(w in last_lab for w in OTHER_WORD) or bool(re.search(r"分别", text[t.end:qs[chosen[0]].start]))
    overlap = any(qs[p].approx for p in chosen) or bool(t.approx)
    strong = marked and sid == seg.sent[j]
    return Relation("sum", t, t.start, qs[chosen[-1]].end, parts=tuple(qs[p] for p in chosen), whole=(t,),
                    exhaustive=exhaustive, overlap=overlap, strong=strong)


def _implicit_breakdown(text: str, qs: Sequence[Quantity], j: int, seg: _Seg,
                        sent_start: list[int]) -> Relation | None:
    """Figures after (or, for 共计/合计, before) a total that add up to it exactly. Never flagged."""
    t = qs[j]
    small = t.value < 10  # small totals add up by chance unless the text opens a breakdown after them
    if small and not re.match(r"[)）]?\s*[(（:：。]|[,，]?\s*其中", text[t.end:t.end + 4]):
        return None
    fwd: list[int] = []
    k = j + 1
    while k < len(qs) and len(fwd) < 24:
        p = qs[k]
        if seg.para[k] != seg.para[j] or seg.sent[k] - seg.sent[j] > 2:
            break
        if p.high is None and p.kind == t.kind and _same_unit(p, t):
            fwd.append(k)
        k += 1
    found = _exact_run(qs, fwd, t)
    if found is None and TOTAL_WORD.search(text[max(0, t.start - 4):t.start]):
        back: list[int] = []
        k = j - 1
        while k >= 0 and seg.sent[k] == seg.sent[j] and len(back) < 24:
            p = qs[k]
            if p.high is None and p.kind == t.kind and _same_unit(p, t):
                back.append(k)
            k -= 1
        found = _exact_run(qs, back, t)
    if found is None:
        return None
    parts = sorted(found)
    lo, hi = min(t.start, qs[parts[0]].start), max(t.end, qs[parts[-1]].end)
    return Relation("sum", t, lo, hi, parts=tuple(qs[p] for p in parts), whole=(t,), exhaustive=False)


def _exact_run(qs: Sequence[Quantity], idx: list[int], t: Quantity) -> list[int] | None:
    """The first run of at least two consecutive candidates (from any start) that adds up to the total."""
    total = Fraction(t.value)
    for a in range(min(len(idx), 8)):
        run = Fraction(0)
        for b in range(a, len(idx)):
            run += Fraction(qs[idx[b]].value)
            if b > a and (run == total or _near(run, total, t, [qs[x] for x in idx[a:b + 1]])):
                return idx[a:b + 1]
            if run > total:
                break
    return None


def _shares_to_100(text: str, qs: Sequence[Quantity], seg: _Seg) -> Iterator[Relation]:
    """Three or more shares of one whole (占A%、占B%、占C%) that total 100%."""
    run: list[int] = []
    for j, q in enumerate(qs + [None]):  # type: ignore[operator]
        ok = q is not None and q.kind == "percent" and "占" in text[max(0, q.start - 8):q.start] and \
            (not run or (seg.para[j] == seg.para[run[-1]] and seg.sent[j] - seg.sent[run[-1]] <= 1))
        if ok:
            run.append(j)
            continue
        if len(run) >= 3:
            total = sum((Fraction(qs[r].value) for r in run), Fraction(0))
            tol = sum((qs[r].half_ulp for r in run), Fraction(0))
            if abs(total - 100) <= tol:
                first = qs[run[0]]
                hundred = Quantity(first.start, first.end, first.text, Decimal(100), "%", "percent")
                yield Relation("sum", hundred, first.start, qs[run[-1]].end, parts=tuple(qs[r] for r in run),
                               whole=(hundred,), exhaustive=False)
        run = [j] if ok else []


def _near(run: Fraction, total: Fraction, t: Quantity, parts: list[Quantity]) -> bool:
    """Parts and total agree within their rounding (1.8万 + 0.6万) or qualifiers."""
    slack = t.half_ulp + sum((p.half_ulp for p in parts), Fraction(0))
    if any(p.approx for p in parts) or t.approx:
        slack += t.half_ulp * 2 + sum((p.half_ulp * 2 for p in parts), Fraction(0))
    rounded = t.scale > 1 or t.decimals > 0 or any(p.scale > 1 for p in parts)
    return slack > 0 and abs(run - total) <= slack and rounded


def _parallel_units(text: str, qs: Sequence[Quantity], seg: _Seg) -> Iterator[Relation]:
    """5门类、17大类 … 禁止类3门类、8大类 … 限制类4门类、9大类: each unit's groups against its total."""
    # runs of counts with distinct units joined by 、
    runs: list[list[int]] = []
    cur: list[int] = []
    for j, q in enumerate(qs):
        if q.kind == "count" and cur and seg.sent[j] == seg.sent[cur[-1]] and \
                text[qs[cur[-1]].end:q.start] == "、" and q.unit not in {qs[c].unit for c in cur}:
            cur.append(j)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [j] if q.kind == "count" else []
    if len(cur) >= 2:
        runs.append(cur)
    n = 0
    while n < len(runs):
        head = runs[n]
        units = [qs[j].unit for j in head]
        groups = []
        m = n + 1
        while m < len(runs) and [qs[j].unit for j in runs[m]] == units and seg.sent[runs[m][0]] == seg.sent[head[0]]:
            groups.append(runs[m])
            m += 1
        if len(groups) >= 2:
            for col, tj in enumerate(head):
                t = qs[tj]
                parts = tuple(qs[g[col]] for g in groups)
                yield Relation("sum", t, t.start, t.end, parts=parts, whole=(t,), exhaustive=False, overlap=True,
                               strong=True)
            n = m
        else:
            n += 1
