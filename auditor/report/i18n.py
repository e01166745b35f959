"""The reports' own labels, in Chinese (default) and English.

Finding messages come with the findings; only the words around them live here.
"""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "数字一致性审核报告",
        "extract_title": "数字提取结果",
        "summary": "汇总",
        "documents": "文档",
        "unreadable": "无法读取",
        "errors": "错误",
        "warnings": "警告",
        "infos": "提示",
        "quantities": "数量",
        "claims": "已核对表述",
        "repeats": "重复出现的数字（不计入核对）",
        "consistent": "一致",
        "inconsistent": "不一致",
        "borderline": "存疑",
        "unverifiable": "无法核实",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "code": "代码",
        "severity": "级别",
        "location": "位置",
        "context": "上下文 / 核算",
        "arithmetic": "核算",
        "message": "说明",
        "verified": "核对无误的表述",
        "unverifiable_note": "另有 {n} 条表述无法核实（文中未给出运算数），未列出。",
        "no_findings": "未发现问题。",
        "no_quantities": "未发现数量。",
        "doc_error": "无法读取：{reason}",
        "text": "原文",
        "value": "数值",
        "unit": "单位",
        "kind": "类型",
        "approx": "修饰词",
        "decimals": "小数位",
        "findings": "问题",
        "document": "文档",
    },
    "en": {
        "title": "Numeric consistency report",
        "extract_title": "Extracted quantities",
        "summary": "Summary",
        "documents": "documents",
        "unreadable": "unreadable",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "infos",
        "quantities": "quantities",
        "claims": "claims checked",
        "repeats": "figures stated twice (not counted as checks)",
        "consistent": "consistent",
        "inconsistent": "inconsistent",
        "borderline": "borderline",
        "unverifiable": "unverifiable",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "code": "code",
        "severity": "severity",
        "location": "line:col",
        "context": "context / arithmetic",
        "arithmetic": "arithmetic",
        "message": "message",
        "verified": "Claims that check out",
        "unverifiable_note": "Claims that cannot be verified (the text does not state the operands): {n}, not listed.",
        "no_findings": "No findings.",
        "no_quantities": "No quantities found.",
        "doc_error": "could not be read: {reason}",
        "text": "text",
        "value": "value",
        "unit": "unit",
        "kind": "kind",
        "approx": "qualifier",
        "decimals": "decimals",
        "findings": "findings",
        "document": "document",
    },
}

#: Rule names (as titled in docs/rules) and one-line descriptions (SPEC.md), used
#: when the documentation pages cannot be read.
RULE_NAMES: dict[str, str] = {
    "U101": "rate-without-unit",
    "U102": "mixed-measure-words",
    "R201": "rate-mismatch",
    "R202": "rate-misrounded",
    "R203": "rate-over-100",
    "R204": "rate-granularity",
    "R205": "qualifier-contradicts-figure",
    "G301": "growth-rate-mismatch",
    "G302": "difference-mismatch",
    "G303": "growth-direction",
    "G304": "points-vs-percent",
    "S401": "parts-exceed-total",
    "S402": "breakdown-misses-total",
    "C501": "repeated-metric-differs",
    "C502": "identical-figures",
}

RULE_SUMMARIES: dict[str, dict[str, str]] = {
    "zh": {
        "U101": "比率或百分数缺少单位",
        "U102": "同一组分项或比较中量词不一致",
        "R201": "所述比率与部分/整体之比不符（超出舍入范围）",
        "R202": "所述比率仅在截断或错误舍入时相符",
        "R203": "比率超过100%，或部分大于整体",
        "R204": "在所述整体下，没有任何整数能得到所述比率",
        "R205": "修饰词（达/以上/超过/均/全部/百分百）与计算值矛盾",
        "G301": "增长率与（新值−旧值）/旧值不符",
        "G302": "所述差值与新值−旧值不符",
        "G303": "增减方向与数字矛盾",
        "G304": "混淆百分点与百分比",
        "S401": "分项之和超过总数",
        "S402": "穷尽式分项之和与总数不符",
        "C501": "同一指标在文中前后数值不一致",
        "C502": "两个不同指标的数值完全相同",
    },
    "en": {
        "U101": "A rate or percentage stated without its unit",
        "U102": "One breakdown or comparison mixes measure words",
        "R201": "Stated rate differs from part/whole beyond rounding",
        "R202": "Stated rate matches only if truncated or mis-rounded",
        "R203": "A rate above 100%, or a part larger than its whole",
        "R204": "No whole count out of the stated whole gives the stated rate",
        "R205": "A qualifier (达/以上/超过/均/全部/百分百) contradicts the recomputed value",
        "G301": "Growth rate differs from (new − old) / old",
        "G302": "Stated difference differs from new − old",
        "G303": "Direction contradicts the figures",
        "G304": "Percentage points confused with percent",
        "S401": "Parts add up to more than the total",
        "S402": "An exhaustive breakdown misses its total",
        "C501": "The same metric is stated twice with different values",
        "C502": "Two different metrics carry the identical figure",
    },
}


def strings(lang: str) -> dict[str, str]:
    """The labels for `lang`; unknown languages get Chinese, the default."""
    return STRINGS.get(lang, STRINGS["zh"])


def rule_name(code: str) -> str:
    """The rule's kebab-case name: from its documentation page, else the built-in table."""
    try:
        from auditor.rules.docs import rule_title

        return str(rule_title(code))
    except Exception:  # pages are optional for reporting
        return RULE_NAMES.get(code, code)


def rule_summary(code: str, lang: str) -> str:
    """One line on what the rule flags; English from its documentation page when there is one."""
    if lang == "en":
        try:
            from auditor.rules.docs import rule_summary as page_summary

            summary = str(page_summary(code))
            if summary:
                return summary
        except Exception:  # pages are optional for reporting
            pass
    table = RULE_SUMMARIES.get(lang, RULE_SUMMARIES["zh"])
    return table.get(code, code)
