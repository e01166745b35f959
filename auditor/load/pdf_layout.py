"""From the lines of a PDF's pages to the text a reader sees: furniture out, wrapped lines joined.

A PDF keeps no paragraphs: each printed line is a line of text at a position. This module
works on positioned lines only (no PDF library), so its rules are tested on plain data:

- **page furniture**: page numbers (`- 3 -`, `第3页`, `第3页 共9页`, `3/9`, a lone number) among the
  first or last lines of a page, and running headers and footers — a line, its digits aside, that
  comes back among the first or last lines of most pages — are dropped;
- **wrapped lines**: a line that runs to the right edge of the text block is joined to the next one
  when the break falls inside a sentence (no sentence end before it; `办结\\n37082件` →
  `办结24615件`), or, where paragraphs open with an indent, when the next line is not indented;
  a short line, a heading or list item after the break, or a table between them keep the break.
  Chinese text joins without a space; two Latin letters or digits of words join with one.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import msgspec

CELL_SEP = " | "
SENTENCE_END = frozenset("。！？!?；;")
#: after a full line ending with these, a paragraph goes on only where the next line is not indented
SOFT_END = frozenset("：:")
FURNITURE_LINES = 2  # page numbers are looked for among this many lines at the top and the bottom
RUNNING_LINES = 3  # running headers and footers among this many
RUNNING_STEP = 3.0  # points: a running header sits at the same place on every page
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‒·•]\s*\d{1,4}\s*[-—–－‒·•]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}|\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
#: a line that opens a heading or a list item: 一、 （二） 第三条 1. 2、
HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百\d]+[章节条部分篇]"
    r"|\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]|[•·●▪■◆-]\s)"
)
_DIGITS = re.compile(r"\d+")


class Line(msgspec.Struct, frozen=True):
    text: str
    x0: float
    x1: float
    top: float
    size: float  # the font size, which sets the tolerances


class Table(msgspec.Struct, frozen=True):
    rows: tuple[tuple[str, ...], ...]
    top: float

    def lines(self) -> list[str]:
        """One pipe row per table row: `| 合计 | 108156 |`; rows with no text are left out."""
        return ["| " + CELL_SEP.join(row) + " |" for row in self.rows if any(row)]


Block = Line | Table


def page_text(pages: Sequence[Sequence[Block]]) -> str:
    """The text of a document's pages, each a list of blocks in reading order."""
    pages = drop_furniture(pages)
    lines = [b for page in pages for b in page if isinstance(b, Line)]
    edges = _Edges(lines)
    out: list[str] = []
    prev: Line | None = None
    for page in pages:
        for block in page:
            if isinstance(block, Table):
                out.extend(block.lines())
                prev = None
                continue
            text = block.text.strip()
            if prev is not None and out and edges.joins(prev, block):
                out[-1] = join_pair(out[-1], text)
            else:
                out.append(text)
            prev = block
    return "\n".join(out)


def join_pair(a: str, b: str) -> str:
    """Two pieces of one wrapped line: no space in Chinese text, one between two Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


class _Edges:
    """The text block's left and right edges, and whether paragraphs open with an indent."""

    def __init__(self, lines: Sequence[Line]) -> None:
        sizes = sorted(line.size for line in lines) or [10.0]
        self.size = sizes[len(sizes) // 2]
        rights = sorted(line.x1 for line in lines)
        lefts = sorted(line.x0 for line in lines)
        # robust edges: a stray wide line (a rule, a wide caption) does not move them
        self.right = rights[(len(rights) * 9) // 10] if rights else 0.0
        self.left = lefts[len(lefts) // 10] if lefts else 0.0
        indents = sum(1 for line in lines if 1.2 * line.size <= line.x0 - self.left <= 4.5 * line.size)
        self.indented = indents >= 2

    def full(self, line: Line) -> bool:
        return line.x1 >= self.right - 2.0 * max(line.size, 1.0)

    def indent(self, line: Line) -> bool:
        return line.x0 - self.left >= 1.2 * max(line.size, 1.0)

    def joins(self, a: Line, b: Line) -> bool:
        at, bt = a.text.rstrip(), b.text.lstrip()
        if not at or not bt or not self.full(a) or HEADING_START.match(bt) or abs(a.size - b.size) > 0.25 * a.size:
            return False
        last = at[-1]
        if last in SENTENCE_END or last in SOFT_END:
            return self.indented and not self.indent(b)
        return not bt[0].isspace()


def _key(block: Block) -> str | None:
    if not isinstance(block, Line):
        return None
    return _DIGITS.sub("#", re.sub(r"\s+", "", block.text))


def _ends(page: Sequence[Block], n: int) -> set[int]:
    """Indices of the first and last n text lines of a page."""
    idx = [i for i, b in enumerate(page) if isinstance(b, Line)]
    return set(idx[:n]) | set(idx[-n:])


def _running(pages: Sequence[Sequence[Block]]) -> set[tuple[str, int]]:
    """Running headers and footers: (text key, position) found at a page edge on most pages.

    The key ignores digits (`第3页`, `2024年第3期`); the position is the line's top, in steps of
    RUNNING_STEP points, so a body line that merely repeats does not count unless it sits at the
    same place on most pages.
    """
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen: set[tuple[str, int]] = set()
        for i in _ends(page, RUNNING_LINES):
            block = page[i]
            if isinstance(block, Line) and (k := _key(block)):
                step = round(block.top / RUNNING_STEP)
                seen.update((k, s) for s in (step - 1, step, step + 1))
        counts.update(seen)
    most = len(pages) // 2 + 1
    return {key for key, n in counts.items() if n >= most}


def drop_furniture(pages: Sequence[Sequence[Block]]) -> list[list[Block]]:
    """Pages without their page numbers and running headers and footers."""
    running = _running(pages)
    out: list[list[Block]] = []
    for page in pages:
        numbers = _ends(page, FURNITURE_LINES)
        edge = _ends(page, RUNNING_LINES)
        kept: list[Block] = []
        for i, block in enumerate(page):
            if isinstance(block, Line):
                text = block.text.strip()
                if not text or (i in numbers and PAGE_NUMBER.match(text)):
                    continue
                if i in edge and (_key(block), round(block.top / RUNNING_STEP)) in running:
                    continue
            kept.append(block)
        out.append(kept)
    return out
