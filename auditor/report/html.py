"""`--format html`: one standalone page (inline CSS, no scripts, no external assets).

Everything taken from a document is escaped: report text is data, never markup.
"""
from __future__ import annotations

from html import escape

from auditor.model import DocumentResult, Report
from auditor.report.common import (
    Lines,
    claim_arithmetic,
    claim_counts,
    finding_arithmetic,
    finding_position,
    fmt_number,
    message_for,
    sentence_context,
    sorted_findings,
    unreadable_count,
)
from auditor.report.i18n import rule_summary, strings

CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
mark{background:#fff3b0;font-weight:600;padding:0 .1em}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#0969da}
.arith{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
.msg{color:#57606a}.ok{color:#1a7f37}.docerror{color:#cf222e;font-weight:600}
.summary td,.summary th{border:none;padding:.1rem .8rem .1rem 0}
ul.claims{list-style:none;padding-left:0}ul.claims li{margin:.15rem 0}
"""


def _summary(report: Report, t: dict[str, str]) -> str:
    s = report.summary
    rows: list[tuple[str, int | str]] = [(t["documents"], s["documents"]),
                                         (t["unreadable"], unreadable_count(report))]
    if report.mode == "extract":
        rows.append((t["quantities"], sum(len(d.quantities) for d in report.documents)))
    else:
        cc = claim_counts(report)
        rows += [(t["errors"], s["errors"]), (t["warnings"], s["warnings"]), (t["infos"], s["infos"]),
                 (t["quantities"], sum(len(d.quantities) for d in report.documents)),
                 (t["claims"], " / ".join(f"{t[k]} {cc[k]}" for k in
                                          ("consistent", "inconsistent", "borderline", "unverifiable"))),
                 (t["repeats"], cc["repeat"])]
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows)
    return f'<table class="summary">{body}</table>'


def _findings(doc: DocumentResult, lang: str, t: dict[str, str]) -> str:
    if not doc.findings:
        return f"<p>{escape(t['no_findings'])}</p>"
    lines = Lines(doc.text)
    out = [f"<table><thead><tr><th>{escape(t['code'])}</th><th>{escape(t['severity'])}</th>"
           f"<th>{escape(t['location'])}</th><th>{escape(t['text'])}</th><th>{escape(t['arithmetic'])}</th>"
           f"<th>{escape(t['message'])}</th></tr></thead><tbody>"]
    for f in sorted_findings(doc):
        line, col = finding_position(f, lines)
        ctx, a, b = sentence_context(doc.text, f.start, f.end)
        sev = f.severity.value
        out.append(
            f'<tr><td title="{escape(rule_summary(f.code, lang))}">{escape(f.code)}</td>'
            f'<td class="sev-{sev}">{escape(t[sev])}</td><td>{line}:{col}</td>'
            f"<td>{escape(ctx[:a])}<mark>{escape(ctx[a:b])}</mark>{escape(ctx[b:])}</td>"
            f'<td class="arith">{escape(finding_arithmetic(f, doc))}</td>'
            f'<td class="msg">{escape(message_for(f, lang))}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _claims(doc: DocumentResult, t: dict[str, str]) -> str:
    ok = sorted((c for c in doc.claims if c.status == "consistent"), key=lambda c: c.start)
    out = []
    if ok:
        out.append(f"<h3>{escape(t['verified'])} ({len(ok)})</h3><ul class=\"claims\">")
        out.extend(f'<li><span class="ok">✓</span> {escape(c.text)} '
                   f'<span class="arith">{escape(claim_arithmetic(c))}</span></li>' for c in ok)
        out.append("</ul>")
    n = sum(1 for c in doc.claims if c.status == "unverifiable")
    if n:
        out.append(f'<p class="msg">{escape(t["unverifiable_note"].format(n=n))}</p>')
    return "".join(out)


def _quantities(doc: DocumentResult, t: dict[str, str]) -> str:
    if not doc.quantities:
        return f"<p>{escape(t['no_quantities'])}</p>"
    lines = Lines(doc.text)
    head = "".join(f"<th>{escape(t[k])}</th>" for k in ("location", "text", "value", "unit", "kind", "approx",
                                                        "decimals"))
    rows = []
    for q in doc.quantities:
        line, col = lines.line_col(q.start)
        value = fmt_number(q.value) + ("–" + fmt_number(q.high) if q.high is not None else "")
        cells = (f"{line}:{col}", q.text, value, q.unit, q.kind, q.approx or "", str(q.decimals))
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    t = strings(lang)
    title = t["extract_title"] if report.mode == "extract" else t["title"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        _summary(report, t),
    ]
    for doc in report.documents:
        parts.append(f"<section><h2>{escape(doc.path)}</h2>")
        if doc.error is not None:
            parts.append(f'<p class="docerror">{escape(t["doc_error"].format(reason=doc.error.message))}</p>')
        elif report.mode == "extract":
            parts.append(_quantities(doc, t))
        else:
            parts.append(_findings(doc, lang, t))
            parts.append(_claims(doc, t))
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
