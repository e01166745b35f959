"""The terminal report: per document, its findings with the figure shown in its
sentence and the arithmetic that proves the point, then the claims that check
out; a summary panel closes the report, where the eye lands after scrolling.

Rendered to a string through a rich Console; colours come from theme names and
disappear entirely when `color` is false. Without colour, the figure is set off
with 「」 so a log or a pasted report still shows which number is meant.
"""
from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING

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
from auditor.report.i18n import error_reason, strings

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

STYLES = {
    "severity.error": "bold red",
    "severity.warning": "yellow",
    "severity.info": "cyan",
    "auditor.path": "bold blue",
    "auditor.code": "bold",
    "auditor.figure": "bold underline magenta",
    "auditor.arith": "bold",
    "auditor.message": "default",
    "auditor.muted": "dim",
    "auditor.ok": "green",
    "auditor.docerror": "bold red",
    "auditor.waived": "italic cyan",
    "auditor.status": "bold",
}
#: Longest claim text (in terminal cells) shown on a ✓ line.
CLAIM_CELLS = 48


def _clip(text: str, cells: int) -> str:
    from rich.cells import cell_len

    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > cells - 1:
            break
        out += ch
    return out + "…"


def _context(doc: DocumentResult, start: int, end: int, color: bool) -> Text:
    from rich.text import Text

    ctx, a, b = sentence_context(doc.text, start, end)
    if not color:
        ctx = ctx[:a] + "「" + ctx[a:b] + "」" + ctx[b:]
        b += 2
    text = Text(ctx)
    text.stylize("auditor.figure", a, b)
    return text


def _findings_table(doc: DocumentResult, lang: str, color: bool, waived: bool = False) -> RenderableType:
    """The document's open findings, or (waived=True) the waived ones, each with its waiver."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = strings(lang)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, pad_edge=False, header_style="bold")
    table.add_column(t["code"], no_wrap=True, style="auditor.code")
    table.add_column(t["severity"], no_wrap=True)
    table.add_column(t["location"], no_wrap=True, justify="right")
    table.add_column(t["context"], ratio=1, overflow="fold")
    lines = Lines(doc.text)
    for f in sorted_findings(doc):
        if (f.waiver is not None) != waived:
            continue
        line, col = finding_position(f, lines)
        sev = f.severity.value
        cell = _context(doc, f.start, f.end, color)
        arith = finding_arithmetic(f, doc)
        if arith:
            cell.append("\n")
            cell.append(arith, style="auditor.arith")
        message = message_for(f, lang)
        if message:
            cell.append("\n")
            cell.append(message, style="auditor.message")
        if f.waiver is not None:
            cell.append("\n")
            cell.append(t["waived_by"].format(who=f.waiver.who, date=f.waiver.date, why=f.waiver.why),
                        style="auditor.waived")
        if f.fingerprint:  # what a waiver or a baseline names
            cell.append("\n")
            cell.append(f"{t['fingerprint']} {f.fingerprint}", style="auditor.muted")
        sev_cell = Text(t[sev], style="auditor.muted" if waived else f"severity.{sev}")
        table.add_row(f.code, sev_cell, f"{line}:{col}", cell)
    return table


def _doc_findings(doc: DocumentResult, lang: str, color: bool) -> list[RenderableType]:
    """Open findings first; waived findings apart, under their own heading, never dropped."""
    from rich.text import Text

    t = strings(lang)
    n_waived = sum(1 for f in doc.findings if f.waiver is not None)
    out: list[RenderableType] = []
    if len(doc.findings) > n_waived:
        out.append(_findings_table(doc, lang, color))
    else:
        out.append(Text(t["no_findings"]))
    if n_waived:
        out.append(Text(f"{t['waived']} ({n_waived})", style="bold"))
        out.append(_findings_table(doc, lang, color, waived=True))
    return out


def overview_rows(report: Report) -> list[tuple[str, int, int, int, str]]:
    """Per document: path, open errors, open warnings, claims recomputed, why it was not read ("" if read)."""
    rows = []
    for d in report.documents:
        errors = sum(1 for f in d.findings if f.waiver is None and f.severity.value == "error")
        warnings = sum(1 for f in d.findings if f.waiver is None and f.severity.value == "warning")
        recomputed = sum(1 for c in d.claims if c.kind != "repeat" and c.status != "unverifiable")
        rows.append((d.path, errors, warnings, recomputed, "" if d.error is None else d.error.code))
    return rows


def _overview(report: Report, lang: str) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = strings(lang)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", title=t["overview"],
                  title_justify="left", title_style="bold")
    table.add_column(t["document"], overflow="fold", ratio=1)
    for key in ("errors", "warnings", "recomputed"):
        table.add_column(t[key], justify="right", no_wrap=True)
    table.add_column(t["unread"], no_wrap=True)
    for path, errors, warnings, recomputed, unread in overview_rows(report):
        table.add_row(Text(path, style="auditor.path"),
                      Text(str(errors), style="severity.error" if errors else "auditor.muted"),
                      Text(str(warnings), style="severity.warning" if warnings else "auditor.muted"),
                      str(recomputed) if not unread else "",
                      Text("✗ " + unread, style="auditor.docerror") if unread else "")
    return table


def _claims(doc: DocumentResult, lang: str) -> list[RenderableType]:
    from rich.text import Text

    t = strings(lang)
    out: list[RenderableType] = []
    # a figure stated twice is bookkeeping, not a verification worth a line of its own
    ok = sorted((c for c in doc.claims if c.status == "consistent" and c.kind != "repeat"), key=lambda c: c.start)
    if ok:
        out.append(Text(f"{t['verified']} ({len(ok)})", style="bold"))
        for c in ok:
            line = Text("✓ ", style="auditor.ok")
            line.append(_clip(c.detail.get("figure", c.text), CLAIM_CELLS))
            arith = claim_arithmetic(c)
            if arith:
                line.append("  ")
                line.append(arith, style="auditor.muted")
            out.append(line)
    n = sum(1 for c in doc.claims if c.status == "unverifiable")
    if n:
        out.append(Text(t["unverifiable_note"].format(n=n), style="auditor.muted"))
    return out


def _quantities_table(doc: DocumentResult, lang: str) -> RenderableType:
    from rich import box
    from rich.table import Table

    t = strings(lang)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    table.add_column(t["location"], no_wrap=True, justify="right")
    for key in ("text", "value", "unit", "kind", "approx"):
        table.add_column(t[key], overflow="fold")
    table.add_column(t["decimals"], justify="right")
    lines = Lines(doc.text)
    for q in doc.quantities:
        line, col = lines.line_col(q.start)
        value = fmt_number(q.value) + ("–" + fmt_number(q.high) if q.high is not None else "")
        if not q.is_quantity:  # a year or a list marker has no value worth showing
            value = ""
        table.add_row(f"{line}:{col}", q.text, value, q.unit, q.kind, q.approx or "", str(q.decimals),
                      style=None if q.is_quantity else "auditor.muted")
    return table


def _doc_counts(doc: DocumentResult, report: Report, lang: str) -> Text:
    from rich.text import Text

    t = strings(lang)
    counts = Report((doc,), report.mode).summary
    text = Text()
    if report.mode == "extract":
        text.append(f"{t['quantities']} {len(doc.quantities)}", style="auditor.muted")
        return text
    for key in ("errors", "warnings", "infos"):
        n = counts[key]
        style = {"errors": "severity.error", "warnings": "severity.warning", "infos": "severity.info"}[key]
        text.append(f"{t[key]} {n}", style=style if n else "auditor.muted")
        text.append(" · ", style="auditor.muted")
    text.append(f"{t['quantities']} {len(doc.quantities)} · {t['claims']} {len(doc.claims)}", style="auditor.muted")
    return text


def _summary(report: Report, lang: str) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table

    t = strings(lang)
    s = report.summary
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row(t["documents"], f"{s['documents']}  ({t['unreadable']} {unreadable_count(report)})")
    grid.add_row(t["quantities"], str(sum(len(d.quantities) for d in report.documents)))
    if report.mode != "extract":
        grid.add_row(t["errors"], str(s["errors"]), style="severity.error" if s["errors"] else None)
        grid.add_row(t["warnings"], str(s["warnings"]), style="severity.warning" if s["warnings"] else None)
        grid.add_row(t["infos"], str(s["infos"]))
        cc = claim_counts(report)
        grid.add_row(t["claims"], f"{sum(cc.values()) - cc['repeat']}: " + ", ".join(
            f"{t[k]} {cc[k]}" for k in ("consistent", "inconsistent", "borderline", "unverifiable")))
        grid.add_row(t["repeats"], str(cc["repeat"]))
        if "waived" in s:
            grid.add_row(t["waived"], str(s["waived"]))
        if s.get("waivers_unmatched"):
            grid.add_row(t["waivers_unmatched"], str(s["waivers_unmatched"]), style="severity.warning")
        if "baselined" in s:
            grid.add_row(t["baselined"], str(s["baselined"]))
    return Panel(grid, title=t["summary"], title_align="left", expand=False)


def render_to(console: Console, report: Report, lang: str = "zh", color: bool = False) -> None:
    """Print the report on an existing console (the CLI's, or a string buffer)."""
    from rich.rule import Rule
    from rich.text import Text

    t = strings(lang)
    if report.mode != "extract" and len(report.documents) > 1:
        console.print(_overview(report, lang))
        console.print()
    for doc in report.documents:
        console.print(Rule(Text(doc.path, style="auditor.path"), align="left"))
        if doc.error is not None:
            reason = error_reason(doc.error.code, doc.error.message, lang)
            console.print(Text("✗ " + t["doc_error"].format(reason=reason), style="auditor.docerror"))
            console.print()
            continue
        console.print(_doc_counts(doc, report, lang))
        if report.mode == "extract":
            console.print(_quantities_table(doc, lang) if doc.quantities else Text(t["no_quantities"]))
        else:
            for item in [*_doc_findings(doc, lang, color), *_claims(doc, lang)]:
                console.print(item)
        console.print()
    console.print(_summary(report, lang))


def preload() -> None:
    """Import what the report is drawn with (auditor.report.preload: while the workers audit)."""
    import rich.console
    import rich.panel
    import rich.rule
    import rich.table
    import rich.text
    import rich.theme  # noqa: F401


def make_console(file: StringIO, color: bool, width: int | None) -> Console:
    from rich.console import Console
    from rich.theme import Theme

    return Console(file=file, width=width or 100, color_system="auto" if color else None, force_terminal=color,
                   theme=Theme(STYLES), emoji=False, highlight=False, markup=False, legacy_windows=False,
                   no_color=not color, soft_wrap=False)


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None,
           status_line: str = "") -> str:
    """The report as text; `status_line` (what the exit status means) is its last line."""
    buf = StringIO()
    console = make_console(buf, color, width)
    render_to(console, report, lang, color)
    if status_line:
        from rich.text import Text

        console.print(Text(status_line, style="auditor.status"))
    return buf.getvalue()
