"""auditor/rules/tables.py: the prose figure read against the one table cell its row and column name."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor.rules.tables import core, prose_cells

NAMES = ["川汇区人民法院", "鹿邑县人民法院", "郸城县人民法院", "太康县人民法院", "西华县人民法院"]


def court_table(counts: list[tuple[int, int]]) -> str:
    rows = "".join(f"| {n} | {a} | {b} |\n" for n, (a, b) in zip(NAMES, counts, strict=False))
    return "| 法院 | 受理(件) | 办结(件) |\n" + rows


@settings(max_examples=25, deadline=None)
@given(counts=st.lists(st.tuples(st.integers(100, 9999), st.integers(100, 9999)), min_size=3, max_size=5),
       row=st.integers(0, 4), said=st.integers(100, 9999), verb=st.sampled_from(["受理", "办结"]))
def test_one_cell_named_gives_a_finding_exactly_when_the_values_differ(
        counts: list[tuple[int, int]], row: int, said: int, verb: str) -> None:
    row %= len(counts)
    text = f"今年{NAMES[row]}{verb}{said}件。\n" + court_table(counts)
    cell = counts[row][0 if verb == "受理" else 1]
    found = [f for f in audit_text(text).findings if f.code == "C504"]
    if said == cell:
        assert found == []
    else:
        assert [(f.text, f.recomputed) for f in found] == [(f"{said}件", str(cell))]
        assert NAMES[row] in found[0].message and verb in found[0].message


def test_agreeing_figure_is_matched_to_its_cell() -> None:
    text = "今年鹿邑县人民法院办结2950件。\n" + court_table([(4020, 3900), (3011, 2950), (2904, 2800)])
    r = audit_text(text)
    pairs = [(q.text, m.table.where(m.row, m.col)) for q, m in prose_cells(text, r.quantities)]
    assert pairs == [("2950件", "鹿邑县人民法院，办结(件)")]


def test_figures_inside_the_table_are_not_prose() -> None:
    text = "今年鹿邑县人民法院办结2950件。\n" + court_table([(4020, 3900), (3011, 2950), (2904, 2800)])
    r = audit_text(text)
    assert all(q.start < text.index("|") for q, _ in prose_cells(text, r.quantities))


def test_core_drops_years_units_and_spaces() -> None:
    assert core("2022年民事案件新收(件)") == "民事案件新收"
    assert core("比上年增长 (%)") == "比上年增长"


CROPS = ("全年食用菌产量2.40万吨。其中,{part}产量0.90万吨;{other}产量15000吨。全年桑蚕茧产量520吨。\n"
         "表2:2024年全乡主要农产品产量\n单位:吨 | |\n产品名称 | 产量 |\n食用菌 | 24000 |\n桑蚕茧 | 520 |\n")


def test_a_part_under_qi_zhong_of_a_total_naming_the_row_is_no_restatement_of_the_row() -> None:
    """林下食用菌 and 大棚食用菌 are kinds of the row's 食用菌 (24000吨), listed under its total."""
    text = CROPS.format(part="林下食用菌", other="大棚食用菌")
    assert "C504" not in [f.code for f in audit_text(text).findings]
    assert ("食用菌", "24000") in [(m.table.rows[m.row].label, str(m.cell.value)) for _, m in
                                    prose_cells(text, [q for q in audit_text(text).quantities if q.is_quantity])]


def test_a_prose_figure_off_its_row_still_warns() -> None:
    text = CROPS.format(part="林下食用菌", other="大棚食用菌").replace("桑蚕茧产量520吨", "桑蚕茧产量560吨")
    assert "C504" in [f.code for f in audit_text(text).findings]
