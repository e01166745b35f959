""".xlsx and .csv: each sheet a table of pipe rows, numbers as the sheet displays them."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from office_files import xlsx_bytes

from auditor.load import LoadError, load
from auditor.load.csv import csv_text
from auditor.load.xlsx import cell_text, format_number


def write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def test_sheets_as_pipe_tables_with_formula_and_percent(tmp_path: Path) -> None:
    raw = xlsx_bytes(
        {
            "收案情况": [["单位", "2024年", "2023年"], ["甲院", 1200, 1100], ["乙院", 300, 250],
                         ["合计", "=SUM(B2:B3)", "=SUM(C2:C3)"]],
            "结案率": [[None, None], [None, "结案率"], [None, 0.956]],
        },
        formats={("结案率", "B3"): "0.0%"},
        cached={("收案情况", "B4"): "1500", ("收案情况", "C4"): "1350"},
    )
    doc = load(write(tmp_path, "stats.xlsx", raw))
    assert doc.text == (
        "收案情况\n| 单位 | 2024年 | 2023年 |\n| 甲院 | 1200 | 1100 |\n| 乙院 | 300 | 250 |\n| 合计 | 1500 | 1350 |\n"
        "\n结案率\n| 结案率 |\n| 95.6% |"
    )
    assert doc.notes == ()


def test_formula_without_a_cached_value_is_empty(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "raw.xlsx", xlsx_bytes({"S": [["合计", "=1+1", "元"]]})))
    assert doc.text == "S\n| 合计 |  | 元 |"


def test_dates_and_booleans(tmp_path: Path) -> None:
    raw = xlsx_bytes({"S": [["截至", dt.date(2024, 12, 31), True]]}, formats={("S", "B1"): 'yyyy"年"m"月"d"日"'})
    assert load(write(tmp_path, "d.xlsx", raw)).text == "S\n| 截至 | 2024年12月31日 | TRUE |"


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (0.956, "0.0%", "95.6%"),
    (0.956, "0%", "96%"),
    (0.9995, "0.00%", "99.95%"),
    (0.30000000000000004, "General", "0.3"),
    (108156.0, "General", "108156"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (12.345, '0.00"万元"', "12.35万元"),
    (2.5, "0", "3"),  # half away from zero, as Excel rounds
    (-3.2, "0.0_);(0.0)", "(3.2)"),
    (-0.12345, "0.00%;[Red]-0.00%", "-12.35%"),
    (7, "@", "7"),
])
def test_numbers_as_displayed(value: float, fmt: str, shown: str) -> None:
    assert cell_text(value, fmt) == shown


@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False))
def test_fixed_format_keeps_the_value_to_its_decimals(value: Decimal) -> None:
    shown = format_number(value, "0.00")
    assert abs(Decimal(shown) - value) <= Decimal("0.005")


def test_xlsx_with_no_values_is_empty(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "blank.xlsx", xlsx_bytes({"S": []})))
    assert info.value.code == "empty"


def test_csv_in_gbk_with_quoted_newline(tmp_path: Path) -> None:
    raw = '单位,2024年,2023年\r\n"甲院\n（含派出法庭）",1200,1100\r\n\r\n合计,1500,1350\r\n'.encode("gbk")
    doc = load(write(tmp_path, "stats.csv", raw))
    assert doc.text == "| 单位 | 2024年 | 2023年 |\n| 甲院 （含派出法庭） | 1200 | 1100 |\n| 合计 | 1500 | 1350 |"


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_csv_delimiters(delimiter: str) -> None:
    text = delimiter.join(["项目", "数量"]) + "\n" + delimiter.join(["收案", "1,200" if delimiter != "," else "1200"])
    assert csv_text(text).splitlines()[0] == "| 项目 | 数量 |"
    assert csv_text(text).splitlines()[1].startswith("| 收案 | ")


def test_tsv_and_leading_empty_columns(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "t.tsv", "\t\t项目\t数量\n\t\t合计\t3\n".encode()))
    assert doc.text == "| 项目 | 数量 |\n| 合计 | 3 |"


def test_csv_only_separators_is_empty(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "e.csv", b",,,\n,,\n"))
    assert info.value.code == "empty"


def test_a_stale_dimension_does_not_cut_the_sheet(tmp_path: Path) -> None:
    import io
    import re
    import zipfile

    raw = xlsx_bytes({"S": [["项目", "数量", "单位"], ["收案", 1200, "件"], ["结案", 1100, "件"]]})
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
                assert n == 1
            z.writestr(info.filename, data)
    doc = load(write(tmp_path, "stale.xlsx", out.getvalue()))
    assert doc.text == "S\n| 项目 | 数量 | 单位 |\n| 收案 | 1200 | 件 |\n| 结案 | 1100 | 件 |"


def test_csv_with_an_undecodable_byte_notes_its_byte_offset(tmp_path: Path) -> None:
    raw = "项目,数量\n收案,1200\n结案,1100\n合计,2300\n".encode() * 3
    raw = raw.replace(b"1100", b"11\xff00", 1)
    doc = load(write(tmp_path, "bad.csv", raw))
    (code, message), = doc.notes
    assert code == "undecodable" and str(raw.index(b"\xff")) in message and "character" not in message
    assert "| 结案 | 11\ufffd00 |" in doc.text


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (dt.date(2024, 12, 31), 'yyyy"年"m"月"', "2024年12月"),
    (dt.date(2024, 12, 31), 'yyyy"年"m"月"d"日"', "2024年12月31日"),
    (dt.datetime(2024, 1, 2), "yyyy-mm-dd", "2024-01-02"),
    (dt.datetime(2024, 1, 2, 9, 30), "yyyy-mm-dd hh:mm", "2024-01-02 09:30:00"),
    (float("inf"), "General", ""),
    (None, "0.0%", ""),
])
def test_dates_and_odd_values(value: object, fmt: str, shown: str) -> None:
    assert cell_text(value, fmt) == shown
