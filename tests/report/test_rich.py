"""The terminal report, rendered without colour at width 100 as a terminal would show it."""
from __future__ import annotations

import pytest
from msgspec.structs import replace

from auditor.model import DocumentResult, Finding, Report, Severity
from auditor.report import render
from auditor.report.common import sentence_context

from .conftest import build_document, build_error_document


def rich(report: Report, lang: str = "zh", color: bool = False, width: int | None = 100) -> str:
    out = render(report, "rich", lang=lang, color=color, width=width)
    assert isinstance(out, str)
    return out


def test_chinese_report(report: Report) -> None:
    out = rich(report)
    assert "\x1b[" not in out
    assert "reports/2023年报告.txt" in out
    assert "R201" in out and "错误" in out and "3:31" in out
    assert "「按时办结率99.98%」" in out  # the figure, set off without colour
    assert "受理<b>政务</b>&办件37116件" in out
    assert "37082/37116 = 99.91% ≠ 99.98%" in out
    assert "按时办结率99.98%高于办结件数与受理件数之比" in out
    assert "✓ 化解率为95.6%  43/45 = 95.56%" in out
    assert "满意率92%" not in out  # unverifiable claims are counted, not listed
    assert "另有 1 条表述无法核实" in out
    assert "missing.txt" in out and "无法读取：文件不存在（no such file）" in out
    for label in ("汇总", "文档", "错误", "警告", "提示", "数量", "一致 1", "不一致 1", "存疑 0", "无法核实 1"):
        assert label in out


def test_english_report(report: Report) -> None:
    out = rich(report, "en")
    assert "R201" in out and "error" in out and "3:31" in out
    assert "37082/37116 = 99.91% ≠ 99.98%" in out
    assert "the on-time rate 99.98% exceeds completed/received" in out
    assert "✓ 化解率为95.6%  43/45 = 95.56%" in out
    assert "could not be read: no such file" in out
    for label in ("Summary", "documents", "warnings", "consistent 1", "inconsistent 1", "unverifiable 1"):
        assert label in out
    assert "汇总" not in out


def test_lines_fit_the_width(report: Report) -> None:
    from rich.cells import cell_len

    for width in (100, 60):
        assert max(cell_len(line) for line in rich(report, width=width).splitlines()) <= width


def test_colour_comes_from_the_theme(report: Report) -> None:
    out = rich(report, color=True)
    assert "\x1b[" in out
    assert "「" not in out  # with colour, the figure is highlighted instead


def test_document_text_is_not_markup() -> None:
    text = "[bold]共45起[/bold]，化解43起，:smile: 化解率为95.6%。"
    start = text.index("化解率")
    f = Finding("R201", Severity.ERROR, start, len(text) - 1, text[start:-1], "[red]x[/red]")
    doc = DocumentResult("a.txt", "", len(text), text, findings=(f,))
    out = rich(Report((doc,)))
    assert "[bold]共45起[/bold]" in out and ":smile:" in out and "[red]x[/red]" in out


def test_no_findings_and_extract(extract_report: Report) -> None:
    doc = replace(build_document(), findings=(), claims=())
    out = rich(Report((doc,)))
    assert "未发现问题" in out and "✓" not in out
    out = rich(extract_report, "en")
    assert "87.5余万人次" in out and "875000" in out and "5–20" in out and "4:5" in out
    assert "errors" not in out


def test_error_only() -> None:
    out = rich(Report((build_error_document(),)))
    assert "✗ 无法读取：文件不存在（no such file）" in out and "无法读取 1" in out


def test_sentence_context_cuts_long_sentences() -> None:
    text = "前言。" + "甲" * 100 + "办结率99.98%" + "乙" * 100 + "。后记"
    start = text.index("办结率")
    ctx, a, b = sentence_context(text, start, start + 9)
    assert ctx[a:b] == "办结率99.98%"
    assert ctx.startswith("…") and ctx.endswith("…") and len(ctx) <= 82


def test_sentence_context_keeps_the_sentence() -> None:
    text = "第一句。\n第二句有45起，化解率95.6%；第三句"
    start = text.index("化解率")
    ctx, a, b = sentence_context(text, start, start + len("化解率95.6%"))
    assert ctx == "第二句有45起，化解率95.6%；" and ctx[a:b] == "化解率95.6%"


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 3), (5, 9), (9, 9)])
def test_sentence_context_at_the_edges(start: int, end: int) -> None:
    text = "受理45起\n化解43起"
    ctx, a, b = sentence_context(text, start, end)
    assert ctx[a:b] == text[start:end].replace("\n", " ")
