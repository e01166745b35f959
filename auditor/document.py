"""The document model: the text exactly as read, and offsets into it.

Every span in the project indexes `Document.text`. Line and column are derived
last, by bisecting over line starts, so no stage has to carry them.

`notes` are non-fatal messages from loading, as (code, message) pairs: the file
was read, but the reader should know something (`wrong_extension`: the content
is not what the name says; `undecodable`: a few bytes could not be decoded and
stand as U+FFFD; `not_read`: embedded content whose text was not read). They
travel to the result and are printed beside the report.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right

import msgspec
from msgspec.structs import replace

from auditor.model import identity_without

_NEWLINE = re.compile("\n")


@identity_without("_line_starts")
class Document(msgspec.Struct, frozen=True):
    """A document's text as loaded, with its path and digest."""

    text: str
    path: str = "<text>"
    sha256: str = ""
    _line_starts: tuple[int, ...] = ()  # no part of equality (identity_without): it follows from the text
    notes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_text(
        cls, text: str, path: str = "<text>", raw: bytes | None = None, notes: tuple[tuple[str, str], ...] = ()
    ) -> Document:
        # surrogatepass: a lone surrogate (from a str built in Python, never from a decoder) still hashes
        digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8", "surrogatepass")).hexdigest()
        starts = (0, *(m.end() for m in _NEWLINE.finditer(text)))
        return cls(text=text, path=path, sha256=digest, _line_starts=starts, notes=tuple(notes))

    def with_note(self, code: str, message: str) -> Document:
        """The same document with one more note."""
        return replace(self, notes=(*self.notes, (code, message)))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset.

        >>> Document.from_text("ab\\ncd").line_col(4)
        (2, 2)
        """
        starts = self._line_starts or (0,)
        i = bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1
