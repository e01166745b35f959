"""`--format jsonl`: one JSON object per line, for grep, jq and streaming.

A line per finding (per quantity in extract mode), each with its document's
path; a document that could not be read gets one line with `error`. The CLI
writes each document's lines as soon as it is audited (`StreamWriter`), in the
order documents finish, so a run stopped from outside keeps what was done.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from auditor.model import DocumentResult, Report
from auditor.report.common import quantity_dict
from auditor.report.json import CHUNK, finding_dicts

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _rows(doc: DocumentResult, mode: str, lang: str) -> Iterator[dict[str, Any]]:
    if doc.error is not None:
        yield {"path": doc.path, "error": {"code": doc.error.code, "message": doc.error.message}}
    elif mode == "extract":
        yield from ({"path": doc.path, **quantity_dict(q)} for q in doc.quantities)
    else:
        yield from ({"path": doc.path, **f} for f in finding_dicts(doc, lang))


def fragment_parts(doc: DocumentResult, mode: str = "check", lang: str = "zh") -> Iterator[str]:
    """The document's lines, CHUNK at a time."""
    rows = _rows(doc, mode, lang)
    while chunk := list(islice(rows, CHUNK)):
        yield "".join(_ENCODE(r) + "\n" for r in chunk)


def fragment(doc: DocumentResult, mode: str = "check", lang: str = "zh") -> str:
    """The document's lines (empty for a readable document with nothing to list)."""
    return "".join(fragment_parts(doc, mode, lang))


class StreamWriter:
    """Writes each document's lines (UTF-8 bytes) as they come: no order to keep, no summary."""

    def __init__(self, write: Callable[[bytes], Any], mode: str = "check", lang: str = "zh") -> None:
        self.write = write

    def add(self, index: int, parts: list[bytes]) -> None:
        for part in parts:
            self.write(part)

    def close(self, summary: dict[str, int]) -> None:
        pass


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    return "".join(fragment(d, report.mode, lang) for d in report.documents)
