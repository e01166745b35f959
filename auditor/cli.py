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
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: `auditor --help` starts faster
if TYPE_CHECKING:
    from typing import NoReturn

    from auditor.batch import Outcome
    from auditor.model import DocumentResult

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("rich", "json", "jsonl", "csv", "html", "sarif", "xlsx")  # = auditor.report.FORMATS
FAIL_ON = {"error": 3, "warning": 2, "never": 99}  # Severity.rank thresholds
_CODE_PREFIX = re.compile(r"^[A-Z]\d{0,3}$")


class UsageError(Exception):
    """A mistake on the command line: one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _codes(value: str) -> tuple[str, ...]:
    """`R2,U101` -> ("R2", "U101"): rule code prefixes, validated."""
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    bad = [c for c in codes if not _CODE_PREFIX.match(c)]
    if bad:
        raise argparse.ArgumentTypeError(f"not a rule code or prefix: {', '.join(bad)} (e.g. R2, U101)")
    return codes


def _jobs(value: str) -> int:
    if value.strip().lower() == "auto":
        return _cpus()
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n or _cpus()


def _cpus() -> int:
    """CPUs this process may run on (its affinity), not all the machine has."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _seconds(value: str) -> float:
    try:
        t = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not t >= 0 or t == float("inf"):
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more seconds")
    return t


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


def _memory(value: str) -> int:
    """`2G`, `512M`, `512` (MiB) -> bytes; 0 for no limit."""
    m = _SIZE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 2G, 512M)")
    scale = {"": 2**20, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def _add_run_options(batch: argparse.ArgumentParser) -> None:
    """Limits of each document's worker (auditor/batch.py)."""
    batch.add_argument("--timeout", type=_seconds, default=120.0, metavar="SECONDS",
                       help="give up a document after SECONDS, reported as timeout (0: no limit; default 120)")
    batch.add_argument("--max-memory", type=_memory, default=2048 * 2**20, metavar="SIZE",
                       help="memory one document may use, e.g. 2G or 512M; more is reported as too_large "
                            "(0: no limit; default 2G)")


def _add_engine_options(check: argparse.ArgumentParser) -> None:
    """`--engine dask` (auditor/engine_dask.py)."""
    check.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local worker processes, or a Dask cluster writing Parquet to --output DIR "
                            "(default: local)")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler's address (default: a local cluster)")


def build_parser() -> argparse.ArgumentParser:
    from auditor import __version__

    parser = _Parser(prog="auditor", description="Numeric consistency auditor for Chinese-language reports.")
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    batch = _Parser(add_help=False)
    batch.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders are searched recursively)")
    batch.add_argument("--format", choices=FORMATS, default="rich", help="output format (default: rich)")
    batch.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    batch.add_argument("--select", type=_codes, default=(), metavar="CODES",
                       help="only these rule codes or prefixes, comma-separated (e.g. R2,U101)")
    batch.add_argument("--ignore", type=_codes, default=(), metavar="CODES",
                       help="skip these rule codes or prefixes, comma-separated")
    batch.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                       help="audit N files in parallel (auto or 0: one per CPU; default 1)")
    batch.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default: zh)")
    batch.add_argument("--no-color", action="store_true", help="no colours (also when NO_COLOR is set)")
    _add_run_options(batch)

    check = sub.add_parser("check", parents=[batch], help="audit files and folders",
                           description="Audit the numbers in files and folders.")
    check.add_argument("--fail-on", choices=tuple(FAIL_ON), default="error",
                       help="exit 1 when a finding is at or above this severity (default: error)")
    _add_engine_options(check)
    sub.add_parser("extract", parents=[batch], help="list every quantity found",
                   description="List every number-and-unit pair found in files and folders.")

    text = sub.add_parser("text", help="print the plain text that all offsets index",
                          description="Print the plain text that all offsets index.")
    text.add_argument("path", metavar="PATH")

    explain = sub.add_parser("explain", help="show a rule's documentation",
                             description="Show a rule's documentation page.")
    explain.add_argument("code", metavar="CODE")
    explain.add_argument("--no-color", action="store_true", help="no colours (also when NO_COLOR is set)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        if args.command == "text":
            return _cmd_text(args.path)
        if args.command == "explain":
            return _cmd_explain(args.code, args.no_color)
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


def _write_stdout_bytes(data: bytes) -> None:
    """Streamed UTF-8 output to stdout, flushed: as text where stdout has no byte buffer."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        _write_stdout(data.decode("utf-8", "replace"))
        return
    try:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    except BrokenPipeError:  # the reader left: point stdout at devnull, as _write_stdout does
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
        _err(f"{path}: {exc.message}")
        return EXIT_ERROR
    except Exception as exc:  # a loader bug must not become a traceback for the user
        log.debug("loading %s failed", path, exc_info=True)
        _err(f"{path}: internal error: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    _write_stdout(doc.text)
    return EXIT_OK


def _cmd_explain(code: str, no_color: bool) -> int:
    try:
        from auditor.rules import docs
    except ImportError:
        raise UsageError("rule documentation is not available in this installation") from None
    known = tuple(docs.known_codes())
    key = code.strip().upper()
    try:
        if key not in known:
            raise KeyError(key)
        page = docs.rule_doc(key)
    except KeyError:
        listing = ", ".join(known) if known else "none"
        raise UsageError(f"unknown rule code {code!r}; known codes: {listing}") from None
    if _stdout_is_terminal():
        from rich.console import Console
        from rich.markdown import Markdown

        color = _color_wanted(no_color, True)
        Console(color_system="auto" if color else None, no_color=not color).print(Markdown(page))
    else:
        _write_stdout(page if page.endswith("\n") else page + "\n")
    return EXIT_OK


# --- check and extract -----------------------------------------------------------------

def _expand(raw_paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """Files to audit, in input order without repeats, and folders that held none."""
    from auditor.pipeline import iter_paths

    files: list[Path] = []
    seen: set[Path] = set()
    empty: list[str] = []
    for raw in raw_paths:
        try:
            found = list(iter_paths([raw]))
        except OSError as exc:
            raise UsageError(f"{raw}: {exc.strerror or exc}") from None
        if not found:
            empty.append(raw)
        for p in found:
            try:
                key = p.resolve()
            except (OSError, RuntimeError):
                key = p
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, empty


def _check_output(output: str, inputs: Sequence[Path]) -> None:
    """Refuse to write the report over any input: the tool never writes to its inputs."""
    target = Path(output)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        resolved = target
    for p in inputs:
        try:
            same = p.resolve() == resolved or (target.exists() and p.exists() and os.path.samefile(p, target))
        except (OSError, RuntimeError):
            same = False
        if same:
            raise UsageError(f"refusing to write the report over the input file {str(p)!r}; choose another --output")


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


def _matches(code: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix that `code` starts with, -1 when none."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def _keep(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """--select/--ignore by prefix; the more specific prefix wins, ignore wins a tie."""
    chosen = _matches(code, select) if select else 0
    return chosen >= 0 and chosen > _matches(code, ignore)


def _filter(result: DocumentResult, select: Sequence[str], ignore: Sequence[str]) -> DocumentResult:
    if not (select or ignore) or not result.findings:
        return result
    from dataclasses import replace  # not at the top: `auditor --help` needs no dataclasses

    kept = tuple(f for f in result.findings if _keep(f.code, select, ignore))
    return result if len(kept) == len(result.findings) else replace(result, findings=kept)


def _audited(path: str, mode: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> DocumentResult:
    """What a worker runs for one path (module level: picklable)."""
    return _filter(_audit_one(path, mode, select, ignore), select, ignore)


def _outcomes(paths: Sequence[Path], args: argparse.Namespace,
              mode: str) -> Iterator[tuple[int, Outcome, list[bytes]]]:
    """Every document's outcome and streamed output, as it finishes, from supervised workers (auditor/batch.py)."""
    from functools import partial

    from auditor import batch

    select, ignore = tuple(args.select), tuple(args.ignore)
    job = batch.DocumentJob(partial(_audited, mode=mode, select=select, ignore=ignore), args.format, mode, args.lang)
    names = [str(p) for p in paths]
    done: set[int] = set()
    try:
        for i, outcome, parts in batch.run(names, job, job.failed, args.jobs, args.timeout, args.max_memory,
                                           batch.warm_up):
            done.add(i)
            yield i, outcome, parts
    except (OSError, NotImplementedError, ImportError) as exc:  # no worker processes here: go on in this one
        log.debug("worker processes unavailable (%s); auditing in this process", exc)
        for i, name in enumerate(names):
            if i not in done:
                yield i, *batch.drive(job(name))


def _run_all(paths: Sequence[Path], args: argparse.Namespace, mode: str) -> list[DocumentResult]:
    results: list[DocumentResult | None] = [None] * len(paths)
    for i, outcome, _ in _outcomes(paths, args, mode):
        results[i] = outcome.result
    return [r for r in results if r is not None]


def _stream(paths: Sequence[Path], args: argparse.Namespace, mode: str, status: int) -> int:
    """json/jsonl: each document is written (and flushed) as soon as it is audited."""
    from importlib import import_module

    from auditor.batch import add_summaries

    fh = None
    if args.output:
        try:
            fh = open(args.output, "wb")  # noqa: SIM115 (closed below)
        except OSError as exc:
            _err(f"cannot write {args.output}: {exc.strerror or exc}")
            return EXIT_ERROR

    def write(data: bytes) -> None:
        if fh is None:
            _write_stdout_bytes(data)
        else:
            fh.write(data)
            fh.flush()

    summary: dict[str, int] = {}
    rank = 0
    try:
        writer = import_module(f"auditor.report.{args.format}").StreamWriter(write, mode, args.lang)
        errors = _ErrorLines(ordered=args.format == "json")
        for i, outcome, parts in _outcomes(paths, args, mode):
            if outcome.error is not None:
                status = EXIT_ERROR
            errors.add(i, None if outcome.error is None else f"{outcome.path}: {outcome.error.message}")
            add_summaries(summary, outcome.summary)
            rank = max(rank, outcome.rank)
            writer.add(i, [*parts, outcome.fragment])
        if not paths:
            summary = _empty_summary(mode)
        writer.close(summary)
    except OSError as exc:
        _err(f"cannot write {args.output or 'the report'}: {exc.strerror or exc}")
        return EXIT_ERROR
    finally:
        if fh is not None:
            fh.close()
    if status == EXIT_OK and mode == "check" and rank >= FAIL_ON[getattr(args, "fail_on", "error")]:
        status = EXIT_FINDINGS
    return status


class _ErrorLines:
    """One stderr line per unreadable document: in input order (json), or as they finish."""

    def __init__(self, ordered: bool) -> None:
        self.ordered, self.next, self.held = ordered, 0, dict[int, str | None]()

    def add(self, index: int, line: str | None) -> None:
        if not self.ordered:
            if line:
                _err(line)
            return
        self.held[index] = line
        while self.next in self.held:
            shown = self.held.pop(self.next)
            if shown:
                _err(shown)
            self.next += 1


def _empty_summary(mode: str) -> dict[str, int]:
    from auditor.model import Report

    return Report((), mode=mode).summary


def _run_dask(paths: Sequence[Path], args: argparse.Namespace, status: int) -> int:
    """`--engine dask`: the audit on a Dask cluster, Parquet datasets in --output DIR."""
    from auditor import engine_dask

    if not args.output:
        raise UsageError("--engine dask writes Parquet datasets: give --output DIR")
    try:
        errors = engine_dask.run([str(p) for p in paths], Path(args.output), scheduler=args.scheduler,
                                 select=tuple(args.select), ignore=tuple(args.ignore))
    except engine_dask.EngineError as exc:
        raise UsageError(str(exc)) from None
    for path, message in errors:
        _err(f"{path}: {message}")
        status = EXIT_ERROR
    return status


def _cmd_batch(args: argparse.Namespace, mode: str) -> int:
    from auditor.model import Report
    from auditor.report import BINARY_FORMATS, render

    fmt: str = args.format
    if fmt in BINARY_FORMATS and not args.output:
        raise UsageError(f"--format {fmt} writes a binary workbook: give --output FILE")
    paths, empty = _expand(args.paths)
    if args.output:
        _check_output(args.output, paths)
    status = EXIT_OK
    for raw in empty:
        _err(f"{raw}: {'no supported files in this folder' if Path(raw).is_dir() else 'nothing to audit'}")
        status = EXIT_ERROR

    if getattr(args, "engine", "local") == "dask":
        return _run_dask(paths, args, status)
    if fmt in ("json", "jsonl"):
        return _stream(paths, args, mode, status)
    results = _run_all(paths, args, mode)
    for r in results:
        if r.error is not None:
            _err(f"{r.path}: {r.error.message}")
            status = EXIT_ERROR
    report = Report(tuple(results), mode=mode)

    to_terminal = not args.output and _stdout_is_terminal()
    color = fmt == "rich" and _color_wanted(args.no_color, to_terminal)
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else None
    out = render(report, fmt, lang=args.lang, color=color, width=width)

    if args.output:
        try:
            if isinstance(out, bytes):
                Path(args.output).write_bytes(out)
            else:
                # a BOM lets spreadsheet programs read a UTF-8 CSV file as UTF-8
                encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
                with open(args.output, "w", encoding=encoding, newline="") as fh:
                    fh.write(out)
        except OSError as exc:
            _err(f"cannot write {args.output}: {exc.strerror or exc}")
            return EXIT_ERROR
    else:
        _write_stdout(out if isinstance(out, str) else out.decode("utf-8", "replace"))

    if status == EXIT_OK and mode == "check":
        threshold = FAIL_ON[getattr(args, "fail_on", "error")]
        if any(f.severity.rank >= threshold for r in results for f in r.findings):
            status = EXIT_FINDINGS
    return status
