"""The command line: wires load -> audit -> report and chooses the exit status.

The stages are modules of their own: cli_args (the grammar), cli_plan (what is read and written),
cli_run (the loop over documents), cli_filter (--select/--ignore), cli_output (the report, the
status line), cli_rules (explain, rules).

Exit status (SPEC.md): 2 for a usage error or any document that could not be
read (the others are still audited and reported), else 1 when a finding is at
or above --fail-on, else 0. A user's mistake gets one line on stderr, never a
traceback. Heavy libraries (rich, pandas) are imported only when used, so
`auditor --help` starts fast.
"""
from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.cli_args import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, FORMATS, UsageError, build_parser, help_lang
from auditor.cli_filter import filter_result as _filter
from auditor.cli_filter import keep as _keep
from auditor.cli_output import color_wanted as _color_wanted
from auditor.cli_output import emit, err, failing, status_line, write_stdout
from auditor.cli_plan import plan, review_files, settings_for
from auditor.cli_run import JsonlSink, audit_all, run_dask
from auditor.cli_run import run_all as _run_all

if TYPE_CHECKING:
    from auditor.cli_bodies import Bodies
    from auditor.config import Settings
    from auditor.model import DocumentResult, Waiver
    from auditor.walk import Walk

log = logging.getLogger(__name__)

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "FORMATS", "UsageError", "build_parser", "main", "status_line"]
# the stages' own names, as earlier versions of this module had them
__all__ += ["_color_wanted", "_filter", "_keep", "_run_all"]


def main(argv: Sequence[str] | None = None) -> int:
    from auditor.recache import enabled

    # start-up (imports, compiled patterns, settings) makes objects that live as long as the process,
    # and no garbage: no collections until the batch begins (_cmd_batch), or the command ends
    gc.disable()
    try:
        with enabled():  # compiled patterns kept between runs (auditor/recache.py)
            return _main(list(argv) if argv is not None else sys.argv[1:])
    finally:
        gc.enable()


def _main(argv: list[str]) -> int:
    parser = build_parser(help_lang(argv))
    try:
        args = parser.parse_args(argv)
        _log_tracebacks(getattr(args, "verbose", False))
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
        err(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        err("interrupted")
        return 130


class _Stderr(logging.Handler):
    """Records to whatever sys.stderr is when they are emitted."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")
        sys.stderr.flush()


def _log_tracebacks(verbose: bool) -> None:
    """`-v`: the debug records (an internal error's traceback, here or in a forked worker) on stderr;
    without it, none: the user sees the one-line error only."""
    logger = logging.getLogger("auditor")
    for handler in [h for h in logger.handlers if isinstance(h, _Stderr)]:
        logger.removeHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.NOTSET)
    if verbose:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("auditor: %(message)s"))
        logger.addHandler(handler)


# --- text and explain ------------------------------------------------------------------

def _cmd_text(path: str) -> int:
    from auditor.load import LoadError, load

    try:
        doc = load(Path(path))
    except LoadError as exc:
        err(f"{path}: {exc.message} [{exc.code}]")
        return EXIT_ERROR
    except Exception as exc:  # a loader bug must not become a traceback for the user
        log.debug("loading %s failed", path, exc_info=True)
        err(f"{path}: internal error: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    write_stdout(doc.text)
    return EXIT_OK


def _cmd_batch(args: argparse.Namespace, mode: str) -> int:
    from auditor.report import BINARY_FORMATS

    settings = settings_for(args)
    if settings.format in BINARY_FORMATS and not args.output:
        raise UsageError(f"--format {settings.format} writes a binary workbook: give --output FILE")
    baseline, waivers = review_files(settings)
    walked = plan(args, settings)
    status = EXIT_OK
    for raw in walked.empty:
        err(f"{raw}: {'no supported files in this folder' if Path(raw).is_dir() else 'nothing to audit'}")
        status = EXIT_ERROR
    gc.enable()  # start-up ends (the workers' warm-up keeps collections off itself: cli_run._warm)
    if getattr(args, "engine", "local") == "dask":
        from auditor.walk import Skip

        # every entry goes to the cluster: one that cannot be read becomes a document row with its error
        entries = [Path(e.path) if isinstance(e, Skip) else e for e in walked.entries]
        return max(status, run_dask(entries, args, settings))
    if settings.format == "jsonl":
        with JsonlSink(args.output, settings, mode, baseline, waivers) as sink:
            results = audit_all(args, settings, walked, mode, sink)
        return _finish(args, settings, walked, mode, results, baseline, waivers, status)
    from auditor.cli_bodies import Bodies

    bodies = Bodies() if settings.format == "json" else None
    try:
        results = audit_all(args, settings, walked, mode, bodies=bodies)
        return _finish(args, settings, walked, mode, results, baseline, waivers, status, bodies)
    finally:
        if bodies is not None:
            bodies.close()


def _finish(args: argparse.Namespace, settings: Settings, walked: Walk, mode: str, results: list[DocumentResult],
            baseline: frozenset[str] | None, waivers: dict[str, Waiver] | None, status: int,
            bodies: Bodies | None = None) -> int:
    """Notes and errors on stderr, the baseline written, the report reviewed and written, the exit status."""
    from auditor.baseline import review, write_baseline
    from auditor.model import Report

    for r in results:
        for code, message in r.notes:  # read and audited, with something the reader should know
            err(f"{r.path}: note: {message} [{code}]")
        if r.error is not None:
            err(f"{r.path}: {r.error.message} [{r.error.code}]")  # the stable code last: one line per file
            status = EXIT_ERROR
    report = Report(tuple(results), mode=mode)
    baseline_out = getattr(args, "write_baseline", None)
    if baseline_out:
        try:
            write_baseline(report, Path(baseline_out))
        except OSError as exc:
            err(f"cannot write {baseline_out}: {exc.strerror or exc}")
            return EXIT_ERROR
    report = review(report, baseline, waivers)
    if status == EXIT_OK and mode == "check" and any(failing(report, settings.fail_on).values()):
        status = EXIT_FINDINGS
    unread = sum(1 for r in results if r.error is not None) + len(walked.empty)
    line = status_line(report, status, settings.fail_on, settings.lang, unread)
    if settings.format == "jsonl":  # written document by document already (JsonlSink)
        from auditor.progress import stderr_is_terminal

        if stderr_is_terminal():
            err(line)
        return status
    return status if emit(args, settings, report, line, bodies) else EXIT_ERROR
