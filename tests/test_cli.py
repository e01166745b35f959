"""The command line: exit status, per-document errors, output safety, lazy imports.

The audit itself is replaced by a stand-in (`fake_run_path`) so these tests
check the wiring, not the extractor or the rules.
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from auditor import cli, pipeline
from auditor.model import DocError, DocumentResult, Finding, Report, Severity

TEXT = "共受理办件37116件,办结37082件,按时办结率99.98%。\n"


def fake_run_path(path: Path, mode: str = "check", select: Sequence[str] = (),
                  ignore: Sequence[str] = ()) -> DocumentResult:
    """A stand-in for the pipeline: an R201 error in every file, a U102 warning in warn*.txt."""
    if not Path(path).exists():
        return DocumentResult(str(path), "", 0, "", error=DocError("not_found", "no such file"))
    if Path(path).name.startswith("boom"):
        raise RuntimeError("kaboom")
    text = Path(path).read_text(encoding="utf-8")
    start = text.find("按时办结率")
    if Path(path).name.startswith("warn"):
        f = Finding("U102", Severity.WARNING, 0, 2, text[:2], "量词不一致", message_en="mixed measure words")
    else:
        f = Finding("R201", Severity.ERROR, start, start + 11, text[start:start + 11], "比率不符",
                    claimed="99.98", recomputed="99.9084", expression="37082/37116", message_en="rate mismatch")
    findings = () if mode == "extract" else (f,)
    return DocumentResult(str(path), "0" * 64, len(text), text, findings=findings)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "run_path", fake_run_path)


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for p in paths:
        p.write_text(TEXT, encoding="utf-8")
    return paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- text ---

def test_text_prints_the_document_text_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("auditor.load.txt")
    p = tmp_path / "r.txt"
    p.write_bytes("第一行\n  第二行：95.6%\n\n末行无换行".encode())
    status, out, err = run(capsys, "text", str(p))
    assert (status, out, err) == (0, "第一行\n  第二行：95.6%\n\n末行无换行", "")


def test_text_uses_the_loader(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import auditor.load
    from auditor.document import Document

    monkeypatch.setattr(auditor.load, "load", lambda path: Document.from_text("纯文本", str(path)))
    assert run(capsys, "text", "x.docx") == (0, "纯文本", "")


def test_text_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    status, out, err = run(capsys, "text", str(missing))
    assert status == 2 and out == ""
    assert err == f"auditor: {missing}: no such file [not_found]\n"


def test_text_loader_crash_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import auditor.load

    def broken(path: Path) -> None:
        raise ValueError("bad bytes")

    monkeypatch.setattr(auditor.load, "load", broken)
    status, out, err = run(capsys, "text", "x.txt")
    assert status == 2 and err == "auditor: x.txt: internal error: ValueError: bad bytes\n"


# --- check: exit status and per-document errors ---

@pytest.mark.usefixtures("fake")
def test_missing_file_is_a_document_error(files: list[Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = run(capsys, "check", "--format", "json", str(files[0]), str(missing), str(files[1]))
    assert status == 2
    assert err == f"auditor: {missing}: no such file [not_found]\n"
    data = json.loads(out)
    assert [d["path"] for d in data["documents"]] == [str(files[0]), str(missing), str(files[1])]
    assert data["documents"][1]["error"] == {"code": "not_found", "message": "no such file"}
    assert [len(d["findings"]) for d in data["documents"]] == [1, 0, 1]


@pytest.mark.usefixtures("fake")
def test_unexpected_exception_is_contained(files: list[Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    boom = tmp_path / "boom.txt"
    boom.write_text(TEXT, encoding="utf-8")
    status, out, err = run(capsys, "check", "--format", "json", str(boom), str(files[0]))
    assert status == 2
    assert err == f"auditor: {boom}: internal error: RuntimeError: kaboom [internal]\n"
    docs = json.loads(out)["documents"]
    assert docs[0]["error"]["code"] == "internal" and docs[1]["findings"][0]["code"] == "R201"


BROKEN_CLI = """
import sys
from auditor import cli, pipeline
real = pipeline.run_path
def run_path(path, *a, **kw):
    if path.name.startswith("boom"):
        raise RuntimeError("kaboom")
    return real(path, *a, **kw)
pipeline.run_path = run_path
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_traceback_only_with_verbose(tmp_path: Path, jobs: str) -> None:
    """An internal error is one line; `-v` adds its traceback (written by the worker that met it)."""
    boom, good = tmp_path / "boom.txt", tmp_path / "good.txt"
    for path in (boom, good):
        path.write_text("受理45起，办结43起，办结率95.6%。\n", encoding="utf-8")

    def check(*flags: str) -> tuple[int, str, str]:
        argv = [sys.executable, "-c", BROKEN_CLI, "check", "--no-config", "--format", "json", "--jobs", jobs,
                *flags, str(boom), str(good)]
        proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=120)
        return proc.returncode, proc.stdout, proc.stderr

    line = f"auditor: {boom}: internal error: RuntimeError: kaboom [internal]\n"
    status, out, quiet = check()
    assert (status, quiet) == (2, line)
    status, out_v, loud = check("-v")
    assert status == 2 and "Traceback (most recent call last)" in loud and "RuntimeError: kaboom" in loud
    assert line in loud and out_v == out


def test_text_traceback_only_with_verbose(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import auditor.load

    def broken(path: Path) -> None:
        raise ValueError("bad bytes")

    monkeypatch.setattr(auditor.load, "load", broken)
    assert "Traceback" not in run(capsys, "text", "x.txt")[2]
    status, _, err = run(capsys, "text", "-v", "x.txt")
    assert status == 2 and "Traceback" in err
    assert err.endswith("auditor: x.txt: internal error: ValueError: bad bytes\n")


@pytest.mark.usefixtures("fake")
@pytest.mark.parametrize(("args", "status", "errors"), [
    ((), 1, 1),
    (("--fail-on", "error"), 1, 1),
    (("--fail-on", "warning"), 1, 1),
    (("--fail-on", "never"), 0, 1),
    (("--ignore", "R2"), 0, 0),
    (("--select", "U"), 0, 0),
    (("--ignore", "R", "--select", "R201"), 1, 1),
])
def test_fail_on_and_selection(files: list[Path], capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                               status: int, errors: int) -> None:
    got, out, err = run(capsys, "check", "--format", "json", *args, str(files[0]))
    assert (got, err) == (status, "")
    assert json.loads(out)["summary"]["errors"] == errors


@pytest.mark.usefixtures("fake")
def test_warning_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "warn.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert run(capsys, "check", "--format", "json", str(p))[0] == 0
    assert run(capsys, "check", "--format", "json", "--fail-on", "warning", str(p))[0] == 1


@pytest.mark.usefixtures("fake")
def test_folders_are_expanded_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("sub/c.txt", "b.txt", "a.md", "skip.bin"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    status, out, _ = run(capsys, "check", "--format", "json", "--fail-on", "never", str(tmp_path),
                         str(tmp_path / "b.txt"))
    docs = json.loads(out)["documents"]
    paths = [Path(d["path"]).relative_to(tmp_path).as_posix() for d in docs]
    # b.txt once; skip.bin listed as not audited, so the folder was not fully read: exit 2
    assert (status, paths) == (2, ["a.md", "b.txt", "skip.bin", "sub/c.txt"])
    assert docs[2]["error"]["code"] == "unsupported" and [d["error"] for d in docs].count(None) == 3


@pytest.mark.usefixtures("fake")
def test_empty_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    status, out, err = run(capsys, "check", "--format", "json", str(tmp_path / "empty"))
    assert status == 2 and err.count("\n") == 1 and "no supported files" in err
    assert json.loads(out)["documents"] == []


@pytest.mark.usefixtures("fake")
def test_extract_mode(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "extract", "--format", "json", str(files[0]))
    assert (status, err) == (0, "")
    doc = json.loads(out)["documents"][0]
    assert doc["findings"] == [] and doc["claims"] == []


@pytest.mark.usefixtures("fake")
def test_english_messages(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "jsonl", "--lang", "en", str(files[0]))
    assert json.loads(out)["message"] == "rate mismatch"


@pytest.mark.usefixtures("fake")
def test_rich_is_the_default_and_plain_when_piped(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(files[0]))
    assert status == 1
    assert "\x1b[" not in out
    assert "R201" in out and "1:22" in out and "37082/37116 = 99.91% ≠ 99.98%" in out


def test_jobs_keep_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Real pipeline in worker processes: missing files need no extractor."""
    names = [str(tmp_path / f"m{i}.txt") for i in range(5)]
    status, out, err = run(capsys, "check", "--format", "json", "--jobs", "3", *names)
    assert status == 2
    assert [d["path"] for d in json.loads(out)["documents"]] == names
    assert err.splitlines() == [f"auditor: {n}: no such file [not_found]" for n in names]


# --- output ---

@pytest.mark.usefixtures("fake")
def test_output_never_overwrites_an_input(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = files[1].read_bytes()
    status, out, err = run(capsys, "check", "--format", "json", "--output", str(files[1]), str(files[0]),
                           str(files[1]))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("auditor: refusing to write")
    assert files[1].read_bytes() == before


@pytest.mark.usefixtures("fake")
def test_output_never_overwrites_an_input_in_a_folder(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = files[0].read_bytes()
    other = files[0].parent / "." / files[0].name
    status, _, err = run(capsys, "check", "--output", str(other), str(files[0].parent))
    assert status == 2 and "refusing" in err and files[0].read_bytes() == before


@pytest.mark.usefixtures("fake")
def test_output_file(files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    status, out, err = run(capsys, "check", "--format", "json", "-o", str(target), str(files[0]))
    assert (status, out, err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "auditor/v1"
    csv_target = tmp_path / "out" / "report.csv"
    run(capsys, "check", "--format", "csv", "-o", str(csv_target), str(files[0]))
    assert csv_target.read_bytes().startswith("\ufeff文档,行,列,代码".encode())  # Chinese headers by default


@pytest.mark.usefixtures("fake")
def test_unwritable_output(files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "--format", "json", "-o", str(tmp_path), str(files[0]))
    assert status == 2 and err.count("\n") == 1 and err.startswith(f"auditor: cannot write {tmp_path}")


@pytest.mark.usefixtures("fake")
def test_xlsx_needs_output(files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "--format", "xlsx", str(files[0]))
    assert status == 2 and out == "" and err.count("\n") == 1 and "--output" in err
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "r.xlsx"
    assert run(capsys, "check", "--format", "xlsx", "-o", str(target), str(files[0]))[0] == 1
    assert openpyxl.load_workbook(target)["问题"]["D2"].value == "R201"


# --- usage errors ---

@pytest.mark.parametrize("argv", [
    [],
    ["check"],
    ["check", "--format", "pdf", "a.txt"],
    ["check", "--select", "R2,bogus!", "a.txt"],
    ["check", "--jobs", "-1", "a.txt"],
    ["check", "--fail-on", "sometimes", "a.txt"],
    ["extract", "--fail-on", "never", "a.txt"],
    ["frobnicate"],
])
def test_usage_errors_exit_2_without_traceback(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert "Traceback" not in err and err.strip()


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check", "--format", "pdf", "a.txt")
    assert status == 2 and err.count("\n") == 1 and err.startswith("auditor check: error:")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    from auditor import __version__

    assert run(capsys, "--version") == (0, f"auditor {__version__}\n", "")
    status, out, _ = run(capsys, "--help")
    assert status == 0 and "check" in out and "explain" in out


# --- explain ---

@pytest.fixture
def rule_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = pytest.importorskip("auditor.rules.docs")
    pages = {"R201": "# R201 rate-mismatch\n\n## What it checks\nA rate.\n", "U101": "# U101 missing-unit\n"}
    monkeypatch.setattr(docs, "known_codes", lambda: tuple(sorted(pages)))
    monkeypatch.setattr(docs, "rule_doc", lambda code: pages[code.upper()])
    monkeypatch.setattr(docs, "translated_doc", lambda code, lang: None)  # English pages only


@pytest.mark.usefixtures("rule_pages")
def test_explain_prints_the_page_plain_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    page = "# R201 rate-mismatch\n\n## What it checks\nA rate.\n"
    assert run(capsys, "explain", "r201", "--lang", "en") == (0, page, "")
    status, out, err = run(capsys, "explain", "r201")  # Chinese: the title and severity under the title line
    assert (status, err) == (0, "") and out.startswith("# R201 rate-mismatch\n\n> **R201**：所述比率")
    assert "> 级别：错误\n" in out and out.endswith("\n## What it checks\nA rate.\n")


@pytest.mark.usefixtures("rule_pages")
def test_explain_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "explain", "X999")
    assert status == 2 and out == ""
    assert err == "auditor: unknown rule code 'X999'; known codes: R201, U101\n"


def test_explain_real_pages(capsys: pytest.CaptureFixture[str]) -> None:
    docs = pytest.importorskip("auditor.rules.docs")
    if "R201" not in docs.known_codes():
        pytest.skip("rule pages not written yet")
    status, out, _ = run(capsys, "explain", "R201")
    assert status == 0 and out.startswith("# R201")


# --- colour ---

def test_no_color_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli._color_wanted(False, True) is True
    assert cli._color_wanted(True, True) is False
    assert cli._color_wanted(False, False) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._color_wanted(False, True) is False


def test_keep_by_prefix() -> None:
    assert cli._keep("R201", (), ())
    assert not cli._keep("R201", ("U",), ())
    assert not cli._keep("R201", (), ("R2",))
    assert cli._keep("R201", ("R201",), ("R",))
    assert not cli._keep("R201", ("R",), ("R201",))
    assert not cli._keep("R201", ("R201",), ("R201",))


# --- the module entry point, and a fast --help ---

def test_python_m_auditor_and_lazy_imports() -> None:
    code = ("import sys; from auditor.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('rich', 'pandas', 'openpyxl', 'msgspec') if m in sys.modules))")
    env_root = str(Path(__file__).resolve().parents[1])
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=env_root, check=True)
    assert proc.stdout.strip().endswith("[]")
    proc = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True,
                          cwd=env_root)
    assert proc.returncode == 0 and proc.stdout.startswith("auditor ")


def test_report_object_is_what_render_reads() -> None:
    assert Report(()).summary["documents"] == 0


# --- the collector: off during start-up, on for the batch, the warm-up frozen ---

def test_start_up_runs_without_collections_and_the_batch_with(files: list[Path], fake: None,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    from auditor import cli_run

    seen: dict[str, bool] = {}
    plan, audit_all = cli.plan, cli.audit_all

    def planning(*a: object, **k: object) -> object:
        seen["planning"] = gc.isenabled()
        return plan(*a, **k)  # type: ignore[arg-type]

    def auditing(*a: object, **k: object) -> object:
        seen["auditing"] = gc.isenabled()
        return audit_all(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "plan", planning)
    monkeypatch.setattr(cli, "audit_all", auditing)
    monkeypatch.setattr(cli_run, "_warm", lambda config: seen.setdefault("warming", gc.isenabled()))
    assert run(capsys, "check", *map(str, files), "--jobs", "1", "--format", "json")[0] == 1
    assert seen == {"planning": False, "auditing": True, "warming": True}
    assert gc.isenabled()


@pytest.mark.parametrize("argv", [["check", "--no-such-option"], ["text", "missing.txt"], ["rules"]])
def test_every_command_leaves_the_collector_on(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    cli.main(argv)
    capsys.readouterr()
    assert gc.isenabled()


@pytest.mark.parametrize("collecting", [True, False])
def test_the_warm_up_is_frozen_and_the_collector_left_as_found(collecting: bool) -> None:
    import gc

    from auditor import cli_run

    (gc.enable if collecting else gc.disable)()
    try:
        cli_run._warm(None)
        assert gc.isenabled() is collecting
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
