"""`auditor explain CODE` and `auditor rules`: the rule pages and the list of codes.

The pages (docs/rules, shipped in the wheel) are written in English and translated into Chinese
(docs/rules/zh). Under `--lang zh` (the default) the Chinese page is printed; a code whose page is
not translated yet prints the English page, opened by the rule's Chinese title and severity.
"""
from __future__ import annotations

from auditor.cli_args import EXIT_OK, UsageError
from auditor.cli_output import color_wanted as _color_wanted
from auditor.cli_output import stdout_is_terminal as _stdout_is_terminal
from auditor.cli_output import write_stdout as _write_stdout


def cmd_explain(code: str, no_color: bool, lang: str = "zh") -> int:
    try:
        from auditor.rules import docs
    except ImportError:
        raise UsageError("rule documentation is not available in this installation") from None
    known = tuple(docs.known_codes())
    key = code.strip().upper()
    try:
        if key not in known:
            raise KeyError(key)
        page = docs.rule_doc(key)
    except KeyError:
        listing = ", ".join(known) if known else "none"
        raise UsageError(f"unknown rule code {code!r}; known codes: {listing}") from None
    if lang == "zh":
        translated = docs.translated_doc(key, "zh")
        if translated is not None:
            page = translated
        else:  # the Chinese title and severity right under the English page's own title line
            title, _, rest = page.partition("\n")
            page = title + "\n\n" + _zh_header(key) + rest.lstrip("\n")
    if _stdout_is_terminal():
        from rich.console import Console
        from rich.markdown import Markdown

        color = _color_wanted(no_color, True)
        Console(color_system="auto" if color else None, no_color=not color).print(Markdown(page))
    else:
        _write_stdout(page if page.endswith("\n") else page + "\n")
    return EXIT_OK


def _zh_header(code: str) -> str:
    """Before an (English) rule page under --lang zh: the rule's Chinese title and severity."""
    from auditor.report.i18n import rule_summary, strings

    severity = _rule_severity(code)
    sev = strings("zh").get(severity, severity) if severity else ""
    lines = [f"> **{code}**：{rule_summary(code, 'zh')}"]
    if sev:
        lines.append(f"> 级别：{sev}")
    lines.append("> 以下为英文说明页；`auditor explain CODE --lang en` 只显示英文。")
    return "\n".join(lines) + "\n\n"


def _rule_severity(code: str) -> str:
    from auditor.rules import RULES

    rule = RULES.get(code)
    if rule is not None:
        return rule.severity.value
    try:
        from auditor.rules.docs import rule_severity

        return str(rule_severity(code))
    except (KeyError, ValueError, ImportError):
        return ""


def rules_table(lang: str) -> list[tuple[str, str, str, str]]:
    """Every rule: code, severity (in `lang`), name, title (in `lang`)."""
    from auditor.report.i18n import RULE_SUMMARIES, rule_name, rule_summary, strings
    from auditor.rules import RULES

    t = strings(lang)
    titles = RULE_SUMMARIES.get(lang, RULE_SUMMARIES["zh"])
    return [(code, t[r.severity.value], r.name or rule_name(code), titles.get(code) or rule_summary(code, lang))
            for code, r in sorted(RULES.items())]


def cmd_rules(lang: str) -> int:
    from rich.cells import cell_len

    from auditor.report.i18n import strings

    t = strings(lang)
    header = (t["code"], t["severity"], "name" if lang == "en" else "名称", "title" if lang == "en" else "标题")
    rows = [header, *rules_table(lang)]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(3)]
    out = []
    for row in rows:
        cells = [row[i] + " " * (widths[i] - cell_len(row[i])) for i in range(3)]
        out.append("  ".join([*cells, row[3]]).rstrip() + "\n")
    _write_stdout("".join(out))
    return EXIT_OK
