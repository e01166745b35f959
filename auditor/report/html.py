"""`--format html`: one self-contained page for supervisors (inline CSS and script, no network).

At the top, the totals and an overview of the documents with their counts (a
document that could not be read shows why); then every finding in one table that
sorts by any column and filters by code, severity and document, each with its
sentence (the figure highlighted), the arithmetic and its fingerprint; waived
findings in a table of their own, with who waived them, why and when; last, per
document, the claims that check out. Everything taken from a document is escaped:
report text is data, never markup.
"""
from __future__ import annotations

from html import escape
from pathlib import PurePath

from auditor.model import DocumentResult, Report
from auditor.report.common import Lines, claim_arithmetic, claim_counts, fmt_number, unreadable_count
from auditor.report.html_assets import CSS, JS
from auditor.report.i18n import error_reason, rule_summary, strings
from auditor.report.table import (
    DOCUMENT_COLUMNS,
    FindingRow,
    document_rows,
    finding_rows,
    headers,
    severity_label,
    split_waived,
)

LABELS = {
    "zh": {"overview": "文档概览", "findings": "问题清单", "waived": "已豁免的问题", "details": "各文档核对明细",
           "all": "全部", "search": "搜索", "shown": "显示 {shown} / {total} 条",
           "waived_note": "以下问题已由复核人豁免，仍列出以备查；所核数字改动后会重新报出。",
           "waived_by": "豁免人", "reason": "理由", "date": "日期", "fingerprint": "指纹", "location": "位置",
           "sentence": "原文语句（数字已标出）", "none": "无"},
    "en": {"overview": "Documents", "findings": "Findings", "waived": "Waived findings", "details": "Per document",
           "all": "all", "search": "search", "shown": "showing {shown} of {total}",
           "waived_note": "A reviewer waived these findings; they stay listed for the record and come back when "
                          "the figure changes.",
           "waived_by": "waived by", "reason": "reason", "date": "date", "fingerprint": "fingerprint",
           "location": "line:col", "sentence": "sentence (figure highlighted)", "none": "none"},
}
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


def _labels(lang: str) -> dict[str, str]:
    return LABELS["en" if lang == "en" else "zh"]


def _name(path: str) -> str:
    """The file name of a path, for a narrow column (the full path is the cell's title)."""
    return PurePath(path.replace("\\", "/")).name or path


def _doc_id(i: int) -> str:
    return f"doc-{i}"


def _cards(report: Report, t: dict[str, str], lab: dict[str, str]) -> str:
    items: list[tuple[str, str, int | str]] = [("", t["documents"], len(report.documents)),
                                               ("", t["unreadable"], unreadable_count(report))]
    if report.mode == "extract":
        items.append(("", t["quantities"], sum(len(d.quantities) for d in report.documents)))
    else:
        rows = document_rows(report)
        for key in ("errors", "warnings", "infos"):
            cls = {"errors": "error", "warnings": "warning"}.get(key, "")
            items.append((cls, t[key], sum(int(str(r[key])) for r in rows)))
        items.append(("", lab["waived"], sum(int(str(r["waived"])) for r in rows)))
        cc = claim_counts(report)
        items.append(("", t["claims"], " / ".join(f"{t[k]} {cc[k]}" for k in
                                                  ("consistent", "inconsistent", "borderline", "unverifiable"))))
        items.append(("", t["repeats"], cc["repeat"]))
    return '<div class="cards">' + "".join(
        f'<div class="card {cls}"><b>{escape(str(v))}</b>{escape(k)}</div>' for cls, k, v in items) + "</div>"


def _overview(report: Report, lang: str, lab: dict[str, str]) -> str:
    columns = DOCUMENT_COLUMNS if report.mode != "extract" else (
        DOCUMENT_COLUMNS[0], DOCUMENT_COLUMNS[1], DOCUMENT_COLUMNS[-2])
    keys = [k for k, _, _ in columns if k != "sha256"]
    names = [h for (k, _, _), h in zip(columns, headers(columns, lang), strict=True) if k != "sha256"]
    head = "".join(f"<th>{escape(h)}</th>" for h in names)
    body = []
    for i, row in enumerate(document_rows(report)):
        cells = []
        for k in keys:
            v = row[k]
            if k == "document":
                cells.append(f'<td><a class="doclink" href="#{_doc_id(i)}" data-filter-doc="{escape(str(v))}">'
                             f"{escape(str(v))}</a></td>")
            elif k == "unreadable":
                cells.append(f'<td class="docerror">{escape(str(v))}</td>')
            elif isinstance(v, int):
                cls = f' class="num sev-{k[:-1]}"' if k in ("errors", "warnings") and v else ' class="num"'
                cells.append(f"<td{cls}>{v}</td>")
            else:
                cells.append(f"<td>{escape(str(v))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<h2>{escape(lab['overview'])}</h2>"
            f'<table class="sortable" id="overview"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody>'
            "</table>")


def _row(r: FindingRow, lang: str, t: dict[str, str], waived: bool) -> str:
    c = r.cells
    sev = str(c["severity"])
    a, b = r.mark
    sentence = str(c["sentence"])
    line, col = int(str(c["line"])), int(str(c["column"]))
    cells = [
        f'<td class="docname" data-v="{escape(r.doc.path)}"><a class="doclink" title="{escape(r.doc.path)}" '
        f'data-filter-doc="{escape(r.doc.path)}">{escape(_name(r.doc.path))}</a></td>',
        f'<td class="num" data-v="{line * 1_000_000 + col}">{line}:{col}</td>',
        f'<td title="{escape(rule_summary(str(c["code"]), lang))}">{escape(str(c["code"]))}</td>',
        f'<td class="sev-{sev}" data-v="{SEVERITY_RANK.get(sev, 0)}">{escape(severity_label(sev, lang))}</td>',
        f'<td class="sentence">{escape(sentence[:a])}<mark>{escape(sentence[a:b])}</mark>{escape(sentence[b:])}</td>',
        f'<td class="arith">{escape(str(c["arithmetic"]))}</td>',
        f'<td class="msg">{escape(str(c["message"]))}</td>',
    ]
    if waived:
        cells += [f"<td>{escape(str(c['waived_by']))}</td>", f"<td>{escape(str(c['waiver_reason']))}</td>",
                  f'<td class="nowrap">{escape(str(c["waiver_date"]))}</td>']
    cells.append(f'<td class="fp">{escape(str(c["fingerprint"]))}</td>')
    attrs = (f'data-code="{escape(str(c["code"]))}" data-severity="{escape(sev)}" '
             f'data-doc="{escape(r.doc.path)}" data-fingerprint="{escape(str(c["fingerprint"]))}"')
    return f'<tr class="{"waived" if waived else "finding"}" {attrs}>' + "".join(cells) + "</tr>"


def _head(t: dict[str, str], lab: dict[str, str], waived: bool) -> str:
    names = [t["document"], lab["location"], t["code"], t["severity"], lab["sentence"], t["arithmetic"],
             t["message"]]
    if waived:
        names += [lab["waived_by"], lab["reason"], lab["date"]]
    names.append(lab["fingerprint"])
    return "<thead><tr>" + "".join(f"<th>{escape(n)}</th>" for n in names) + "</tr></thead>"


def _select(ident: str, label: str, values: list[tuple[str, str]], lab: dict[str, str]) -> str:
    options = f'<option value="">{escape(lab["all"])}</option>' + "".join(
        f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in values)
    return f'<label>{escape(label)} <select id="{ident}">{options}</select></label>'


def _findings(report: Report, lang: str, t: dict[str, str], lab: dict[str, str]) -> str:
    active, waived = split_waived(list(finding_rows(report, lang)))
    out = [f"<h2>{escape(lab['findings'])} ({len(active)})</h2>"]
    if not active:
        out.append(f"<p>{escape(t['no_findings'])}</p>")
    else:
        codes = sorted({str(r.cells["code"]) for r in active})
        sevs = [s for s in ("error", "warning", "info") if any(r.cells["severity"] == s for r in active)]
        docs = list(dict.fromkeys(r.doc.path for r in active))
        shown = lab["shown"].format(shown=f'<span id="f-shown">{len(active)}</span>', total=len(active))
        out.append(
            '<div class="filters" id="filters" hidden>'
            + _select("f-code", t["code"], [(c, f"{c} {rule_summary(c, lang)}") for c in codes], lab)
            + _select("f-severity", t["severity"], [(s, severity_label(s, lang)) for s in sevs], lab)
            + _select("f-doc", t["document"], [(d, d) for d in docs], lab)
            + f'<label>{escape(lab["search"])} <input id="f-q" type="search"></label>'
            + f"<span>{shown}</span></div>")
        out.append(f'<table class="sortable" id="findings">{_head(t, lab, False)}<tbody>'
                   + "".join(_row(r, lang, t, False) for r in active) + "</tbody></table>")
    if waived:
        out.append(f"<h2>{escape(lab['waived'])} ({len(waived)})</h2>"
                   f'<p class="msg">{escape(lab["waived_note"])}</p>'
                   f'<table class="sortable" id="waived">{_head(t, lab, True)}<tbody>'
                   + "".join(_row(r, lang, t, True) for r in waived) + "</tbody></table>")
    return "".join(out)


def _claims(doc: DocumentResult, t: dict[str, str]) -> str:
    ok = sorted((c for c in doc.claims if c.status == "consistent"), key=lambda c: c.start)
    out = []
    if ok:
        out.append(f"<details><summary>{escape(t['verified'])} ({len(ok)})</summary><ul class=\"claims\">")
        out.extend(f'<li><span class="ok">✓</span> {escape(c.text)} '
                   f'<span class="arith">{escape(claim_arithmetic(c))}</span></li>' for c in ok)
        out.append("</ul></details>")
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
    return f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    t = strings(lang)
    lab = _labels(lang)
    title = t["extract_title"] if report.mode == "extract" else t["title"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        _cards(report, t, lab),
        _overview(report, lang, lab),
    ]
    if report.mode != "extract":
        parts.append(_findings(report, lang, t, lab))
    parts.append(f"<h2>{escape(lab['details'])}</h2>")
    for i, doc in enumerate(report.documents):
        parts.append(f'<section id="{_doc_id(i)}"><h3>{escape(doc.path)}</h3>')
        if doc.error is not None:
            reason = error_reason(doc.error.code, doc.error.message, lang)
            parts.append(f'<p class="docerror">{escape(t["doc_error"].format(reason=reason))}</p>')
        elif report.mode == "extract":
            parts.append(_quantities(doc, t))
        else:
            parts.append(_claims(doc, t) or f'<p class="msg">{escape(lab["none"])}</p>')
        parts.append("</section>")
    parts.append(f"<script>{JS}</script>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
