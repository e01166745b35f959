"""Units: a rate without its % sign (U101), and a breakdown that mixes measure words (U102)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from auditor.extract.patterns import COLONS
from auditor.lexicon import claim_words
from auditor.model import Finding, Quantity, Severity
from auditor.rules import Context, rule

#: measure words that count the same things: never a mix (12项民生实事，其中10个项目: 个 is any item's;
#: 卫生健康机构136个，其中…民营医院1家、乡镇卫生院9家: 家 and 所 count institutions as 个 does)
INTERCHANGEABLE = ({"件", "宗", "起", "个", "件次"}, {"人", "名", "位"}, {"项", "个"}, {"个", "家", "所"})
#: tallies that pool things and visits (办实事34.62万件次,其中…案件8.88万件、…咨询21.9万人次): any count is a part
POOLED = frozenset({"件次", "项次", "户次"})
#: nouns counted in a measure word of their own (信件60封, 留言90条): lexicon [sums] own_measure
OWN_MEASURE = frozenset(tuple(x.split("|", 1)) for x in claim_words()("sums.own_measure"))
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
#: a colon and a figure after a number: the number is a ratio's term (31.3：68.7), not a rate
RATIO_NEXT = re.compile(rf"\s?[{COLONS}]\s?[0-9]")
#: a full stop typed for the decimal point (95。1%), or a stray mark before the % (10.81`%): the % is there
SPLIT_DECIMAL = re.compile(r"。[0-9]{1,3}[%％]|[`'’·]\s?[%％]")
#: a rate per a population written after it (死亡率为12.5/10万, 发病率3.1/万人): its own unit, not a lost %
PER_POPULATION = re.compile(r"\s?[/／]\s?(?:[0-9]+|[一十百千])?[十百千万萬]+(?:人口|人|例|名)?")
RATE_BEFORE = re.compile(r"(?:率|比例|比重|占比|占)(?:为|是|达到|达|约|近|高达|超过)?\Z")  # \Z: not before a line break


@rule("U101", "rate-without-unit", Severity.ERROR)
def rate_without_unit(ctx: Context) -> Iterator[Finding]:
    """A bare number right after a rate word (胜诉率达到85.7) lost its % sign."""
    for q in ctx.quantities:
        if q.kind != "number" or q.unit:
            continue
        before = ctx.text[max(0, q.start - 8):q.start]
        after = ctx.text[q.end:q.end + 1]
        m = RATE_BEFORE.search(before)
        if m is None or (after and (after.isdigit() or after in "%％‰")) or not 0 <= q.value <= 100:
            continue
        if RATIO_NEXT.match(ctx.text, q.end):
            continue  # 比重为31.3：68.7: the first term of a ratio, which carries no unit
        if PER_POPULATION.match(ctx.text, q.end):
            continue  # 孕产妇死亡率为12.5/10万: a rate per 100,000, whose unit is the denominator after it
        if SPLIT_DECIMAL.match(ctx.text, q.end):
            continue  # 调解成功率95。1%: a 。 typed for the decimal point; the % is there, after the decimals
        if q.decimals == 0 and not m.group(0).startswith("率"):
            continue  # 占1: an integer after 占 is too often a count or a ratio
        yield Finding("U101", Severity.ERROR, q.start, q.end, q.text,
                      message=f"比率{q.text}缺少单位（%）",
                      message_en=f"the rate {q.text} is stated without its unit (%)", claimed=q.text)
    yield from _counts_without_measure_word(ctx)


def _counts_without_measure_word(ctx: Context) -> Iterator[Finding]:
    """行政处罚1860,占…28.4%; 水务局4,供电局3件: a count whose measure word was dropped."""
    qs = ctx.quantities
    text = ctx.text
    for k, q in enumerate(qs):
        if q.kind != "number" or q.decimals or q.start == 0 or not CJK_CHAR.match(text[q.start - 1]) \
                or q.value == 0:  # 补正材料0: nothing needs no measure word
            continue
        after = text[q.end:q.end + 1]
        if after not in ("，", ",", "、", "；", ";"):
            continue
        nxt = next((qs[m] for m in range(k + 1, len(qs))  # no copy of every later figure per figure
                    if qs[m].kind not in ("year", "date", "list_marker")), None)
        if nxt is None or nxt.start - q.end > 24:
            continue
        between = text[q.end:nxt.start]
        if "。" in between or "\n" in between:
            continue
        if k > 0 and _bare_after_name(text, q) and _bare_after_name(text, qs[k - 1]) \
                and NAME_GAP.fullmatch(text, qs[k - 1].end, q.start):
            continue  # 分别是…法庭4,法庭6,法庭5;区法院四个: a run of numbered names, not counts without a word
        share_next = nxt.kind == "percent" and re.search(r"占|率", between)
        sibling_next = nxt.kind == "count" and re.fullmatch(r"[，,、；;][\u4e00-\u9fff]{1,10}", between)
        if share_next or sibling_next:
            yield Finding("U101", Severity.ERROR, q.start, q.end, q.text,
                          message=f"数量{q.text}缺少量词",
                          message_en=f"the count {q.text} is stated without its measure word", claimed=q.text)


def _bare_after_name(text: str, q: Quantity) -> bool:
    """A small whole number with no unit written straight after a character (法庭4): a name's number (a
    large one, 人数22632, is a count that lost its word)."""
    return q.kind == "number" and not q.unit and not q.decimals and q.value < NAME_NUMBER_MAX and q.start > 0 \
        and q.scale == 1 and bool(CJK_CHAR.match(text[q.start - 1]))


NAME_NUMBER_MAX = 100  # numbers of names (法庭4, 第3庭) run small
NAME_GAP = re.compile(r"[，,、][\u4e00-\u9fff]{1,10}")  # between two numbered names of a list


def _own_measure(text: str, q: Quantity) -> bool:
    """Is the part's measure word the one its noun always takes (区长信箱信件60封, 网上留言90条)?"""
    before = text[max(0, q.start - 6):q.start].rstrip("为是共计达有约近")
    return any(q.unit == measure and before.endswith(noun) for noun, measure in OWN_MEASURE)


@rule("U102", "mixed-measure-words", Severity.WARNING)
def mixed_measure_words(ctx: Context) -> Iterator[Finding]:
    """One part of a breakdown counted in another measure word than its total (14条 among 篇).

    Only where the breakdown adds up to its total exactly with that part counted in, and the parts are
    not all counted in one word: otherwise the part is another concept (结案44663件，其中判刑26227人;
    岗位56个,其中保洁员31人,护林员25人), not a slip of the measure word.
    """
    by_span = {(q.start, q.end): q for q in ctx.quantities}
    for c in ctx.claims:
        if c.kind != "sum" or c.status not in ("consistent", "inconsistent", "borderline"):
            continue
        total_unit = c.unit
        ops = [by_span.get((op.start, op.end)) for op in c.operands]
        if any(q is None for q in ops):
            continue
        values = [Fraction(q.value) for q in ops if q is not None]
        if sum(values, Fraction(0)) != Fraction(Decimal(c.claimed)):
            continue
        if len({q.unit for q in ops if q is not None}) == 1:
            # 开发公益性岗位56个,其中安排保洁员31人,护林员25人: every part in one other word counts another
            # thing (the people placed in the posts), not a slip of one part's measure word
            continue
        for q in ops:
            if q is None or q.kind != "count" or q.unit == total_unit:
                continue
            if not total_unit or total_unit in POOLED or any({q.unit, total_unit} <= same for same in INTERCHANGEABLE) \
                    or _own_measure(ctx.text, q):
                continue
            yield Finding("U102", Severity.WARNING, q.start, q.end, q.text,
                          message=f"分项{q.text}的量词“{q.unit}”与总数的“{total_unit}”不一致",
                          message_en=f"the part {q.text} is counted in {q.unit}, the total in {total_unit}",
                          claimed=q.text)
