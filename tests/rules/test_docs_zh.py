"""Every rule page has a Chinese translation with the five sections, and `explain` shows it."""

from __future__ import annotations

import re

import pytest

from auditor.rules.docs import (
    LANG_SECTIONS,
    SECTIONS,
    known_codes,
    rule_doc,
    rule_section,
    rule_severity,
    rule_title,
    translated_codes,
    translated_doc,
)

ZH_SECTIONS = LANG_SECTIONS["zh"]
ZH_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
# Codes whose page is still English only (explain falls back to it): none left.
STILL_ENGLISH: frozenset[str] = frozenset()
HAN = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r"`([^`]*[\u4e00-\u9fff][^`]*)`")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def test_every_code_is_translated_or_listed_as_english() -> None:
    assert set(translated_codes("zh")) | STILL_ENGLISH == set(known_codes())
    assert not set(translated_codes("zh")) & STILL_ENGLISH
    assert set(translated_codes("zh")) <= set(known_codes())


def test_translated_codes_are_sorted_and_english_means_all() -> None:
    codes = translated_codes("zh")
    assert codes == tuple(sorted(codes))
    assert translated_codes("en") == known_codes()
    assert translated_codes("fr") == ()
    assert translated_codes("../zh") == ()


def test_section_headings_line_up_with_english() -> None:
    assert len(ZH_SECTIONS) == len(SECTIONS) == len(set(ZH_SECTIONS))
    assert LANG_SECTIONS["en"] == SECTIONS


@pytest.mark.parametrize("code", translated_codes("zh"))
def test_zh_title_line_names_the_code_and_rule(code: str) -> None:
    title = rule_doc(code, "zh").splitlines()[0]
    assert title.startswith(f"# {code} {rule_title(code)}（"), title
    assert HAN.search(title), title


@pytest.mark.parametrize("code", translated_codes("zh"))
def test_zh_severity_line_matches_spec(code: str) -> None:
    severity = rule_severity(code)  # the English page's, itself checked against SPEC
    lines = [line for line in rule_doc(code, "zh").splitlines() if line.startswith("级别：")]
    assert lines == [f"级别：{ZH_SEVERITY[severity]}（{severity}）"]


@pytest.mark.parametrize("code", translated_codes("zh"))
def test_zh_page_has_the_five_sections_in_order_and_non_empty(code: str) -> None:
    text = rule_doc(code, "zh")
    headings = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
    assert tuple(headings) == ZH_SECTIONS
    for heading in ZH_SECTIONS:
        body = rule_section(code, heading, "zh")
        assert body and HAN.search(body), f"{code}: empty section {heading!r}"


@pytest.mark.parametrize("code", translated_codes("zh"))
def test_zh_example_keeps_the_english_examples_text_and_figures(code: str) -> None:
    """The quoted Chinese passages of the example, and every figure in it, are kept as they are."""
    english = rule_section(code, "Example")
    chinese = rule_section(code, "示例", "zh")
    for quoted in QUOTED.findall(english):
        assert f"`{quoted}`" in chinese, (code, quoted)
    assert sorted(FIGURE.findall(english)) == sorted(FIGURE.findall(chinese)), code


@pytest.mark.parametrize("code", translated_codes("zh"))
def test_zh_page_keeps_every_quoted_chinese_term(code: str) -> None:
    english = rule_doc(code)
    chinese = rule_doc(code, "zh")
    quoted = (re.sub(r"\s*\n\s*", " ", q) for q in QUOTED.findall(english))  # a quote wrapped in two lines
    missing = [q for q in quoted if f"`{q}`" not in chinese]
    assert not missing, (code, missing)


def test_translated_doc_is_none_when_missing() -> None:
    assert translated_doc("X999", "zh") is None
    assert translated_doc("R201", "fr") is None
    assert translated_doc(" r201 ", "zh") == rule_doc("R201", "zh")
    with pytest.raises(KeyError):
        rule_doc("R201", "fr")
    with pytest.raises(KeyError):
        rule_doc("../R201", "zh")


def test_english_page_is_unchanged_by_default() -> None:
    assert rule_doc("R201").startswith("# R201 rate-mismatch\n\nSeverity: error\n")
    assert rule_doc("R201", "en") == rule_doc("R201")


def _explain(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from auditor import cli

    status = cli.main(["explain", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_explain_prints_chinese_by_default_and_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _explain(capsys, "R201")
    assert (status, err) == (0, "")
    assert out == rule_doc("R201", "zh")
    assert out.startswith("# R201 rate-mismatch（") and "## 检查什么\n" in out
    assert "What it checks" not in out
    status, out, err = _explain(capsys, "r201", "--lang", "en")
    assert (status, err) == (0, "")
    assert out == rule_doc("R201") and "## What it checks\n" in out
    assert not HAN.search(out.splitlines()[0])


def test_explain_falls_back_to_english_with_a_header(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.rules import docs

    monkeypatch.setattr(docs, "translated_doc", lambda code, lang: None)
    status, out, err = _explain(capsys, "R201")
    assert (status, err) == (0, "")
    assert out.startswith("# R201 rate-mismatch\n\n> **R201**：")
    assert "> 级别：错误\n" in out and "## What it checks\n" in out
