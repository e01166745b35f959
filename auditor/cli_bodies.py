"""`--format json`: each document's quantities and claims rendered in its worker, kept on disk until the end.

The report cannot be written before the whole batch is audited (C503 adds findings across documents,
baselines and waivers change them), but the bulk of each document's object, its quantities and claims,
depends on the document alone. The worker renders it (`report.json.body_parts`) and streams it back
in parts; the parent keeps those bytes in a temporary file and, of the document itself, only what the
findings, C503 and the summary read: the figures C503 compares (`across.compared`) and what it reads of
the text around them (`across.CrossText`, not the text), the findings and notes, and the counts of
claims. The report written at the end is the same, byte for byte; the parent holds neither every
document's figures, nor its text, nor their rendering, and the workers do that rendering in parallel.
"""
from __future__ import annotations

import tempfile
from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.across import CrossText
    from auditor.model import DocumentResult, Report

#: the summary's counts of claims, summed over the documents as the worker counted them
CLAIM_COUNTS = ("claims", "recomputed", "consistent", "repeats")
#: bytes of rendering gathered before a part is sent
PART_BYTES = 1 << 20

Slim = tuple["DocumentResult", tuple[int, ...], "CrossText | None"]


def prerendered(path: str, mode: str, select: tuple[str, ...], ignore: tuple[str, ...]
                ) -> Generator[bytes, None, Slim]:
    """The worker's job: audit `path`, yield its body in parts, return the slim result, its claim counts
    and what C503 reads of its text (the slim result holds no text unless a finding lacks its line)."""
    from msgspec.structs import replace

    from auditor.across import CrossText, compared, title_of
    from auditor.cli_run import audit_one
    from auditor.model import Report
    from auditor.report.json import body_parts

    doc = audit_one(path, mode, select, ignore)
    summary = Report((doc,), mode=mode).summary
    chunk: list[bytes] = []
    size = 0
    for piece in body_parts(doc, mode):
        chunk.append(piece.encode("utf-8", "backslashreplace"))
        size += len(chunk[-1])
        if size >= PART_BYTES:
            yield b"".join(chunk)
            chunk, size = [], 0
    if chunk:
        yield b"".join(chunk)
    counts = tuple(summary.get(k, 0) for k in CLAIM_COUNTS)
    if doc.error is not None or not doc.text:
        return replace(doc, quantities=(), claims=()), counts, None
    title = title_of(doc.text)
    figures = compared(doc.quantities, title.year) if title else ()
    cross = CrossText.of(doc.text, title, figures)
    # the text stays only where a finding lacks its line (the report would take it from the text)
    text = doc.text if any(f.line <= 0 for f in doc.findings) else ""
    return replace(doc, text=text, quantities=figures, claims=()), counts, cross


class Bodies:
    """The documents' rendered bodies by path, in a temporary file, and their claim counts summed."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        self.at: dict[str, tuple[int, int]] = {}
        self.counts = [0] * len(CLAIM_COUNTS)
        self.pending: dict[str, list[tuple[int, int]]] = {}  # pieces received of documents not yet done
        self.texts: dict[str, CrossText] = {}  # what C503 reads of each document's text

    def part(self, path: str, data: bytes | None) -> None:
        """A piece of `path`'s body as it arrives; None: what came of it is void (its worker died)."""
        if data is None:
            self.pending.pop(path, None)
            return
        self.file.seek(0, 2)
        self.pending.setdefault(path, []).append((self.file.tell(), len(data)))
        self.file.write(data)

    def add(self, path: str, parts: Sequence[bytes], counts: tuple[int, ...], text: CrossText | None = None) -> None:
        """`path` is done: its body is the pieces received (`part`), then `parts`."""
        if text is not None:
            self.texts[path] = text
        for data in parts:
            self.part(path, data)
        pieces = self.pending.pop(path, [])
        if len(pieces) == 1:
            self.at[path] = pieces[0]
        else:  # interleaved with other documents' pieces: copied together (bounded by one piece at a time)
            self.file.seek(0, 2)
            start = end = self.file.tell()
            for at, n in pieces:
                self.file.seek(at)
                data = self.file.read(n)
                self.file.seek(end)
                self.file.write(data)
                end += n
            self.at[path] = (start, end - start)
        self.counts = [a + b for a, b in zip(self.counts, counts, strict=True)]

    def body(self, doc: DocumentResult) -> bytes | None:
        chunks = self.chunks(doc)
        return None if chunks is None else b"".join(chunks)

    def chunks(self, doc: DocumentResult) -> Iterator[bytes] | None:
        """`doc`'s body read back in pieces of about PART_BYTES (a long document's is never held whole);
        None when it was not prerendered (an entry the walk skipped, a worker that failed): rendered whole."""
        place = self.at.get(doc.path)
        if place is None:
            return None
        return self._read(*place)

    def _read(self, at: int, size: int) -> Iterator[bytes]:
        end = at + size
        while at < end:
            self.file.seek(at)
            data = self.file.read(min(PART_BYTES, end - at))
            if not data:
                return
            at += len(data)
            yield data

    def summary(self, report: Report) -> dict[str, int]:
        """The report's summary with the claims the slim documents no longer hold."""
        out = dict(report.summary)
        for key, n in zip(CLAIM_COUNTS, self.counts, strict=True):
            if key in out:
                out[key] += n
        return out

    def close(self) -> None:
        self.file.close()
