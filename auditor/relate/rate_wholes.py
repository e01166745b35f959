"""Which figure may be a rate's whole or its part: the base a share names, a whole's label, the stage a
count is at (新收, 受理, 审结), a figure with a share of its own, a count that negates the rate's stem."""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    BRACKET_CLOSE,
    CLAUSE_END,
    WINDOW_MAX,
    Seg,
    label_before,
    same_unit,
    without_asides,
)
from auditor.relate.link import COMMON, frame, grams

#: the base a share names: 占全省受理总数的, 占比重为; 在全市调解纠纷量中占
NAMED_BASE = re.compile(r"占([\u4e00-\u9fffA-Za-z]{2,16}?)(?:的|比重|比例|总数的|为|达)*$"
                        r"|在([\u4e00-\u9fffA-Za-z]{2,16}?)中占(?:比|比重|比例)?(?:为|达)?$")
NO_NAME = re.compile(r"(?:比|比重|比例)(?:为|达)?")
#: a clause that only names the scope of the share after it: 在居民生活类问题中,供暖问题占比为93.58%
SCOPE_CLAUSE = re.compile(r"(?:^|[，,。；;：:\n])\s*在([\u4e00-\u9fff]{2,16}?)中\s*[，,]\s*$")
#: a share clause that only names its base, continuing the figure before it: 调解12266宗，在全市…中占27%
BASE_ONLY = re.compile(r"^\s*在[\u4e00-\u9fff]{2,16}?中占")


#: a share clause that opens with the part's own words: 城镇人口占总人口比重
SUBJECT_BEFORE_SHARE = re.compile(r"\s*([\u4e00-\u9fff]{2,8}?)占")
ASIDE_BEFORE = re.compile(r"[（(][^（()）]{1,120}[）)]\s*$")


def _whole_label(text: str, q: Quantity) -> str:
    """The words before a figure, past a bracket straight before it (总人口（包括…）139538万人)."""
    m = ASIDE_BEFORE.search(text, max(0, q.start - 130), q.start)
    if m is None:
        return label_before(text, q, 0, CLAUSE_END)
    k = j = m.start()
    while j > 0 and k - j < 40 and text[j - 1] not in CLAUSE_END:
        j -= 1
    return text[j:k]


def _base_name(before: str) -> str:
    """The name a share gives its base (占全省受理总数的 -> 全省受理总数), or ""."""
    m = NAMED_BASE.search(without_asides(before))
    name = next((g for g in m.groups() if g), "") if m else ""
    return "" if NO_NAME.fullmatch(name) else name  # 占比为: no base named


def _breakdown_apart(text: str, qs: Sequence[Quantity], seg: Seg, part_j: int, w: Quantity) -> bool:
    """共监测312点次,其中昼间、夜间各监测156次。…昼间达标151点次,达标率为96.8%: the whole breaks down into
    members in its own sentence, and the part, in a later one, is named by a member's word the whole's words
    lack (昼间): the rate may be over that member."""
    sent = frame(w).sentence
    if sent == seg.sent[part_j] or not BREAKDOWN_AFTER.match(text, w.end):
        return False
    own = grams(label_before(text, qs[part_j], 0)) - grams(label_before(text, w, 0)) - COMMON
    return bool(own) and any(
        seg.sent[k] == sent and qs[k].start > w.start and qs[k].kind in ("count", "number")
        and own & grams(text[max(w.end, qs[k].start - MEMBER_WORDS):qs[k].start])
        for k in range(max(0, part_j - BREAKDOWN_BACK), part_j))


BREAKDOWN_BACK = 20  # figures back from a part to the members of its whole's breakdown
MEMBER_WORDS = 40  # characters before a member that name it (其中昼间、夜间各监测156次)
#: a sentence opening with a scope and no figure of it (审结的案件中,维持的67件,撤销的18件,撤回的24件)
SCOPE_OPENING = re.compile(r"(?<!其)(?:中|当中|之中)[，,]")  # (其中, names parts of a whole stated before)
SCOPE_REACH = 40  # characters back from a sentence's first figure to the scope that opens it


def members_of_scope(text: str, qs: Sequence[Quantity], seg: Seg, j: int, part_j: int) -> bool:
    """Are qs[j] and the part members listed under a scope their sentence opens with (…的案件中,…)? Then
    neither is the other's whole (24/67 is one outcome over another, not a rate)."""
    if seg.sent[j] != seg.sent[part_j] or j > 0 and seg.sent[j - 1] == seg.sent[j]:
        return False  # (qs[j] must open its sentence)
    lo = max(0, qs[j].start - SCOPE_REACH)
    head = text[lo:qs[j].start]
    cut = max(head.rfind(c) for c in "。；;！？\n")
    return SCOPE_OPENING.search(head, cut + 1) is not None


def _scope_name(text: str, clause_start: int) -> str:
    """The base named by the clause before a share's (在居民生活类问题中,供暖问题占比为…), or ""."""
    m = SCOPE_CLAUSE.search(text, max(0, clause_start - 24), clause_start)
    return m.group(1) if m else ""


BREAKDOWN_AFTER = re.compile(r"[)）]?[,，。；;:：]?\s*(?:其中|包括|含)")
#: 其中 opening a clause between a total and its first part
BREAKDOWN_OPENS = re.compile(r"[，,。；;:：]\s*其中")


def _names_base(name: str, label: str) -> bool:
    """The whole's words carry the base a share names (占全省受理总数 ~ 全省共受理)."""
    name = re.sub(r"(总数|总量|总额|比重|比例)$", "", name)
    return any(name[k:k + 2] in label for k in range(len(name) - 1) if name[k:k + 2] not in COMMON_BASE)


#: a whole that heads the list after it: 五年基本建设的投资427.4亿元，是这样分配的：
COLON_HEAD = re.compile(r"[^。；;！？\n]{0,24}[：:]\s*\n")
FAR_TOTAL = re.compile(claim_words().guarded("total.strong", "total.compounds"))
PERIOD_HEADS = frozenset(claim_words()("rate.base_period"))  # 占同期…的: a period, not the base's words
CLOSURE = re.compile(claim_words().alternation("rate.closure"))
SPANS = frozenset(claim_words()("rate.spans"))
_STAGES = {w: n for n, group in enumerate(claim_words()("rate.stage")) for w in group.split("=")}
STAGE = re.compile("|".join(sorted(map(re.escape, _STAGES), key=len, reverse=True)))
NEW_INTAKE = re.compile(claim_words().alternation("rate.new_intake"))
REQUIRED = re.compile(rf"(?:以上|以下|以内)?[”\"’'」』]?的?(?:{claim_words().alternation('plan.after')})")
OUTCOME = tuple(claim_words()("rate.decided"))
INTAKE = re.compile(claim_words().alternation("rate.intake"))
CONCLUDED = re.compile(claim_words().alternation("rate.concluded"))
EACH_BOUND = re.compile(rf"均(?:{claim_words().alternation('rate.each_bound')})")
BOUND_WORDS = frozenset(claim_words()("rate.each_bound"))
PERIOD_MARKS = frozenset(claim_words()("total.period_markers"))
COMMON_BASE = frozenset({"全省", "全市", "全区", "全县", "全国", "总数", "全部", "所有"})


def _stage_siblings(text: str, qs: Sequence[Quantity], j: int, run: Sequence[int]) -> bool:
    lab = label_before(text, qs[j], 0)
    return any(stage_sibling(lab, label_before(text, qs[r], 0)) for r in run)


def stage_sibling(a: str, b: str) -> bool:
    """Do two labels both end with a word of one stage of cases (监督受理10件 … 监督案受理5件)? Then each
    is a count of its own cases at that stage: siblings, never a total and its part."""
    a, b = a.strip("（(，,、；;：: "), b.strip("（(，,、；;：: ")
    if a.endswith(b) or b.endswith(a):
        return False  # 办结110件（按时办结80件…）: the same stage narrowed is a subset
    ma, mb = list(STAGE.finditer(a)), list(STAGE.finditer(b))
    return bool(ma and mb and ma[-1].end() == len(a) and mb[-1].end() == len(b)
                and _STAGES[ma[-1].group(0)] == _STAGES[mb[-1].group(0)])


def other_stage(a: str, b: str) -> bool:
    """Do two labels name different stages of cases (受理 and 结案), each naming one?"""
    sa, sb = {_STAGES[w] for w in STAGE.findall(a)}, {_STAGES[w] for w in STAGE.findall(b)}
    return bool(sa and sb and not sa & sb)


#: the words after a measure's name and before its figure (产生量为, 处置量达到)
MEASURE_TAIL = re.compile(r"(?:为|是|达到|达|约)?\s*$")


def _measure(label: str) -> str:
    """The character that names a label's measure before 量 (产生量 -> 生, 水资源总量 -> 源), or ""."""
    head = MEASURE_TAIL.sub("", label)
    if head.endswith("总量"):
        head = head[:-2] + "量"
    return head[-2] if len(head) >= 2 and head[-1] == "量" and "\u4e00" <= head[-2] <= "\u9fff" else ""


def other_flow(total: str, part: str) -> bool:
    """Do a total's label and a part's name different measures of one thing (产生量 and 综合利用量, 处置量)?
    Such figures are flows that may come from stock as well (utilised, disposed and stored may exceed what
    was generated), not a breakdown; 用水量 and 生活用水量, 水资源总量 and 地表水资源量 measure alike."""
    a, b = _measure(total), _measure(part)
    return bool(a and b and a != b)


def _carries_base(name: str, label: str) -> bool:
    """A whole's words carry the base a share names: three characters of it running, or the two that open it
    (占受理案件总数的 ~ 立案受理; 占调整预算的 is not 年初预算)."""
    if len(name) < 3:
        return False
    named, held = {_STAGES[w] for w in STAGE.findall(name)}, {_STAGES[w] for w in STAGE.findall(label)}
    if named and held and not named & held:
        return False  # 占最高法院新收案件总数的 is not over 受理各类案件15400件: another stage of the cases
    head = name[:2]
    lead = head in label and head not in COMMON_BASE and head not in COMMON and head not in PERIOD_HEADS
    return lead or any(name[k:k + 3] in label for k in range(len(name) - 2))


def _negated(core: str, label: str) -> bool:
    """Does the label negate the rate's stem (未办结 for 办结率, 不满意 for 满意率)?"""
    if not core or core[0] in NEGATIONS:
        return False
    end = core[-2:]
    at = label.rfind(end)
    return at > 0 and label[at - 1] in NEGATIONS


#: what negates a stem before it
NEGATIONS = "未不非没"
#: a negated act in a part's words: 附条件不起诉, 未办结
ACT_PROCESS = tuple(claim_words()("rate.act_process"))
NEGATED_ACT = re.compile(rf"[{NEGATIONS}]([\u4e00-\u9fff]{{2}})")


def _negation_apart(part_label: str, whole_label: str) -> bool:
    """起诉…9.6万人；…附条件不起诉2.2万人: a count of what was not done is no part of a count of what was
    (the two are alternatives); the whole's words hold the act the part's words negate."""
    acts = NEGATED_ACT.findall(part_label)
    if not acts:
        return False
    act = acts[-1]
    at = whole_label.rfind(act)
    # (满意度测评1000人 is no count of the satisfied; 应办结100件 holds the 未办结 too)
    return at >= 0 and (at == 0 or whole_label[at - 1] not in NEGATIONS) \
        and not whole_label[:at].endswith(ACT_PROCESS) and whole_label[at + 2:at + 3] not in ("度", "率")


#: the clause of a figure's own share with its base named: ，占全省规上企业比重为
OWN_SHARE = re.compile(r"\s*[，,（(]?\s*占[^，,。；;、%％]{0,20}")  # (占医院总数的87.0%) too


def _has_own_share(text: str, qs: Sequence[Quantity], j: int, named: bool = True) -> bool:
    """A figure followed at once by its own share (投诉类86件,占比31.27%) is a part of the whole; with
    `named`, also where the share clause names its base at length (甲区400个，占全省企业比重为13.3%)."""
    nxt = qs[j + 1] if j + 1 < len(qs) else None
    if nxt is None or nxt.kind != "percent":
        return False
    between = text[qs[j].end:nxt.start]
    return "占" in between and (len(between) <= 10 or named and OWN_SHARE.fullmatch(between) is not None)


def _rated_between(text: str, qs: Sequence[Quantity], part_j: int, i: int, core: str) -> bool:
    """Does a rate of the same stem (办结率) stand between the part qs[part_j] and the rate qs[i]?"""
    word = core + "率"
    return any(qs[k].kind == "percent" and label_before(text, qs[k], 0).endswith((word, word + "为", word + "达"))
               for k in range(part_j + 1, i))


def _same_base_share(text: str, qs: Sequence[Quantity], j: int, before: str) -> bool:
    """Does the share right after qs[j] name the base this share names (占投诉总量的 both)?"""
    name = _base_name(before)
    if len(name) < 2 or j + 1 >= len(qs):
        return False
    own = text[qs[j].end:qs[j + 1].start]
    return _base_name(own) == name


def _stages_between(qs: Sequence[Quantity], seg: Seg, part_j: int, w: Quantity, taken: list[Quantity]) -> list[int]:
    """The counts stated between a whole and its part, as large as the part, that are no whole already (nearest
    first): of the part's unit where the whole stands in an earlier sentence (a funnel's stage before the part),
    and bare numbers anywhere between (排查矛盾纠纷5230件,调处5200,调解成功5096件: 5200 lost its 件, U101)."""
    earlier = frame(w).sentence < seg.sent[part_j]
    part = qs[part_j]
    out = []
    k = part_j - 1
    while k >= 0 and qs[k].start > w.start and part_j - k <= WINDOW_MAX:
        c = qs[k]
        bare = c.kind == "number" and not c.unit and not c.decimals
        stage = earlier and c.kind == part.kind and same_unit(c, part) and frame(c).role == "level"
        if (bare or stage) and c.value >= part.value and c not in taken:
            out.append(k)
        k -= 1
    return out


RECIPIENTS = re.compile(claim_words().alternation("rate.recipients"))
RECIPIENT_UNITS = frozenset(claim_words()("rate.recipients"))


def recipients_over_items(text: str, part: Quantity, whole: Quantity) -> bool:
    """Is the part a count of bodies (交办到7个单位) and the whole one of items (56件建议)? Then no rate of the
    one over the other is stated: the reading is not strong."""
    def bodies(q: Quantity) -> bool:
        return q.unit in RECIPIENT_UNITS or RECIPIENTS.match(text, q.end) is not None
    return bodies(part) and not bodies(whole)


#: between a whole and a count straight after it that is another stream of the same thing (,平时提案30件)
STREAM_GAP = re.compile(r"\s*[，,、]\s*[\u4e00-\u9fff]{1,12}")
NOT_STREAM = re.compile(r"其中|包括|含|内有|占|比|同比|增|减|结|办|受理")


def stream_beside(text: str, qs: Sequence[Quantity], seg: Seg, part_j: int, w: Quantity) -> int | None:
    """The count stated straight after a rate's whole in the whole's sentence, of its unit, when the part
    stands in a later sentence: another stream of what the rate may be over (共提交大会提案620件,平时提案30件。
    经审查,立案585件,立案率90%: 585/650). That sum is read only to keep an error off the first reading."""
    k = part_j - 1
    while k >= 0 and part_j - k <= WINDOW_MAX and qs[k].start > w.start:
        k -= 1
    if k < 0 or qs[k].start != w.start or k + 1 >= part_j:
        return None
    c = qs[k + 1]
    if frame(w).sentence >= seg.sent[part_j] or frame(c).sentence != frame(w).sentence or frame(c).aside \
            or c.kind != w.kind or not same_unit(c, w) or frame(c).role != "level" or c.high is not None:
        return None
    between = text[w.end:c.start]
    return k + 1 if STREAM_GAP.fullmatch(between) and not NOT_STREAM.search(between) else None


def _intake(label: str) -> bool:
    """A count of cases taken in (受理1033件), not of cases concluded (共审结行政复议申请135件: 申请 is what was
    concluded)."""
    return INTAKE.search(label) is not None and CONCLUDED.search(label) is None


def _other_period_between(text: str, qs: Sequence[Quantity], j: int, part_j: int) -> bool:
    """共受理198件，结案18件，结案率9.09%；去年同期共收案208件，结案36件，结案率17.31%: after a semicolon a
    clause of an earlier period (a prior value outside brackets opens it) speaks of that period; a figure
    before it is no whole of a part after it."""
    return j < part_j and any(frame(qs[k]).role == "prior" and not frame(qs[k]).aside and same_unit(qs[k], qs[j])
                              and re.search(r"[；;]", text[qs[j].end:qs[k].start]) for k in range(j + 1, part_j))


def _inside_sibling(text: str, qs: Sequence[Quantity], j: int, part_j: int, before: str) -> bool:
    """噪声类立案数共585件,占总案件量的97.5%,其中应结案数为570件…;扬尘类立案数共15件,占总案件量的2.5%: 570 is
    inside the breakdown of a sibling whose own share names this share's base; it is that sibling's, no whole
    of the part."""
    k = j - 1
    while k >= 0 and k != part_j and j - k <= 8 and not re.search(r"[；;。]", text[qs[k].end:qs[j].start]):
        if qs[k].kind == qs[j].kind and same_unit(qs[k], qs[j]) and frame(qs[k]).role == "level" \
                and _has_own_share(text, qs, k):
            return "其中" in text[qs[k].end:qs[j].start] and _same_base_share(text, qs, k, before)
        k -= 1
    return False


HEAD_ASIDE = re.compile(r"\s*[（(]")


def head_share(text: str, qs: Sequence[Quantity], part_j: int, w_j: int, i: int) -> bool:
    """建筑火灾共发生100起(住宅类70起,非住宅类30起,占火灾总起数的40.00%;…): a share after the last part of
    a breakdown its head's parentheses close (the parts add up to the head exactly, none of them with a
    share of its own) may be the head's share of a larger whole as well as the last part's of the head; the
    readings disagree, so the last part's reading may confirm the share but never accuses it."""
    w, part = qs[w_j], qs[part_j]
    if not (w_j < part_j < i) or frame(w).aside or not frame(part).aside or not frame(qs[i]).aside \
            or not HEAD_ASIDE.match(text, w.end) or BRACKET_CLOSE.search(text, w.end, qs[i].start):
        return False
    members = [qs[k] for k in range(w_j + 1, part_j + 1)]
    if any(m.kind == "percent" for m in members):
        return False
    parts = [m for m in members if m.kind == w.kind and same_unit(m, w) and frame(m).role == "level"]
    return len(parts) >= 2 and parts[-1] is part and sum(m.value for m in parts) == w.value


MEASURES = tuple(sorted(claim_words()("rate.distinct_measures"), key=len, reverse=True))


def other_measure(part_label: str, whole_label: str) -> bool:
    """全部工业增加值150亿元 against 工业总产值500亿元: two measures of one activity, not a part of a whole."""
    a = next((m for m in MEASURES if part_label.endswith(m)), "")
    b = next((m for m in MEASURES if whole_label.endswith(m)), "")
    return bool(a and b and a != b)


SEMICOLON = re.compile(r"[；;]")
#: the base a share names, straight before a bracket: 占全省收到评价数(
SHARE_BASE_BEFORE = re.compile(r"占[\u4e00-\u9fffA-Za-z]{2,16}[（(]\s*$")


def _base_gloss(text: str, qs: Sequence[Quantity], j: int, i: int, seg: Seg) -> bool:
    """评价数1250万条,占全省收到评价数(4100万条)三成左右: a figure in brackets after the base a share names is
    that base's amount, of another scope (全省) than the text's own figures: the whole of the share it glosses
    (the next percentage in its sentence), no whole of any other rate."""
    w = qs[j]
    if not frame(w).aside or not SHARE_BASE_BEFORE.search(text, max(0, w.start - 24), w.start):
        return False
    glossed = i > j and seg.sent[i] == seg.sent[j] and all(qs[k].kind != "percent" for k in range(j + 1, i))
    return not glossed


def _later_group(text: str, qs: Sequence[Quantity], j: int, part_j: int) -> bool:
    """办理行政复议案件63件,办结54件,其中调解终止19件;办理行政应诉案件42件,…调解率为40.74%: a semicolon after
    the part closes the part's list; a figure after it opens another group and is no whole of the part,
    unless it is marked as the total of what came before (;共计36件)."""
    return j > part_j and SEMICOLON.search(text, qs[part_j].end, qs[j].start) is not None \
        and FAR_TOTAL.search(_whole_label(text, qs[j])) is None


#: what the attempts of an action are named by: the action, and what it takes up whole (调解: 纠纷, 矛盾)
ATTEMPTS = {g.split("=")[0]: tuple(g.split("=")) for g in claim_words()("rate_stem.attempts")}
#: words of a whole's label that name no object: when, where, how many in all, taken in
_NO_OBJECT = re.compile(rf"(?:{claim_words().alternation('rate.intake')}|{claim_words().alternation('total.markers')}"
                        r"|全[省市县区镇乡]|今年|本年|年内|上半年|下半年|[\d\s，,、。:：年月]|共)")


def counts_attempts(label: str, attempts: Sequence[str]) -> bool:
    """Is a whole whose sentence reads `label` before it the attempts of a success rate's action (调解成功率): does
    it name the action or what the action takes up whole (调解矛盾纠纷4000件, 受理矛盾纠纷4000件), or nothing but
    an intake (共受理3000件)? 受理投诉8875件 names complaints, of which only some are mediated."""
    if any(w in label for w in attempts):
        return True
    return len(_NO_OBJECT.sub("", label)) <= 1
