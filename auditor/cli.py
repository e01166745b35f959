"""The command line: wires load -> audit -> report and chooses the exit status.

Exit status (SPEC.md): 2 for a usage error or any document that could not be
read (the others are still audited and reported), else 1 when a finding is at
or above --fail-on, else 0. A user's mistake gets one line on stderr, never a
traceback. Heavy libraries (rich, pandas) are imported only when used, so
`auditor --help` starts fast.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.cli_args import EXIT_ERROR, FAIL_ON, FORMATS, build_parser, help_lang

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import TextIO

    from auditor.config import Config, Settings
    from auditor.model import DocumentResult, Report, Waiver
    from auditor.progress import NoProgress
    from auditor.walk import Skip, Walk

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FINDINGS = 0, 1
__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "FORMATS", "UsageError", "build_parser", "main"]


class UsageError(Exception):
    """A mistake on the command line: one line on stderr, exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    from auditor.recache import enabled

    with enabled():  # compiled patterns kept between runs (auditor/recache.py)
        return _main(list(argv) if argv is not None else sys.argv[1:])


def _main(argv: list[str]) -> int:
    parser = build_parser(help_lang(argv))
    try:
        args = parser.parse_args(argv)
        lang = getattr(args, "lang", None) or args.top_lang
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        if args.command == "text":
            return _cmd_text(args.path)
        if args.command == "explain":
            from auditor.cli_rules import cmd_explain

            return cmd_explain(args.code, args.no_color, lang or help_lang([]))
        if args.command == "rules":
            from auditor.cli_rules import cmd_rules

            return cmd_rules(lang or help_lang([]))
        args.lang = lang
        return _cmd_batch(args, args.command)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_ERROR)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


# --- output helpers --------------------------------------------------------------------

def _err(message: str) -> None:
    sys.stderr.write(f"auditor: {message}\n")
    sys.stderr.flush()


def _write_stdout(data: str) -> None:
    """Write text to stdout; UTF-8 bytes when the console's encoding cannot hold it."""
    try:
        sys.stdout.write(data)
        sys.stdout.flush()
    except UnicodeEncodeError:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            raise
        buffer.write(data.encode("utf-8", "replace"))
        buffer.flush()
    except BrokenPipeError:  # `auditor check ... | head`: the reader left, nothing more to say
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _color_wanted(no_color: bool, to_terminal: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return to_terminal


# --- text and explain ------------------------------------------------------------------

def _cmd_text(path: str) -> int:
    from auditor.load import LoadError, load

    try:
        doc = load(Path(path))
    except LoadError as exc:
        _err(f"{path}: {exc.message} [{exc.code}]")
        return EXIT_ERROR
    except Exception as exc:  # a loader bug must not become a traceback for the user
        log.debug("loading %s failed", path, exc_info=True)
        _err(f"{path}: internal error: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    _write_stdout(doc.text)
    return EXIT_OK


# --- check and extract: what to read --------------------------------------------------

def _walk(raw_paths: Sequence[str], own: Sequence[str]) -> Walk:
    from auditor.walk import walk

    return walk(raw_paths, own)


def _skip_result(skip: Skip) -> DocumentResult:
    from auditor.model import DocError, DocumentResult

    return DocumentResult(skip.path, "", 0, "", error=DocError(skip.code, skip.reason))


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):
        return False


def _check_outputs(outputs: Sequence[tuple[str, str]], inputs: Sequence[Path]) -> None:
    """Refuse to write a report or a baseline over any input: the tool never writes to its inputs."""
    for flag, output in outputs:
        for p in inputs:
            if _same_file(Path(output), p):
                raise UsageError(f"refusing to write the report over the input file {str(p)!r}; "
                                 f"choose another {flag}")
    for i, (flag, output) in enumerate(outputs):
        for other_flag, other in outputs[i + 1:]:
            if _same_file(Path(output), Path(other)):
                raise UsageError(f"{flag} and {other_flag} name the same file {output!r}")


# --- check and extract: the execution loop (one document at a time, or a process pool) ---

def _internal_error(path: str, exc: BaseException) -> DocumentResult:
    from auditor.model import DocError, DocumentResult

    return DocumentResult(path, "", 0, "", error=DocError("internal", f"internal error: {type(exc).__name__}: {exc}"))


def _audit_one(path: str, mode: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> DocumentResult:
    """Audit one file; any failure becomes that document's error, never the batch's."""
    from auditor import pipeline

    try:
        return pipeline.run_path(Path(path), mode, select, ignore)
    except Exception as exc:
        log.debug("auditing %s failed", path, exc_info=True)
        return _internal_error(path, exc)


def _run_all(paths: Sequence[Path], mode: str, select: tuple[str, ...], ignore: tuple[str, ...],
             jobs: int, on: NoProgress | _Tee | None = None, config: Config | None = None,
             timeout: float | None = None, max_memory: int | None = None) -> list[DocumentResult]:
    """Every document audited, in input order, in supervised worker processes (auditor/batch.py).

    A worker that dies is replaced and its document retried once, then reported `crashed`; a
    document past `timeout` seconds is `timeout`, one past `max_memory` is `too_large`; the batch
    goes on. `on` hears of each document as it finishes (the progress bar).
    """
    from functools import partial

    from auditor import batch
    from auditor.progress import NoProgress

    on = on or NoProgress()
    names = [str(p) for p in paths]
    work = partial(_audit_one, mode=mode, select=select, ignore=ignore)
    results: list[DocumentResult | None] = [None] * len(names)
    try:
        for i, result, _ in batch.run(names, work, _failed, jobs, timeout, max_memory, partial(_warm, config)):
            on.started(names[i])
            results[i] = result
            on.finished(result)
    except (OSError, NotImplementedError, ImportError) as exc:  # no worker processes here: go on in this one
        log.debug("worker processes unavailable (%s); auditing in this process", exc)
        for i, name in enumerate(names):
            if results[i] is None:
                on.started(name)
                one = results[i] = _audit_one(name, mode, select, ignore)
                on.finished(one)
    return [r for r in results if r is not None]


def _failed(path: str, code: str, message: str) -> DocumentResult:
    """A document its worker could not finish (timeout, too_large, crashed)."""
    from auditor.model import DocError, DocumentResult

    return DocumentResult(path, "", 0, "", error=DocError(code, message))


def _warm(config: Config | None) -> None:
    """Once per worker (or once in the parent, whose forks inherit it): the configured words, compiled patterns."""
    from auditor import batch
    from auditor.config import apply_lexicon

    apply_lexicon(config)
    batch.warm_up()


def _run_dask(paths: Sequence[Path], args: argparse.Namespace, settings: Settings) -> int:
    """`--engine dask`: the audit on a Dask cluster, Parquet datasets in --output DIR."""
    from auditor import engine_dask

    if not args.output:
        raise UsageError("--engine dask writes Parquet datasets: give --output DIR")
    try:
        errors = engine_dask.run([str(p) for p in paths], Path(args.output), scheduler=args.scheduler,
                                 select=settings.select, ignore=settings.ignore, lang=settings.lang)
    except engine_dask.EngineError as exc:
        raise UsageError(str(exc)) from None
    for path, message in errors:
        _err(f"{path}: {message}")
    return EXIT_ERROR if errors else EXIT_OK


# --- check and extract: what the results mean ------------------------------------------

def _matches(code: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix that `code` starts with, -1 when none."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def _keep(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """--select/--ignore by prefix; the more specific prefix wins, ignore wins a tie."""
    chosen = _matches(code, select) if select else 0
    return chosen >= 0 and chosen > _matches(code, ignore)


def _severity_for(code: str, overrides: Sequence[tuple[str, str]]) -> str | None:
    """The configured severity of `code`: the longest matching prefix wins."""
    best = max((p for p in overrides if code.startswith(p[0])), key=lambda p: len(p[0]), default=None)
    return best[1] if best else None


def _filter(result: DocumentResult, select: Sequence[str], ignore: Sequence[str],
            severity: Sequence[tuple[str, str]] = ()) -> DocumentResult:
    """--select/--ignore, then the configuration's severity overrides."""
    if not (select or ignore or severity) or not result.findings:
        return result
    from auditor.model import Severity

    kept = []
    for f in result.findings:
        if not _keep(f.code, select, ignore):
            continue
        sev = _severity_for(f.code, severity)
        kept.append(f if sev is None or sev == f.severity.value else replace(f, severity=Severity(sev)))
    return replace(result, findings=tuple(kept))


def _failing(report: Report, fail_on: str) -> dict[str, int]:
    """Open (not waived) findings at or above --fail-on, by severity."""
    threshold = FAIL_ON[fail_on]
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in report.documents:
        for f in d.findings:
            if f.waiver is None and f.severity.rank >= threshold:
                counts[f.severity.value] += 1
    return counts


def status_line(report: Report, status: int, fail_on: str, lang: str, unread: int) -> str:
    """The report's last line: what the exit status means (`2 个错误达到 --fail-on error，退出码 1`)."""
    from auditor.report.i18n import strings

    t = strings(lang)
    waived = report.summary.get("waived", 0)
    note = t["waived_note"].format(n=waived) if waived else ""
    if status == EXIT_ERROR:
        return t["exit_unread"].format(n=unread)
    if report.mode == "extract":
        return t["exit_extract"]
    counts = _failing(report, fail_on)
    if status == EXIT_FINDINGS:
        parts = [t[f"count_{k}"].format(n=n) for k, n in counts.items() if n]
        return t["exit_findings"].format(counts=t["count_sep"].join(parts), fail_on=fail_on) + note
    if fail_on == "never" and report.summary["errors"] + report.summary["warnings"]:
        return t["exit_never"] + note
    return t["exit_clean"].format(fail_on=fail_on) + note


def _settings(args: argparse.Namespace) -> Settings:
    """The run's settings: flags over the configuration file over the defaults."""
    from auditor.config import ConfigError, apply_lexicon, find, resolve

    flags = {name: getattr(args, name, None) for name in
             ("format", "select", "ignore", "fail_on", "lang", "jobs", "baseline", "waivers")}
    try:
        config = find(args.config, args.no_config, list(args.paths))
        settings = resolve(flags, config)
        apply_lexicon(config)
    except ConfigError as exc:
        raise UsageError(f"configuration: {exc}") from None
    return settings


def _review_files(settings: Settings) -> tuple[frozenset[str] | None, dict[str, Waiver] | None]:
    from auditor.baseline import ReviewFileError, read_baseline, read_waivers

    try:
        baseline = read_baseline(Path(settings.baseline)) if settings.baseline else None
        waivers = read_waivers(Path(settings.waivers)) if settings.waivers else None
    except ReviewFileError as exc:
        raise UsageError(str(exc)) from None
    return baseline, waivers


def _write(path: str, out: str | bytes, fmt: str) -> bool:
    try:
        if isinstance(out, bytes):
            Path(path).write_bytes(out)
        else:
            # a BOM lets spreadsheet programs read a UTF-8 CSV file as UTF-8
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            with open(path, "w", encoding=encoding, newline="") as fh:
                fh.write(out)
    except OSError as exc:
        _err(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True


def _plan(args: argparse.Namespace, settings: Settings) -> Walk:
    """What the run reads, once sure that nothing it writes lands on an input (else a usage error)."""
    write_baseline = getattr(args, "write_baseline", None)
    config_file = settings.config.source.split(" [tool.auditor]")[0] if settings.config else None
    own = [p for p in (config_file, settings.baseline, settings.waivers, write_baseline, args.output) if p]
    walked = _walk(args.paths, own)
    outputs = [(flag, path) for flag, path in (("--output", args.output), ("--write-baseline", write_baseline))
               if path]
    protected = [*walked.files, *(Path(p) for p in (settings.baseline, settings.waivers, config_file) if p)]
    if write_baseline and settings.baseline and _same_file(Path(write_baseline), Path(settings.baseline)):
        # a baseline may be written over the one it was read from: that is how it is refreshed
        protected = [p for p in protected if not _same_file(p, Path(settings.baseline))]
    _check_outputs(outputs, protected)
    return walked


def _audit(args: argparse.Namespace, settings: Settings, walked: Walk, mode: str,
           sink: _JsonlSink | None = None) -> list[DocumentResult]:
    """Every entry in order: the audited documents, and a document error for each entry not audited.

    With a `sink` (jsonl), each document's lines are written as soon as it is audited.
    """
    from auditor.progress import progress
    from auditor.walk import Skip

    select, ignore = settings.select, settings.ignore
    if sink is not None:
        for e in walked.entries:
            if isinstance(e, Skip):
                sink.write(_skip_result(e))
    with progress(len(walked.files), settings.format, settings.lang, _color_wanted(args.no_color, True)) as bar:
        on = bar if sink is None else _Tee(bar, sink, lambda r: _filter(r, select, ignore, settings.severity))
        audited = iter(_run_all(walked.files, mode, select, ignore, settings.jobs, on, settings.config,
                                args.timeout, args.max_memory))
    results = [_filter(_skip_result(e) if isinstance(e, Skip) else next(audited), select, ignore, settings.severity)
               for e in walked.entries]
    if mode == "check":
        from auditor.across import with_cross_findings

        # C503 compares reports of successive years: it needs the whole batch
        crossed = [_filter(r, select, ignore, settings.severity) for r in with_cross_findings(results, select, ignore)]
        if sink is not None:  # the lines written so far stand; the batch's own findings follow
            for before, after in zip(results, crossed, strict=True):
                if len(after.findings) > len(before.findings):
                    added = tuple(f for f in after.findings if f not in before.findings)
                    sink.write(replace(after, findings=added))
        results = crossed
    return results


class _Tee:
    """The progress bar, and a jsonl sink that writes each document as it finishes."""

    def __init__(self, bar: NoProgress, sink: _JsonlSink, shape: Callable[[DocumentResult], DocumentResult]) -> None:
        self.bar, self.sink, self.shape = bar, sink, shape

    def started(self, path: str) -> None:
        self.bar.started(path)

    def finished(self, result: DocumentResult) -> None:
        self.sink.write(self.shape(result))
        self.bar.finished(result)


class _JsonlSink:
    """`--format jsonl` written document by document (flushed), baselines and waivers applied to each."""

    def __init__(self, output: str | None, settings: Settings, mode: str,
                 baseline: frozenset[str] | None, waivers: Mapping[str, Waiver] | None) -> None:
        self.output, self.lang, self.mode = output, settings.lang, mode
        self.baseline, self.waivers = baseline, waivers
        self.fh: TextIO | None = None

    def __enter__(self) -> _JsonlSink:
        if self.output:
            try:
                self.fh = open(self.output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed in __exit__)
            except OSError as exc:
                raise UsageError(f"cannot write {self.output}: {exc.strerror or exc}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()

    def write(self, doc: DocumentResult) -> None:
        from auditor.baseline import review
        from auditor.model import Report
        from auditor.report.jsonl import fragment

        if self.mode == "check":
            doc = review(Report((doc,), mode=self.mode), self.baseline, self.waivers).documents[0]
        text = fragment(doc, self.mode, self.lang)
        if not text:
            return
        if self.fh is None:
            _write_stdout(text)
            sys.stdout.flush()
        else:
            self.fh.write(text)
            self.fh.flush()


def _emit(args: argparse.Namespace, settings: Settings, report: Report, line: str) -> bool:
    """Render the report and write it (stdout or --output); the status line ends a terminal report."""
    from auditor.progress import stderr_is_terminal
    from auditor.report import render

    fmt = settings.format
    to_terminal = not args.output and _stdout_is_terminal()
    color = fmt == "rich" and _color_wanted(args.no_color, to_terminal)
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else None
    if fmt == "rich":
        from auditor.report import rich

        out: str | bytes = rich.render(report, lang=settings.lang, color=color, width=width, status_line=line)
    else:
        out = render(report, fmt, lang=settings.lang, color=color, width=width)
    if args.output:
        if not _write(args.output, out, fmt):
            return False
    else:
        _write_stdout(out if isinstance(out, str) else out.decode("utf-8", "replace"))
    if (fmt != "rich" or args.output) and stderr_is_terminal():
        _err(line)  # a machine-readable report keeps its stdout clean: the meaning goes to stderr
    return True


def _cmd_batch(args: argparse.Namespace, mode: str) -> int:
    from auditor.baseline import review, write_baseline
    from auditor.model import Report
    from auditor.report import BINARY_FORMATS

    settings = _settings(args)
    if settings.format in BINARY_FORMATS and not args.output:
        raise UsageError(f"--format {settings.format} writes a binary workbook: give --output FILE")
    baseline, waivers = _review_files(settings)
    walked = _plan(args, settings)
    status = EXIT_OK
    for raw in walked.empty:
        _err(f"{raw}: {'no supported files in this folder' if Path(raw).is_dir() else 'nothing to audit'}")
        status = EXIT_ERROR
    if getattr(args, "engine", "local") == "dask":
        from auditor.walk import Skip

        # every entry goes to the cluster: one that cannot be read becomes a document row with its error
        entries = [Path(e.path) if isinstance(e, Skip) else e for e in walked.entries]
        return max(status, _run_dask(entries, args, settings))
    if settings.format == "jsonl":
        with _JsonlSink(args.output, settings, mode, baseline, waivers) as sink:
            results = _audit(args, settings, walked, mode, sink)
    else:
        results = _audit(args, settings, walked, mode)
    for r in results:
        for code, message in r.notes:  # read and audited, with something the reader should know
            _err(f"{r.path}: note: {message} [{code}]")
        if r.error is not None:
            _err(f"{r.path}: {r.error.message} [{r.error.code}]")  # the stable code last: one line per file
            status = EXIT_ERROR
    report = Report(tuple(results), mode=mode)
    baseline_out = getattr(args, "write_baseline", None)
    if baseline_out:
        try:
            write_baseline(report, Path(baseline_out))
        except OSError as exc:
            _err(f"cannot write {baseline_out}: {exc.strerror or exc}")
            return EXIT_ERROR
    report = review(report, baseline, waivers)
    if status == EXIT_OK and mode == "check" and any(_failing(report, settings.fail_on).values()):
        status = EXIT_FINDINGS
    unread = sum(1 for r in results if r.error is not None) + len(walked.empty)
    line = status_line(report, status, settings.fail_on, settings.lang, unread)
    if settings.format == "jsonl":  # written document by document already (_JsonlSink)
        from auditor.progress import stderr_is_terminal

        if stderr_is_terminal():
            _err(line)
        return status
    return status if _emit(args, settings, report, line) else EXIT_ERROR
