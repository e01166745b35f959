"""auditor/cli_bodies.py: json rendered in the workers is the report rendered whole, byte for byte."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditor import cli
from auditor.across import compared, cross_findings, title_of, with_cross_findings
from auditor.batch import drive
from auditor.cli_bodies import CLAIM_COUNTS, Bodies, prerendered
from auditor.model import Report
from auditor.pipeline import run_path
from auditor.report.json import body_parts, render

# an invented series: the later report restates the prior year's figure differently (C503)
EARLIER = "青石镇2023年司法工作情况报告\n全年受理行政复议案件358件，办结350件。其中个人申请200件，企业申请158件。"
LATER = ("青石镇2024年司法工作情况报告\n全年受理行政复议案件412件（2023年355件），办结400件，"
         "结案率97.1%。比上年增长15.1%。")
OTHER = "纯文字说明，没有数字。\n"


def _files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("a2023.txt", EARLIER), ("b2024.txt", LATER), ("c.txt", OTHER)):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def _whole(paths: list[Path]) -> str:
    """The report rendered in this process from the full results (what the CLI did before)."""
    results = with_cross_findings([run_path(p) for p in paths])
    return render(Report(tuple(results)))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_cli_report_is_the_whole_report(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    paths = _files(tmp_path)
    out = tmp_path / "out.json"
    cli.main(["check", "--format", "json", "--no-config", "--jobs", jobs, "-o", str(out), *map(str, paths)])
    capsys.readouterr()
    got = out.read_text(encoding="utf-8")
    assert got == _whole(paths)
    data = json.loads(got)
    assert any(f["code"] == "C503" for d in data["documents"] for f in d["findings"])  # the batch's own finding
    assert data["summary"]["claims"] > 0 and data["documents"][0]["quantities"]


def test_the_slim_result_keeps_what_the_batch_reads(tmp_path: Path) -> None:
    path = _files(tmp_path)[1]
    full = run_path(path)
    (slim, counts, cross), parts = drive(prerendered(str(path), "check", (), ()))
    assert b"".join(parts).decode() == "".join(body_parts(full, "check"))
    title = title_of(full.text)
    assert title is not None and slim.claims == () and slim.quantities == compared(full.quantities, title.year)
    assert len(slim.quantities) < len(full.quantities)  # years, rates and the like are left in the body
    assert slim.findings == full.findings and slim.text == "" and slim.chars == full.chars
    assert cross is not None and cross.title == title and set(cross.lines) == {q.start for q in slim.quantities}
    summary = Report((full,)).summary
    assert counts == tuple(summary[k] for k in CLAIM_COUNTS)


def test_bodies_by_path_and_counts_summed() -> None:
    b = Bodies()
    try:
        b.add("x", [b"ab", b"c"], (1, 1, 0, 0))
        b.add("y", [b"de"], (2, 1, 1, 1))
        from auditor.model import DocumentResult

        assert b.body(DocumentResult("y", "", 0, "")) == b"de"
        assert b.body(DocumentResult("x", "", 0, "")) == b"abc"
        assert b.body(DocumentResult("z", "", 0, "")) is None  # not prerendered: rendered whole
        summary = b.summary(Report((DocumentResult("x", "", 0, ""),)))
        assert [summary[k] for k in CLAIM_COUNTS] == [3, 2, 1, 1]
    finally:
        b.close()


def test_pieces_as_they_arrive_interleaved_and_void() -> None:
    from auditor.model import DocumentResult

    b = Bodies()
    try:
        b.part("x", b"x1")
        b.part("y", b"y1")
        b.part("x", b"x2")
        b.part("z", b"lost")
        b.part("z", None)  # its worker died: what came of it is void
        b.part("z", b"z1")
        b.add("x", [], (0, 0, 0, 0))
        b.add("y", [b"y2"], (0, 0, 0, 0))
        b.add("z", [], (0, 0, 0, 0))
        assert [b.body(DocumentResult(p, "", 0, "")) for p in "xyz"] == [b"x1x2", b"y1y2", b"z1"]
    finally:
        b.close()


def test_a_large_document_streams_its_body(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor import cli_bodies

    monkeypatch.setattr(cli_bodies, "PART_BYTES", 500)  # many parts, interleaved across two workers
    paths = _files(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text(LATER + "\n" + "\n".join(f"第{i}项受理{i}件，办结{i}件。" for i in range(1, 200)), encoding="utf-8")
    paths.append(big)
    out = tmp_path / "out.json"
    cli.main(["check", "--format", "json", "--no-config", "--jobs", "2", "-o", str(out), *map(str, paths)])
    capsys.readouterr()
    assert out.read_text(encoding="utf-8") == _whole(paths)


# an invented series where most figures cannot be compared: a metric the earlier report gives twice with
# values that differ, one given twice within rounding, one the later report restates twice
SERIES_EARLIER = ("白塔乡2022年农村工作情况报告\n全年新建灌溉渠道46公里，改造危房130户。\n"
                  "全年新建灌溉渠道49公里。全年培训农民2.4万人次。全年培训农民24000人次。")
SERIES_LATER = ("白塔乡2023年农村工作情况报告\n全年新建灌溉渠道52公里（2022年47公里），改造危房140户（2022年128户），"
                "培训农民3万人次（2022年2.5万人次）。\n去年同期改造危房129户。")


def _slim(path: Path) -> Any:
    (slim, _, cross), _ = drive(prerendered(str(path), "check", (), ()))
    return slim, cross


def test_the_slim_results_give_the_batch_the_same_cross_findings(tmp_path: Path) -> None:
    paths = []
    for name, text in (("e.txt", SERIES_EARLIER), ("l.txt", SERIES_LATER)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    full = cross_findings([run_path(p) for p in paths])
    slims = [_slim(p) for p in paths]
    slim = cross_findings([r for r, _ in slims], {r.path: cross for r, cross in slims})
    assert slim == full and all(not r.text for r, _ in slims)  # the texts stayed in the workers
    assert [f.text for fs in full.values() for f in fs] == ["2.5万人次"]  # the one metric comparable


def test_a_long_report_sends_its_comparable_figures_once(tmp_path: Path) -> None:
    """The slim result of a report that states its figures over and over does not grow with it."""
    sizes = []
    for repeat in (1, 40):
        path = tmp_path / f"r{repeat}.txt"
        body = "全年新建灌溉渠道52公里，改造危房140户（2022年128户）。改造危房140户。\n"
        path.write_text("白塔乡2023年农村工作情况报告\n" + body * repeat, encoding="utf-8")
        full = run_path(path)
        slim, cross = _slim(path)
        sizes.append((len(full.quantities), len(slim.quantities)))
        assert len(cross.lines) == len(slim.quantities)
    (few, few_sent), (many, many_sent) = sizes
    assert many > 30 * few and 0 < many_sent <= few_sent <= 3  # the restatement given 40 times is not sent
