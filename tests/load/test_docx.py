""".docx read from its OOXML parts: what Word displays, each feature from a generated file."""
from __future__ import annotations

from pathlib import Path

import pytest
from office_files import cell, dele, docx_bytes, field, ins, p, table, text_box

from auditor.load import LoadError, load
from auditor.load.docx import docx_text, load_docx
from auditor.pipeline import audit_document


def write(tmp_path: Path, raw: bytes, name: str = "report.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def test_tracked_insertion_read_and_deletion_skipped(tmp_path: Path) -> None:
    # the figure that makes the rate right was typed in with track changes; the old one deleted
    body = p("共调解各类矛盾纠纷", ins("45"), dele("50"), "起。化解43起，化解率为95.6%。")
    doc = load(write(tmp_path, docx_bytes(body)))
    assert doc.text == "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。"
    result = audit_document(doc)
    assert not result.findings
    assert any(c.kind == "rate" and c.status == "consistent" for c in result.claims)


def test_tracked_insertion_with_a_wrong_figure_is_audited(tmp_path: Path) -> None:
    body = p("受理办件", ins("37116"), "件，办结37082件，按时办结率99.98%。")
    result = audit_document(load(write(tmp_path, docx_bytes(body))))
    assert [f.code for f in result.findings] == ["R201"]


def test_moved_text_read_once() -> None:
    body = p('<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置12件</w:t></w:r></w:moveFrom>',
             '<w:moveTo w:id="4" w:author="a"><w:r><w:t>新位置12件</w:t></w:r></w:moveTo>')
    assert docx_text(docx_bytes(body)) == "新位置12件"


def test_text_box_read_once_after_its_paragraph() -> None:
    body = p("正文一", text_box(p("文本框：结案37082件"), p("第二段")), "正文二") + p("下一段")
    assert docx_text(docx_bytes(body)) == "正文一正文二\n文本框：结案37082件\n第二段\n下一段"


def test_footnotes_read_and_separators_skipped() -> None:
    body = p("全年收案108156件", '<w:r><w:footnoteReference w:id="1"/></w:r>', "。")
    text = docx_text(docx_bytes(body, footnotes=["数据截至2024年12月31日，其中民事案件5万件。"]))
    assert text == "全年收案108156件。\n\n数据截至2024年12月31日，其中民事案件5万件。"


def test_header_read_once_at_the_end() -> None:
    text = docx_text(docx_bytes(p("正文"), header="某某区人民法院2024年工作报告"))
    assert text == "正文\n\n某某区人民法院2024年工作报告"


def test_merged_cells_counted_once() -> None:
    body = table(
        [cell("项目"), cell("数量")],
        [cell("收案", vmerge="restart"), cell("1200件")],
        [cell("", vmerge="continue"), cell("300件")],
        [cell("合计 1500件", span=2)],
    )
    text = docx_text(docx_bytes(body))
    assert text == "项目 | 数量\n收案 | 1200件\n| 300件\n合计 1500件"
    assert text.count("收案") == 1 and text.count("1500") == 1


def test_table_rows_deleted_with_track_changes_are_skipped() -> None:
    deleted_row = '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>' + cell("旧行") + cell("9") + "</w:tr>"
    body = "<w:tbl>" + "<w:tr>" + cell("新行") + cell("8") + "</w:tr>" + deleted_row + "</w:tbl>"
    assert docx_text(docx_bytes(body)) == "新行 | 8"


def test_fields_show_their_result_not_their_instruction() -> None:
    body = p("第", field("PAGE \\* MERGEFORMAT", "3"), "页，", field('REF _Ref123 \\h', "表1"),
             '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>')
    assert docx_text(docx_bytes(body)) == "第3页，表112"


def test_content_controls_tabs_and_breaks() -> None:
    body = ('<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
            + p("合计", "<w:r><w:tab/></w:r>", "108156", "<w:r><w:br/></w:r>", "下一行") + "</w:sdtContent></w:sdt>")
    assert docx_text(docx_bytes(body)) == "合计\t108156\n下一行"


def test_body_order_is_document_order(tmp_path: Path) -> None:
    body = p("一、总体情况") + table([cell("甲"), cell("1")]) + p("二、具体情况")
    assert load_docx(write(tmp_path, docx_bytes(body))).text == "一、总体情况\n甲 | 1\n二、具体情况"


def test_python_docx_files_still_read(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    path = tmp_path / "made.docx"
    document = docx.Document()
    document.add_paragraph("共调解各类矛盾纠纷45起。")
    document.sections[0].header.paragraphs[0].text = "页眉"
    document.save(str(path))
    assert load(path).text == "共调解各类矛盾纠纷45起。\n\n页眉"


def test_no_body_is_unreadable(tmp_path: Path) -> None:
    raw = docx_bytes("", document='<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, raw))
    assert info.value.code == "unreadable" and "body" in info.value.message


def test_only_empty_paragraphs_is_empty(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, docx_bytes(p("") + p(" "))))
    assert info.value.code == "empty"


def test_malformed_part_is_unreadable_with_reason(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, docx_bytes("", document="<w:document><w:body>")))
    assert info.value.code == "unreadable"
    assert "word/document.xml" in info.value.message


def test_embedded_content_not_read_is_noted(tmp_path: Path) -> None:
    chart = ('<w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
             '<a:graphicData><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId9"/>'
             "</a:graphicData></a:graphic></w:drawing></w:r>")
    ole = '<w:r><w:object><v:shape/></w:object></w:r>'
    body = p("图表如下", chart, chart) + p("表格", ole) + '<w:altChunk r:id="rId8"/>'
    doc = load(write(tmp_path, docx_bytes(body)))
    assert doc.text == "图表如下\n表格"
    (code, message), = doc.notes
    assert code == "not_read"
    assert "2 charts" in message and "1 embedded object" in message and "1 imported chunk" in message


def test_plain_document_has_no_note(tmp_path: Path) -> None:
    assert load(write(tmp_path, docx_bytes(p("正文") + table([cell("a"), cell("1")])))).notes == ()


def test_automatic_list_numbers_are_written_as_word_shows_them() -> None:
    from office_files import abstract_num, num, numbered

    numbering = (abstract_num(1, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
                 + abstract_num(2, ("bullet", "\uf0b7")) + num(1, 1) + num(2, 2) + num(3, 1, start=5))
    styles = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>')
    body = (numbered("总体情况", 0, style="Heading1") + numbered("收案", 1, 1) + numbered("民事案件500件", 1, 2)
            + numbered("刑事案件300件", 1, 2) + numbered("结案", 1, 1) + numbered("行政案件20件", 1, 2)
            + numbered("具体情况", 0, style="MyHeading") + numbered("要点", 2) + numbered("另一个列表", 3)
            + p("正文没有编号"))
    assert docx_text(docx_bytes(body, numbering=numbering, styles=styles)).split("\n") == [
        "一、总体情况", "（一）收案", "1.民事案件500件", "2.刑事案件300件", "（二）结案", "1.行政案件20件",
        "二、具体情况", "要点", "五、另一个列表", "正文没有编号",
    ]


@pytest.mark.parametrize(("n", "shown"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"),
                                          (110, "一百一十"), (1001, "一千零一")])
def test_chinese_counting(n: int, shown: str) -> None:
    from auditor.load.docx_numbering import chinese

    assert chinese(n) == shown
