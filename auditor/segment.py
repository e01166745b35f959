"""The structure of a text: paragraphs, sentences, clauses and bracketed asides, built once.

One linear pass over the characters. Reports break lines inside sentences (PDF text,
fixed-width files): a line break with no sentence end before it, after a long line, and
with text going on after it, joins the two lines into one paragraph. `。\\n` is one
boundary, not two. A clause runs to the next ，、；：or sentence end; a bracketed aside
(`（占45.6%）`, `（2022年为198件）`) is its own clause, marked `aside`, and belongs to the
item of the figure before it (frames.py decides items).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import overload

import msgspec

SENT_END = frozenset("。！？!?")
CLOSERS = frozenset("”’」』\"'")
CLAUSE_SEP = frozenset("，,；;：:、")
OPEN = frozenset("（(【[")
CLOSE = frozenset("）)】]")
SPACE = frozenset(" \t\u3000\r\u200b\ufeff")
#: a line this long that stops without a sentence end was wrapped, not ended
WRAP_MIN = 24
#: an aside longer than this was an unclosed bracket: the clause ends there
ASIDE_MAX = 160
#: a clause runs at most this far (reports' clauses run to about a hundred characters): past it, a run with
#: no separator is cut after a figure, or anywhere past twice this, so every search bounded by a clause
#: stays bounded on a text of figures with no separator at all
CLAUSE_MAX = 400
DIGITISH = frozenset("0123456789.．０１２３４５６７８９")
#: the characters the pass acts on; between them only the CLAUSE_MAX cut and the ASIDE_MAX reset can
#: happen, at offsets known in advance, so the pass jumps from one to the next
_ACTING = frozenset("\n") | SENT_END | CLAUSE_SEP | OPEN | CLOSE
#: an ASCII full stop after a word or a percent sign ends a sentence (占64.40%.2、从…): it can be no
#: decimal point there; after a digit it is one
_STOP_AFTER = re.compile(r"[\u4e00-\u9fff%‰]")
_ACTS_ON = re.compile("[" + "".join(re.escape(c) for c in sorted(_ACTING)) + r"]|(?<=[\u4e00-\u9fff%‰])\.")
_ACTING_OR_STOP = _ACTING | {"."}


class Clause(msgspec.Struct, frozen=True):
    """One clause of a sentence: its span and the separator before it."""

    start: int
    end: int
    sep: str  # the separator before the clause: "" at a sentence start, else one of ，、；：（
    aside: bool = False  # inside brackets


#: one code per separator: a clause's separator is kept as its index in SEPS ("" at a sentence start)
SEPS = ("", "，", *sorted((CLAUSE_SEP | OPEN | CLOSE) - {"，"}))
_SEP_CODE = {sep: i for i, sep in enumerate(SEPS)}


class Clauses(Sequence[Clause]):
    """The clauses of a text, held as arrays of offsets and codes (a long text has one every few characters,
    and a Clause object per clause took some fifteen bytes per character); a Clause is built when read."""

    __slots__ = ("asides", "ends", "seps", "starts")

    def __init__(self) -> None:
        self.starts, self.ends = array("q"), array("q")
        self.seps, self.asides = bytearray(), bytearray()

    def append(self, start: int, end: int, sep: str, aside: bool) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.seps.append(_SEP_CODE[sep])
        self.asides.append(aside)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Clause: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Clause]: ...

    def __getitem__(self, i: int | slice) -> Clause | Sequence[Clause]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return Clause(self.starts[i], self.ends[i], SEPS[self.seps[i]], bool(self.asides[i]))


class Segments(msgspec.Struct, frozen=True):
    """A text's paragraphs, sentences and clauses, as start offsets."""

    paragraphs: tuple[int, ...]  # start offsets
    sentences: tuple[int, ...]
    clauses: Sequence[Clause]
    clause_starts: Sequence[int]

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraphs, offset) - 1

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentences, offset) - 1

    def clause_of(self, offset: int) -> int:
        return bisect_right(self.clause_starts, offset) - 1


def soft_break(text: str, i: int, line_start: int) -> bool:
    """Is the line break at i a wrap inside a sentence?"""
    k = i - 1
    while k >= line_start and text[k] in SPACE:
        k -= 1
    if k < line_start or i - line_start < WRAP_MIN:
        return False
    line = text[line_start:i]
    if i - line_start < 2 * WRAP_MIN and not any(c in line for c in "，,、；;（("):
        return False  # a title or heading: no clause inside it
    prev = text[k]
    if prev in SENT_END or prev in CLOSERS or prev in "：:；;|":
        return False
    j = i + 1
    while j < len(text) and text[j] in SPACE:
        j += 1
    if j >= len(text) or text[j] == "\n":
        return False
    nxt = text[j]
    # a new line that opens a list item (一、 （一） 1. 第一) is a new paragraph
    if nxt in "（(第" or (nxt.isdigit() and j + 1 < len(text) and text[j + 1] in ".、．"):
        return False
    if j + 1 < len(text) and text[j + 1] == "、":
        return False
    return _wordy(prev) and _wordy(nxt)


def _lost_superscript(text: str, i: int) -> bool:
    """`27088.1亿m?`: an ASCII ? right after a unit symbol after a figure is a superscript (³, ²) a
    converter lost, not a question mark; Chinese prose asks with ？."""
    if text[i] != "?" or i < 2 or not (text[i - 1].isascii() and text[i - 1].isalpha()):
        return False
    k = i - 1
    while k > 0 and i - k < 3 and text[k - 1].isascii() and text[k - 1].isalpha():
        k -= 1
    return k > 0 and (text[k - 1] in DIGITISH or text[k - 1] in "万萬亿億")


def _wordy(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c.isdigit() or c in "，,、%％）)"


def segment(text: str) -> Segments:
    paragraphs = [0]
    sentences = [0]
    clauses = Clauses()
    c_start, c_sep, depth, aside_at = 0, "", 0, -1
    line_start = 0
    n = len(text)

    def close_clause(end: int, next_start: int, sep: str) -> None:
        nonlocal c_start, c_sep
        if end > c_start and text[c_start:end].strip():  # a clause of blanks alone is none
            clauses.append(c_start, end, c_sep, depth > 0)
        c_start, c_sep = next_start, sep

    def new_sentence(at: int) -> None:
        while at < n and text[at] in SPACE:
            at += 1
        if sentences[-1] < at < n:
            sentences.append(at)

    i = 0
    acts_on = _ACTS_ON.search
    while i < n:
        ch = text[i]
        if ch not in _ACTING_OR_STOP:
            # nothing happens before the next character acted on, nor before a clause or an aside runs too
            # long (both tested at every character from those offsets on)
            bound = c_start + CLAUSE_MAX if depth == 0 else aside_at + ASIDE_MAX + 1
            if bound > i + 1:
                m = acts_on(text, i, bound)
                i = m.start() if m else min(bound, n)
                continue
        if ch == "\n":
            soft = soft_break(text, i, line_start)
            line_start = i + 1
            if not soft:
                depth = 0
                close_clause(i, i + 1, "")
                at = i + 1
                while at < n and text[at] in SPACE:
                    at += 1
                if paragraphs[-1] < at < n:
                    paragraphs.append(at)
                # `。\n`: the sentence already ended; never two boundaries for one
                if sentences[-1] < at < n and text[sentences[-1]:at].strip():
                    sentences.append(at)
                elif sentences[-1] < at and len(sentences) > 1:
                    sentences[-1] = at  # the sentence that began after `。` begins after the break
                c_start = at
        elif (ch in SENT_END or ch == "." and i > 0 and _STOP_AFTER.match(text[i - 1])) and depth == 0 \
                and not _lost_superscript(text, i):
            j = i + 1
            while j < n and (text[j] in CLOSERS or text[j] in SENT_END):
                j += 1
            close_clause(j, j, "")
            new_sentence(j)
            c_start = sentences[-1] if sentences[-1] >= j else j
            i = j
            continue
        elif ch in OPEN:
            close_clause(i, i + 1, ch)
            depth += 1
            aside_at = i
        elif ch in CLOSE and depth > 0:
            close_clause(i, i + 1, ch)
            depth -= 1
        elif ch in CLAUSE_SEP:
            close_clause(i, i + 1, ch)
        elif depth == 0 and i - c_start >= CLAUSE_MAX and \
                (text[i - 1] not in DIGITISH or i - c_start >= 2 * CLAUSE_MAX):
            close_clause(i, i, "，")  # a cut, read as an ordinary clause break
        if depth > 0 and i - aside_at > ASIDE_MAX:
            depth = 0
        i += 1
    close_clause(n, n, "")
    if not clauses:
        clauses.append(0, n, "", False)
    return Segments(tuple(paragraphs), tuple(sentences), clauses, clauses.starts)
