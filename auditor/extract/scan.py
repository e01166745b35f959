"""The pass: visit every numeral once, classify look-alikes, read the mention that starts there."""
from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from sys import intern

from msgspec.structs import replace

from auditor.extract.helpers import (
    _after_qualifiers,
    _bare_kind,
    _cheng,
    _digit,
    _is_cjk,
    _magnitude,
    _sign_word,
    _squeeze,
    _zhe,
)
from auditor.extract.lookalikes import NUMERAL_CHARS
from auditor.extract.parts import _Reader
from auditor.extract.patterns import (
    BIG_CHARS,
    CN_DIGIT,
    DIGIT_CHARS,
    FINANCIAL,
    JIAO_RE,
    MIXED_RE,
    NUMBER_RE,
    PHASE_NUMERALS,
    PINYIN_RE,
    POINTS,
    PREFIX_CURRENCY,
    RANGE_SEP_RE,
    SPACES,
    SUFFIX_RE,
    SUFFIX_START,
    VAGUE_PAIRS,
    WORDY_CAPITALS,
    YUAN,
)
from auditor.model import Quantity
from auditor.numbers import DIGITS, Parsed, as_exact, parse

UNIT_LOOKAHEAD = 6  # characters of a unit after a reading aid (點(diǎn)次)


class _Scan(_Reader):
    """One pass over a text: the loop over numerals and the reading of one mention."""

    __slots__ = ()

    # --- the pass ----------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        text, mask, n = self.text, self.mask, self.n
        search = NUMBER_RE.search
        pos = 0
        while True:
            m = search(text, pos)
            if m is None:
                break
            s, e = m.start(), m.end()
            if mask[s]:
                nxt = mask.find(0, s)
                pos = n if nxt < 0 else nxt
                continue
            if self.may_look_alike(s, e):
                end = self.lookalike(s)
                if end >= 0:
                    pos = end
                    continue
            if self.marker[1] >= 0 and text[s] in DIGIT_CHARS:
                s2 = self.fused_marker(s, e)
                if s2 > s:
                    pos = s2
                    continue
            cut = mask.find(1, s, e)
            if cut > 0:
                e = cut
            q, end = self.read(s, e, m)
            if q is not None:
                q = self.relabel(q)
                if q is not None:
                    self.out.append(q)
            pos = max(end, s + 1)
        self.out.sort(key=lambda q: q.start)
        return self.out

    def relabel(self, q: Quantity) -> Quantity | None:
        """Mentions that read as figures but name a band, a place or a fragment of a figure.

        An age with a bound or an age range (14岁以上, 不满16岁, 3-6岁) names a band of people;
        a bounded count before an incident's grade (5人以上重大事故) the grade; a Chinese numeral and a
        land measure before 村 (十八顷地村) a village; a bare number
        that ends a line of prose when the next line opens with digits is half of a figure a
        page break split (补贴3 / 3.8万元): no mention at all.
        """
        text, st = self.text, self.state
        if q.unit in st.age_units:
            sep = RANGE_SEP_RE.match(text, q.end)
            if q.high is not None or any(w in (q.approx or "") for w in st.age_bounds) or any(
                    text.startswith(w, q.start - len(w)) for w in st.age_bounds if q.start >= len(w)) or (
                    sep is not None and text[sep.end():sep.end() + 1] in NUMERAL_CHARS) or (
                    self.out and self.out[-1].kind == "label" and self.out[-1].unit in st.age_units
                    and (sep := RANGE_SEP_RE.match(text, self.out[-1].end)) is not None
                    and sep.end() == q.start):
                return replace(q, kind="label")
        elif q.kind == "count" and q.approx in st.grade_bounds and st.grade_after.match(text, q.end):
            return replace(q, kind="label")  # 一次死亡5人以上重大事故: the grade of an incident, not a count
        elif q.kind == "measure" and q.numeral == "chinese" and st.place_after.match(text, q.end):
            return replace(q, kind="label")
        elif (q.kind == "number" and q.unit == "" and text[q.end:q.end + 1] == "\n"
              and text[q.end + 1:q.end + 2] in DIGIT_CHARS and q.start > 0 and _is_cjk(text[q.start - 1])):
            return None
        return q

    # --- one mention -------------------------------------------------------------------
    def read(self, s: int, e: int, m: re.Match[str]) -> tuple[Quantity | None, int]:
        """Read one mention starting at a numeral match; return it and where reading stopped."""
        text = self.text
        if m.group("num") is None:
            if m.group("pct") is not None:
                end = _after_qualifiers(text, e)
                return self.make(s, end, Decimal(100), "%", "percent", None, 0, 1), end
            return self.read_per(s, e, m)
        if m.group("nom") is not None:
            return self.read_fraction(s, e, m)
        raw = text[s:e]
        if "，" in raw and self.after_list_word(s):
            e = s + raw.index("，")  # 分别为5，120件: two items, not 5120
            raw = text[s:e]
        if " " in raw:
            raw = _squeeze(raw)  # 8 5, 5 ．4, 321 146: one figure spelt with spaces
        if e < self.n and (text[e] in SPACES or text[e] in POINTS):
            e2 = self.extend(s, e)
            if e2 > e:
                e, raw = e2, _squeeze(text[s:e2])
        p = parse(raw)
        if p is None:
            if len(raw) > 1 and raw[0] in "零〇○" and all(c in CN_DIGIT for c in raw):
                # 零零三: a code read digit by digit
                digits = "".join(str(DIGITS[c]) for c in raw)
                start, sign = (s - 1, -1) if s > 0 and text[s - 1] in "负負" else (s, 1)
                return Quantity(start, e, intern(self.orig[start:e]), sign * Decimal(int(digits)), "", "code",
                                numeral="chinese"), e
            return None, e
        if p.chinese and len(raw) == 2 and raw in VAGUE_PAIRS:
            return None, e  # 三四个, 两三次: a vague estimate, not a figure
        value: Decimal = p.value
        decimals, scale = p.decimals, p.scale
        start = s
        neg = False
        # a sign written before the figure
        if s > 0 and text[s - 1] in "-－−负負" and (
                s < 2 or not (text[s - 2].isalnum() and not _sign_word(text[s - 2]))
                and text[s - 2] not in DIGIT_CHARS):
            start, neg = s - 1, True
        elif s > 1 and text[s - 2:s] == "零下":
            start, neg = s - 2, True
        prefix_unit = None
        if start > 0 and text[start - 1] in PREFIX_CURRENCY and not p.chinese:
            prefix_unit = PREFIX_CURRENCY[text[start - 1]]
            start -= 1
        approx_inner = None
        pos = e
        sm = SUFFIX_RE.match(text, e) if e < self.n and text[e] in SUFFIX_START else None
        if sm is not None and sm.end() > e:
            q1, mag, q2 = sm.group("q1"), sm.group("mag"), sm.group("q2")
            ok = not (q1 in ("几", "幾") and raw[-1] not in "十拾百佰千仟零0")
            if ok and mag:
                ok = not (mag in ("k", "ｋ") and (p.chinese or q1)) and not any(
                    self.mask[sm.start("mag"):sm.end("mag")])
                if ok:
                    factor = _magnitude(mag)
                    value *= factor
                    scale *= factor
            if ok:
                approx_inner = q1 or q2
                if approx_inner or mag:
                    pos = sm.end()
        if neg:
            value = -value
        if approx_inner is None and ("几" in raw or "幾" in raw):
            approx_inner = "几" if "几" in raw else "幾"
        if pos == e and e < self.n and text[e] in "角分" and p.chinese and not FINANCIAL.isdisjoint(raw):
            return self.read_jiao(start, e, value)
        unit, kind, upos = self.units.at(text, pos)
        if unit is None and pos < self.n and text[pos] in SPACES:
            unit, kind, upos = self.units.at(text, pos + 1)
        elif unit is None and pos < self.n and text[pos] in "(（" and _is_cjk(text[pos - 1]):
            pm = PINYIN_RE.match(text, pos)  # 7.25萬(wàn)件: a reading aid between the magnitude and the unit
            if pm is not None:
                unit, kind, upos = self.units.at(text, pm.end())
        elif unit is not None and upos < self.n and text[upos] in "(（":
            unit, kind, upos = self.unit_across_pinyin(text, pos, upos, unit, kind)
        if prefix_unit is not None and (unit is None or kind != "money"):
            unit, kind, upos = prefix_unit, "money", pos
        if unit is None:
            return self.read_bare(start, s, e, pos, raw, p, value, decimals, scale, approx_inner)
        assert kind is not None
        if unit == "期" and upos == e + 1 and raw in PHASE_NUMERALS and self.is_phase(start, upos):
            return self.make(start, upos, value, "", "label", None, 0, 1), upos
        if approx_inner is None and text.startswith(("余", "多"), upos) and kind in ("count", "money", "measure"):
            approx_inner = text[upos]  # 3万元余 (rare): qualifier after the unit
            upos += 1
        if unit in YUAN:
            jm = JIAO_RE.match(text, upos)
            if jm is not None and jm.end() > upos:
                j, f = jm.group("j"), jm.group("f")
                if j or f:
                    if j:
                        value += (-1 if neg else 1) * _digit(j) / 10
                        decimals = max(decimals, 1)
                    if f:
                        value += (-1 if neg else 1) * _digit(f) / 100
                        decimals = 2
                    unit, kind = "元", "money"
                elif jm.group("t") and kind == "money":
                    pass
                else:
                    jm = None
                if jm is not None:
                    upos = jm.end()
            if kind == "money":
                unit = "元"
        elif p.chinese and len(raw) == 1 and raw in WORDY_CAPITALS and kind != "money":
            return None, upos  # 拾起, 登陆部队: a single capital numeral inside a word
        end = _after_qualifiers(text, upos)
        return self.make(start, end, value, unit, kind, approx_inner, decimals, scale), end

    def unit_across_pinyin(self, text: str, pos: int, upos: int, unit: str, kind: str | None
                           ) -> tuple[str, str | None, int]:
        """點(diǎn)次: a longer unit whose characters a reading aid splits; else the unit found."""
        pm = PINYIN_RE.match(text, upos)
        if pm is None:
            return unit, kind, upos
        head = text[pos:upos]
        u2, k2, p2 = self.units.at(head + text[pm.end():pm.end() + UNIT_LOOKAHEAD], 0)
        if u2 is None or p2 <= len(head):
            return unit, kind, upos
        return u2, k2, pm.end() + p2 - len(head)

    def read_bare(self, start: int, s: int, e: int, pos: int, raw: str, p: Parsed, value: Decimal,
                  decimals: int, scale: int, approx_inner: str | None) -> tuple[Quantity | None, int]:
        """A numeral with no measure word after it: a fraction, 成/折, 角/分, a range, or a bare number."""
        text = self.text
        mm = MIXED_RE.match(text, pos)
        if mm is not None and mm.end() > pos:
            # 三又三分之一, 二百万又四十万分之十五
            fm = NUMBER_RE.match(text, mm.end())
            if fm is not None and fm.group("nom") is not None and not approx_inner:
                f = self.fraction_value(fm)
                if f is not None and f >= 0:
                    total = Fraction(value) + (Fraction(f) if value >= 0 else -Fraction(f))
                    return self.make(start, fm.end(), as_exact(total), "", "ratio", None, 0, 1), fm.end()
        at = pos + 1 if pos < self.n and text[pos] in SPACES else pos
        c = text[at:at + 1]
        if c == "成":
            r = _cheng(text, at, value, decimals, self.units)
            if r is not None:
                val, end = r
                end = _after_qualifiers(text, end)  # 8成以上
                return self.make(start, end, val, "%", "percent", approx_inner, max(0, decimals - 1), 1), end
        elif c == "折":
            z = _zhe(text, at, raw, value, p)
            if z is not None:
                val, end, d = z
                end = _after_qualifiers(text, end)
                return self.make(start, end, val, "%", "percent", approx_inner, d, 1), end
        r2 = self.read_range(start, s, e, pos, raw, p, value, scale, approx_inner)
        if r2 is not None:
            return r2
        # a bare number: a code, a year or a figure without its unit
        end = _after_qualifiers(text, pos)
        # a Chinese numeral inside a word is no figure (统一, 十八顷地村), but one with a magnitude
        # (两个亿的资金, 三十万的投入) is: no word is built on 万 or 亿 (十万火急 is in the idioms)
        chinese = DIGIT_CHARS.isdisjoint(raw) and pos == e and BIG_CHARS.isdisjoint(raw)
        kind = _bare_kind(text, start, pos, value, decimals, chinese,
                          bool(approx_inner or end > pos or not BIG_CHARS.isdisjoint(raw) or scale > 1))
        if kind is None:
            return None, pos
        return self.make(start, end, value, "", kind, approx_inner, decimals, scale), end
