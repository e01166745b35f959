"""A progress bar on stderr for batches: files done, findings so far, the current file.

Shown only where a person watches: more than one file, the terminal report (`--format rich`),
and stderr a terminal (not `TERM=dumb`). Anywhere else `progress()` gives a stand-in that does
nothing, so a machine-readable run, a pipe or a log never gets control characters. The bar
is transient: it disappears when the batch ends and the report is printed.
"""
from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any

from auditor.report.i18n import strings

if TYPE_CHECKING:
    from auditor.model import DocumentResult


class NoProgress:
    """The silent stand-in."""

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None

    def started(self, path: str) -> None:
        return None

    def finished(self, result: DocumentResult) -> None:
        return None


class BatchProgress(NoProgress):
    """rich's Progress on stderr: one task, advanced once per finished document."""

    def __init__(self, total: int, lang: str, color: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.t = strings(lang)
        self.findings = 0
        console = Console(file=sys.stderr, color_system="auto" if color else None, no_color=not color,
                          highlight=False, markup=False, emoji=False)
        self.bar = Progress(TextColumn(self.t["progress"]), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[found]}"), TimeElapsedColumn(),
                            TextColumn("{task.fields[current]}"), console=console, transient=True,
                            refresh_per_second=8)
        self.task = self.bar.add_task("", total=total, found=self._found(), current="")

    def _found(self) -> str:
        return self.t["progress_findings"].format(n=self.findings)

    def __enter__(self) -> BatchProgress:
        self.bar.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.bar.stop()

    def started(self, path: str) -> None:
        self.bar.update(self.task, current=_short(path))

    def finished(self, result: DocumentResult) -> None:
        self.findings += len(result.findings)
        self.bar.update(self.task, advance=1, found=self._found())


def _short(path: str, cells: int = 40) -> str:
    name = os.path.basename(path) or path
    return name if len(name) <= cells else "…" + name[-(cells - 1):]


def stderr_is_terminal(stream: Any = None) -> bool:
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def progress(total: int, fmt: str, lang: str, color: bool) -> NoProgress:
    """A bar for a batch of `total` files when a person watches stderr; the silent stand-in otherwise."""
    if total < 2 or fmt != "rich" or not stderr_is_terminal():
        return NoProgress()
    return BatchProgress(total, lang, color)
