"""`--format json`: the `auditor/v1` document list of SPEC.md, exactly.

Numbers are exact decimal strings, never floats, so a consumer can redo the
arithmetic at the precision the report states.

The report is written document by document (`StreamWriter`): each document is one
compact line inside the indented top level, encoded by the C encoder in pieces, so
neither the whole report nor a whole document's dict list is held at once.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any

from auditor.model import Claim, DocumentResult, Finding, Report
from auditor.report.common import Lines, finding_position, message_for, quantity_dict, sorted_findings

SCHEMA = "auditor/v1"
#: items encoded per call of the C encoder
CHUNK = 2000
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "kind": c.kind, "start": c.start, "end": c.end, "text": c.text,
        "claimed": c.claimed, "unit": c.unit,
        "operands": [{"start": o.start, "end": o.end, "text": o.text} for o in c.operands],
        "expression": c.expression, "recomputed": c.recomputed, "status": c.status,
        "link": c.detail.get("link"),
    }


def finding_dict(f: Finding, line: int, column: int, lang: str) -> dict[str, Any]:
    return {
        "code": f.code, "severity": f.severity.value, "start": f.start, "end": f.end,
        "line": line, "column": column, "text": f.text, "message": message_for(f, lang),
        "claimed": f.claimed, "recomputed": f.recomputed, "expression": f.expression,
        "fingerprint": f.fingerprint,
        "waiver": None if f.waiver is None else {"who": f.waiver.who, "why": f.waiver.why, "date": f.waiver.date},
    }


class LazyLines:
    """`Lines` built only when a finding lacks the line the rules give it (they always set it)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: Lines | None = None

    def position(self, f: Finding) -> tuple[int, int]:
        if f.line > 0:
            return f.line, max(f.column, 1)
        if self._lines is None:
            self._lines = Lines(self._text)
        return finding_position(f, self._lines)


def finding_dicts(doc: DocumentResult, lang: str) -> list[dict[str, Any]]:
    lines = LazyLines(doc.text)
    return [finding_dict(f, *lines.position(f), lang) for f in sorted_findings(doc)]


def document_dict(doc: DocumentResult, mode: str, lang: str) -> dict[str, Any]:
    check = mode != "extract"
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "chars": doc.chars,
        "error": None if doc.error is None else {"code": doc.error.code, "message": doc.error.message},
        "quantities": [quantity_dict(q) for q in doc.quantities],
        "claims": [claim_dict(c) for c in doc.claims] if check else [],
        "findings": finding_dicts(doc, lang) if check else [],
        "notes": [{"code": code, "message": message} for code, message in doc.notes],
    }


def report_dict(report: Report, lang: str = "zh") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "documents": [document_dict(d, report.mode, lang) for d in report.documents],
        "summary": report.summary,
    }


def _array(items: Iterable[Any], to_dict: Callable[[Any], dict[str, Any]]) -> Iterator[str]:
    """A JSON array, encoded CHUNK items at a time."""
    yield "["
    chunk: list[dict[str, Any]] = []
    first = True
    for item in items:
        chunk.append(to_dict(item))
        if len(chunk) >= CHUNK:
            yield ("" if first else ",") + _ENCODE(chunk)[1:-1]
            first, chunk = False, []
    if chunk:
        yield ("" if first else ",") + _ENCODE(chunk)[1:-1]
    yield "]"


def body_parts(doc: DocumentResult, mode: str) -> Iterator[str]:
    """The document's object up to its findings: path, sha256, chars, error, quantities, claims (in pieces)."""
    check = mode != "extract"
    error = None if doc.error is None else {"code": doc.error.code, "message": doc.error.message}
    head = {"path": doc.path, "sha256": doc.sha256, "chars": doc.chars, "error": error}
    yield _ENCODE(head)[:-1] + ',"quantities":'
    yield from _array(doc.quantities, quantity_dict)
    yield ',"claims":'
    yield from _array(doc.claims if check else (), claim_dict)


def tail_parts(doc: DocumentResult, mode: str, lang: str) -> Iterator[str]:
    """The rest of the document's object: its findings (as reviewed) and notes."""
    check = mode != "extract"
    yield ',"findings":'
    yield _ENCODE(finding_dicts(doc, lang) if check else [])
    yield ',"notes":' + _ENCODE([{"code": code, "message": message} for code, message in doc.notes])
    yield "}"


def fragment_parts(doc: DocumentResult, mode: str, lang: str) -> Iterator[str]:
    """The document's object (`document_dict`, same keys, same order) in pieces."""
    yield from body_parts(doc, mode)
    yield from tail_parts(doc, mode, lang)


def fragment(doc: DocumentResult, mode: str = "check", lang: str = "zh") -> str:
    """The document's line of the report (what a worker sends back instead of the result)."""
    return "".join(fragment_parts(doc, mode, lang))


class StreamWriter:
    """Writes the report (UTF-8 bytes) as documents arrive, in input order, then the summary.

    `add(index, parts)` may come in any order; each document is written as soon as all
    those before it are.
    """

    def __init__(self, write: Callable[[bytes], Any], mode: str = "check", lang: str = "zh") -> None:
        self.write, self.mode, self.lang = write, mode, lang
        self._next = 0
        self._held: dict[int, Iterable[bytes]] = {}
        write(b'{\n "schema": "' + SCHEMA.encode() + b'",\n "documents": [')

    def _put(self, parts: Iterable[bytes]) -> None:
        self.write(b"\n  " if self._next == 0 else b",\n  ")
        for part in parts:
            self.write(part)
        self._next += 1

    def add(self, index: int, parts: Iterable[bytes]) -> None:
        self._held[index] = parts
        while self._next in self._held:
            self._put(self._held.pop(self._next))

    def close(self, summary: dict[str, int]) -> None:
        for index in sorted(self._held):  # none, unless a caller skipped an index
            self._put(self._held.pop(index))
        tail = ("\n ]" if self._next else "]") + ',\n "summary": ' + _ENCODE(summary) + "\n}\n"
        self.write(tail.encode())


def write(report: Report, out: Callable[[bytes], Any], lang: str = "zh",
          body: Callable[[DocumentResult], Iterable[bytes] | None] | None = None,
          summary: dict[str, int] | None = None) -> None:
    """The report as UTF-8 bytes, handed to `out` document by document (never the whole at once).

    `body(doc)`, where it gives bytes (in pieces, written as they come), is the document's object up to
    its findings as `body_parts` rendered it elsewhere (a worker); `summary` then stands for the report's own.
    """
    mode = report.mode

    def encoded(parts: Iterable[str]) -> bytes:
        return b"".join(p.encode("utf-8", "backslashreplace") for p in parts)

    writer = StreamWriter(out, mode, lang)
    for i, doc in enumerate(report.documents):
        head = body(doc) if body is not None else None
        if head is None:
            writer.add(i, [encoded(fragment_parts(doc, mode, lang))])
        else:
            writer.add(i, chain(head, (encoded(tail_parts(doc, mode, lang)),)))
    writer.close(report.summary if summary is None else summary)


def render(report: Report, lang: str = "zh", color: bool = False, width: int | None = None) -> str:
    buf = io.BytesIO()
    write(report, buf.write, lang)
    return buf.getvalue().decode("utf-8")
