"""The pipeline never crashes, and every span it returns indexes the text it was given.

Contract (SPEC.md, DESIGN.md §2): offsets are half-open `str` indices into the text as given.
A quantity's and an operand's `text` is exactly `text[start:end]`; a claim's or a finding's span
covers its whole claim (化解率为95.6%, a total and its parts), and its `text` is the figure
as written, found inside that span.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import DocumentResult, audit_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What reports are made of: digits (ASCII and full-width), Chinese numerals and magnitudes,
# measure words, rate and growth words, qualifiers and punctuation.
REPORT_ALPHABET = (
    "0123456789０１２３４５６７８９.．%％‰"
    "零〇一二两三四五六七八九十百千万亿"
    "件起项人次篇条份名个场元亩倍率占比同较上年增长下降减少增加提高个百分点"
    "共其中其他分别均全部达以上超过不足约近余多左右第号团"
    "，,。；;：:、（）()“”《》+-—·/ \n\t"
)
report_text = st.text(alphabet=REPORT_ALPHABET, max_size=200)
any_text = st.text(max_size=200)
def audit_checked(text: str) -> None:
    check_spans(text, audit_text(text))


def check_spans(text: str, r: DocumentResult) -> None:
    n = len(text)
    assert r.chars == n
    for q in r.quantities:
        assert 0 <= q.start < q.end <= n, q
        assert q.text == text[q.start:q.end], q
    for c in r.claims:
        assert 0 <= c.start < c.end <= n, c
        assert c.text == text[c.start:c.end], c
        assert c.status in ("consistent", "inconsistent", "borderline", "unverifiable"), c
        for o in c.operands:
            assert 0 <= o.start < o.end <= n, o
            assert o.text == text[o.start:o.end], o
    for f in r.findings:
        assert 0 <= f.start < f.end <= n, f
        assert f.text == text[f.start:f.end], f
        assert f.severity.value in ("error", "warning", "info"), f
        line = text.count("\n", 0, f.start) + 1
        column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        assert (f.line, f.column) == (line, column), f


def test_empty_text() -> None:
    r = audit_text("")
    assert (r.quantities, r.claims, r.findings) == ((), (), ())
    assert r.error is None


@pytest.mark.parametrize("text", [" ", "\n", "\ufeff", "。", "%", "0", "率", "其中", "共0件，其中", "增长%",
                                  "办结率", "共受理0件，办结0件，办结率0%", "同比（0件）增加0件，增长0%",
                                  "1" * 18, "１" * 18, "一" * 400, "％" * 50, "1." * 100, "1 " * 100])
def test_degenerate_texts(text: str) -> None:
    check_spans(text, audit_text(text))


@SETTINGS
@given(any_text)
def test_any_text_never_raises(text: str) -> None:
    audit_checked(text)


@SETTINGS
@given(report_text)
def test_report_like_text_never_raises(text: str) -> None:
    audit_checked(text)


@SETTINGS
@given(st.lists(st.sampled_from([
    "共受理信访事项45件", "办结43件", "办结率95.6%", "同比2022年（214件）", "增加122件", "增长57%",
    "其中：许可20项、处罚30项、其他50项", "胜诉率达到66.6", "由90.5%提高到95.2%", "提高4.7个百分点",
    "87.5余万人次", "1.8万亩", "12345政务服务热线", "“1+4+X”学法清单", "106团2022年", "均胜诉",
]), max_size=12), st.lists(st.sampled_from(["，", "。", "；", "、", "\n", ""]), min_size=12, max_size=12))
def test_report_fragments_never_raise(pieces: list[str], seps: list[str]) -> None:
    text = "".join(p + s for p, s in zip(pieces, seps, strict=False))
    audit_checked(text)


def test_spans_on_a_real_paragraph() -> None:
    text = ("截至目前，我镇共办结信访件52件，信访代办189件，信访办结率100%，初访回流率5.8%，"
            "共调解各类矛盾纠纷45起。\n化解43起，化解率为95.6%，团场应诉的3起案件均,胜诉率达到66.6")
    r = audit_text(text)
    check_spans(text, r)
    assert r.quantities and r.claims and r.findings


def test_long_digit_run_is_fast() -> None:
    """A 32-digit run (an account or serial number) must not hang the extractor."""
    code = "from auditor import audit_text; audit_text('账号' + '1' * 32 + '。')"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=5)
