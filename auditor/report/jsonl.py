"""`--format jsonl`: one JSON object per line, for grep, jq and streaming.

A line per finding (per quantity in extract mode), each with its document's
path; a document that could not be read gets one line with `error`. The CLI
writes each document's lines as soon as it is audited (`StreamWriter`), in the
order documents finish, so a run stopped from outside keeps what was done.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from auditor.model import DocumentResult, Report
from auditor.report.common import quantity_dict
from auditor.report.json import finding_dicts

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def fragment(doc: DocumentResult, mode: str = "check", lang: str = "zh") -> str:
    """The document's lines (empty for a readable document with nothing to list)."""
    if doc.error is not None:
        rows: Any = [{"path": doc.path, "error": {"code": doc.error.code, "message": doc.error.message}}]
    elif mode == "extract":
        rows = ({"path": doc.path, **quantity_dict(q)} for q in doc.quantities)
    else:
        rows = ({"path": doc.path, **f} for f in finding_dicts(doc, lang))
    return "".join(_ENCODE(r) + "\n" for r in rows)


class StreamWriter:
    """Writes each document's lines as they come (jsonl has no order to keep and no summary)."""

    def __init__(self, write: Callable[[str], Any], mode: str = "check", lang: str = "zh") -> None:
        self.write = write

    def add(self, index: int, fragment: str) -> None:
        if fragment:
            self.write(fragment)

    def close(self, summary: dict[str, int]) -> None:
        pass


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    return "".join(fragment(d, report.mode, lang) for d in report.documents)
