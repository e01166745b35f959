"""Does any word of a list occur inside a span of the text? Answered from an index built once per text.

`any(w in text[lo:hi] for w in words)` copies the span and scans it for every word: from a sentence's
start, on a sentence of thousands of figures, that is a scan of the sentence per figure. `occurs`
gives the same answer in O(log n): every occurrence of the list's words is found once (a `str.find`
per word over the text), and for the occurrences sorted by start the smallest end from each one on
is kept. A word lies inside [lo, hi) when some occurrence starts at or after lo and ends by hi.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

#: the texts indexed lately (the original and the simplified text of a document or two), by identity
_KEEP = 4


class _Index:
    __slots__ = ("starts", "min_end")

    def __init__(self, text: str, words: Sequence[str]) -> None:
        found: list[tuple[int, int]] = []
        for w in set(words):
            k = text.find(w)
            while k >= 0:
                found.append((k, k + len(w)))
                k = text.find(w, k + 1)
        found.sort()
        self.starts = [s for s, _ in found]
        self.min_end = [e for _, e in found]
        for k in range(len(found) - 2, -1, -1):
            if self.min_end[k + 1] < self.min_end[k]:
                self.min_end[k] = self.min_end[k + 1]

    def inside(self, lo: int, hi: int) -> bool:
        k = bisect_left(self.starts, lo)
        return k < len(self.starts) and self.min_end[k] <= hi


_texts: dict[int, tuple[str, dict[tuple[str, ...], _Index]]] = {}


def occurs(text: str, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """`any(w in text[lo:hi] for w in words)` for non-empty words and 0 <= lo, hi (the same answer)."""
    if lo < 0 or hi < 0 or not all(words):
        return any(w in text[lo:hi] for w in words)
    entry = _texts.get(id(text))
    if entry is None or entry[0] is not text:
        if len(_texts) >= _KEEP:
            del _texts[next(iter(_texts))]
        entry = _texts[id(text)] = (text, {})
    index = entry[1].get(words)
    if index is None:
        index = entry[1][words] = _Index(text, words)
    return index.inside(lo, hi)
