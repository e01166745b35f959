"""Every stage is linear in the text: the work on 4x a pathological text is at most about 4x.

Work is counted, not timed, so the test cannot be flaky: the number of Python function calls an
audit makes (cProfile's count) on a text of n and of 4n characters. A scan over every earlier figure,
a `list.index` or a walk of a whole list per member of it, shows as calls that grow with the square
of the text. Time itself is measured by benchmarks/bench_pathological.py, which prints the table.
"""
from __future__ import annotations

import cProfile
import pstats
import sys
from pathlib import Path

import pytest

from auditor import audit_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_pathological import CASES  # noqa: E402

#: 1.25 x linear: a window that is not yet full at n characters costs a little more at 4n
SLACK = 1.25


def calls(text: str) -> int:
    prof = cProfile.Profile()
    prof.enable()
    audit_text(text)
    prof.disable()
    return pstats.Stats(prof).total_calls  # type: ignore[attr-defined,no-any-return]


def setup_module() -> None:
    audit_text("全市共3项，其中A 1项、B 2项，增长5.5%。")  # imports and compiled patterns, once


#: the 1x size of each case: large enough that its windows (80 figures, 60 per item) are full at 1x
SIZES = {"no_sentence_end": 3000, "breakdown_rounded": 500}


@pytest.mark.parametrize("case", sorted(set(CASES) - {"seeds_joined"}))
def test_work_grows_linearly(case: str) -> None:
    n = SIZES.get(case, 1000)
    small, large = calls(CASES[case](n)), calls(CASES[case](4 * n))
    assert large <= 4 * SLACK * small, f"{case}: {small} calls at {n:,d} characters, {large} at {4 * n:,d}"


def test_seeds_joined_grow_linearly() -> None:
    """A long report (the seeds joined, as a text near the loader's size limit would be) costs its length."""
    small, large = calls(CASES["seeds_joined"](20_000)), calls(CASES["seeds_joined"](80_000))
    assert large <= 4 * SLACK * small


def test_counter_sees_quadratic_work() -> None:
    """The measure itself: a per-figure scan of every earlier figure is caught."""
    def quadratic(text: str) -> None:
        figures = list(range(len(text) // 10))
        for i in range(len(figures)):
            for j in range(i):
                abs(j)

    def count(text: str) -> int:
        prof = cProfile.Profile()
        prof.enable()
        quadratic(text)
        prof.disable()
        return pstats.Stats(prof).total_calls  # type: ignore[attr-defined,no-any-return]

    assert count("x" * 4800) > 4 * SLACK * count("x" * 1200)


def test_segment_cuts_a_clause_with_no_separator() -> None:
    from auditor.segment import CLAUSE_MAX, segment

    seg = segment("12.5%" * 400)  # 2,000 characters, not one separator
    assert len(seg.clauses) >= 2000 // CLAUSE_MAX
    assert all(c.end - c.start <= CLAUSE_MAX + 5 for c in seg.clauses)
    assert all(c.start % 5 == 0 for c in seg.clauses)  # cut after a figure, never inside 12.5%
    digits = segment("1" * 2000)  # no figure ends: cut anyway, at twice the length
    assert all(c.end - c.start <= 2 * CLAUSE_MAX for c in digits.clauses)


def test_segment_keeps_report_clauses_whole() -> None:
    from auditor.segment import segment

    text = "全市" + "规模以上工业增加值" * 30 + "增长5.5%，其中制造业增长6.1%。"
    seg = segment(text)
    assert [text[c.start:c.end] for c in seg.clauses][-1] == "其中制造业增长6.1%。"
    assert len(seg.clauses) == 2


def test_bench_prints_its_table() -> None:
    import subprocess

    bench = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_pathological.py"
    out = subprocess.run([sys.executable, str(bench), "--size", "200", "--case", "table", "--repeat", "1"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    rows = [line.split() for line in out.splitlines()[1:]]
    assert [r[0] for r in rows] == ["table"] * 3
    assert [r[-1] for r in rows][0] == "1.00" and all(float(r[-2]) >= 0 for r in rows)
