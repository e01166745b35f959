"""The document model: the text exactly as read, and offsets into it.

Every span in the project indexes `Document.text`. Line and column are derived
last, by bisecting over line starts, so no stage has to carry them.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    path: str = "<text>"
    sha256: str = ""
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", raw: bytes | None = None) -> Document:
        # surrogatepass: a lone surrogate (from a str built in Python, never from a decoder) still hashes
        digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8", "surrogatepass")).hexdigest()
        starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                starts.append(i + 1)
        return cls(text=text, path=path, sha256=digest, _line_starts=tuple(starts))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset.

        >>> Document.from_text("ab\\ncd").line_col(4)
        (2, 2)
        """
        starts = self._line_starts or (0,)
        i = bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1
