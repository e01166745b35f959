"""HTML loading: declared and detected charsets, tables as pipe rows, chrome out, deep nesting."""
from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from auditor.load import LoadError
from auditor.load.html import decode_html, html_text, load_html

BODY = "<p>共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。</p>"
TEXT = "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。"
TRADITIONAL = "<p>共調解各類矛盾糾紛45起。化解43起，化解率為95.6%。</p>"


def page(head: str = "", body: str = BODY, title: str = "报告") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>{body}</body></html>"


# --- charsets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        pytest.param('<meta charset="GB18030">', "gb18030", id="meta-gb18030"),
        pytest.param('<meta charset="gb2312">', "gb18030", id="meta-gb2312-read-as-superset"),
        pytest.param('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', "gbk", id="http-equiv"),
        pytest.param('<meta charset="utf-8">', "utf-8", id="meta-utf8"),
        pytest.param("", "gb18030", id="no-meta-gb18030"),
        pytest.param("", "utf-8", id="no-meta-utf8"),
    ],
)
def test_charsets(tmp_path: Path, head: str, codec: str) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(page(head).encode(codec))
    assert load_html(path).text == "报告\n" + TEXT


def test_gb18030_only_characters_by_meta() -> None:
    # 䶮 (U+4DAE) is outside GBK: only a GB18030 reading keeps it
    raw = page('<meta charset="GB18030">', "<p>䶮字号45起。</p>").encode("gb18030")
    assert "䶮字号45起。" in html_text(decode_html(raw))


def test_big5_without_meta_is_detected() -> None:
    raw = page("", TRADITIONAL * 5, title="報告").encode("big5")
    assert "共調解各類矛盾糾紛45起" in html_text(decode_html(raw))


def test_xml_declaration() -> None:
    raw = ('<?xml version="1.0" encoding="gb2312"?>' + page()).encode("gb18030")
    assert html_text(decode_html(raw)).endswith(TEXT)


def test_bom_wins_over_a_wrong_meta() -> None:
    raw = codecs.BOM_UTF8 + page('<meta charset="gbk">').encode("utf-8")
    assert html_text(decode_html(raw)).endswith(TEXT)


def test_utf16_with_bom() -> None:
    raw = page('<meta charset="utf-8">').encode("utf-16")
    assert html_text(decode_html(raw)).endswith(TEXT)


# --- tables -------------------------------------------------------------------------------


def test_table_as_pipe_rows() -> None:
    markup = (
        "<p>各法院收结案情况：</p><table><thead><tr><th>法院</th><th>收案</th></tr></thead>"
        "<tbody><tr><td><p>城区</p><p>法院</p></td><td>60120</td></tr>"
        "<tr><td>合计</td><td><span>108156</span><br></td></tr><tr><td></td><td> </td></tr></tbody></table>"
        "<p>以上数据截至12月31日。</p>"
    )
    assert html_text(markup).split("\n") == [
        "各法院收结案情况：",
        "| 法院 | 收案 |",
        "| 城区 法院 | 60120 |",
        "| 合计 | 108156 |",
        "以上数据截至12月31日。",
    ]


def test_rows_without_closing_tags() -> None:
    markup = "<table><tr><td>项目<td>数量<tr><td>合计<td>3415项</table><p>完</p>"
    assert html_text(markup) == "| 项目 | 数量 |\n| 合计 | 3415项 |\n完"


def test_a_pipe_inside_a_cell_does_not_split_it() -> None:
    assert html_text("<table><tr><td>A|B</td><td>45</td></tr></table>") == "| A｜B | 45 |"


def test_radical_look_alikes_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "pasted.html"
    path.write_text(page('<meta charset="utf-8">', "<p>⼀、⾏政复议案件⼗件，办结３７件。</p>"), encoding="utf-8")
    assert load_html(path).text == "报告\n一、行政复议案件十件，办结37件。"


# --- what is not text -----------------------------------------------------------------


def test_scripts_styles_and_chrome_are_dropped() -> None:
    markup = page(
        "<style>p { color: red }</style><script>var n = 45;</script>",
        '<header><a href="/">首页</a> 政府信息公开</header>'
        '<nav><ul><li>机构概况</li><li><nav>嵌套 12</nav>政策文件</li></ul></nav>'
        '<div role="navigation">当前位置：首页 &gt; 年度报告</div>'
        "<main><article><header><h1>2023年度报告</h1></header>" + BODY + "<footer>发布日期：2024年1月</footer>"
        "</article></main>"
        "<footer>版权所有 网站标识码1234 访问量 56789</footer><noscript>请启用脚本</noscript>",
    )
    assert html_text(markup).split("\n") == ["报告", "2023年度报告", TEXT, "发布日期：2024年1月"]


def test_hidden_elements_and_menus_are_dropped() -> None:
    markup = (
        '<div hidden>草稿数字99件</div><p style="color:red; display: none">隐藏12件</p>'
        "<select><option>2023年</option><option>2022年</option></select>"
        '<p>共<img src="x.png" hidden>调解45起。</p>'
    )
    assert html_text(markup) == "共调解45起。"


def test_a_hidden_element_without_its_end_tag_hides_no_more() -> None:
    markup = '<p hidden>草稿<p>共调解45起。</p><ul><li hidden>显示<li>化解43起</ul>'
    assert html_text(markup) == "共调解45起。\n显示\n化解43起"


def test_only_markup_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><body><nav>首页</nav><script>var x = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_html(path)
    assert info.value.code == "empty"


# --- deep nesting ---------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["div", "span", "table"])
def test_deep_nesting_is_read_in_full(tmp_path: Path, tag: str) -> None:
    depth = 100_000
    inner = "<td>45起</td>" if tag == "table" else "共调解纠纷45起"
    markup = f"<{tag}>" * depth + inner + f"</{tag}>" * depth + BODY
    path = tmp_path / "deep.html"
    path.write_text(page("", markup), encoding="utf-8")
    started = time.perf_counter()
    text = load_html(path).text
    assert time.perf_counter() - started < 20
    assert text.endswith(TEXT)
    assert "45起" in text.split("\n")[1]


# --- fuzzing ------------------------------------------------------------------------------


MARKUP_CHARS = "<>/=\"' |&;#x0a-zA-Z\u4e00共45%\n\ud800"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(MARKUP_CHARS)) | st.characters(), max_size=300))
@example("<table><tr><td>\ue001x\ue000</td></tr></table>")
def test_any_markup_gives_text(markup: str) -> None:
    text = html_text(markup)
    assert isinstance(text, str)
    assert "\ue000" not in text and "\ue001" not in text and "\ue002" not in text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_a_load_error(raw: bytes) -> None:
    try:
        assert isinstance(decode_html(raw), str)
    except LoadError as exc:
        assert exc.code in ("binary", "encoding")
