"""Across documents: a prior-period figure restated by one year's report against the earlier report (C503).

A batch often holds one issuing body's reports for successive years. When the later report
restates a figure for the year before (`412件（2023年355件）`, `去年同期受理120件`), the earlier
report states the same metric as its own current figure; the two should agree.

Which reports are one series is read from their titles: the first non-empty line that names a
year and a report genre. Two titles are one series when they are equal once the year is taken
out and they name an issuing place (镇, 县, 市, 省, 团…): `西柳泉镇2021年法治政府建设情况报告`
and `东棘坨镇2024年法治政府建设情况报告`. Precision comes first: a metric is compared only when
its subject is named the same way in both reports, the units agree, and every current mention of
it in the earlier report carries one value (within rounding). Statistics are revised between
reports, so a difference is a warning, with both places quoted.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import msgspec
from msgspec.structs import replace

from auditor.fingerprint import numbered, sentence_words
from auditor.model import DocumentResult, Finding, Quantity, Severity

CODE = "C503"
TITLE_LINES = 4  # non-empty lines read for a title
TITLE_MAX = 80  # a longer line is prose, not a title
_YEAR = re.compile(r"[（(]?((?:19|20)\d\d)年(?:度)?[）)]?")
_GENRE = re.compile(r"(?:报告|总结|公报|情况|要点|计划)$")
_PLACE = re.compile(r"[省市县区镇乡团州旗盟村师]")
_STRIP = re.compile(r"[\s\u3000“”\"'《》<>·•—\-－]+")
MIN_SUBJECT = 3  # characters: shorter subjects (办结, 受理) name no one metric


class Title(msgspec.Struct, frozen=True):
    """A report's title split into its series and its year."""

    series: str  # the title without its year: what makes two reports one series
    year: int


class CrossText(msgspec.Struct, frozen=True):
    """What C503 reads of a report's text, for the figures it may compare (`compared`): taken where the
    report is audited, so that the batch need not hold the text of a long report."""

    title: Title | None
    lines: dict[int, tuple[int, int]]  # a figure's start -> its line and column
    #: a restated figure's (start, end) -> its sentence's words (fingerprint.py): only a finding's figure needs them
    words: dict[tuple[int, int], str]

    @classmethod
    def of(cls, text: str, title: Title | None, quantities: Iterable[Quantity] = ()) -> CrossText:
        qs = list(quantities)
        return cls(title, {q.start: _line(text, q.start) for q in qs},
                   {(q.start, q.end): sentence_words(text, q.start, q.end) for q in qs
                    if q.frame is not None and q.frame.role == "prior"})

    def line(self, offset: int) -> tuple[int, int]:
        return self.lines[offset]

    def sentence(self, start: int, end: int) -> str:
        return self.words[(start, end)]


class _Full:
    """The same reading of a report whose whole text is at hand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.title = title_of(text)

    def line(self, offset: int) -> tuple[int, int]:
        return _line(self.text, offset)

    def sentence(self, start: int, end: int) -> str:
        return sentence_words(self.text, start, end)


Reading = CrossText | _Full


def title_of(text: str) -> Title | None:
    """The report's series and year, from its title lines; None where the title names no place or year."""
    lines = [ln.strip() for ln in text[:2000].splitlines() if ln.strip()][:TITLE_LINES]
    year = None
    series = ""
    for ln in lines:
        if len(ln) > TITLE_MAX:
            break
        m = _YEAR.search(ln)
        rest = _STRIP.sub("", _YEAR.sub("", ln))
        if year is None and m:
            year = int(m.group(1))
        if not series and _GENRE.search(rest):
            series = rest
    if year is None or not series:
        return None
    head = _GENRE.split(series)[0] if _GENRE.search(series) else series
    if not _PLACE.search(head.replace("政府", "")):
        return None  # `政府工作报告` alone names no issuing body
    return Title(series, year)


def _interval(q: Quantity) -> tuple[Fraction, Fraction]:
    v = Fraction(q.value)
    if q.approx:
        return v - q.half_ulp * 20, v + q.half_ulp * 20  # 余, 约: far wider than rounding
    return v - q.half_ulp, v + q.half_ulp


def _overlap(a: Quantity, b: Quantity) -> bool:
    """The two figures can be one value: their rounding intervals overlap (120件 and 121件 do not)."""
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return a.value == b.value or (a0 < b1 and b0 < a1)


def _restated(q: Quantity, year: int) -> bool:
    """A figure the report gives for the year before its own."""
    f = q.frame
    if f is None or f.plan or len(f.subject) < MIN_SUBJECT or not q.is_quantity or q.kind == "percent":
        return False
    return f.role == "prior" and f.period in ("prior", str(year - 1))


def _current(q: Quantity, year: int) -> bool:
    f = q.frame
    if f is None or f.plan or len(f.subject) < MIN_SUBJECT or not q.is_quantity:
        return False
    return f.role == "level" and f.period in ("", "current", str(year))


def compared(quantities: Sequence[Quantity], year: int) -> tuple[Quantity, ...]:
    """Of a report whose title gives `year`, the figures `_compare` can use, in order, and no other: as the
    earlier report, the first current figure of each metric whose current figures all agree with it; as the
    later one, each prior-year figure that is its metric's only one. In a batch they give the findings all
    of the report's figures give (`_compare` passes over the others), and a long report sends few."""
    current: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    restated: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    for q in quantities:
        if _current(q, year):
            current[_key(q)].append(q)
        elif _restated(q, year):
            restated[_key(q)].append(q)
    keep = {id(qs[0]) for qs in current.values() if all(_overlap(qs[0], o) for o in qs[1:])}
    keep.update(id(qs[0]) for qs in restated.values() if len(qs) == 1)
    return tuple(q for q in quantities if id(q) in keep)


def _key(q: Quantity) -> tuple[str, str, str]:
    assert q.frame is not None
    return q.frame.subject, q.unit, q.kind


def with_cross_findings(results: Sequence[DocumentResult], select: Sequence[str] = (),
                        ignore: Sequence[str] = (), texts: Mapping[str, CrossText] | None = None
                        ) -> list[DocumentResult]:
    """The batch's results with each document's C503 findings added (respecting --select/--ignore).

    `texts` gives, by path, what C503 reads of a document whose result no longer holds its text."""
    if (select and not any(CODE.startswith(s) for s in select)) or any(CODE.startswith(s) for s in ignore):
        return list(results)
    extra = cross_findings(results, texts)
    out = []
    for r in results:
        found = extra.get(r.path)
        if found:
            r = replace(r, findings=tuple(sorted((*r.findings, *found), key=lambda f: (f.start, f.code))))
        out.append(r)
    return out


def cross_findings(results: Iterable[DocumentResult],
                   texts: Mapping[str, CrossText] | None = None) -> dict[str, list[Finding]]:
    """C503 findings per document path (the later report's), for a batch of audited documents."""
    by_series: dict[str, dict[int, tuple[DocumentResult, Reading]]] = defaultdict(dict)
    ambiguous: set[tuple[str, int]] = set()
    for r in results:
        if r.error is not None:
            continue
        reading: Reading | None = texts.get(r.path) if texts else None
        if reading is None:
            if not r.text:
                continue
            reading = _Full(r.text)
        t = reading.title
        if t is None:
            continue
        if t.year in by_series[t.series]:
            ambiguous.add((t.series, t.year))  # two reports for one year: no telling which is the earlier one
        by_series[t.series][t.year] = (r, reading)
    out: dict[str, list[Finding]] = {}
    for series, years in by_series.items():
        for year, later in years.items():
            earlier = years.get(year - 1)
            if earlier is None or (series, year) in ambiguous or (series, year - 1) in ambiguous:
                continue
            found = _compare(later, earlier, year)
            if found:
                out[later[0].path] = found
    return out


def _compare(later: tuple[DocumentResult, Reading], earlier: tuple[DocumentResult, Reading],
             year: int) -> list[Finding]:
    current: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    for q in earlier[0].quantities:
        if _current(q, year - 1):
            current[_key(q)].append(q)
    restated: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    for q in later[0].quantities:
        if _restated(q, year):
            restated[_key(q)].append(q)
    found: list[tuple[Quantity, Quantity]] = []
    for key, qs in restated.items():
        then = current.get(key)
        if not then or len(qs) != 1:
            continue  # the later report must restate the metric once
        if any(not _overlap(then[0], o) for o in then[1:]):
            continue  # the earlier report itself gives more than one value: no one figure to compare with
        q = qs[0]
        if not _overlap(q, then[0]):
            found.append((q, then[0]))
    return _findings(later, earlier, found)


def _line(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _findings(later_read: tuple[DocumentResult, Reading], earlier_read: tuple[DocumentResult, Reading],
              pairs: Sequence[tuple[Quantity, Quantity]]) -> list[Finding]:
    text, (earlier, earlier_text) = later_read[1], earlier_read
    out = []
    for q, e in pairs:
        assert q.frame is not None
        subject = q.frame.subject
        eline, _ = earlier_text.line(e.start)
        line, col = text.line(q.start)
        out.append(Finding(
            CODE, Severity.WARNING, q.start, q.end, q.text,
            message=f"本报告称上期{subject}为{q.text}，上期报告（{earlier.path} 第{eline}行）为{e.text}",
            message_en=f"this report gives the prior period's {subject} as {q.text}; the prior report "
                       f"({earlier.path} line {eline}) gives {e.text}",
            claimed=str(q.value), recomputed=str(e.value), line=line, column=col,
            hint=f"{earlier.path}:{eline}"))
    fps = numbered([(f.code, f.text, text.sentence(f.start, f.end)) for f in out])
    return [replace(f, fingerprint=fp) for f, fp in zip(out, fps, strict=True)]
