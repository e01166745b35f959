"""The command line's output: stdout and stderr, the rendered report, the status line that ends it."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.cli_args import EXIT_ERROR, EXIT_FINDINGS, FAIL_ON

if TYPE_CHECKING:
    from auditor.cli_bodies import Bodies
    from auditor.config import Settings
    from auditor.model import Report


def err(message: str) -> None:
    sys.stderr.write(f"auditor: {message}\n")
    sys.stderr.flush()


def write_stdout(data: str) -> None:
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


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def color_wanted(no_color: bool, to_terminal: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return to_terminal


def failing(report: Report, fail_on: str) -> dict[str, int]:
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
    counts = failing(report, fail_on)
    if status == EXIT_FINDINGS:
        parts = [t[f"count_{k}"].format(n=n) for k, n in counts.items() if n]
        return t["exit_findings"].format(counts=t["count_sep"].join(parts), fail_on=fail_on) + note
    if fail_on == "never" and report.summary["errors"] + report.summary["warnings"]:
        return t["exit_never"] + note
    return t["exit_clean"].format(fail_on=fail_on) + note


def write_report(path: str, out: str | bytes, fmt: str) -> bool:
    try:
        if isinstance(out, bytes):
            Path(path).write_bytes(out)
        else:
            # a BOM lets spreadsheet programs read a UTF-8 CSV file as UTF-8
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            with open(path, "w", encoding=encoding, newline="") as fh:
                fh.write(out)
    except OSError as exc:
        err(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True


def emit(args: argparse.Namespace, settings: Settings, report: Report, line: str,
         bodies: Bodies | None = None) -> bool:
    """Render the report and write it (stdout or --output); the status line ends a terminal report."""
    from auditor.report import render

    fmt = settings.format
    to_terminal = not args.output and stdout_is_terminal()
    color = fmt == "rich" and color_wanted(args.no_color, to_terminal)
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else None
    if fmt == "json":  # written as it is rendered (to a file, the whole report is never held)
        if args.output:
            return write_json(args.output, report, settings.lang, bodies) and _status_after(fmt, args, line)
        write_stdout(_json_text(report, settings.lang, bodies))
        return _status_after(fmt, args, line)
    if fmt == "rich":
        from auditor.report import rich

        out: str | bytes = rich.render(report, lang=settings.lang, color=color, width=width, status_line=line)
    else:
        out = render(report, fmt, lang=settings.lang, color=color, width=width)
    if args.output:
        if not write_report(args.output, out, fmt):
            return False
    else:
        write_stdout(out if isinstance(out, str) else out.decode("utf-8", "replace"))
    return _status_after(fmt, args, line)


def _status_after(fmt: str, args: argparse.Namespace, line: str) -> bool:
    from auditor.progress import stderr_is_terminal

    if (fmt != "rich" or args.output) and stderr_is_terminal():
        err(line)  # a machine-readable report keeps its stdout clean: the meaning goes to stderr
    return True


def _json_text(report: Report, lang: str, bodies: Bodies | None) -> str:
    import io

    from auditor.report.json import write

    buf = io.BytesIO()
    write(report, buf.write, lang, *_prerendered(report, bodies))
    return buf.getvalue().decode("utf-8")


def _prerendered(report: Report, bodies: Bodies | None) -> tuple[Any, dict[str, int] | None]:
    return (None, None) if bodies is None else (bodies.chunks, bodies.summary(report))


def write_json(path: str, report: Report, lang: str, bodies: Bodies | None = None) -> bool:
    """`--format json --output FILE`: the bytes `render` would give, written document by document."""
    from auditor.report.json import write

    try:
        with open(path, "wb") as fh:
            write(report, fh.write, lang, *_prerendered(report, bodies))
    except OSError as exc:
        err(f"cannot write {path}: {exc.strerror or exc}")
        return False
    return True
