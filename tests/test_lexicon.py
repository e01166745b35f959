"""The lexicons load, validate, and agree with what the extractor assumes of them."""
from __future__ import annotations

import tomllib
from collections import Counter
from importlib import resources
from typing import Any

import pytest

import auditor.lexicon as L
from auditor.extract import AFTER_QUALIFIERS, NUMERAL_CHARS
from auditor.lexicon import BOUNDS, KINDS, lexicon


def raw(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("auditor.lexicon").joinpath("zh", name).read_text(encoding="utf-8"))


def test_loads_with_every_kind() -> None:
    lex = lexicon()
    assert set(lex.units.values()) == set(KINDS)
    assert lex.max_unit == max(map(len, lex.units))
    assert lex.idioms


def test_no_unit_listed_twice_or_under_two_kinds() -> None:
    doc = raw("units.toml")
    counts = Counter(u for kind, table in doc.items() if kind not in ("spelling", "per") for u in table["units"])
    assert [u for u, n in counts.items() if n > 1] == []


def test_each_spelling_names_a_unit_of_its_own_kind() -> None:
    lex = lexicon()
    assert lex.spelling["m3"] == lex.spelling["m³"] == "立方米"
    assert all(lex.units[a] == lex.units[b] for a, b in lex.spelling.items())


@pytest.mark.parametrize(("unit", "kind"), [
    ("件", "count"), ("人次", "count"), ("起", "count"), ("篇", "count"), ("元", "money"), ("美元", "money"),
    ("亩", "measure"), ("平方米", "measure"), ("岁", "measure"), ("倍", "multiple"), ("個", "count"),
])
def test_unit_kinds(unit: str, kind: str) -> None:
    assert lexicon().units[unit] == kind


def test_money_and_count_are_disjoint() -> None:
    units = lexicon().units
    money = {u for u, k in units.items() if k == "money"}
    count = {u for u, k in units.items() if k == "count"}
    assert money and count and not money & count


def test_qualifier_bounds() -> None:
    lex = lexicon()
    for table in (lex.before, lex.after, lex.inner):
        assert table and set(table.values()) <= set(BOUNDS)
    assert lex.bound("不足") == "upper" and lex.bound("以上") == "lower" and lex.bound("余") == "approx"


def test_after_qualifiers_read_by_the_extractor_are_in_the_lexicon() -> None:
    assert set(AFTER_QUALIFIERS) <= set(lexicon().after)


def test_no_qualifier_is_a_unit() -> None:
    lex = lexicon()
    assert not (set(lex.before) | set(lex.after) | set(lex.inner)) & set(lex.units)


def test_idioms_are_unique_and_each_hides_a_numeral_or_a_unit() -> None:
    lex = lexicon()
    assert len(set(lex.idioms)) == len(lex.idioms)
    for w in lex.idioms:
        assert any(c in NUMERAL_CHARS for c in w) or w[0] in lex.units, w


@pytest.mark.parametrize(("name", "doc", "message"), [
    ("units.toml", {"count": {"units": ["件"]}, "weight": {"units": ["斤"]}}, "unknown kind"),
    ("units.toml", {"count": {"units": ["元"]}, "money": {"units": ["元"]}}, "listed as count and money"),
    ("units.toml", {"count": {"units": ["件", "件"]}}, "listed twice"),
    ("units.toml", {"count": {"units": [""]}}, "empty"),
    ("units.toml", {"measure": {"units": ["m3"]}, "spelling": {"m3": "立方米"}}, "needs both listed"),
    ("units.toml", {"measure": {"units": ["m3"]}, "count": {"units": ["件"]}, "spelling": {"m3": "件"}},
     "of one kind"),
    ("units.toml", {"count": {"units": ["件"]}, "per": {"units": [" 月"]}}, r"\[per\]"),
    ("qualifiers.toml", {"before": {"约": "roughly"}, "after": {}, "inner": {}}, "unknown bound"),
    ("idioms.toml", {"words": ["统一", "统一"]}, "duplicate"),
    ("idioms.toml", {"words": ["一"]}, "single character"),
])
def test_invalid_lexicons_are_refused(monkeypatch: pytest.MonkeyPatch, name: str, doc: dict[str, Any],
                                      message: str) -> None:
    real = L._read
    monkeypatch.setattr(L, "_read", lambda n: doc if n == name else real(n))
    with pytest.raises(ValueError, match=message):
        lexicon.__wrapped__()


def test_guarded_markers_do_not_match_inside_their_compounds() -> None:
    import re

    from auditor.lexicon import claim_words

    marks = re.compile(claim_words().guarded("total.markers", "total.compounds"))
    for word in ("公共安全", "共享单车", "中共中央", "总书记", "应急管理局", "供应"):
        assert marks.search(word) is None, word
    for word in ("共受理", "全年共收到", "总收入", "应办结", "合计"):
        assert marks.search(word) is not None, word


def test_guarded_alternations_are_the_same_text_in_every_run() -> None:
    # the pattern cache keys compiled patterns by their text: a text that changed with the hash seed would be
    # compiled (and the cache rewritten) on every run
    import os
    import subprocess
    import sys

    code = "from auditor.lexicon import claim_words; print(claim_words().guarded('total.markers', 'total.compounds'))"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1
