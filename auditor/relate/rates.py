"""Rates and shares: the part and the whole a rate speaks of, and per-unit averages."""
from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import claim_words
from auditor.model import Quantity
from auditor.relate.base import (
    CLAUSE_END,
    RATE_WORD,
    SHARE_WORD,
    SUBSET_MODIFIERS,
    TOTAL_MARK,
    Relation,
    Seg,
    base_overlap,
    label_before,
    overlap,
    same_unit,
    stem_score,
    window,
)
from auditor.relate.link import frame, grams, same_plan
from auditor.relate.rate_links import SCOPE_AFTER, whole_link
from auditor.relate.rate_runs import heads_run, run_of_stem, sentence_has_level
from auditor.relate.rate_wholes import (
    ATTEMPTS,
    BASE_ONLY,
    BOUND_WORDS,
    CLOSURE,
    COLON_HEAD,
    EACH_BOUND,
    FAR_TOTAL,
    NEW_INTAKE,
    OUTCOME,
    REQUIRED,
    SEMICOLON,
    SPANS,
    SUBJECT_BEFORE_SHARE,
    _base_gloss,
    _base_name,
    _breakdown_apart,
    _carries_base,
    _has_own_share,
    _inside_sibling,
    _intake,
    _later_group,
    _names_base,
    _negated,
    _negation_apart,
    _other_period_between,
    _rated_between,
    _same_base_share,
    _scope_name,
    _stage_siblings,
    _stages_between,
    _whole_label,
    counts_attempts,
    head_share,
    other_measure,
    recipients_over_items,
    stream_beside,
)
from auditor.relate.share_inner import inner_whole
from auditor.relate.share_lists import parts_before_shares, shares_before_parts
from auditor.relate.shares import all_link, listed_share, share_of_list

#: the places a share may name as its base (占全省比重): a whole of another place's figures is not it
PLACES = frozenset({"全省", "全市", "全区", "全县", "全国", "全州", "全盟", "全旗"})

#: words that say every item (3起案件均胜诉, 全部办结, 全覆盖); an average over a period (平均, 日均值, 年均: the
#: lexicon's average words of 平 or a period) and 均在/均为/均达 do not (a counted thing before 均 is read as
#: "all": 3起案件均胜诉, though 件均 is an average too)
_AVERAGE_HEADS = "".join(sorted({w[0] for w in claim_words()("average.words") if len(w) == 2 and w[1] == "均"}
                                & set("平日周月季年")))
ALL_WORDS = re.compile(rf"(?<![{_AVERAGE_HEADS}])均(?![在为达值])|全部|全都|全覆盖")


def _rate(text: str, qs: Sequence[Quantity], i: int, seg: Seg, sent_start: list[int], clause_start: Sequence[int],
          before: str) -> Relation | None:
    q = qs[i]
    if frame(q).role == "prior":
        return Relation("rate", q, q.start, q.end)  # an earlier period's rate: its operands are not stated
    if REQUIRED.match(text, q.end):
        return Relation("rate", q, q.start, q.end)  # 未达到“…化解率稳定在90%以上”要求的: a requirement, no actual
    found = list(RATE_WORD.finditer(before))
    m = found[-1] if found else None
    share = bool(SHARE_WORD.search(before))
    if m is None and not share:
        return None
    stem = m.group(1) if m is not None else ""
    if m is not None and not share and ("增长" in stem or "增" in stem[-1:] or stem.endswith(("上升", "下降"))):
        return None
    kind = "share" if share and (m is None or "占" in before) else "rate"
    inner = inner_whole(text, qs, i, seg, before) or (
        parts_before_shares(text, qs, i, seg) or listed_share(text, qs, i, seg)
        or share_of_list(text, qs, i, seg, before)
        or shares_before_parts(text, qs, i, seg) if kind == "share" else None)
    if inner is not None:
        return inner
    # the rate's own label, e.g. 按时办结 for 按时办结率
    stem = re.sub(r"^.*?(?:的|是|为|其中|以及|和|及)", "", stem) if stem else ""
    near_text = text[max(0, q.start - 16):q.start]
    # 结案率102%（含上年结转案件）: a base that includes carried-over items may exceed 100%
    carried = "1" if re.search(r"含|包括|结转|旧存|积案|上年", text[q.end:q.end + 12]) else ""
    # (推开特色水果保险全覆盖。柑橘覆盖率达93.6%: a 全部 of the sentence before speaks of other items)
    alls = list(ALL_WORDS.finditer(near_text))
    all_claim = bool(alls) and not re.search(r"[。！？!?]", near_text[alls[-1].end():]) and "%" not in near_text \
        and not EACH_BOUND.search(near_text) and not (q.approx and q.approx in BOUND_WORDS) \
        and not re.search(r"占[^，,。；;]*全部|全部[^，,。；;]*占", near_text)
    # 全部完成按时整改，按时整改率100%: 全部 over the rate's own items confirms a 100% claim
    # (全部税收收入占GDP比重为9.7%: a 全部 before 占 names the part, it claims nothing)
    all_x = {"all_link": al} if all_claim and (al := all_link(text, q, stem)) else {}
    if all_claim and not all_x:
        # 已全部办理完毕,代表满意率95%; 移动信号全覆盖,宽带通达率85%: a 全部 of another clause speaks of other
        # items than the rate's, unless its words name the rate's (all_link)
        last = list(ALL_WORDS.finditer(near_text))[-1]
        sep = re.search(r"[，,；;。]", near_text[last.end():])
        if sep is not None:
            said = near_text[last.end():last.end() + sep.start()]  # what the clause says all the items did
            all_claim = (last.group() == "全覆盖" and "覆盖" in stem) or (
                last.group() != "全覆盖" and (not said or bool(grams(stem) & grams(said))))
    # operands are levels of the same plan: never a change, an average, a prior value or a target beside an actual
    # a span of years or months (前四年, 五年计划) is when, not how many: never a rate's operand
    # (3~6项请求的, 二十几项: a range labels a class, a vague count is no figure to recompute from)
    cands = [j for j in window(qs, i, seg, 6 if kind == "share" else 3) if qs[j].kind in ("count", "money", "measure")
             and frame(qs[j]).role == "level" and same_plan(qs[j], q) and qs[j].unit not in SPANS
             and qs[j].high is None and not ("几" in (qs[j].approx or "") or "幾" in (qs[j].approx or ""))]
    if not cands:
        return Relation(kind, q, _claim_start(text, q, m, before), q.end, all_claim=all_claim,
                        extra={"stem": stem, "carried": carried, **all_x})
    # the part: the figure whose label carries the rate's stem, else the nearest in the sentence
    part_j = None
    subset = False
    loose = False
    core = stem
    for mod in SUBSET_MODIFIERS:
        # (案件按时办结率: the items' noun before the modifier, 案件, 事项, 工单, names what is counted)
        at = core.find(mod)
        if 0 <= at <= 4 and len(core) > at + len(mod):
            core, subset = core[at + len(mod):], True
            break
    own = SUBJECT_BEFORE_SHARE.match(before) if kind == "share" else None
    if own is not None:
        # 城镇人口占总人口比重为59.58%: the part is the figure of the words before 占
        name = own.group(1)
        by_name = [j for j in cands if name in label_before(text, qs[j], 0)] or \
            [j for j in cands if name[:2] in (lb := label_before(text, qs[j], 0)) and name[-2:] in lb[2:]]
        if len(by_name) == 1:
            part_j, core = by_name[0], ""
    if part_j is None and core:
        best = 0
        for j in cands:
            if _negated(core, label_before(text, qs[j], 0)):
                continue  # 未办结1件 is no part of 办结率: its complement (what is left of the whole) is
            sc = stem_score(core, label_before(text, qs[j], 0))
            if sc > best:
                part_j, best = j, sc
            if best == 2:
                break
        if part_j is None and len(core) >= 2:
            for j in cands:
                if core[-2:] in label_before(text, qs[j], 0) and not _negated(core, label_before(text, qs[j], 0)):
                    part_j = j
                    # 现行命案破案率 over 破案10039起: the label carries the stem's end, not its qualifier
                    loose = len(core) >= 4 and core[:-2][-2:] not in label_before(text, qs[j], 0)
                    if loose and seg.sent[j] != seg.sent[i] and overlap(core, label_before(text, qs[j], 0)) < 2 \
                            and sentence_has_level(qs, i, seg):
                        # (全年为5.2万残疾人提供辅助器具,辅具适配服务率达96%: not over 得到康复服务的…0.8万名 a sentence
                        # before, which shares only 服务; 第三产业增加值比重 over 第三产业完成增加值 shares all but one
                        # word, and 平均资产负债率57.1% states no figure of its own beside it)
                        part_j, loose = None, False
                    break
    total_of = re.match(r"总([\u4e00-\u9fff]{2,8})$", _base_name(before)) if kind == "share" else None
    if part_j is None and total_of is not None:
        # 到位资金为412678万元，…，占总到位资金的41.06%: the part is its entry's figure of what the base totals
        entry = [j for j in cands if seg.sent[j] == seg.sent[i] and not re.search(r"[；;]", text[qs[j].end:q.start])
                 and total_of.group(1) in label_before(text, qs[j], 0)]
        if len(entry) == 1:
            part_j, core = entry[0], total_of.group(1)
    if part_j is not None and core and seg.sent[part_j] != seg.sent[i] and _rated_between(text, qs, part_j, i, core):
        # 办结5102件,办结率为93%。对…问题,编发专报86期,领导批示率达100%,办结率达97%: the part's own 办结率 stands
        # between; this one, in a later sentence, speaks of something the text does not count
        return Relation(kind, q, _claim_start(text, q, m, before), q.end, all_claim=all_claim,
                        extra={"stem": stem, "carried": carried, **all_x})
    stem_matched = part_j is not None
    named_base = _base_name(before.rstrip()) or (_scope_name(text, clause_start[seg.clause[i]])
                                                 if kind == "share" else "")
    link = f"same subject {core}" if stem_matched else ""
    if own is not None and part_j is not None and not core:
        link = f"part named before 占 ({own.group(1)})"
    if part_j is None:
        # no stem: the part is the figure of the rate's own item (投诉类158件（36.4%）)
        # (受理46件。其中被申请人以县直部门为主,占总量的89.13%: 其中 opens an unnamed subset of 46, whose count the
        # text does not state; 46 is no part of the share)
        near = [j for j in cands if seg.item[j] == seg.item[i] and not _negated(core, label_before(text, qs[j], 0))
                and not (seg.sent[j] != seg.sent[i] and "其中" in text[qs[j].end:q.start])]
        # 325件（其中无照经营210件），占举报量的9%: a share after a bracket is the count's before it
        near.sort(key=lambda j: frame(qs[j]).aside != frame(q).aside)
        if near and not (q.approx in BOUND_WORDS and qs[near[0]].kind == "count"):
            # (12个省份老年人口比重超过14%: a bound with a count of members counts who meet it, no rate of them)
            part_j = near[0]
            subset = False
            link = "same item"
        elif kind == "rate" and cands and seg.sent[cands[0]] == seg.sent[i] and seg.item[cands[0]] == seg.item[i] - 1 \
                and not _negated(core, label_before(text, qs[cands[0]], 0)) \
                and not TOTAL_MARK.search(label_before(text, qs[cands[0]], 0, CLAUSE_END)) \
                and not any(qs[k].kind == "percent" and frame(qs[k]).role == "rate" for k in range(cands[0] + 1, i)):
            # 不起诉12.2万人，不诉率28.3%: the figure of the item just before the rate, in its sentence (unless
            # that item states a rate of its own: 审结31143件，结案率95.6%，服判息诉率90%以上 pairs 95.6% only;
            # or the figure is marked as a total, the rate's whole: 共承办工单1292件,办结率100% states no part)
            part_j, subset, link = cands[0], False, "preceding item"
        elif kind == "share" and BASE_ONLY.match(before) and cands and seg.sent[cands[0]] == seg.sent[i] \
                and seg.clause[cands[0]] == seg.clause[i] - 1:
            # 调解12266宗，在全市调解纠纷量中占27%: the clause names only the base of the figure before it
            part_j, subset, link = cands[0], False, "share clause continues the figure before it"
    if part_j is None:
        return Relation(kind, q, _claim_start(text, q, m, before), q.end, all_claim=all_claim,
                        extra={"stem": stem, "carried": carried, **all_x})
    part = qs[part_j]
    # 新收1512.5万件，结案1238.9万件，结案率68.17%: a closure rate's base holds the carried-over cases too
    closure = kind == "rate" and CLOSURE.search(stem) is not None
    # 受理1033件…直接纠错236件，纠错率24.2%: an outcome rate is over the cases decided, not those taken in
    outcome = kind == "rate" and stem.endswith(OUTCOME)
    # 受理投诉8875件…调解成功4482件,调解成功率59.4%: a success rate is over the attempts of its action (调解纠纷N件),
    # which an intake of complaints is not; a whole must name the action or what it takes up whole (纠纷)
    action = core[:-2][-2:] if kind == "rate" and core.endswith("成功") and len(core) >= 4 else ""
    attempts = ATTEMPTS.get(action, (action,)) if action else ()
    # (共受理100000人次,调解成功99999人次: an intake whose sentence names nothing else is the attempts too;
    # 共接收投诉1.42万件,受理1.10万件: that 受理 takes up the complaints)
    wholes = [j for j in cands if j != part_j and same_unit(qs[j], part) and qs[j].value >= part.value
              and not qs[j].high and not (closure and NEW_INTAKE.search(_whole_label(text, qs[j])))
              and not (outcome and _intake(_whole_label(text, qs[j])))
              and (not attempts or counts_attempts(text[max(sent_start[seg.sent[j]], qs[j].start - 60):qs[j].start],
                                                   attempts))
              and (link_j := whole_link(text, qs, j, part_j, i, seg, named_base, stem_matched))
              # a figure with a share of its own is a sibling part, unless this share names it as its base
              # (and its own share names another: 服务类投诉1900件,占投诉总量的36.54% is a part of 投诉总量 too)
              and (not _has_own_share(text, qs, j)
                   or link_j.startswith("named base") and not _same_base_share(text, qs, j, before))
              and not _inside_sibling(text, qs, j, part_j, before)
              and not _negation_apart(label_before(text, part, 0), _whole_label(text, qs[j]))
              and not other_measure(label_before(text, part, 0, CLAUSE_END), _whole_label(text, qs[j]))
              and not _other_period_between(text, qs, j, part_j)
              and not _later_group(text, qs, j, part_j)
              and not _base_gloss(text, qs, j, i, seg)]
    # the likely whole first: the one whose words carry the base the share names (占受理案件总数的 ~ 立案受理),
    # then a figure labelled as a total, then (for shares) the largest
    base_name = re.sub(r"(总数|总量|总额|比重|比例)$", "", named_base)
    # (还未供暖的889件中,…729件,…160件,占此类问题的18%: a figure the sentence opens as its scope comes first)
    wholes.sort(key=lambda j: (not (seg.sent[j] == seg.sent[i] and SCOPE_AFTER.match(text, qs[j].end)),
                               not _carries_base(base_name, label_before(text, qs[j], 0, CLAUSE_END)),
                               not TOTAL_MARK.search(label_before(text, qs[j], 0, CLAUSE_END)),
                               -qs[j].value if kind == "share" else 0))
    alts: list[tuple[tuple[Quantity, ...], tuple[Quantity, ...]]] = []
    why: dict[str, str] = {}  # the link of each whole, by its offset, for the claim to report
    for j in wholes:
        alts.append(((part,), (qs[j],)))
        why[f"why{qs[j].start}"] = whole_link(text, qs, j, part_j, i, seg, named_base, stem_matched)
    # complementary base: 逮捕25人,不捕24人,不捕率 -> 24/(25+24); it comes first when the rate is named so
    counts = [j for j in cands if same_unit(qs[j], part)]
    complementary: list[tuple[tuple[Quantity, ...], tuple[Quantity, ...]]] = []
    for j in counts:
        if j != part_j and seg.sent[j] >= seg.sent[part_j] - 1 and \
                re.search(r"[不未非]", label_before(text, part, 0) + label_before(text, qs[j], 0)):
            complementary.append(((part,), (part, qs[j])))
            why[f"why{part.start}"] = "part and its complement"
    if complementary and stem_matched and re.match(r"[不未非]", core or "x"):
        alts = complementary + alts
        extra_comp = "1"
    else:
        alts = alts + complementary
        extra_comp = ""
    n_direct = len(alts) - (len(complementary) if not extra_comp else 0)
    # a rate of several adjacent parts: 按时结案486件,超时办理7件,结案率100%; 交通类652件、城建类431件,占…77%
    # (a bracketed figure is nested in the one before it, never one more part of the run)
    # (nor one after a semicolon that closes the part's list: 其中…受理前化解9件;办理行政应诉案件42件)
    ordered = sorted(j for j in counts if (seg.sent[j] == seg.sent[part_j]
                                          and frame(qs[j]).aside == frame(part).aside
                                          and not (j > part_j and SEMICOLON.search(text, part.end, qs[j].start)))
                     or j == part_j)
    if part_j in ordered:
        at = ordered.index(part_j)
        for lo in range(max(0, at - 3), at + 1):
            for hi in range(at, min(len(ordered), at + 3)):
                if hi - lo < 1:
                    continue
                run = ordered[lo:hi + 1]
                ptuple = tuple(qs[r] for r in run)
                total = sum(x.value for x in ptuple)
                # only against a whole marked as the total: a run of parts fits some figure by chance
                # (受理10件，建议2件；…受理5件，建议3件: a count at the whole's stage is its sibling, no part)
                if (not run_of_stem(text, ptuple, part, core)) if stem_matched else kind == "rate":
                    continue  # (共30件,其中建议11件,提案19件,满意率100%: a guessed part's run is the whole again)
                for j in wholes:
                    if j not in run and qs[j].value >= total and not _stage_siblings(text, qs, j, run) and \
                            why[f"why{qs[j].start}"].startswith(("total marked", "其中 total", "named base")):
                        alts.append((ptuple, (qs[j],)))
                head = ordered[lo - 1] if lo > 0 else None
                if stem_matched and head is not None and head in wholes and head not in run \
                        and seg.sent[head] == seg.sent[part_j] and heads_run(text, qs, head, ptuple, core):
                    alts.append((ptuple, (qs[head],)))
    if not stem_matched and kind == "rate":
        # a guessed pairing is only worth confirming on exact figures (20余次 fits almost anything)
        exact = [not any(x.approx for x in a[0] + a[1]) for a in alts]
        n_direct = sum(exact[:n_direct])
        alts = [a for a, keep in zip(alts, exact, strict=True) if keep]
    # a whole stated further back in the document (占全省…总数的36.18%): only ever confirms
    # (only a figure marked as a total, or one the share names as its base, is linked from afar)
    far_name = named_base
    far = [j for j in range(max(0, i - 60), i) if j not in cands and qs[j].kind == part.kind
           and same_unit(qs[j], part) and qs[j].value >= part.value and qs[j].high is None
           and frame(qs[j]).role == "level" and same_plan(qs[j], q)
           and (len(far_name) >= 3 and _names_base(far_name, _whole_label(text, qs[j]))
                or not far_name and (stem_matched or kind == "share"
                                     or overlap(label_before(text, part, 0, CLAUSE_END), _whole_label(text, qs[j])) > 0)
                and (FAR_TOTAL.search(label_before(text, qs[j], 0, CLAUSE_END)) or COLON_HEAD.match(text, qs[j].end)))]
    # (a rate whose part is only guessed, 技能劳动者18.6万人,毛入学率达到55%以上, takes no total from afar, unless
    # the total's words are the part's: 共收回…结案归档材料659件 … 对本级收回的659件结案案件…合格率100%)
    if len(far) > 1 and len(far_name) >= 3:
        # 占全市固定资产投资比重42%: 固定资产投资50.63亿元 carries the name, 第三产业完成投资46.52亿元 only 投资
        most = max(base_overlap(far_name, _whole_label(text, qs[j])) for j in far)
        far = [j for j in far if base_overlap(far_name, _whole_label(text, qs[j])) == most]
    for j in reversed(far):
        alts.append(((part,), (qs[j],)))
        why.setdefault(f"why{qs[j].start}", f"named base {far_name}" if far_name else "total stated earlier")
    # a share that names its base (占调整预算…, 占GDP比重) must find that base in the whole's words; one that names
    # a place (占全省比重) must find the place (全区…工业总产值500亿元 is no 全省 figure)
    whole_label = label_before(text, qs[wholes[0]], 0, CLAUSE_END) if wholes else ""
    if wholes and (len(base_name) >= 3 and not _carries_base(base_name, whole_label)
                   or base_name in PLACES and base_name not in whole_label):
        n_direct = 0
    strong = False
    if n_direct:
        w = alts[0][1][0]
        wl = label_before(text, w, 0, CLAUSE_END)
        same_sentence = frame(w).sentence >= seg.sent[i] - 1  # seg.sent is the frames' sentence: no qs.index
        # (调解矛盾纠纷45起，其中成功40起，成功率为90%: the 其中 after the whole announces the part)
        marked = bool(TOTAL_MARK.search(wl)) or why.get(f"why{w.start}") == "其中 total" and stem_matched
        named = bool(re.search(r"总数|总量|总额|总计|合计|受理", before))
        # a rate per thousand (出生率9.24‰) is over an average population the text rarely states
        strong = (stem_matched or kind == "share") and same_sentence and (marked or named) and q.unit == "%" \
            and not loose and not _breakdown_apart(text, qs, seg, part_j, w) \
            and not recipients_over_items(text, part, w) \
            and not (not stem_matched and wholes and qs[wholes[0]] is w and head_share(text, qs, part_j, wholes[0], i))
    stages = _stages_between(qs, seg, part_j, alts[0][1][0], [a[1][0] for a in alts if len(a[1]) == 1]) \
        if strong else []
    n_near = len(alts) - len(far)
    if strong and (k := stream_beside(text, qs, seg, part_j, alts[0][1][0])) is not None:
        alts.append(((part,), (alts[0][1][0], qs[k])))  # never confirms (verify.py reads `stream`)
        why["stream"] = str(qs[k].start)
    for k in stages:
        # 累计洽谈项目120个…;新签约项目40个。新建开工项目30个,开工率为75%: the rate may be over a stage stated
        # between (the signed 40): that reading may confirm it, or keep an error off the first reading; it is
        # tried last and never accuses (verify.py reads `stages`)
        alts.append(((part,), (qs[k],)))
        why.setdefault(f"why{qs[k].start}", "a stage between the whole and the part")
    return Relation(kind, q, _claim_start(text, q, m, before), q.end, parts=(part,),
                    whole=alts[0][1] if alts else (), subset=subset, strong=strong, all_claim=all_claim,
                    alternatives=tuple(alts),
                    extra={**why, "link": link, "direct": str(n_direct), "near": str(n_near),
                           "stages": str(len(stages)), "carried": carried,
                           "unique": "1" if len(wholes) == 1 and not extra_comp else "", "stem": stem,
                           "complementary": extra_comp, **all_x})


def _claim_start(text: str, q: Quantity, m: re.Match[str] | None, before: str) -> int:
    if m is None:
        return q.start
    return q.start - len(before) + m.start(0) + len(m.group(1)) - min(len(m.group(1)), 4)
