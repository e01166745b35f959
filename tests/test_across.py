"""C503: a prior-period figure restated by a later report against the earlier report of the series."""
from __future__ import annotations

from auditor.across import cross_findings, title_of
from auditor.pipeline import audit_text

EARLIER = "东棘坨镇2023年法治政府建设情况报告\n全年受理行政复议案件358件，办结350件。受理信访案件120件。"
LATER = ("东棘坨镇2024年法治政府建设情况报告\n全年受理行政复议案件412件（2023年{prior}件），办结400件。"
         "去年同期受理信访案件{letters}件。")


def _run(later: str, earlier: str = EARLIER) -> list[tuple[str, str]]:
    results = [audit_text(later, "2024.txt"), audit_text(earlier, "2023.txt")]
    return [(path, f.text) for path, fs in cross_findings(results).items() for f in fs]


def test_a_restated_prior_figure_that_differs_is_flagged():
    assert _run(LATER.format(prior=355, letters=120)) == [("2024.txt", "355件")]


def test_the_finding_quotes_the_earlier_report():
    results = [audit_text(LATER.format(prior=355, letters=120), "2024.txt"), audit_text(EARLIER, "2023.txt")]
    (f,) = cross_findings(results)["2024.txt"]
    assert f.code == "C503" and f.severity.value == "warning"
    assert "2023.txt 第2行" in f.message and "358件" in f.message
    assert f.line == 2 and len(f.fingerprint) == 16


def test_agreeing_figures_give_nothing():
    assert _run(LATER.format(prior=358, letters=120)) == []


def test_each_restated_metric_is_compared_with_its_own_subject():
    assert _run(LATER.format(prior=358, letters=121)) == [("2024.txt", "121件")]


def test_another_series_is_not_compared():
    other = EARLIER.replace("东棘坨镇", "西棘坨镇")
    assert _run(LATER.format(prior=355, letters=1), other) == []


def test_reports_not_of_successive_years_are_not_compared():
    assert _run(LATER.format(prior=355, letters=1), EARLIER.replace("2023年", "2021年")) == []


def test_an_earlier_report_with_two_values_for_the_metric_is_not_used():
    earlier = EARLIER + "\n全年受理行政复议案件360件。"
    assert _run(LATER.format(prior=355, letters=120), earlier) == []


def test_two_reports_for_one_year_are_ambiguous():
    results = [audit_text(LATER.format(prior=355, letters=120), "2024.txt"), audit_text(EARLIER, "2023a.txt"),
               audit_text(EARLIER, "2023b.txt")]
    assert cross_findings(results) == {}


def test_titles():
    assert title_of("东棘坨镇2023年法治政府建设情况报告\n正文") is not None
    assert title_of("第三师五十团夏河镇法治政府建设工作报告\n（2023年度）\n").year == 2023  # type: ignore[union-attr]
    assert title_of("政府工作报告\n——2026年1月26日在第十四届人民代表大会第五次会议上\n") is None  # no place
    assert title_of("全年受理行政复议案件358件，办结350件。") is None  # no title


def test_with_cross_findings_adds_to_the_later_report_and_respects_ignore():
    from auditor.across import with_cross_findings

    results = [audit_text(LATER.format(prior=355, letters=120), "2024.txt"), audit_text(EARLIER, "2023.txt")]
    out = with_cross_findings(results)
    assert [f.code for f in out[0].findings if f.code == "C503"] == ["C503"]
    assert out[1].findings == results[1].findings
    assert with_cross_findings(results, ignore=("C5",))[0].findings == results[0].findings
    assert with_cross_findings(results, select=("R2",))[0].findings == results[0].findings
