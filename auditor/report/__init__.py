"""Reporters: one module per `--format`, all reading the same Report.

`render` imports only the module it needs, so a JSON run never loads rich
and only xlsx loads openpyxl.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the reporters import the model; `auditor --help` reads only i18n and needs neither
    from auditor.model import Report

FORMATS = ("rich", "json", "jsonl", "csv", "html", "sarif", "xlsx", "github")
#: formats whose output is bytes rather than text
BINARY_FORMATS = frozenset({"xlsx"})


def render(report: Report, fmt: str, lang: str = "zh", color: bool = False,
           width: int | None = None) -> str | bytes:
    """The report in `fmt`: text for every format but xlsx, which gives bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    module = importlib.import_module(f"auditor.report.{fmt}")
    result: str | bytes = module.render(report, lang=lang, color=color, width=width)
    return result


def preload(fmt: str) -> None:
    """Import the reporter of `fmt` (and what it renders with) ahead of use; never raises."""
    if fmt not in FORMATS:
        return
    try:
        module = importlib.import_module(f"auditor.report.{fmt}")
        getattr(module, "preload", lambda: None)()
    except Exception:  # noqa: S110 (render() will say what is wrong, at its place)
        pass
