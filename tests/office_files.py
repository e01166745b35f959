"""Generated Office files for the loader tests: OOXML written by hand, so each feature is exact.

`docx_bytes(body, ...)` wraps WordprocessingML body content (paragraphs, tables) in a
minimal package, with optional footnotes and a header part; `xlsx_bytes(...)` writes a
workbook with openpyxl and then stores cached values for its formulas, as Excel would.
"""
from __future__ import annotations

import io
import re
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def p(*runs: str) -> str:
    """A paragraph of plain runs; a run already written as XML (starting with <) is kept as is."""
    return "<w:p>" + "".join(r if r.startswith("<") else f"<w:r><w:t xml:space=\"preserve\">{r}</w:t></w:r>"
                             for r in runs) + "</w:p>"


def ins(text: str) -> str:
    return f'<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>{text}</w:t></w:r></w:ins>'


def dele(text: str) -> str:
    return (f'<w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{text}</w:delText>'
            "</w:r></w:del>")


def field(instruction: str, shown: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def text_box(*paragraphs: str) -> str:
    """A run anchoring a text box, as Word 2010+ writes it: a DrawingML choice and its VML fallback."""
    content = "<w:txbxContent>" + "".join(paragraphs) + "</w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
            f"{content}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            f"{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def cell(text: str, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def table(*rows: list[str]) -> str:
    return "<w:tbl><w:tblPr/>" + "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows) + "</w:tbl>"


def docx_bytes(body: str, footnotes: list[str] = (), header: str | None = None, prolog: str = "",  # type: ignore[assignment]
               document: str | None = None, numbering: str | None = None, styles: str | None = None) -> bytes:
    rels = []
    parts: dict[str, str] = {}
    sect = ""
    if numbering is not None:
        parts["word/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>"
        rels.append(f'<Relationship Id="rId12" Type="{REL}/numbering" Target="numbering.xml"/>')
    if styles is not None:
        parts["word/styles.xml"] = f"<w:styles {NS}>{styles}</w:styles>"
        rels.append(f'<Relationship Id="rId13" Type="{REL}/styles" Target="styles.xml"/>')
    if footnotes:
        notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 "</w:r></w:p></w:footnote>")
        notes += "".join(f'<w:footnote w:id="{i}">{p(text)}</w:footnote>' for i, text in enumerate(footnotes, 1))
        parts["word/footnotes.xml"] = f"<w:footnotes {NS}>{notes}</w:footnotes>"
        rels.append(f'<Relationship Id="rId10" Type="{REL}/footnotes" Target="footnotes.xml"/>')
    if header is not None:
        parts["word/header1.xml"] = f"<w:hdr {NS}>{p(header)}</w:hdr>"
        rels.append(f'<Relationship Id="rId11" Type="{REL}/header" Target="header1.xml"/>')
        # the default and first-page headers of a section may name the same part: read once
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId11"/>'
                '<w:headerReference w:type="first" r:id="rId11"/></w:sectPr>')
    if document is None:
        document = f'{prolog}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(rels) + "</Relationships>")
        for name, xml in parts.items():
            z.writestr(name, xml)
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, list[list[object]]], formats: dict[tuple[str, str], str] = {},  # noqa: B006
               cached: dict[tuple[str, str], str] = {}) -> bytes:  # noqa: B006
    """A workbook: `formats` maps (sheet, cell) to a number format, `cached` (sheet, cell) to a formula's value."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for (name, ref), fmt in formats.items():
            if name == title:
                sheet[ref].number_format = fmt
    buf = io.BytesIO()
    book.save(buf)
    if not cached:
        return buf.getvalue()
    titles = list(sheets)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename).decode("utf-8")
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if m:
                title = titles[int(m.group(1)) - 1]
                for (name, ref), value in cached.items():
                    if name == title:
                        data = re.sub(rf'(<c r="{ref}"[^>]*>)<f>(.*?)</f>(?:<v\s*/>|<v></v>)?',
                                      rf"\1<f>\2</f><v>{value}</v>", data)
            z.writestr(info.filename, data)
    return out.getvalue()


def zip_with(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def numbered(text: str, num: int, level: int = 0, style: str | None = None) -> str:
    """A paragraph numbered by its own numPr, or (num=0) only by its style."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def abstract_num(abstract: int, *levels: tuple[str, str]) -> str:
    """An abstract list definition: one (format, label pattern) per level, each starting at 1."""
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    return f'<w:abstractNum w:abstractNumId="{abstract}">{lvls}</w:abstractNum>'


def num(num_id: int, abstract: int, start: int | None = None) -> str:
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                if start is not None else "")
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'


def docx_streamed(body: bytes | str, count: int = 1, head: str = "") -> bytes:
    """A .docx whose body is `count` copies of `body`, streamed (a bomb is never held inflated).

    `head` goes before the document element (a DOCTYPE, say).
    """
    chunk = body.encode() if isinstance(body, str) else body
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        with z.open("word/document.xml", "w") as handle:
            handle.write(f"{head}<w:document {NS}><w:body>".encode())
            block = chunk * min(count, 10_000)
            for _ in range(max(1, count // 10_000)):
                handle.write(block)
            handle.write(b"</w:body></w:document>")
    return out.getvalue()


def pdf_bytes(content: str, trailer: str = "") -> bytes:
    """A one-page PDF whose page content stream is `content`; `trailer` adds trailer entries (/Encrypt …)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
