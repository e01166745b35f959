"""auditor/batch.py: workers that die, hang or run out of memory lose no document."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from auditor import batch, batch_job, cli
from auditor.model import DocumentResult

pytestmark = pytest.mark.skipif(batch.start_method() != "fork", reason="the work functions below are inherited by fork")

ROOT = Path(__file__).resolve().parents[1]


def failed(path: str, code: str, message: str) -> str:
    return f"{code}: {message}"


def run(paths: list[str], work, **kw) -> dict[int, str]:  # type: ignore[no-untyped-def]
    out: dict[int, str] = {}
    for i, r, _ in batch.run(paths, work, failed, **kw):
        assert i not in out, f"index {i} yielded twice"
        out[i] = r
    return out


# --- a worker killed from outside --------------------------------------------------------

def _slow(path: str) -> str:
    tmp = Path(path + ".tmp")
    tmp.write_text(str(os.getpid()), encoding="ascii")
    os.replace(tmp, path)  # who holds this document (whole, never read half written)
    time.sleep(0.03)
    return "ok " + Path(path).name


def test_worker_killed_mid_batch_loses_no_document(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"d{i:02}") for i in range(50)]
    got: dict[int, str] = {}
    killed = 0
    for i, r, _ in batch.run(paths, _slow, failed, jobs=2):
        got[i] = r
        if len(got) == 10 and not killed:
            # the most recently started document's worker: it holds a document now
            held = max((p for p in map(Path, paths) if p.exists()), key=lambda p: p.stat().st_mtime_ns)
            killed = int(held.read_text(encoding="ascii"))
            os.kill(killed, signal.SIGKILL)
    assert killed
    assert sorted(got) == list(range(50))
    assert all(r == f"ok d{i:02}" for i, r in got.items()), [r for r in got.values() if not r.startswith("ok")]


def _suicide(path: str) -> str:
    with open(path, "a", encoding="ascii") as fh:
        fh.write(f"{os.getpid()}\n")
    if Path(path).name.startswith("bad"):
        os.kill(os.getpid(), signal.SIGKILL)
    return "ok"


def test_document_that_kills_every_worker_is_retried_once_then_crashed(tmp_path: Path) -> None:
    names = [f"a{i}" for i in range(8)] + ["bad"] + [f"b{i}" for i in range(8)]
    paths = [str(tmp_path / n) for n in names]
    got = run(paths, _suicide, jobs=2)
    assert sorted(got) == list(range(len(paths)))
    bad = names.index("bad")
    assert got[bad].startswith("crashed: ") and "SIGKILL" in got[bad]
    assert all(r == "ok" for i, r in got.items() if i != bad)
    pids = (tmp_path / "bad").read_text(encoding="ascii").split()
    assert len(pids) == 2 and pids[0] != pids[1], "retried once, in a fresh process"


def _ok(path: str) -> str:
    return "ok " + path


def test_a_worker_dead_before_it_is_fed_loses_nothing() -> None:
    """The race behind a lost batch: a worker dies after its last answer and before it is reaped, and the
    pool feeds it; the broken pipe must not end the batch (the CLI would then audit the rest in-process)."""
    paths = [f"d{i}" for i in range(6)]
    pool = batch._Pool(paths, _ok, failed, 1, None, None, None)
    try:
        pool.pending.clear()
        pool._start()
        dead = pool.workers[0]
        os.kill(dead.process.pid, signal.SIGKILL)
        dead.process.join(10)
        pool.pending.extend(range(len(paths)))
        pool._feed()  # sends to the dead worker: a broken pipe
        assert dead.broken and not dead.sent and list(pool.pending) == list(range(len(paths)))
        got = dict((i, r) for i, r, _ in pool.results())
    finally:
        pool.close()
    assert got == {i: f"ok d{i}" for i in range(len(paths))}
    assert pool.attempts == [0] * len(paths)  # nothing was held by the dead worker: nothing charged


def test_exception_in_work_is_that_documents_error() -> None:
    def boom(path: str) -> str:
        raise ValueError(path)

    assert run(["x"], boom) == {0: "internal: internal error: ValueError: x"}


# --- time and memory limits --------------------------------------------------------------

def _hang(path: str) -> str:
    if "hang" in path:
        time.sleep(600)
    return "ok"


def test_hanging_document_times_out_and_the_batch_goes_on() -> None:
    paths = ["a", "b", "hang", "c", "d", "e"]
    t0 = time.monotonic()
    got = run(paths, _hang, jobs=2, timeout=1.0)
    assert time.monotonic() - t0 < 30
    assert got[2] == "timeout: gave up after 1 s (--timeout 1)"
    assert [got[i] for i in (0, 1, 3, 4, 5)] == ["ok"] * 5


def _hog(path: str) -> str:
    if "big" in path:
        block = bytearray(1 << 32)  # 4 GiB: over the limit below
        return str(len(block))
    return "ok"


def test_memory_limit_reports_too_large_and_the_batch_goes_on() -> None:
    got = run(["a", "big", "b", "c"], _hog, jobs=1, max_memory=256 * 2**20)
    assert got[1].startswith("too_large: ") and "256 MiB" in got[1]
    assert [got[0], got[2], got[3]] == ["ok"] * 3


def test_no_limits_and_no_paths() -> None:
    assert run([], _hang) == {}
    assert run(["a", "b"], _hang, timeout=None, max_memory=None, jobs=4) == {0: "ok", 1: "ok"}


# --- the CLI's job: results without the text ---------------------------------------------

def _doc(path: str) -> DocumentResult:
    from auditor.pipeline import audit_text

    return audit_text("共受理办件37116件,办结37082件,按时办结率99.98%。\n", path)


@pytest.mark.parametrize(("fmt", "has_text"), [("csv", False), ("rich", True), ("html", True), ("sarif", True)])
def test_results_carry_the_text_only_for_formats_that_read_it(fmt: str, has_text: bool) -> None:
    job = batch.DocumentJob(_doc, fmt)
    ((_, outcome, parts),) = list(batch.run(["t.txt"], job, job.failed))
    assert not outcome.fragment and not parts and outcome.result is not None
    assert bool(outcome.result.text) is has_text
    assert outcome.result.findings and outcome.rank == 3


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_streamed_formats_send_the_rendered_document_not_the_result(fmt: str) -> None:
    job = batch.DocumentJob(_doc, fmt)
    ((_, outcome, parts),) = list(batch.run(["t.txt"], job, job.failed))
    assert outcome.result is None
    first = json.loads(b"".join([*parts, outcome.fragment]).decode("utf-8").splitlines()[0])
    assert first["path"] == "t.txt"
    assert outcome.summary["documents"] == 1 and outcome.summary["errors"] == 1 and outcome.rank == 3


ROOT_SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _big(path: str) -> DocumentResult:
    from auditor.pipeline import audit_text

    return audit_text("\n".join(p.read_text(encoding="utf-8") for p in ROOT_SEEDS), path)


def test_a_large_document_comes_back_in_parts_that_make_the_same_json(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.report import json as json_report

    monkeypatch.setattr(batch_job, "PART_BYTES", 20_000)
    monkeypatch.setattr(json_report, "CHUNK", 50)
    job = batch.DocumentJob(_big, "json")
    ((_, outcome, parts),) = list(batch.run(["big.txt"], job, job.failed))
    assert len(parts) >= 3 and all(len(p) >= 20_000 for p in parts)
    assert json.loads(b"".join([*parts, outcome.fragment])) == json.loads(json_report.fragment(_big("big.txt")))


def test_parts_of_a_document_whose_worker_died_are_dropped(tmp_path: Path) -> None:
    marker = tmp_path / "once"

    def work(path: str):  # type: ignore[no-untyped-def]
        yield b"first try "
        if not marker.exists():
            marker.write_text("x", encoding="ascii")
            os.kill(os.getpid(), signal.SIGKILL)
        yield b"second try"
        return "done"

    ((_, result, parts),) = list(batch.run(["p"], work, failed))
    assert (result, parts) == ("done", [b"first try ", b"second try"])


def test_lone_surrogates_become_json_escapes() -> None:
    assert json.loads(batch.encode('{"t":"a\ud800b"}')) == {"t": "a\ud800b"}


# --- through the command line ------------------------------------------------------------

def test_cli_timeout_reports_the_document_and_audits_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor import pipeline

    real = pipeline.run_path

    def run_path(path: Path, *a: object, **kw: object) -> DocumentResult:
        if path.name == "hang.txt":
            time.sleep(600)
        return real(path, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "run_path", run_path)
    files = []
    for name in ("a.txt", "hang.txt", "b.txt"):
        (tmp_path / name).write_text("受理45起，办结43起，办结率95.6%。\n", encoding="utf-8")
        files.append(str(tmp_path / name))
    status = cli.main(["check", "--format", "json", "--timeout", "1", "--jobs", "2", *files])
    out, err = capsys.readouterr()
    assert status == 2
    docs = json.loads(out)["documents"]
    assert [d["error"] and d["error"]["code"] for d in docs] == [None, "timeout", None]
    assert err.splitlines() == [f"auditor: {files[1]}: gave up after 1 s (--timeout 1) [timeout]"]
    assert docs[0]["quantities"] and docs[2]["quantities"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--timeout", "-1"], "must be 0"),
    (["--max-memory", "lots"], "not a size"),
    (["--jobs", "many"], "not a number"),
])
def test_bad_limits_are_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", *argv, "x.txt"]) == 2
    assert message in capsys.readouterr().err


def test_limit_values_parse() -> None:
    args = cli.build_parser().parse_args(["check", "--max-memory", "512M", "--timeout", "0", "--jobs", "auto", "x"])
    assert (args.max_memory, args.timeout) == (512 * 2**20, 0.0)
    assert args.jobs >= 1
    assert cli.build_parser().parse_args(["check", "--max-memory", "2G", "x"]).max_memory == 2 * 2**30


HANGING_CLI = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from auditor import cli, pipeline
    real = pipeline.run_path
    def run_path(path, *a, **kw):
        if path.name.startswith("hang"):
            Path(sys.argv[1]).write_text(str(os.getpid()))
            time.sleep(600)
        return real(path, *a, **kw)
    pipeline.run_path = run_path
    sys.exit(cli.main(sys.argv[2:]))
""")


def test_jsonl_keeps_what_was_done_when_the_run_is_killed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("共受理办件37116件,办结37082件,按时办结率99.98%。\n\n", encoding="utf-8")
    hang = tmp_path / "hang.txt"
    hang.write_text("x", encoding="utf-8")
    pid_file = tmp_path / "worker.pid"
    argv = [sys.executable, "-c", HANGING_CLI, str(pid_file), "check", "--format", "jsonl",
            str(tmp_path / "missing.txt"), str(bad), str(hang)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.stdout is not None
    try:
        deadline = time.monotonic() + 60
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pid_file.exists(), "the hanging document never started"
        time.sleep(0.2)
        proc.send_signal(signal.SIGKILL)  # stopped from outside, mid-run
        out = proc.stdout.read().decode("utf-8")
    finally:
        proc.kill()
        proc.wait()
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {"path": str(tmp_path / "missing.txt"), "error": rows[0]["error"]}
    assert {r["code"] for r in rows[1:]} >= {"R201"} and all(r["path"] == str(bad) for r in rows[1:])
    worker = int(pid_file.read_text())
    for _ in range(100):  # the worker dies with its parent: no orphan left running
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived the killed CLI")


SLOW_CLI = textwrap.dedent("""
    import sys, time
    from auditor import cli, pipeline
    real = pipeline.run_path
    def run_path(path, *a, **kw):
        time.sleep(0.02)
        return real(path, *a, **kw)
    pipeline.run_path = run_path
    sys.exit(cli.main(sys.argv[1:]))
""")


def test_cli_jobs_2_batch_of_200_loses_nothing_when_a_worker_is_killed(tmp_path: Path) -> None:
    for i in range(200):
        (tmp_path / f"d{i:03}.txt").write_text(f"第{i}项：受理{i + 40}件，办结{i + 30}件。\n", encoding="utf-8")
    out = tmp_path / "report.json"
    argv = [sys.executable, "-c", SLOW_CLI, "check", "--format", "json", "--jobs", "2", "-o", str(out), str(tmp_path)]
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed = None
    try:
        deadline = time.monotonic() + 60
        started = None
        while killed is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            pids = children.read_text().split() if children.exists() else []
            if len(pids) >= 2 and started is None:
                started = time.monotonic()
            # in the middle of the batch: 200 documents of 20 ms and more on two workers take 2 s at least
            if started is not None and time.monotonic() - started >= 1.0 and len(pids) >= 2:
                killed = int(pids[0])
                os.kill(killed, signal.SIGKILL)
                assert proc.poll() is None, "the batch ended before the worker was killed"
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert killed is not None, "no worker to kill"
    assert proc.returncode in (0, 1), err.decode()
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert sorted(Path(d["path"]).name for d in docs) == [f"d{i:03}.txt" for i in range(200)]
    assert all(d["error"] is None and d["quantities"] for d in docs)


def _waits_for(path: str) -> str:
    """Blocks until `path` exists: a document still in its worker."""
    deadline = time.monotonic() + 30
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.01)
    return "ok:" + path


def test_idle_runs_once_while_the_workers_hold_their_first_documents(tmp_path: Path) -> None:
    flag = tmp_path / "idle-ran"
    seen: list[str] = []

    def idle() -> None:  # the workers cannot finish before this runs: they wait for its flag
        seen.append("idle")
        flag.write_text("")

    for _, result, _parts in batch.run([str(flag)] * 3, _waits_for, failed, jobs=2, idle=idle):
        seen.append(result)
    assert seen == ["idle", *["ok:" + str(flag)] * 3]


# --- the warm-up: once, in the parent the workers are forked from ------------------------------

def test_forked_workers_start_warm_and_warm_no_more(tmp_path: Path) -> None:
    log = tmp_path / "warmed"

    def warm() -> None:
        with open(log, "a", encoding="ascii") as fh:
            fh.write(f"{os.getpid()}\n")

    def work(path: str) -> str:
        return str(os.getpid())

    got = run([str(tmp_path / f"d{i}") for i in range(6)], work, jobs=2, warm=warm)
    assert sorted(got) == list(range(6)) and str(os.getpid()) not in got.values()  # audited in the workers
    assert log.read_text(encoding="ascii").split() == [str(os.getpid())]  # warmed in the parent, once
