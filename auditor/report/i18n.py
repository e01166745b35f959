"""The reports' own labels, in Chinese (default) and English.

Finding messages come with the findings; only the words around them live here.
"""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "数字一致性审核报告",
        "fingerprint": "指纹",
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
        "overview": "各文档概况",
        "recomputed": "已重算表述",
        "unread": "未读",
        "waived": "已豁免",
        "waived_by": "已豁免：{who}，{date}：{why}",
        "baselined": "基线中已有、未列出的问题",
        "waivers_unmatched": "未匹配任何问题的豁免（数字已改动？）",
        "not_audited": "未审核的文件",
        "progress": "审核中",
        "progress_findings": "发现问题 {n} 个",
        # the report's last line: what the exit status means
        "exit_findings": "{counts}达到 --fail-on {fail_on}，退出码 1",
        "exit_clean": "没有达到 --fail-on {fail_on} 的问题，退出码 0",
        "exit_never": "--fail-on never：不因问题而失败，退出码 0",
        "exit_unread": "{n} 个文件未能读取或未审核，退出码 2",
        "exit_extract": "退出码 0",
        "count_error": "{n} 个错误",
        "count_warning": "{n} 个警告",
        "count_info": "{n} 条提示",
        "count_sep": "、",
        "waived_note": "（{n} 个已豁免的问题不计入）",
    },
    "en": {
        "title": "Numeric consistency report",
        "fingerprint": "fingerprint",
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
        "overview": "Documents",
        "recomputed": "claims recomputed",
        "unread": "unread",
        "waived": "waived",
        "waived_by": "waived by {who} on {date}: {why}",
        "baselined": "findings already in the baseline (not listed)",
        "waivers_unmatched": "waivers that match no finding (figure changed?)",
        "not_audited": "files not audited",
        "progress": "auditing",
        "progress_findings": "{n} findings",
        "exit_findings": "{counts} at or above --fail-on {fail_on}: exit status 1",
        "exit_clean": "no findings at or above --fail-on {fail_on}: exit status 0",
        "exit_never": "--fail-on never: findings do not fail the run, exit status 0",
        "exit_unread": "{n} files could not be read or were not audited: exit status 2",
        "exit_extract": "exit status 0",
        "count_error": "{n} errors",
        "count_warning": "{n} warnings",
        "count_info": "{n} infos",
        "count_sep": ", ",
        "waived_note": " ({n} waived findings not counted)",
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
    "C503": "prior-report-differs",
    "C504": "prose-differs-from-table",
    "R206": "rate-base-unclear",
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
        "C503": "重述的上期数字与上期报告不一致",
        "C504": "正文数字与表格中同一行、同一列的数值不一致",
        "R206": "比率接近但不等于部分/（部分+互补项），基数可能另有定义",
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
        "C503": "A figure restated for the prior year differs from the prior report",
        "C504": "A figure in the prose differs from the table cell for the same row and column",
        "R206": "A rate near, but not within rounding of, part / (part + its stated complement)",
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


#: `auditor --help` in both languages (`--lang en`, or AUDITOR_LANG=en, before --help).
CLI_HELP: dict[str, dict[str, str]] = {
    "zh": {
        "description": "中文报告数字一致性审核工具：重算文中的比率、增长、差值与分项合计，指出自相矛盾之处。",
        "epilog": "退出码：0 无达到 --fail-on 的问题；1 有；2 用法错误或有文件未能读取。"
                  "English help: auditor --lang en --help（或设置 AUDITOR_LANG=en）。",
        "usage": "用法：", "positionals": "参数", "options": "选项", "commands": "命令",
        "help": "显示本帮助并退出", "version": "显示版本号并退出",
        "check": "审核文件和文件夹", "check_desc": "审核文件和文件夹中的数字（文件夹递归查找）。",
        "extract": "列出找到的每个数量", "extract_desc": "列出文件和文件夹中的每个“数字+单位”。",
        "text": "输出所有位置偏移所依据的纯文本", "text_desc": "输出所有位置偏移所依据的纯文本。",
        "explain": "显示某条规则的说明", "explain_desc": "显示某条规则的说明页（例如 R201）。",
        "rules": "列出所有规则代码、级别与标题", "rules_desc": "列出所有规则代码、级别与标题。",
        "paths": "文件或文件夹（文件夹递归查找）",
        "format": "输出格式（默认 rich，终端报告）",
        "output": "把报告写入 FILE 而不是标准输出",
        "select": "只用这些规则代码或前缀，逗号分隔（如 R2,U101）",
        "ignore": "跳过这些规则代码或前缀，逗号分隔",
        "jobs": "并行审核 N 个文件（auto 或 0：每个 CPU 一个；默认 1）",
        "lang": "消息语言（默认 zh）",
        "no_color": "不使用颜色（设置 NO_COLOR 时亦然）",
        "fail_on": "有达到此级别的问题时退出码为 1（默认 error）",
        "config": "使用此配置文件（默认从被审核路径向上查找 auditor.toml 或 pyproject.toml 的 [tool.auditor]）",
        "no_config": "不读取任何配置文件",
        "verbose": "出错时在标准错误上打印完整的 Python 回溯（供排查错误）",
        "timeout": "单个文档超过 SECONDS 秒即放弃，报告为 timeout（0：不限；默认 120）",
        "max_memory": "单个文档可用的内存，如 2G、512M；超出报告为 too_large（0：不限；默认 2G）",
        "engine": "local：本机工作进程；dask：在 Dask 集群上审核，Parquet 数据集写入 --output 目录（默认 local）",
        "scheduler": "与 --engine dask 同用：调度器地址（默认启动本机集群）",
        "baseline": "只报告不在此基线文件中的问题",
        "write_baseline": "把本次的全部问题写入基线文件 FILE（JSON）",
        "waivers": "豁免文件（TOML 或 JSON：fingerprint、who、why、date），被豁免的问题标为“已豁免”",
        "code": "规则代码，例如 R201",
        "path": "文件",
    },
    "en": {
        "description": "Numeric consistency auditor for Chinese-language reports: recomputes the rates, growth, "
                       "differences and sums a report states and flags the ones its own figures contradict.",
        "epilog": "Exit status: 0 no findings at or above --fail-on; 1 there are; 2 a usage error or a file "
                  "that could not be read. 中文帮助：auditor --help（默认）。",
        "usage": "usage: ", "positionals": "arguments", "options": "options", "commands": "commands",
        "help": "show this help and exit", "version": "show the version and exit",
        "check": "audit files and folders", "check_desc": "Audit the numbers in files and folders.",
        "extract": "list every quantity found",
        "extract_desc": "List every number-and-unit pair found in files and folders.",
        "text": "print the plain text that all offsets index",
        "text_desc": "Print the plain text that all offsets index.",
        "explain": "show a rule's documentation", "explain_desc": "Show a rule's documentation page (e.g. R201).",
        "rules": "list every rule code with its severity and title",
        "rules_desc": "List every rule code with its severity and title.",
        "paths": "files or folders (folders are searched recursively)",
        "format": "output format (default: rich, a terminal report)",
        "output": "write the report to FILE instead of stdout",
        "select": "only these rule codes or prefixes, comma-separated (e.g. R2,U101)",
        "ignore": "skip these rule codes or prefixes, comma-separated",
        "jobs": "audit N files in parallel (auto or 0: one per CPU; default 1)",
        "lang": "language of messages (default: zh)",
        "no_color": "no colours (also when NO_COLOR is set)",
        "fail_on": "exit 1 when a finding is at or above this severity (default: error)",
        "config": "use this configuration file (default: auditor.toml or pyproject.toml [tool.auditor], "
                  "searched from the audited path upward)",
        "no_config": "read no configuration file",
        "verbose": "print the full Python traceback of an internal error on stderr (for bug reports)",
        "timeout": "give up a document after SECONDS, reported as timeout (0: no limit; default 120)",
        "max_memory": "memory one document may use, e.g. 2G or 512M; more is reported as too_large "
                      "(0: no limit; default 2G)",
        "engine": "local worker processes, or a Dask cluster writing Parquet datasets to --output DIR (default: local)",
        "scheduler": "with --engine dask: the scheduler's address (default: a local cluster)",
        "baseline": "report only the findings not in this baseline file",
        "write_baseline": "write every finding of this run to the baseline FILE (JSON)",
        "waivers": "waiver file (TOML or JSON: fingerprint, who, why, date); waived findings are shown as waived",
        "code": "a rule code, e.g. R201",
        "path": "a file",
    },
}


def cli_help(lang: str) -> dict[str, str]:
    return CLI_HELP.get(lang, CLI_HELP["zh"])


#: why a document was not read, in Chinese, by its stable code (the loader's own reason follows in brackets)
ERROR_REASONS_ZH: dict[str, str] = {
    "not_found": "文件不存在", "unreadable": "文件无法读取（损坏、截断、加密或无权限）", "empty": "文件为空",
    "binary": "二进制内容，不是文本", "encoding": "无法识别的文本编码", "too_large": "文件或其内容超过大小或内存上限",
    "zip_bomb": "压缩比异常（疑似压缩炸弹），未解压", "forbidden_xml": "XML 声明了 DOCTYPE 或实体，已拒绝",
    "legacy_format": "旧版 Office/WPS 文件，请另存为 .docx 或 .xlsx 后再审核", "unsupported": "不支持的文件格式",
    "encrypted": "PDF 已加密，需要密码", "no_text": "PDF 没有文字层（扫描件需先 OCR）",
    "timeout": "审核超时（--timeout）", "crashed": "审核进程两次异常退出", "internal": "内部错误",
    "broken_link": "符号链接指向不存在的文件", "link_loop": "符号链接形成循环", "not_regular": "不是普通文件（如管道）",
    "hidden": "隐藏文件或文件夹，未审核",
}


def error_reason(code: str, message: str, lang: str) -> str:
    """A document's load or batch error for the reader: Chinese first under zh, the loader's detail after."""
    zh = ERROR_REASONS_ZH.get(code)
    return f"{zh}（{message}）" if lang == "zh" and zh else message
