"""A figure-less direction (有所下降) right after a level and the prior it is compared with."""
from __future__ import annotations

import pytest

from auditor import audit_text


def directions(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.status, c.expression, c.code) for c in audit_text(text).claims
            if c.kind == "growth" and not any(ch.isdigit() for ch in c.claimed)]


def loud(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity.value in ("error", "warning")]


@pytest.mark.parametrize("text", [
    "全年受理案件120件,比上年的150件有所下降。",
    "受理案件120件(去年同期150件),有所下降。",
    "办结信访事项120件,与2022年的150件相比,明显减少。",
])
def test_stated_direction_pass(text: str) -> None:
    assert directions(text) == [("consistent", "(120-150)/150", None)]
    assert not loud(text)


@pytest.mark.parametrize("text", [
    "全年受理案件120件,比上年的150件有所上升。",
    "受理案件120件(去年同期150件),有所上升。",
])
def test_stated_direction_fail(text: str) -> None:
    assert directions(text) == [("inconsistent", "(120-150)/150", "G303")]
    assert "G303" in loud(text)


@pytest.mark.parametrize("text", [
    "受理案件120件,其中刑事案件比上年的150件有所下降。",  # the prior is another item's
    "受理案件1.2万件,比上年的1.5亿件有所下降。",  # another magnitude: a slip the direction cannot settle
    "受理案件120件,比上年的150人有所下降。",  # another unit
    "受理案件120件,比上年的150件有所下降,减少30件。",  # the figure after states the change: its own claim
])
def test_stated_direction_chance_pairing(text: str) -> None:
    assert directions(text) == []
    assert "G303" not in loud(text)
