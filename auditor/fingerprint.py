"""Stable fingerprints of findings: the same finding keeps its fingerprint when the text around it changes.

A fingerprint is built from what the finding is about, never from where it is:
the rule code, the figure as written (normalised: NFKC, no blanks) and the words of
its sentence (the sentence with every digit run taken out, so an edit to another
figure of the same sentence does not move it). Adding a paragraph elsewhere leaves
it unchanged; changing the flagged figure gives a new one, so a waiver of the old
figure no longer applies. Two findings with the same code, figure and sentence
words in one document are told apart by their order (`#2`, `#3`, …).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

SENTENCE_ENDS = frozenset("。！？；!?;\n\r")
WINDOW = 300  # characters searched on each side of a figure for its sentence's ends (bounded work)
_DIGITS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_BLANKS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _BLANKS.sub("", unicodedata.normalize("NFKC", s))


def sentence_words(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] with its digits and blanks taken out (bounded by WINDOW)."""
    left = start
    floor = max(0, start - WINDOW)
    while left > floor and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    ceil = min(len(text), end + WINDOW)
    while right < ceil and text[right] not in SENTENCE_ENDS:
        right += 1
    return _DIGITS.sub("#", _norm(text[left:start] + "\x00" + text[end:right]))


def fingerprint(code: str, figure: str, words: str) -> str:
    data = "\x1f".join((code, _norm(figure), words)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def fingerprints(text: str, findings: Sequence[tuple[str, int, int, str]]) -> list[str]:
    """One fingerprint per (code, start, end, figure text), in the order given."""
    return numbered([(code, figure, sentence_words(text, start, end)) for code, start, end, figure in findings])


def numbered(findings: Sequence[tuple[str, str, str]]) -> list[str]:
    """One fingerprint per (code, figure text, sentence words), in the order given; repeats numbered."""
    seen: dict[str, int] = {}
    out = []
    for code, figure, words in findings:
        fp = fingerprint(code, figure, words)
        n = seen.get(fp, 0) + 1
        seen[fp] = n
        out.append(fp if n == 1 else f"{fp}#{n}")
    return out
