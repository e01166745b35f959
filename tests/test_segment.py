"""segment.py: paragraphs, sentences, clauses and asides, with hard line breaks read as wraps."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.segment import segment


def sentences(text: str) -> list[str]:
    seg = segment(text)
    ends = [*seg.sentences[1:], len(text)]
    return [text[a:b].strip() for a, b in zip(seg.sentences, ends, strict=True)]


def test_sentence_end_then_line_break_is_one_boundary() -> None:
    text = "共受理案件120件。\n办结118件。"
    seg = segment(text)
    assert sentences(text) == ["共受理案件120件。", "办结118件。"]
    assert len(seg.paragraphs) == 2


def test_an_ascii_full_stop_after_a_word_or_a_percent_ends_a_sentence() -> None:
    """占64.40%.2、从场所看: no decimal point follows a percent sign or a word; after a digit it is one."""
    text = "总计占火灾总数的64.40%.2、从场所看:住宅火灾64起.其中厂房火灾1.5起"
    assert sentences(text) == ["总计占火灾总数的64.40%.", "2、从场所看:住宅火灾64起.", "其中厂房火灾1.5起"]


def test_line_wrapped_inside_a_sentence_joins_the_paragraph() -> None:
    text = "全年共受理各类行政复议案件，依法办结行政复议案件共计\n37082件，按时办结率99.9%。\n"
    seg = segment(text)
    assert len(seg.paragraphs) == 1
    assert seg.sentence_of(text.index("37082")) == seg.sentence_of(text.index("按时"))


def test_heading_is_its_own_paragraph() -> None:
    text = "二、主要工作情况\n全年受理案件120件。"
    seg = segment(text)
    assert len(seg.paragraphs) == 2
    assert seg.paragraph_of(text.index("全年")) == 1


def test_bracketed_aside_is_a_clause_of_its_own() -> None:
    text = "受理投诉412件（2022年355件），同比增长16.1%。"
    seg = segment(text)
    aside = seg.clauses[seg.clause_of(text.index("355"))]
    assert aside.aside and text[aside.start:aside.end] == "2022年355件"
    assert not seg.clauses[seg.clause_of(text.index("412"))].aside


def test_clauses_split_at_commas_enumeration_commas_and_semicolons() -> None:
    text = "钢材产量1200万吨，增加50万吨；水泥产量800万吨、增加30万吨。"
    seg = segment(text)
    pieces = [text[c.start:c.end] for c in seg.clauses]
    assert pieces == ["钢材产量1200万吨", "增加50万吨", "水泥产量800万吨", "增加30万吨。"]
    assert [c.sep for c in seg.clauses] == ["", "，", "；", "、"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("共受理120件，。；、（）()\n 其中增长%：")), max_size=120))
def test_any_text_gives_ordered_spans_inside_it(text: str) -> None:
    seg = segment(text)
    assert list(seg.paragraphs) == sorted(set(seg.paragraphs))
    assert list(seg.sentences) == sorted(set(seg.sentences))
    for c in seg.clauses:
        assert 0 <= c.start <= c.end <= len(text)
    starts = [c.start for c in seg.clauses]
    assert starts == sorted(starts)
    for k in range(len(text)):
        assert seg.sentence_of(k) >= 0 and seg.paragraph_of(k) >= 0


def test_a_question_mark_after_a_unit_symbol_is_a_lost_superscript() -> None:
    # 598.2亿m?: a converter turned ³ into ?; the sentence goes on
    text = "全省用水总量为598.2亿m?，其中生活用水为90.5亿m?。居民满意吗?满意。"
    starts = [text[s:s + 4] for s in segment(text).sentences]
    assert starts == ["全省用水", "居民满意", "满意。"]


def test_a_question_mark_after_latin_letters_alone_ends_the_sentence() -> None:
    text = "什么是GDP?它是生产总值。"
    assert [text[s:s + 2] for s in segment(text).sentences] == ["什么", "它是"]


def test_a_long_text_s_clauses_take_a_few_bytes_per_character() -> None:
    """Clauses are held as arrays of offsets (a Clause object each took some fifteen bytes per character)."""
    import tracemalloc

    text = "全县新建村道18公里，改造校舍6所、卫生室9个；（其中山区4所），完成投资2.3亿元。\n" * 4000
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        seg = segment(text)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(seg.clauses) == 5 * 4000
    assert held < 4 * len(text)
    first = seg.clauses[1]
    assert (text[first.start:first.end], first.sep, first.aside) == ("改造校舍6所", "，", False)
    assert seg.clauses[3].aside and seg.clauses[3].sep == "（" and seg.clauses[-1].sep == "，"


def _reference(text: str) -> tuple[tuple[int, ...], tuple[int, ...], list[tuple[int, int, str, bool]]]:
    """The pass one character at a time, as segment() was written before it learnt to jump between the
    characters it acts on: the oracle the jumping pass must agree with."""
    from auditor import segment as s

    paragraphs, sentences, clauses = [0], [0], []
    c_start, c_sep, depth, aside_at, line_start, n = 0, "", 0, -1, 0, len(text)

    def close(end: int, nxt: int, sep: str) -> None:
        nonlocal c_start, c_sep
        if end > c_start:
            clauses.append((c_start, end, c_sep, depth > 0))
        c_start, c_sep = nxt, sep

    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            soft = s.soft_break(text, i, line_start)
            line_start = i + 1
            if not soft:
                depth = 0
                close(i, i + 1, "")
                at = i + 1
                while at < n and text[at] in s.SPACE:
                    at += 1
                if paragraphs[-1] < at < n:
                    paragraphs.append(at)
                if sentences[-1] < at < n and text[sentences[-1]:at].strip():
                    sentences.append(at)
                elif sentences[-1] < at and len(sentences) > 1:
                    sentences[-1] = at
                c_start = at
        elif ch in s.SENT_END and depth == 0 and not s._lost_superscript(text, i):
            j = i + 1
            while j < n and (text[j] in s.CLOSERS or text[j] in s.SENT_END):
                j += 1
            close(j, j, "")
            at = j
            while at < n and text[at] in s.SPACE:
                at += 1
            if sentences[-1] < at < n:
                sentences.append(at)
            c_start = sentences[-1] if sentences[-1] >= j else j
            i = j
            continue
        elif ch in s.OPEN:
            close(i, i + 1, ch)
            depth += 1
            aside_at = i
        elif ch in s.CLOSE and depth > 0:
            close(i, i + 1, ch)
            depth -= 1
        elif ch in s.CLAUSE_SEP:
            close(i, i + 1, ch)
        elif depth == 0 and i - c_start >= s.CLAUSE_MAX and \
                (text[i - 1] not in s.DIGITISH or i - c_start >= 2 * s.CLAUSE_MAX):
            close(i, i, "，")
        if depth > 0 and i - aside_at > s.ASIDE_MAX:
            depth = 0
        i += 1
    close(n, n, "")
    kept = [c for c in clauses if text[c[0]:c[1]].strip()] or [(0, n, "", False)]
    return tuple(paragraphs), tuple(sentences), kept


#: what the jumps must get right: separators, brackets left open past ASIDE_MAX, runs of figures or words
#: past CLAUSE_MAX with no separator, line breaks that wrap or end a paragraph
_PIECES = st.sampled_from(["12.5%", "万元", "增长", "，", "。", "、", "；", "：", "（", "）", "(", ")", "【", "】",
                           "\n", " ", "\u3000", "！", "?", "m?", "”", "1" * 90, "字" * 90, "各项工作" * 30])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_the_jumping_pass_agrees_with_the_pass_one_character_at_a_time(text: str) -> None:
    got = segment(text)
    assert (got.paragraphs, got.sentences, [(c.start, c.end, c.sep, c.aside) for c in got.clauses]) == \
        _reference(text)


@pytest.mark.parametrize("filler", ["字", "1"])
@pytest.mark.parametrize("extra", [-2, -1, 0, 1, 2])
def test_the_jumps_stop_where_an_aside_or_a_clause_runs_too_long(filler: str, extra: int) -> None:
    from auditor.segment import ASIDE_MAX, CLAUSE_MAX

    for text in ("甲（" + filler * (ASIDE_MAX + extra) + "。乙，丙。",
                 filler * (CLAUSE_MAX + extra) + "字。" + filler * (2 * CLAUSE_MAX + extra) + "，丁。",
                 "（" + filler * (ASIDE_MAX + extra) + "）" + filler * (CLAUSE_MAX + extra) + "！"):
        got = segment(text)
        assert (got.paragraphs, got.sentences, [(c.start, c.end, c.sep, c.aside) for c in got.clauses]) == \
            _reference(text)
