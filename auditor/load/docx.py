"""Word (.docx): read from the OOXML parts directly, as Word displays them.

- the body in document order: one line per paragraph (a line break inside it is a
  newline, a tab a tab); a table gives one line per row with its cells joined by
  " | ", so a figure and its row label stay on one line. A cell merged across columns
  (gridSpan) is one cell; a cell continuing a vertical merge (vMerge) is an empty cell,
  so its text is counted once and the columns stay aligned;
- text boxes (w:txbxContent) as lines after the paragraph that anchors them; of an
  mc:AlternateContent only the first choice is read (its fallback repeats it);
- tracked changes as accepted: insertions (w:ins, w:moveTo) read, deletions (w:del,
  w:delText, w:moveFrom, deleted rows) skipped;
- fields by their displayed result: the instruction (w:instrText, or runs between a
  field's begin and separate marks) is skipped;
- then, each after a blank line: footnotes, endnotes, headers, footers (each distinct
  header or footer once, in the order the sections name them).
Automatic list numbers (一、 （一） 1.) are written before their paragraph, as Word shows
them (docx_numbering.py). Embedded content with text of its own (charts, OLE objects such as a pasted worksheet,
w:altChunk imports) is not read; a `not_read` note says how many of each there were,
so the result never claims to have read them.

Every part goes through safety.py first: zip limits before inflating, and no DOCTYPE
or entity declaration in any XML part.
"""
from __future__ import annotations

import posixpath
from collections import Counter
from pathlib import Path
from typing import Any

from auditor.document import Document
from auditor.load import LoadError
from auditor.load.docx_numbering import Numbering, _attr, _child  # one copy of the OOXML helpers
from auditor.load.safety import open_zip, parse_xml, read_bytes, read_entry

CELL_SEP = " | "
#: subtrees with no displayed text (properties), or text Word does not display (deleted, instructions, ruby)
_SKIP = frozenset({
    "pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "sdtPr", "sdtEndPr", "del", "moveFrom",
    "delText", "instrText", "delInstrText", "rt", "fldData", "docPr", "cNvPr", "extLst", "bookmarkStart",
    "commentRangeStart", "commentReference", "footnoteReference", "endnoteReference",
})
#: embedded content with text of its own that is not read (the note says how many of each)
_UNREAD = {"altChunk": "imported chunk (w:altChunk)", "object": "embedded object (OLE: worksheet, equation...)",
           "chart": "chart"}
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


_LOCAL: dict[Any, str] = {}


def _local(el: Any) -> str:
    """The tag's local name (any namespace: transitional or strict OOXML); "" for a comment."""
    tag = el.tag
    try:
        return _LOCAL[tag]
    except KeyError:
        local = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL) < 10_000:  # tags are few; never let hostile input grow the cache
            _LOCAL[tag] = local
        return local


def _chosen(alternate: Any) -> Any:
    """The first mc:Choice of an mc:AlternateContent, else its mc:Fallback."""
    return _child(alternate, "Choice") if _child(alternate, "Choice") is not None else _child(alternate, "Fallback")


class _Reader:
    """Text of one part's blocks. Field state runs across paragraphs, as fields do."""

    def __init__(self, unread: Counter[str], numbering: Numbering | None = None) -> None:
        self.instruction: list[bool] = []  # one entry per open field: still in its instruction?
        self.unread = unread  # embedded content whose text is not read: said in a note
        self.numbering = numbering or Numbering()

    def blocks(self, container: Any, out: list[str]) -> None:
        for el in container:
            name = _local(el)
            if name == "p":
                self.paragraph(el, out)
            elif name == "tbl":
                self.table(el, out)
            elif name == "AlternateContent":
                chosen = _chosen(el)
                if chosen is not None:
                    self.blocks(chosen, out)
            elif name in _UNREAD:
                self.unread[_UNREAD[name]] += 1
            elif name and name not in _SKIP:
                self.blocks(el, out)  # sdt, sdtContent, customXml, ins, moveTo, txbxContent...

    def paragraph(self, p: Any, out: list[str]) -> None:
        pieces: list[str] = []
        boxes: list[Any] = []
        self.inline(p, pieces, boxes)
        out.append(self.numbering.label(p) + "".join(pieces))
        for box in boxes:
            self.blocks(box, out)

    def inline(self, el: Any, pieces: list[str], boxes: list[Any]) -> None:
        for child in el:
            name = _local(child)
            if name == "t":
                if not any(self.instruction):
                    pieces.append(child.text or "")
            elif name in ("tab", "ptab"):
                pieces.append("\t")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "noBreakHyphen":
                pieces.append("-")
            elif name == "fldChar":
                self.field_mark(_attr(child, "fldCharType"))
            elif name == "txbxContent":
                boxes.append(child)
            elif name == "AlternateContent":
                chosen = _chosen(child)
                if chosen is not None:
                    self.inline(chosen, pieces, boxes)
            elif name in _UNREAD:
                self.unread[_UNREAD[name]] += 1
            elif name and name not in _SKIP:
                self.inline(child, pieces, boxes)  # r, ins, moveTo, hyperlink, fldSimple, smartTag, drawing...

    def field_mark(self, kind: str | None) -> None:
        if kind == "begin":
            self.instruction.append(True)
        elif kind == "separate" and self.instruction:
            self.instruction[-1] = False
        elif kind == "end" and self.instruction:
            self.instruction.pop()

    def table(self, tbl: Any, out: list[str]) -> None:
        for tr in _through_wrappers(tbl, "tr"):
            props = _child(tr, "trPr")
            if props is not None and _child(props, "del") is not None:
                continue  # a tracked row deletion
            cells = []
            for tc in _through_wrappers(tr, "tc"):
                props = _child(tc, "tcPr")
                if props is not None:
                    if _child(props, "cellDel") is not None:
                        continue
                    merge = _child(props, "vMerge")
                    if merge is not None and _attr(merge, "val") != "restart":
                        cells.append("")  # continues the cell above: its text was counted there
                        continue
                lines: list[str] = []
                self.blocks(tc, lines)
                cells.append(" ".join(" ".join(line.split("\n")).strip() for line in lines if line.strip()))
            out.append(CELL_SEP.join(cells).strip())


def _through_wrappers(el: Any, name: str) -> list[Any]:
    """The `name` children of el, looking through content controls and custom XML around them."""
    found = []
    for child in el:
        local = _local(child)
        if local == name:
            found.append(child)
        elif local in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            found.extend(_through_wrappers(child, name))
    return found


class _Package:
    def __init__(self, raw: bytes) -> None:
        self.archive = open_zip(raw, "Word package")
        self.names = set(self.archive.namelist())

    def xml(self, name: str) -> Any:
        return parse_xml(read_entry(self.archive, name), name)

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type suffix, target part) of one part."""
        folder, base = posixpath.split(part)
        name = posixpath.join(folder, "_rels", base + ".rels")
        if name not in self.names:
            return {}
        out = {}
        for rel in self.xml(name):
            if rel.get("TargetMode") == "External":
                continue
            target = str(rel.get("Target", ""))
            target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out[str(rel.get("Id", ""))] = (str(rel.get("Type", "")).rsplit("/", 1)[-1], posixpath.normpath(target))
        return out

    def main_part(self) -> str:
        for kind, target in self.rels("").values():
            if kind == "officeDocument" and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise LoadError("unreadable", "not a valid .docx file (no main document part)")


def docx_text(raw: bytes) -> str:
    """The displayed text of a .docx package (see the module docstring for what is read)."""
    return read_docx(raw)[0]


def read_docx(raw: bytes) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The displayed text, and a `not_read` note naming the embedded content whose text was not read."""
    unread: Counter[str] = Counter()
    package = _Package(raw)
    with package.archive:
        main = package.main_part()
        root = package.xml(main)
        body = _child(root, "body")
        if body is None:
            raise LoadError("unreadable", f"not a valid .docx file ({main} has no body)")
        rels = package.rels(main)
        numbering = _numbering(package, rels)
        sections = ["\n".join(_part_lines(body, unread, numbering))]
        for kind in ("footnotes", "endnotes"):
            for part in sorted({t for k, t in rels.values() if k == kind}):
                lines = _note_lines(package.xml(part), unread, numbering) if part in package.names else []
                sections.append("\n".join(lines))
        for kind in ("headerReference", "footerReference"):
            seen: list[str] = []
            for ref in root.iter("{*}" + kind):
                target = rels.get(str(_attr(ref, "id")), ("", ""))[1]  # r:id
                if target in package.names and target not in seen:
                    seen.append(target)
            texts: list[str] = []
            for part in seen:
                text = "\n".join(_part_lines(package.xml(part), unread))
                if text.strip() and text not in texts:
                    texts.append(text)
            sections.extend(texts)
    text = "\n\n".join([sections[0], *(s for s in sections[1:] if s.strip())])
    notes: tuple[tuple[str, str], ...] = ()
    if unread:
        what = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(unread.items()))
        notes = (("not_read", f"the text inside {what} was not read"),)
    return text, notes


def _numbering(package: _Package, rels: dict[str, tuple[str, str]]) -> Numbering:
    """The list numbering of the main part (numbering.xml, and styles.xml for numbered styles)."""
    parts = {kind: target for kind, target in rels.values() if kind in ("numbering", "styles")}
    roots = {kind: package.xml(target) for kind, target in parts.items() if target in package.names}
    try:
        return Numbering(roots.get("numbering"), roots.get("styles"))
    except (ValueError, TypeError):  # a malformed number in the definitions: no labels, the text still read
        return Numbering()


def _part_lines(container: Any, unread: Counter[str], numbering: Numbering | None = None) -> list[str]:
    lines: list[str] = []
    _Reader(unread, numbering).blocks(container, lines)
    return lines


def _note_lines(root: Any, unread: Counter[str], numbering: Numbering) -> list[str]:
    """Footnotes or endnotes, each note's paragraphs as lines; the separator notes skipped."""
    lines: list[str] = []
    reader = _Reader(unread, numbering)
    for note in root:
        if _local(note) in ("footnote", "endnote") and _attr(note, "type") not in _NOTE_SEPARATORS:
            reader.blocks(note, lines)
    return lines


def load_docx(path: Path, raw: bytes | None = None) -> Document:
    if raw is None:
        raw = read_bytes(path)
    text, notes = read_docx(raw)
    if not text.strip():
        raise LoadError("empty", "the document is empty")
    return Document.from_text(text, str(path), raw=raw, notes=notes)
