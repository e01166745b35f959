"""Fingerprints survive edits elsewhere and change with the figure."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor.fingerprint import fingerprint, fingerprints, sentence_words
from auditor.pipeline import audit_text

BAD = "受理办件37116件，办结37082件，按时办结率99.98%。"


def _fps(text: str) -> list[str]:
    return [f.fingerprint for f in audit_text(text).findings]


def test_a_finding_has_a_fingerprint():
    fps = _fps(BAD)
    assert fps and all(len(fp) == 16 for fp in fps)


def test_a_paragraph_added_elsewhere_keeps_it():
    assert _fps("前言部分说明了2024年的总体情况。\n" + BAD + "\n其他工作稳步推进。") == _fps(BAD)


def test_changing_the_flagged_figure_changes_it():
    assert _fps(BAD) != _fps(BAD.replace("99.98%", "99.97%"))


def test_identical_findings_are_told_apart():
    fps = fingerprints("a。a。", [("R201", 0, 1, "a"), ("R201", 2, 3, "a")])
    assert fps[0] != fps[1] and fps[1] == fps[0] + "#2"


@given(st.text(max_size=200), st.text(max_size=200))
def test_sentence_words_ignore_other_sentences(before: str, after: str):
    core = "化解率为95.6%"
    text = before + "。" + core + "。" + after
    start = len(before) + 1
    assert sentence_words(text, start, start + len(core)) == sentence_words(core, 0, len(core))


def test_fingerprint_depends_on_code():
    assert fingerprint("R201", "1%", "x") != fingerprint("R202", "1%", "x")
