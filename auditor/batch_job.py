"""The command line's job for a worker: audit one path and shape what is sent back for the output format.

Never the document's text unless the format reads it; json and jsonl are rendered in the worker and
streamed back in parts of about PART_BYTES.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec.structs import replace

if TYPE_CHECKING:
    from auditor.model import DocError, DocumentResult

#: formats written document by document, rendered in the worker
STREAMED = frozenset({"json", "jsonl"})
#: formats whose reporters read the document's text (context, line of a quantity)
NEEDS_TEXT = frozenset({"rich", "html", "sarif", "xlsx"})


class Outcome(msgspec.Struct, frozen=True):
    """What a worker sends back for one document: never its text unless the format reads it."""

    path: str
    error: DocError | None
    summary: dict[str, int]
    rank: int  # the highest severity rank among its findings, 0 when none
    result: DocumentResult | None = None  # for formats rendered over the whole report
    fragment: bytes = b""  # streamed formats: the end of the document's output (all of it, when not streamed)


#: bytes of output gathered before a part is sent
PART_BYTES = 1 << 20


class DocumentJob(msgspec.Struct, frozen=True):
    """Audit one path and shape the result for `fmt` (picklable: runs in a worker)."""

    audit: Callable[[str], DocumentResult]
    fmt: str
    mode: str = "check"
    lang: str = "zh"

    def __call__(self, path: str) -> Outcome | Generator[bytes, None, Outcome]:
        doc = self.audit(path)
        if self.fmt in STREAMED:
            return self._parts(doc)
        return self.outcome(doc)

    def failed(self, path: str, code: str, message: str) -> Outcome:
        from auditor.model import DocError, DocumentResult

        return self.outcome(DocumentResult(path, "", 0, "", error=DocError(code, message)))

    def _counts(self, doc: DocumentResult) -> tuple[dict[str, int], int]:
        from auditor.model import Report

        return Report((doc,), mode=self.mode).summary, max((f.severity.rank for f in doc.findings), default=0)

    def _parts(self, doc: DocumentResult) -> Generator[bytes, None, Outcome]:
        """The document's output in parts of about PART_BYTES, then its counts."""
        summary, rank = self._counts(doc)
        chunk: list[bytes] = []
        size = 0
        for piece in self._reporter().fragment_parts(doc, self.mode, self.lang):
            chunk.append(encode(piece))
            size += len(chunk[-1])
            if size >= PART_BYTES:
                yield b"".join(chunk)
                chunk, size = [], 0
        return Outcome(doc.path, doc.error, summary, rank, fragment=b"".join(chunk))

    def _reporter(self) -> Any:
        from importlib import import_module

        return import_module(f"auditor.report.{self.fmt}")

    def outcome(self, doc: DocumentResult) -> Outcome:
        summary, rank = self._counts(doc)
        if self.fmt in STREAMED:
            return Outcome(doc.path, doc.error, summary, rank,
                           fragment=encode(self._reporter().fragment(doc, self.mode, self.lang)))
        if self.fmt not in NEEDS_TEXT and doc.text:
            doc = replace(doc, text="")
        return Outcome(doc.path, doc.error, summary, rank, result=doc)


def encode(text: str) -> bytes:
    """UTF-8; a lone surrogate (only ever inside a JSON string) becomes its JSON escape \\udXXX."""
    return text.encode("utf-8", "backslashreplace")


def warm_up() -> None:
    """Import the pipeline and compile its patterns once, before the first document."""
    from auditor import pipeline

    with contextlib.suppress(Exception):
        pipeline.audit_text("2023年收入12.5亿元，增长8.3%，占全省的21.4%。")


def add_summaries(total: dict[str, int], one: dict[str, int]) -> None:
    for k, v in one.items():
        total[k] = total.get(k, 0) + v
