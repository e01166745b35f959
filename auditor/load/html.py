"""HTML: the visible text, one block element per line.

Uses the standard library's parser, so no extra dependency. Script, style and
template contents are dropped; table cells are joined by " | " so a row stays on
one line; whitespace runs collapse as a browser would, and blank lines go.
"""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from auditor.document import Document
from auditor.load.txt import SNIFF_BYTES, check_not_empty, decode_bytes, read_bytes

CELL_SEP = " | "
_CELL_MARK = "\ue000"  # a private-use placeholder, so spaces around it can be tidied last
HIDDEN = frozenset({"script", "style", "template", "noscript"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
})
CELLS = frozenset({"td", "th"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")
_SPACES = re.compile(r" {2,}")
_CELL_AROUND = re.compile(" *" + _CELL_MARK + " *")
# GB2312 and GBK pages are read as GB18030, their superset: pages labelled gb2312 often use GBK characters.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in CELLS:
            if self.cells_in_row:
                self.parts.append(_CELL_MARK)
            self.cells_in_row += 1
        elif tag in BLOCKS:
            self.parts.append("\n")
            if tag == "tr":
                self.cells_in_row = 0
            elif tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.pre:
            self.parts.append(data.replace("\xa0", " "))
        else:
            self.parts.append(_SPACE.sub(" ", data))


def html_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        # whitespace runs collapse across element boundaries too, as in a browser
        line = _CELL_AROUND.sub(CELL_SEP, _SPACES.sub(" ", line)).strip(" ")
        if line:
            lines.append(line)
    return "\n".join(lines)


def decode_html(raw: bytes) -> str:
    """Decode by the page's own <meta charset>, else as a text file would be."""
    match = _META_CHARSET.search(raw[:4096])
    if match and not raw.startswith(codecs.BOM_UTF8):
        label = match.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(_SUPERSET.get(label, label)).name
            # HTML reads a utf-16/32 label in an ASCII-compatible page as a mistake; the BOM decides
            if not codec.startswith(("utf-16", "utf-32")) and b"\x00" not in raw[:SNIFF_BYTES]:
                return raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to detection
    return decode_bytes(raw)


def load_html(path: Path) -> Document:
    raw = read_bytes(path)
    text = html_text(decode_html(raw))
    check_not_empty(text)
    return Document.from_text(text, str(path), raw=raw)
