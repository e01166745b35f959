"""The command line's grammar: commands, flags and --help, in Chinese (default) or English.

`--lang en` anywhere on the line, or AUDITOR_LANG=en, gives English help; argparse's own section
titles and usage prefix follow. Flags default to None so that a configuration file (config.py)
can fill in what the command line does not say.
"""
from __future__ import annotations

import argparse
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("rich", "json", "jsonl", "csv", "html", "sarif", "xlsx", "github")  # = auditor.report.FORMATS
FAIL_ON = {"error": 3, "warning": 2, "never": 99}  # Severity.rank thresholds


class UsageError(Exception):
    """A mistake on the command line: one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _codes(value: str) -> tuple[str, ...]:
    """`R2,U101` -> ("R2", "U101"): rule code prefixes, validated."""
    from auditor.config import parse_codes

    try:
        return parse_codes(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs(value: str) -> int:
    """`auto`, 0 (one per CPU) or a positive number."""
    from auditor.config import parse_jobs

    try:
        return parse_jobs(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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


def help_lang(argv: Sequence[str]) -> str:
    """The language of --help: `--lang` anywhere on the line, else AUDITOR_LANG, else Chinese."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in ("zh", "en"):
            return value
    env = os.environ.get("AUDITOR_LANG", "").strip().lower()
    return env if env in ("zh", "en") else "zh"


def _sub(sub: argparse._SubParsersAction, name: str, h: dict[str, str], **kw: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=h[name], description=h[f"{name}_desc"],
                                                     add_help=False, **kw)
    _localise(parser, h)
    return parser


def _localise(parser: argparse.ArgumentParser, h: dict[str, str]) -> None:
    """Section titles, the usage prefix and -h in the help language."""
    parser._positionals.title = h["positionals"]
    parser._optionals.title = h["options"]
    prefix = h["usage"]

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix_: str | None = None) -> None:
            super().add_usage(usage, actions, groups, prefix if prefix_ is None else prefix_)

    parser.formatter_class = Formatter
    parser.add_argument("-h", "--help", action="help", help=h["help"])


def build_parser(lang: str = "zh") -> argparse.ArgumentParser:
    from auditor import __version__
    from auditor.report.i18n import cli_help

    h = cli_help(lang)
    parser = _Parser(prog="auditor", description=h["description"], epilog=h["epilog"], add_help=False)
    _localise(parser, h)
    parser.add_argument("--version", action="version", version=f"auditor {__version__}", help=h["version"])
    parser.add_argument("--lang", dest="top_lang", choices=("zh", "en"), default=None, help=h["lang"])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=h["commands"])

    batch = _Parser(add_help=False)
    batch.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    batch.add_argument("--format", choices=FORMATS, default=None, help=h["format"])
    batch.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    batch.add_argument("--select", type=_codes, default=None, metavar="CODES", help=h["select"])
    batch.add_argument("--ignore", type=_codes, default=None, metavar="CODES", help=h["ignore"])
    batch.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N", help=h["jobs"])
    batch.add_argument("--lang", choices=("zh", "en"), default=None, help=h["lang"])
    batch.add_argument("--no-color", action="store_true", help=h["no_color"])
    batch.add_argument("--config", metavar="FILE", help=h["config"])
    batch.add_argument("--no-config", action="store_true", help=h["no_config"])
    batch.add_argument("-v", "--verbose", action="store_true", help=h["verbose"])
    batch.add_argument("--timeout", type=_seconds, default=120.0, metavar="SECONDS", help=h["timeout"])
    batch.add_argument("--max-memory", type=_memory, default=2048 * 2**20, metavar="SIZE", help=h["max_memory"])

    check = _sub(sub, "check", h, parents=[batch])
    check.add_argument("--fail-on", choices=tuple(FAIL_ON), default=None, help=h["fail_on"])
    check.add_argument("--baseline", metavar="FILE", help=h["baseline"])
    check.add_argument("--write-baseline", metavar="FILE", help=h["write_baseline"])
    check.add_argument("--waivers", metavar="FILE", help=h["waivers"])
    check.add_argument("--engine", choices=("local", "dask"), default="local", help=h["engine"])
    check.add_argument("--scheduler", metavar="ADDRESS", help=h["scheduler"])
    _sub(sub, "extract", h, parents=[batch])

    text = _sub(sub, "text", h)
    text.add_argument("path", metavar="PATH", help=h["path"])
    text.add_argument("-v", "--verbose", action="store_true", help=h["verbose"])

    explain = _sub(sub, "explain", h)
    explain.add_argument("code", metavar="CODE", help=h["code"])
    explain.add_argument("--lang", choices=("zh", "en"), default=None, help=h["lang"])
    explain.add_argument("--no-color", action="store_true", help=h["no_color"])

    rules = _sub(sub, "rules", h)
    rules.add_argument("--lang", choices=("zh", "en"), default=None, help=h["lang"])
    return parser
