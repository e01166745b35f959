"""HTML: the visible text, one block element per line, tables as pipe rows.

Uses the standard library's parser, which keeps no tree and never recurses, so a page nested
100,000 levels deep is read in full like any other. Script, style and template contents are
dropped, and so is what a reader does not see or does not read as the report: elements marked
`hidden` or styled `display:none`, and the page's chrome — `<nav>`, `<select>` menus, elements with
a navigation, banner or contentinfo role, and `<header>`/`<footer>` outside an `<article>` or
`<main>` (inside one they are the article's own title and date lines). A table row is one line,
`| 合计 | 108156 |`, its cells joined by " | " (blocks inside a cell stay on the row's line), the
convention of the other loaders; whitespace runs collapse as a browser would, and blank lines go.

The charset is the one the page declares (a byte-order mark, `<meta charset>`, `<meta http-equiv>`
or an XML declaration), read as its superset where a label is known to understate (gb2312 → GB18030);
without one, or where the declared one does not decode the bytes, it is detected as for a text
file (UTF-8, then GB18030 or Big5, then charset-normalizer's guess). The text is normalised as a
PDF's is (auditor.load.normalise: pages pasted from PDFs carry radical look-alikes such as ⼀).
"""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from auditor.document import Document
from auditor.load.normalise import normalise
from auditor.load.txt import SNIFF_BYTES, check_not_empty, decode_bytes, read_bytes

CELL_SEP = " | "
# private-use placeholders, so the spaces around them can be tidied last
_CELL_MARK, _ROW_OPEN, _ROW_CLOSE = "\ue000", "\ue001", "\ue002"
HIDDEN = frozenset({"script", "style", "template", "noscript"})
#: navigation chrome, always out
CHROME = frozenset({"nav", "select"})
#: elements with no end tag: hiding one hides nothing after it
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
#: elements whose end tag may be left out (a hidden <p> is shown rather than risk skipping the rest);
#: `p` is skipped all the same, up to its end tag or the next block, which closes it
OPTIONAL_END = frozenset({"li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
                          "colgroup", "caption", "rb", "rt", "rp"})
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: a page's header and footer: out, except inside the article they belong to
PAGE_CHROME = frozenset({"header", "footer"})
ARTICLE = frozenset({"article", "main"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
})
CELLS = frozenset({"td", "th"})
ROW_ENDS = frozenset({"tr", "table", "thead", "tbody", "tfoot"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")
_SPACES = re.compile(r" {2,}")
_ROW = re.compile(f" *{_ROW_OPEN}([^{_ROW_CLOSE}]*)(?:{_ROW_CLOSE} *|$)")
_MARKS_IN_TEXT = {ord(m): "\ufffd" for m in (_CELL_MARK, _ROW_OPEN, _ROW_CLOSE)}
_STRAY = re.compile(f"[{_CELL_MARK}{_ROW_OPEN}{_ROW_CLOSE}]")
# GB2312 and GBK pages are read as GB18030, their superset: pages labelled gb2312 often use GBK characters.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.article = 0
        self.in_cell = 0
        self.row_open = False
        self.skip_tag = ""  # the chrome element being skipped, and how deep inside it we are
        self.skip_depth = 0

    def _skips(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in CHROME or (tag in PAGE_CHROME and not self.article):
            return True
        if tag in VOID or tag in OPTIONAL_END:
            return False  # no end tag to wait for: skipping would run on to the end of the page
        found = dict(attrs)
        if "hidden" in found or _NOT_SHOWN.search(found.get("style") or ""):
            return True
        return (found.get("role") or "").strip().lower() in CHROME_ROLES

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth and self.skip_tag == "p" and (tag in BLOCKS or tag in CELLS):
            self.skip_depth = 0  # an unclosed <p> ends where the next block begins
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if self._skips(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in CELLS:
            self.parts.append(_CELL_MARK if self.row_open else _ROW_OPEN)
            self.row_open = True
            self.in_cell += 1
        elif tag in BLOCKS:
            if tag == "tr" or tag == "table":
                self._close_row()
                self.in_cell = 0
            self.parts.append(" " if self.in_cell else "\n")
            if tag == "pre":
                self.pre += 1
            elif tag in ARTICLE:
                self.article += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <hr/>: void elements have no end tag to wait for

    def _close_row(self) -> None:
        if self.row_open:
            self.parts.append(_ROW_CLOSE)
            self.row_open = False

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
            return
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in CELLS:
            self.in_cell = max(0, self.in_cell - 1)
        elif tag in BLOCKS:
            if tag in ROW_ENDS:
                self._close_row()
                self.in_cell = 0
            self.parts.append(" " if self.in_cell else "\n")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            elif tag in ARTICLE:
                self.article = max(0, self.article - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden or self.skip_depth:
            return
        data = data.translate(_MARKS_IN_TEXT)  # the page's own private-use characters are not our marks
        if self.pre and not self.in_cell:
            self.parts.append(data.replace("\xa0", " "))
        else:
            self.parts.append(_SPACE.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._close_row()


def _pipe_row(match: re.Match[str]) -> str:
    cells = [cell.strip(" ").replace("|", "｜") for cell in match.group(1).split(_CELL_MARK)]
    return "| " + CELL_SEP.join(cells) + " |" if any(cells) else ""


def html_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        # whitespace runs collapse across element boundaries too, as in a browser
        line = _STRAY.sub(" ", _ROW.sub(_pipe_row, _SPACES.sub(" ", line))).strip(" ")
        if line:
            lines.append(line)
    return "\n".join(lines)


def declared_charset(raw: bytes) -> str | None:
    """The codec a page declares in its first bytes (XML declaration or meta), if Python knows it."""
    head = raw[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(_SUPERSET.get(label, label)).name
    except LookupError:
        return None


def decode_html(raw: bytes) -> str:
    """Decode by the page's byte-order mark or declared charset, else as a text file would be."""
    codec = None if raw.startswith(codecs.BOM_UTF8) else declared_charset(raw)
    # HTML reads a utf-16/32 label in an ASCII-compatible page as a mistake; the BOM decides
    if codec and not codec.startswith(("utf-16", "utf-32")) and b"\x00" not in raw[:SNIFF_BYTES]:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            pass  # the label lies: fall back to detection
    return decode_bytes(raw)


def load_html(path: Path) -> Document:
    raw = read_bytes(path)
    text = normalise(html_text(decode_html(raw)))
    check_not_empty(text)
    return Document.from_text(text, str(path), raw=raw)
