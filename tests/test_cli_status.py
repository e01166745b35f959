"""The command line for a new user: the exit-status line, `auditor rules`, the progress bar,
the documents overview, help in both languages, and folders that hold what cannot be read."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from test_cli import TEXT, fake_run_path

from auditor import cli, pipeline, progress
from auditor.model import DocumentResult


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "run_path", fake_run_path)


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "warn.txt"]
    for p in paths:
        p.write_text(TEXT, encoding="utf-8")
    return paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def last_line(out: str) -> str:
    return out.rstrip("\n").rsplit("\n", 1)[-1]


# --- the last line says what the exit status means ---

@pytest.mark.usefixtures("fake")
@pytest.mark.parametrize(("args", "status", "zh", "en"), [
    ((), 1, "2 个错误达到 --fail-on error，退出码 1", "2 errors at or above --fail-on error: exit status 1"),
    (("--fail-on", "warning"), 1, "2 个错误、1 个警告达到 --fail-on warning，退出码 1",
     "2 errors, 1 warnings at or above --fail-on warning: exit status 1"),
    (("--fail-on", "never"), 0, "--fail-on never：不因问题而失败，退出码 0",
     "--fail-on never: findings do not fail the run, exit status 0"),
    (("--ignore", "R,U"), 0, "没有达到 --fail-on error 的问题，退出码 0",
     "no findings at or above --fail-on error: exit status 0"),
])
def test_rich_report_ends_with_the_meaning_of_the_exit_status(files: list[Path], capsys: pytest.CaptureFixture[str],
                                                             args: tuple[str, ...], status: int, zh: str,
                                                             en: str) -> None:
    got, out, err = run(capsys, "check", "--no-config", *args, *map(str, files))
    assert (got, err, last_line(out)) == (status, "", zh)
    got, out, _ = run(capsys, "check", "--no-config", "--lang", "en", *args, *map(str, files))
    assert (got, last_line(out)) == (status, en)


def test_unread_files_give_exit_2_and_say_so(files: list[Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # an OLE2 header
    status, out, err = run(capsys, "check", "--no-config", str(tmp_path))
    assert status == 2 and last_line(out) == "1 个文件未能读取或未审核，退出码 2"
    assert err.startswith(f"auditor: {tmp_path / 'old.doc'}: a legacy Office (OLE2) file: ") and "save as .docx" in err
    assert err.count("\n") == 1


@pytest.mark.usefixtures("fake")
def test_machine_formats_keep_stdout_clean(files: list[Path], capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, err = run(capsys, "check", "--no-config", "--format", "json", str(files[0]))
    assert status == 1 and err == "" and json.loads(out)["summary"]["errors"] == 1  # stderr not a terminal: quiet
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda stream=None: True)
    status, out, err = run(capsys, "check", "--no-config", "--format", "json", str(files[0]))
    assert json.loads(out)["summary"]["errors"] == 1 and err == "auditor: 1 个错误达到 --fail-on error，退出码 1\n"


@pytest.mark.usefixtures("fake")
def test_extract_line(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "extract", "--no-config", str(files[0]))
    assert status == 0 and last_line(out) == "退出码 0"


# --- auditor rules ---

def test_rules_lists_every_code_with_severity_and_title(capsys: pytest.CaptureFixture[str]) -> None:
    from auditor.rules import RULES

    status, out, err = run(capsys, "rules")
    lines = out.splitlines()
    assert status == 0 and err == "" and lines[0].split() == ["代码", "级别", "名称", "标题"]
    assert [line.split()[0] for line in lines[1:]] == sorted(RULES)
    r201 = next(line for line in lines if line.startswith("R201"))
    assert r201.split()[1:3] == ["错误", "rate-mismatch"] and "比率" in r201
    c502 = next(line for line in lines if line.startswith("C502")).split()
    assert c502[1] == "提示"
    status, out, _ = run(capsys, "rules", "--lang", "en")
    r201 = next(line for line in out.splitlines() if line.startswith("R201"))
    assert r201.split()[1:3] == ["error", "rate-mismatch"] and "rate" in r201.lower()


# --- progress ---

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_unless_a_person_watches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert type(progress.progress(5, "rich", "zh", False)) is progress.NoProgress  # not a terminal
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    monkeypatch.delenv("TERM", raising=False)
    assert type(progress.progress(5, "rich", "zh", False)) is progress.BatchProgress
    assert type(progress.progress(5, "json", "zh", False)) is progress.NoProgress  # machine-readable
    assert type(progress.progress(1, "rich", "zh", False)) is progress.NoProgress  # one file: no bar
    monkeypatch.setenv("TERM", "dumb")
    assert type(progress.progress(5, "rich", "zh", False)) is progress.NoProgress


@pytest.mark.usefixtures("fake")
def test_progress_bar_shows_files_findings_and_changes_nothing(files: list[Path], monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    _, plain, _ = run(capsys, "check", "--no-config", *map(str, files))
    terminal = FakeTerminal()
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda stream=None: True)
    monkeypatch.setattr(sys, "stderr", terminal)
    status = cli.main(["check", "--no-config", *map(str, files)])
    out, _ = capsys.readouterr()
    shown = terminal.getvalue()
    assert status == 1 and out == plain  # the same report
    assert "审核中" in shown and "3/3" in shown and "发现问题 3 个" in shown


def test_batch_progress_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    with progress.BatchProgress(2, "en", False) as bar:
        bar.started("a/very/long/folder/name/" + "x" * 60 + ".txt")
        bar.finished(fake_run_path(Path(__file__)))
        assert bar.findings == 1 and bar.bar.tasks[0].completed == 1
        assert bar.bar.tasks[0].fields["current"].startswith("…") and len(bar.bar.tasks[0].fields["current"]) == 40


# --- the documents overview ---

@pytest.mark.usefixtures("fake")
def test_overview_table_comes_before_the_findings(files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "check", "--no-config", *(p.name for p in files), "gone.txt")
    head, _, rest = out.partition("各文档概况")
    assert head == "" and rest.index("warn.txt") < rest.index("R201")
    rows = [line.split() for line in rest.splitlines() if ".txt" in line][:4]
    assert rows[0][-3:] == ["1", "0", "0"] and rows[2][-3:] == ["0", "1", "0"]
    assert rows[3][-2:] == ["✗", "not_found"]
    _, out, _ = run(capsys, "check", "--no-config", str(files[0]))
    assert "各文档概况" not in out  # one document: its own counts line is the overview


def test_overview_rows() -> None:
    from auditor.model import Report
    from auditor.report.rich import overview_rows

    doc = fake_run_path(Path(__file__))
    assert overview_rows(Report((doc, DocumentResult("x", "", 0, "")))) == [(doc.path, 1, 0, 0, ""), ("x", 0, 0, 0, "")]


# --- help in both languages, --jobs auto ---

def test_help_in_chinese_and_english(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUDITOR_LANG", raising=False)
    status, out, _ = run(capsys, "--help")
    assert status == 0 and out.startswith("用法：auditor") and "审核文件和文件夹" in out and "选项" in out
    status, out, _ = run(capsys, "check", "--help")
    assert "只报告不在此基线文件中的问题" in out and "--waivers" in out
    status, out, _ = run(capsys, "--lang", "en", "--help")
    assert out.startswith("usage: auditor") and "audit files and folders" in out
    status, out, _ = run(capsys, "check", "--help", "--lang=en")
    assert "report only the findings not in this baseline file" in out
    monkeypatch.setenv("AUDITOR_LANG", "en")
    assert "list every rule code" in run(capsys, "--help")[1]
    assert cli.help_lang(["--lang", "zh"]) == "zh"


def test_usage_errors_stay_one_line_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "--format", "pdf", "a.txt")
    assert status == 2 and out == "" and err.count("\n") == 1 and err.startswith("auditor check: error:")


def test_jobs_auto(capsys: pytest.CaptureFixture[str]) -> None:
    from auditor.config import cpu_jobs

    args = cli.build_parser().parse_args(["check", "--jobs", "auto", "x.txt"])
    assert args.jobs == cpu_jobs() == (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                       else os.cpu_count())
    assert cli.build_parser().parse_args(["check", "-j", "0", "x.txt"]).jobs == cpu_jobs()
    assert run(capsys, "check", "--jobs", "lots", "x.txt")[0] == 2


# --- folders never reported clean when not fully read (issue 9) ---

@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and FIFOs need a POSIX system")
def test_a_folder_with_bad_entries_lists_each_and_audits_the_rest_as_alone(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    seed = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[3]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    _, alone, _ = run(capsys, "check", "--no-config", "--format", "json", str(seed))
    status, out, err = run(capsys, "check", "--no-config", "--format", "json", str(folder))
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert status == 2
    assert {n: (d["error"] or {}).get("code") for n, d in docs.items()} == {
        "dangling.txt": "broken_link", "legacy.doc": "legacy_format", "loop": "link_loop", "pipe.txt": "not_regular",
        seed.name: None}
    assert docs[seed.name]["findings"] == json.loads(alone)["documents"][0]["findings"]
    assert len(err.splitlines()) == 4 and all(line.startswith(f"auditor: {folder}") for line in err.splitlines())
    status, out, _ = run(capsys, "check", "--no-config", "--fail-on", "never", str(folder))
    assert status == 2 and last_line(out) == "4 个文件未能读取或未审核，退出码 2"


@pytest.mark.usefixtures("fake")
def test_a_batch_of_200_on_a_terminal_shows_progress_and_the_same_findings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(200):
        (folder / f"{i:03}{'warn' if i % 7 == 0 else ''}.txt").write_text(TEXT, encoding="utf-8")
    _, plain, _ = run(capsys, "check", "--no-config", "--format", "json", str(folder))
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda stream=None: True)
    _, quiet, _ = run(capsys, "check", "--no-config", "--format", "json", str(folder))
    assert quiet == plain  # a machine-readable format: no bar, same report
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    status = cli.main(["check", "--no-config", str(folder)])
    out, _ = capsys.readouterr()
    assert status == 1 and "200/200" in terminal.getvalue() and "发现问题 200 个" in terminal.getvalue()
    data = json.loads(plain)
    assert data["summary"]["errors"] + data["summary"]["warnings"] == 200
    assert last_line(out) == f"{data['summary']['errors']} 个错误达到 --fail-on error，退出码 1"


def test_a_run_with_every_output_touches_no_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[3:5]
    folder = tmp_path / "in"
    folder.mkdir()
    for p in seeds:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "auditor.toml").write_text('lang = "en"\n', encoding="utf-8")
    (folder / "w.toml").write_text("", encoding="utf-8")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    status = cli.main(["check", "--format", "html", "-o", str(out_dir / "r.html"), "--waivers", str(folder / "w.toml"),
                       "--write-baseline", str(out_dir / "b.json"), str(folder)])
    capsys.readouterr()
    assert status == 1 and (out_dir / "r.html").exists() and (out_dir / "b.json").exists()
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before
    # the configuration and the waiver file in the audited folder were not taken for documents
    status = cli.main(["check", "--format", "json", "--waivers", str(folder / "w.toml"), str(folder)])
    data = json.loads(capsys.readouterr()[0])
    assert status == 1 and [Path(d["path"]).name for d in data["documents"]] == [p.name for p in seeds]
