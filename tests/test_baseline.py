"""Baselines and waivers: matched by fingerprint, surviving edits elsewhere, never silently dropped."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor import cli, pipeline
from auditor.baseline import ReviewFileError, parse_waiver, read_baseline, read_waivers, review
from auditor.model import DocumentResult, Finding, Report, Severity, Waiver

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def findings(out: str) -> list[dict]:
    return [f | {"path": Path(d["path"]).name} for d in json.loads(out)["documents"] for f in d["findings"]]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    return folder


# --- the round trip of the issue, on the real pipeline ---

def test_baseline_round_trip_on_the_seeds(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "baseline.json"
    status, out, _ = run(capsys, "check", "--format", "json", "--no-config", "--write-baseline", str(base), str(seeds))
    first = findings(out)
    assert status == 1 and first and all(f["fingerprint"] for f in first)
    assert read_baseline(base) == {f["fingerprint"] for f in first}

    # a paragraph added at the top of one seed: every finding is still in the baseline
    u101 = next(f for f in first if f["code"] == "U101")  # a rate without its unit stays one whatever its digits
    doc = seeds / u101["path"]
    text = doc.read_text(encoding="utf-8")
    doc.write_text("新增一段说明：本年度共受理来信12件，办结12件。\n\n" + text, encoding="utf-8")
    status, out, _ = run(capsys, "check", "--format", "json", "--no-config", "--baseline", str(base), str(seeds))
    data = json.loads(out)
    assert (status, findings(out)) == (0, [])
    assert data["summary"]["baselined"] == len(first) and data["summary"]["errors"] == 0

    # the flagged figure changed: that finding comes back, with a new fingerprint
    figure = u101["text"]
    changed = figure[:-1] + str((int(figure[-1]) + 1) % 10)
    doc.write_text(doc.read_text(encoding="utf-8").replace(figure, changed, 1), encoding="utf-8")
    status, out, _ = run(capsys, "check", "--format", "json", "--no-config", "--baseline", str(base), str(seeds))
    back = [f for f in findings(out) if f["code"] == "U101"]
    assert [f["text"] for f in back] == [changed] and back[0]["fingerprint"] != u101["fingerprint"]
    assert status == 1


def test_waived_finding_is_shown_not_counted_and_comes_back_when_its_figure_changes(
        seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "json", "--no-config", str(seeds))
    errors = [f for f in findings(out) if f["severity"] == "error"]
    waivers = tmp_path / "waivers.toml"
    waivers.write_text("".join(
        f'[[waiver]]\nfingerprint = "{f["fingerprint"]}"\nwho = "张三"\nwhy = "原文如此，已核实"\ndate = 2026-11-30\n\n'
        for f in errors), encoding="utf-8")
    status, out, err = run(capsys, "check", "--format", "json", "--no-config", "--waivers", str(waivers), str(seeds))
    data = json.loads(out)
    waived = [f for f in findings(out) if f["waiver"] is not None]
    assert status == 0 and err == ""  # nothing left at --fail-on error
    assert len(waived) == len(errors) and data["summary"]["waived"] == len(errors) and data["summary"]["errors"] == 0
    assert waived[0]["waiver"] == {"who": "张三", "why": "原文如此，已核实", "date": "2026-11-30"}
    # the rich report shows them apart, with the reason
    _, out, _ = run(capsys, "check", "--no-config", "--waivers", str(waivers), str(seeds))
    assert "已豁免" in out and "已豁免：张三，2026-11-30：原文如此，已核实" in out
    assert out.rstrip().endswith(f"（{len(errors)} 个已豁免的问题不计入）")
    # a waived figure changed: its finding comes back unwaived, and its waiver matches nothing
    u101 = next(f for f in errors if f["code"] == "U101")
    doc = seeds / u101["path"]
    figure = u101["text"]
    doc.write_text(doc.read_text(encoding="utf-8").replace(figure, figure[:-1] + str((int(figure[-1]) + 1) % 10), 1),
                   encoding="utf-8")
    status, out, _ = run(capsys, "check", "--format", "json", "--no-config", "--waivers", str(waivers), str(seeds))
    back = [f for f in findings(out) if f["code"] == "U101"]
    assert status == 1 and len(back) == 1 and back[0]["waiver"] is None
    assert json.loads(out)["summary"]["waivers_unmatched"] == 1


# --- waiver files ---

FP = "0123456789abcdef"


def fake_run_path(path: Path, mode: str = "check", select: object = (), ignore: object = ()) -> DocumentResult:
    text = Path(path).read_text(encoding="utf-8")
    f = Finding("R201", Severity.ERROR, 0, 4, text[:4], "比率不符", message_en="rate mismatch",
                fingerprint=FP if "甲" in text else "fedcba9876543210")
    return DocumentResult(str(path), "0" * 64, len(text), text, findings=(f,))


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setattr(pipeline, "run_path", fake_run_path)
    out = [tmp_path / "d" / "a.txt", tmp_path / "d" / "b.txt"]
    out[0].parent.mkdir()
    out[0].write_text("甲乙丙丁。", encoding="utf-8")
    out[1].write_text("戊己庚辛。", encoding="utf-8")
    return out


def test_json_waivers_in_both_shapes(docs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = {"fingerprint": FP, "who": "李四", "why": "口径不同", "date": "2026-12-01"}
    for i, data in enumerate(([entry], {"waivers": [entry]})):
        path = tmp_path / f"w{i}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        status, out, _ = run(capsys, "check", "--format", "json", "--waivers", str(path), *map(str, docs))
        got = [(f["path"], f["waiver"]) for f in findings(out)]
        assert status == 1  # b.txt's finding is not waived
        assert got == [("a.txt", {"who": "李四", "why": "口径不同", "date": "2026-12-01"}), ("b.txt", None)]
        assert json.loads(out)["summary"]["waived"] == 1 and json.loads(out)["summary"]["errors"] == 1


def test_a_waiver_file_in_the_audited_folder_is_not_a_document(docs: list[Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    waivers = docs[0].parent / "waivers.toml"
    waivers.write_text(f'[[waiver]]\nfingerprint = "{FP}"\nwho = "王五"\nwhy = "已更正"\ndate = "2026-12-01"\n',
                       encoding="utf-8")
    status, out, err = run(capsys, "check", "--format", "json", "--waivers", str(waivers), str(docs[0].parent))
    assert [Path(d["path"]).name for d in json.loads(out)["documents"]] == ["a.txt", "b.txt"]
    assert status == 1 and err == ""


@pytest.mark.parametrize(("text", "said"), [
    ('[[waiver]]\nfingerprint = "x"\nwho = "a"\ndate = 2026-01-01\n', "waiver 1: why: missing or empty"),
    ('[[waiver]]\nfingerprint = "x"\nwho = "a"\nwhy = "b"\ndate = "yesterday"\n', "waiver 1: date: not a date"),
    ('[[waiver]]\nfingerprint = "x"\nwho = "a"\nwhy = "b"\n', "waiver 1: date: missing"),
    ('[[waiver]]\nfingerprint = "x"\nwho = "a"\nwhy = "b"\ndate = 2026-01-01\nreviewer = "c"\n',
     "unknown key 'reviewer'"),
    ('[waivers]\nfingerprint = "x"\n', "unknown key 'waivers'"),
    ("[[waiver\n", "invalid TOML"),
])
def test_bad_waiver_files_are_usage_errors(docs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           text: str, said: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "check", "--format", "json", "--waivers", str(path), str(docs[0]))
    assert status == 2 and out == "" and err.count("\n") == 1 and said in err and str(path) in err


@pytest.mark.parametrize("text", ["[]", '{"schema": "other", "findings": []}', "not json",
                                  '{"schema": "auditor/baseline-v1", "findings": [{"code": "R201"}]}'])
def test_bad_baselines_are_usage_errors(docs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        text: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "check", "--format", "json", "--baseline", str(path), str(docs[0]))
    assert status == 2 and out == "" and err.count("\n") == 1 and str(path) in err


def test_missing_review_files(docs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--baseline", "--waivers"):
        status, _, err = run(capsys, "check", flag, str(tmp_path / "none"), str(docs[0]))
        assert status == 2 and "cannot read" in err


def test_write_baseline_never_over_an_input(docs: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = docs[1].read_bytes()
    status, out, err = run(capsys, "check", "--write-baseline", str(docs[1]), *map(str, docs))
    assert status == 2 and out == "" and "refusing" in err and docs[1].read_bytes() == before


def test_output_and_baseline_may_not_be_one_file(docs: list[Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "same.json"
    status, _, err = run(capsys, "check", "-o", str(target), "--write-baseline", str(target), str(docs[0]))
    assert status == 2 and "same file" in err and not target.exists()


def test_a_baseline_may_be_refreshed_in_place(docs: list[Path], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "b.json"
    run(capsys, "check", "--write-baseline", str(base), str(docs[0]))
    status, _, _ = run(capsys, "check", "--baseline", str(base), "--write-baseline", str(base), *map(str, docs))
    assert status == 1 and read_baseline(base) == {FP, "fedcba9876543210"}


# --- the functions ---

def test_parse_waiver_accepts_dates_and_strips() -> None:
    import datetime as dt

    fp, w = parse_waiver({"fingerprint": " ab ", "who": " 张三 ", "why": "x", "date": dt.date(2026, 1, 2)})
    assert (fp, w) == ("ab", Waiver("张三", "x", "2026-01-02"))
    with pytest.raises(ValueError, match="fingerprint"):
        parse_waiver({"who": "a", "why": "b", "date": "2026-01-01"})


def test_review_marks_and_drops() -> None:
    f1 = Finding("R201", Severity.ERROR, 0, 1, "1", "m", fingerprint="a")
    f2 = Finding("R202", Severity.WARNING, 1, 2, "2", "m", fingerprint="b")
    report = Report((DocumentResult("x", "", 2, "12", findings=(f1, f2)),))
    assert review(report) is report
    out = review(report, baseline=frozenset({"a"}), waivers={"b": Waiver("w", "y", "2026-01-01")})
    (doc,) = out.documents
    assert [f.code for f in doc.findings] == ["R202"] and doc.findings[0].waiver == Waiver("w", "y", "2026-01-01")
    assert out.summary["baselined"] == 1 and out.summary["waived"] == 1 and out.summary["warnings"] == 0
    assert out.summary["waivers_unmatched"] == 0
    stale = review(report, waivers={"b": Waiver("w", "y", "2026-01-01"), "gone": Waiver("w", "z", "2026-01-01")})
    assert stale.summary["waivers_unmatched"] == 1 and "baselined" not in stale.summary


def test_read_waivers_keeps_the_last_of_two(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[[waiver]]\nfingerprint = "a"\nwho = "x"\nwhy = "1"\ndate = 2026-01-01\n'
                    '[[waiver]]\nfingerprint = "a"\nwho = "y"\nwhy = "2"\ndate = 2026-01-02\n', encoding="utf-8")
    assert read_waivers(path) == {"a": Waiver("y", "2", "2026-01-02")}
    with pytest.raises(ReviewFileError):
        read_baseline(path)


def test_the_readme_waiver_example_reads(tmp_path: Path) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[[waiver]]" in b)
    path = tmp_path / "w.toml"
    path.write_text(block, encoding="utf-8")
    assert read_waivers(path) == {"0eabe14fe38faf44": Waiver("张三", "原文如此，已向填报单位核实", "2026-11-30")}
