"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` lines that a
workflow step prints to annotate the audited files. Errors stay `error`, warnings
`warning`, infos `notice`. A waived finding is never dropped: it becomes a
`notice` that names the waiver. A document that could not be read is an `error`
on that file. Property values escape `%`, CR, LF, `:` and `,`; the message
escapes `%`, CR and LF (the runner's own rules).
"""
from __future__ import annotations

from auditor.model import Report
from auditor.report.common import Lines
from auditor.report.table import finding_rows, severity_label

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
WORDS = {
    "zh": {"waived": "已豁免", "unreadable": "无法读取", "by": "豁免人", "fingerprint": "指纹"},
    "en": {"waived": "waived", "unreadable": "unreadable", "by": "by", "fingerprint": "fingerprint"},
}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: str | int) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level} {fields}::{escape_data(message)}" if fields else f"::{level}::{escape_data(message)}"


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    w = WORDS["en" if lang == "en" else "zh"]
    out: list[str] = []
    lines_of: dict[str, Lines] = {}
    for row in finding_rows(report, lang):
        f, c = row.finding, row.cells
        lines = lines_of.setdefault(row.doc.path, Lines(row.doc.text))
        end_line, end_col = lines.line_col(f.end)
        line, col = int(str(c["line"])), int(str(c["column"]))
        if (end_line, end_col) < (line, col):
            end_line, end_col = line, col
        title = f"{f.code} {c['title']}"
        parts = [str(c["message"])]
        if c["arithmetic"]:
            parts.append(str(c["arithmetic"]))
        parts.append(f"{w['fingerprint']} {f.fingerprint}" if f.fingerprint else "")
        level = LEVELS[f.severity.value]
        if f.waiver is not None:
            level = "notice"
            title = f"{w['waived']} {severity_label(f.severity.value, lang)} {title}"
            who = ", ".join(str(c[k]) for k in ("waived_by", "waiver_date") if c[k])
            parts.insert(0, f"{w['waived']}：{c['waiver_reason']}" + (f"（{w['by']} {who}）" if who else ""))
        message = "\n".join(p for p in parts if p)
        out.append(command(level, message, file=row.doc.path, line=line, endLine=end_line, col=col,
                           endColumn=end_col, title=title))
    for doc in report.documents:
        if doc.error is not None:
            out.append(command("error", doc.error.message, file=doc.path, title=w["unreadable"]))
    return "".join(line + "\n" for line in out)
