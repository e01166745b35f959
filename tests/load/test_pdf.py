"""PDF loading: normalised text, wrapped lines joined, page furniture dropped, tables as pipe rows, bad files."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.load import LoadError
from auditor.load.pdf import clean, load_pdf, pdf_text, readable
from auditor.load.pdf_layout import Line, Table, join_pair, page_text

pytest.importorskip("reportlab", reason="reportlab (test extra) writes the PDFs of these tests")

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"  # reportlab's built-in CID font: CJK text without a font file
SIZE = 12.0
LEFT = 72.0
WIDTH, HEIGHT = A4
TEXT_WIDTH = WIDTH - 2 * LEFT
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(paragraph: str, indent: float = 2 * SIZE) -> list[tuple[float, str]]:
    """A paragraph broken into lines that fill the text width, the first one indented."""
    lines: list[tuple[float, str]] = []
    buf, x = "", indent
    for ch in paragraph:
        if buf and x + pdfmetrics.stringWidth(buf + ch, FONT, SIZE) > TEXT_WIDTH:
            lines.append((x, buf))
            buf, x = "", 0.0
        buf += ch
    lines.append((x, buf))
    return lines


class Writer:
    """A few pages of positioned lines and ruled tables, written with reportlab."""

    def __init__(self, header: str = "", footer: str = "- {n} -") -> None:
        self.out = io.BytesIO()
        self.c = canvas.Canvas(self.out, pagesize=A4)
        self.header, self.footer = header, footer
        self.page = 1
        self.y = HEIGHT - 72
        self._furniture()

    def _furniture(self) -> None:
        self.c.setFont(FONT, 9)
        if self.header:
            self.c.drawString(LEFT, HEIGHT - 40, self.header)

    def _need(self, height: float) -> None:
        if self.y - height < 72:
            self.new_page()

    def new_page(self) -> None:
        if self.footer:
            self.c.setFont(FONT, 9)
            self.c.drawCentredString(WIDTH / 2, 40, self.footer.format(n=self.page))
        self.c.showPage()
        self.page += 1
        self.y = HEIGHT - 72
        self._furniture()

    def paragraph(self, text: str, indent: float = 2 * SIZE) -> None:
        for x, line in wrap(text, indent):
            self._need(SIZE * 1.5)
            self.c.setFont(FONT, SIZE)
            self.c.drawString(LEFT + x, self.y, line)
            self.y -= SIZE * 1.5

    def table(self, rows: list[list[str]], width: float = 120.0) -> None:
        height = SIZE * 1.8
        self._need(height * len(rows) + SIZE)
        top = self.y + SIZE
        cols = max(map(len, rows))
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                self.c.setFont(FONT, SIZE - 2)
                self.c.drawString(LEFT + k * width + 4, top - (r + 1) * height + 6, cell)
        for r in range(len(rows) + 1):
            self.c.line(LEFT, top - r * height, LEFT + cols * width, top - r * height)
        for k in range(cols + 1):
            self.c.line(LEFT + k * width, top, LEFT + k * width, top - len(rows) * height)
        self.y = top - len(rows) * height - SIZE * 1.5

    def bytes(self) -> bytes:
        if self.footer:
            self.c.setFont(FONT, 9)
            self.c.drawCentredString(WIDTH / 2, 40, self.footer.format(n=self.page))
        self.c.save()
        return self.out.getvalue()


def to_unicode_pdf(text: str, before: str = "") -> bytes:
    """One line whose glyphs map (ToUnicode) to the given code points, as some producers write them."""
    chars = sorted(set(text))
    codes = {ch: 0x21 + i for i, ch in enumerate(chars)}
    cmap_lines = "".join(f"<{codes[ch]:02X}> <{ord(ch):04X}>\n" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{cmap_lines}endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = before + "BT /F1 12 Tf 72 720 Td <" + "".join(f"{codes[ch]:02X}" for ch in text) + "> Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SimSun /ToUnicode 6 0 R /FirstChar 33 "
        f"/LastChar {0x20 + len(chars)} /Widths [{' '.join(['1000'] * len(chars))}] >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


LONG = (
    "全年共受理政务服务事项办件37116件，办结37082件，按时办结率99.98%，群众满意度持续提升，"
    "各部门主动公开政府信息1520条，依申请公开办理答复率100%。"
)

def _damage_base() -> bytes:
    w = Writer(header="公报")
    w.paragraph(LONG)
    w.table([["项目", "数量"], ["合计", "45件"]])
    return w.bytes()


DAMAGE_BASE = _damage_base()
LONG2 = (
    "全县共办理行政复议案件68件，其中维持原行政行为41件，撤销12件，确认违法5件，终止10件，"
    "纠错率为25%，行政机关负责人出庭应诉率100%。"
)
LONG3 = (
    "深入开展“八五”普法，组织法治宣传活动326场次，发放宣传资料4.5万余份，"
    "受教育群众达12万人次，建成法治文化阵地17个。"
)
LONG4 = (
    "推进公共法律服务体系建设，建成村（社区）公共法律服务工作室231个，"
    "办理法律援助案件518件，人民调解组织调解纠纷1203起。"
)


# --- normalisation ---------------------------------------------------------------------


def test_kangxi_radicals_in_the_text_layer_are_read_as_ideographs() -> None:
    raw = to_unicode_pdf("⼤⼀⾃治区⻓效机制办结３７０８２件")  # U+2F24 U+2F00 U+2F83, U+2ED3, full-width digits
    assert pdf_text(raw) == "大一自治区长效机制办结37082件"


def test_kangxi_text_is_what_the_document_holds(tmp_path: Path) -> None:
    path = tmp_path / "k.pdf"
    path.write_bytes(to_unicode_pdf("⾏政复议案件⼗件"))
    doc = load_pdf(path)
    assert doc.text == "行政复议案件十件"
    assert doc.text[doc.text.index("十件"):][:2] == "十件"  # offsets index the normalised text


# --- wrapped lines and page furniture -----------------------------------------------------


def test_a_line_broken_inside_a_sentence_is_joined() -> None:
    w = Writer()
    w.paragraph(LONG)
    text = pdf_text(w.bytes())
    assert text == LONG
    assert "办结37082件" in text


def test_break_before_a_figure_is_joined() -> None:
    # the line is full just after 办结: the figure 37082件 starts (or is cut inside) the next line
    prefix = "全年受理政务服务事项办件37116件，各级部门依法依规办理"
    while pdfmetrics.stringWidth(prefix + "理共办结", FONT, SIZE) <= TEXT_WIDTH:
        prefix += "理"
    lines = wrap(prefix + "共办结37082件，按时办结率99.98%。", indent=0)
    assert lines[0][1].endswith(("办结", "办结3")) and len(lines) == 2
    w = Writer()
    w.paragraph(prefix + "共办结37082件，按时办结率99.98%。", indent=0)
    assert pdf_text(w.bytes()) == prefix + "共办结37082件，按时办结率99.98%。"


def test_paragraphs_and_headings_keep_their_breaks() -> None:
    w = Writer()
    w.paragraph("一、主要成效", indent=0)
    w.paragraph(LONG)
    w.paragraph(LONG)
    assert pdf_text(w.bytes()).split("\n") == ["一、主要成效", LONG, LONG]


def test_page_numbers_and_running_headers_are_dropped() -> None:
    w = Writer(header="某县人民政府公报 2024年第3期")
    paragraphs = [LONG, LONG2, LONG3, LONG4]
    for paragraph in paragraphs[:-1]:
        w.paragraph(paragraph)
        w.new_page()
    w.paragraph(paragraphs[-1])
    text = pdf_text(w.bytes())
    assert text.split("\n") == paragraphs
    assert "公报" not in text and "- 1 -" not in text


@pytest.mark.parametrize("footer", ["第{n}页", "{n}", "第{n}页 共4页", "{n}/4"])
def test_page_number_styles(footer: str) -> None:
    w = Writer(footer=footer)
    lines = [f"本年度共办理{kind}案件12件。" for kind in ("行政复议", "行政诉讼", "行政裁决", "行政调解")]
    for line in lines[:-1]:
        w.paragraph(line, indent=0)
        w.new_page()
    w.paragraph(lines[-1], indent=0)
    assert pdf_text(w.bytes()).split("\n") == lines


def test_a_sentence_across_a_page_break_is_joined() -> None:
    w = Writer()
    w.y = 72 + SIZE * 1.5 * 1.5  # room for one line only
    w.paragraph(LONG)
    assert pdf_text(w.bytes()) == LONG


def test_fake_bold_is_read_once() -> None:
    w = Writer(footer="")
    for dx in (0.0, 0.4, 0.8):  # a bold heading printed three times, a little apart
        w.c.setFont(FONT, SIZE)
        w.c.drawString(LEFT + dx, 700, "一、受理案件45件")
    assert pdf_text(w.bytes()) == "一、受理案件45件"


# --- tables -------------------------------------------------------------------------------


def test_a_ruled_table_as_pipe_rows() -> None:
    w = Writer()
    w.paragraph("各法院收结案情况如下：", indent=0)
    w.table([["法院", "收案", "结案"], ["城区法院", "60120", "58010"], ["合计", "108156", "103920"]])
    w.paragraph("以上数据截至12月31日。", indent=0)
    assert pdf_text(w.bytes()).split("\n") == [
        "各法院收结案情况如下：",
        "| 法院 | 收案 | 结案 |",
        "| 城区法院 | 60120 | 58010 |",
        "| 合计 | 108156 | 103920 |",
        "以上数据截至12月31日。",
    ]


def test_a_pdf_table_feeds_the_table_checks(tmp_path: Path) -> None:
    from auditor.pipeline import run_path

    w = Writer()
    w.table([["法院", "收案", "结案"], ["城区法院", "60120", "58010"], ["郊区法院", "48036", "45910"],
             ["合计", "108156", "103920"]])
    path = tmp_path / "table.pdf"
    path.write_bytes(w.bytes())
    result = run_path(path)
    sums = {(c.expression, c.status) for c in result.claims if c.kind == "sum"}
    assert ("58010+45910", "consistent") in sums


def test_a_frame_around_text_is_not_a_table() -> None:
    w = Writer(footer="")
    w.paragraph("全县共办理行政复议案件68件。", indent=0)
    w.c.rect(LEFT - 4, w.y + SIZE * 1.5 - 4, TEXT_WIDTH, SIZE + 8)  # a box drawn around the line
    assert pdf_text(w.bytes()) == "全县共办理行政复议案件68件。"


# --- the layout rules on plain lines ---------------------------------------------------


def lines(*rows: tuple[float, float, str]) -> list[Line]:
    return [Line(text, x0, x1, 100.0 + 18 * i, SIZE) for i, (x0, x1, text) in enumerate(rows)]


def test_without_indents_a_full_line_ending_a_sentence_keeps_its_break() -> None:
    page = lines((72, 523, "全年共受理办件37116件，按时办结率99.98%。"), (72, 523, "各部门主动公开政府信息1520条，"),
                 (72, 300, "答复率100%。"))
    assert page_text([page]) == "全年共受理办件37116件，按时办结率99.98%。\n各部门主动公开政府信息1520条，答复率100%。"


def test_with_indents_a_full_line_ending_a_sentence_goes_on() -> None:
    page = lines((96, 523, "全年共受理办件37116件，按时办结率99.98%。"), (72, 523, "各部门主动公开政府信息1520条。"),
                 (72, 200, "答复率100%。"), (96, 523, "二是推进公开，主动公开政府信息1520条，"),
                 (72, 200, "答复及时。"))
    assert page_text([page]).split("\n") == [
        "全年共受理办件37116件，按时办结率99.98%。各部门主动公开政府信息1520条。答复率100%。",
        "二是推进公开，主动公开政府信息1520条，答复及时。",
    ]


def test_a_list_item_after_a_full_line_starts_its_own_line() -> None:
    page = lines((72, 523, "主要做法如下，全年共受理办件37116件，办结37082件"), (72, 523, "（一）完善制度"),
                 (72, 200, "1.建立台账"), (72, 523, "English words join with"), (72, 300, "a space"))
    text = page_text([page])
    assert text.split("\n")[:3] == ["主要做法如下，全年共受理办件37116件，办结37082件", "（一）完善制度", "1.建立台账"]
    assert text.split("\n")[3] == "English words join with a space"
    assert join_pair("办结", "37082件") == "办结37082件"


def test_a_lone_number_in_the_body_is_kept() -> None:
    body = ["第一行。", "第二行。", "45", "第四行。", "第五行。"]
    page = lines(*((72, 100 if t == "45" else 300, t) for t in body))
    assert page_text([page]).split("\n") == body
    # at the foot of the page, the same line is a page number
    assert page_text([[*page, Line("45", 300, 312, 400, SIZE)]]).split("\n") == body


def test_a_table_between_lines_keeps_both_breaks() -> None:
    page: list[Line | Table] = [Line("收案情况，", 72, 523, 100, SIZE), Table((("合计", "108156"),), 120),
                                Line("结案情况。", 72, 300, 160, SIZE)]
    assert page_text([page]) == "收案情况，\n| 合计 | 108156 |\n结案情况。"


# --- bad files ----------------------------------------------------------------------------


def test_no_text_layer(tmp_path: Path) -> None:
    w = Writer(footer="")
    w.c.rect(100, 100, 300, 300, fill=1)  # a scan: a picture, no text
    path = tmp_path / "scan.pdf"
    path.write_bytes(w.bytes())
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "no_text"
    assert "text layer" in info.value.message


def test_glyphs_without_a_unicode_map() -> None:
    # pdfminer writes (cid:N) for them: one among text is U+FFFD, which no figure takes in
    assert clean("受理(cid:12)案件45件") == "受理\ufffd案件45件"
    assert readable("受理\ufffd案件45件") == "受理\ufffd案件45件"
    with pytest.raises(LoadError) as info:  # mostly such glyphs: refused, not audited as fragments
        readable(clean("(cid:3)(cid:4)(cid:5)(cid:6)45件"))
    assert info.value.code == "no_text"
    assert "Unicode map" in info.value.message


def test_encrypted(tmp_path: Path) -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt="secret")  # a user password is needed to open it
    c.setFont(FONT, SIZE)
    c.drawString(72, 720, "办结37082件")
    c.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "encrypted"


def test_owner_password_only_is_read() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    c.setFont("Helvetica", SIZE)
    c.drawString(72, 720, "Resolved 37082 of 37116 cases.")
    c.save()
    assert pdf_text(out.getvalue()) == "Resolved 37082 of 37116 cases."


def test_truncated(tmp_path: Path) -> None:
    w = Writer()
    w.paragraph(LONG)
    raw = w.bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(raw[: len(raw) * 2 // 3])
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "unreadable"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as info:
        load_pdf(path)
    assert info.value.code == "empty"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0),
       flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6))
def test_damaged_pdfs_give_text_or_a_load_error(cut: int, flips: list[tuple[int, int]]) -> None:
    raw = bytearray(DAMAGE_BASE)
    for at, value in flips:
        raw[at % len(raw)] = value
    raw = raw[: len(raw) - cut % 200] if cut % 3 == 0 else raw
    try:
        text = pdf_text(bytes(raw))
    except LoadError as exc:
        assert exc.code in ("unreadable", "encrypted", "no_text", "empty")
    else:
        assert isinstance(text, str)


def test_nothing_on_stderr_but_the_report(tmp_path: Path) -> None:
    # a broken operator makes pdfminer log a warning; none of them reach the terminal
    raw = to_unicode_pdf("受理案件45件", before="1 0 0 /x 0 0 cm " * 50)  # a matrix that is not numbers
    path = tmp_path / "odd.pdf"
    path.write_bytes(raw)
    run = subprocess.run([sys.executable, "-m", "auditor", "text", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.strip() == "受理案件45件"
