"""Readers for the shapes a mention takes besides a plain figure: 角/分, 百分之, fractions, ranges, spaced numerals."""
from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from sys import intern

from auditor.extract.helpers import _after_qualifiers, _digit, _leading, _magnitude, _script, _squeeze
from auditor.extract.lookalikes import NUMERAL_CHARS
from auditor.extract.mask import _Masker
from auditor.extract.patterns import (
    AFTER_QUALIFIERS,
    BIG_CHARS,
    CN_CHARS,
    CN_DIGIT,
    DIGIT_CHARS,
    JIAO_RE,
    MAGNITUDE,
    NUM_ONLY_RE,
    POINTS,
    RANGE_SEP_RE,
    SPACES,
    SUFFIX_RE,
    UNIT_CHARS,
    YUAN,
)
from auditor.model import Quantity
from auditor.numbers import Parsed, as_exact, clean, parse


class _Reader(_Masker):
    """The readers of one mention's parts, and the output of a mention."""

    __slots__ = ()

    def read_jiao(self, start: int, pos: int, value: Decimal) -> tuple[Quantity | None, int]:
        """壹角, 壹分, 伍角捌分: an amount in the financial capitals, below one 元."""
        text = self.text
        if text[pos] == "角":
            val = value / 10
            end = pos + 1
            jm = JIAO_RE.match(text, end)
            if jm is not None and jm.group("f") and not jm.group("j"):
                val += _digit(jm.group("f")) / 100
                end = jm.end()
        else:
            val, end = value / 100, pos + 1
        return self.make(start, end, val, "元", "money", None, 2 if text[pos] == "分" or end > pos + 1 else 1, 1), end

    def read_per(self, s: int, e: int, m: re.Match[str]) -> tuple[Quantity | None, int]:
        """百分之五十, 千分之三, 万分之二, 百万分之五."""
        text = self.text
        fs = m.start("fnum")
        if e < self.n and (text[e] in SPACES or text[e] in POINTS):
            e = self.extend(fs, e)
        raw = _squeeze(text[fs:e])
        p = parse(raw)
        while p is None and len(raw) > 1 and raw[-1] in UNIT_CHARS and raw[-2] in UNIT_CHARS:
            raw, e = raw[:-1], e - 1  # 百分之七十百分位: the figure is 七十
            p = parse(raw)
        if p is None:
            return None, e
        value = -p.value if m.group("fsign") else p.value
        den = _squeeze(m.group("frac"))[:-2]
        end = _after_qualifiers(text, e)
        unit = {"百": "%", "佰": "%", "千": "‰", "仟": "‰", "万": "‱", "萬": "‱"}.get(den)
        if unit is None:
            d = 1
            for c in den:
                d *= {"百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "萬": 10**4}[c]
            return self.make(s, end, as_exact(Fraction(value) / d), "", "ratio", None, 0, 1), end
        return self.make(s, end, value, unit, "percent", None, p.decimals, 1), end

    def fraction_value(self, m: re.Match[str]) -> Decimal | Fraction | None:
        den, nom = parse(_squeeze(m.group("num"))), parse(_squeeze(m.group("nom")))
        if den is None or nom is None or den.value == 0:
            return None
        if nom.decimals and den.chinese != nom.chinese:
            return None  # 五百分之3.4: not a fraction anyone writes
        sign = -1 if m.group("nsign") else 1
        return as_exact(sign * Fraction(nom.value) / Fraction(den.value))

    def read_fraction(self, s: int, e: int, m: re.Match[str]) -> tuple[Quantity | None, int]:
        """三分之二 (a Fraction), 四分之一 (a Decimal), 负３分之负一百五十七."""
        f = self.fraction_value(m)
        if f is None:
            return None, e
        start = s
        if s > 0 and self.text[s - 1] in "负負-－":
            start, f = s - 1, -f
        end = _after_qualifiers(self.text, e)
        return self.make(start, end, f, "", "ratio", None, 0, 1), end

    def read_range(self, start: int, s: int, e: int, pos: int, raw: str, p: Parsed, value: Decimal, scale: int,
                   approx_inner: str | None) -> tuple[Quantity, int] | None:
        """3至5次, 5-20%, 八到九百亿, 十八至三十万日元: the right end's unit and magnitude carry to the left."""
        text = self.text
        sep = RANGE_SEP_RE.match(text, pos)
        if sep is None:
            return None
        rs = sep.end()
        if rs >= self.n or self.mask[rs] or text[rs] not in NUMERAL_CHARS:
            return None
        rm = NUM_ONLY_RE.match(text, rs)
        if rm is None or self.lookalike(rs) >= 0:
            return None
        right = rm.group(0)
        rp = parse(right)
        if rp is None:
            return None
        sm = SUFFIX_RE.match(text, rm.end())
        rpos = rm.end()
        mag_factor = 1
        mag = sm.group("mag") if sm is not None else None
        if sm is not None and mag and not (mag in ("k", "ｋ") and rp.chinese):
            mag_factor = _magnitude(mag)
            rpos = sm.end()
        rvalue = rp.value * mag_factor
        unit, kind, upos = self.units.at(text, rpos)
        has_mag = mag_factor > 1 or any(c in UNIT_CHARS for c in right)
        if unit is None and not has_mag:
            return None
        low, lscale = value, scale
        left_has_mag = pos > e or any(c in BIG_CHARS for c in raw)
        if not left_has_mag:
            tail = 1
            k = len(right)
            while k > 0 and right[k - 1] in BIG_CHARS:
                k -= 1
                tail *= MAGNITUDE[right[k]]
            tail *= mag_factor
            lead = _leading(right)
            if not any(c in UNIT_CHARS for c in raw) and lead and value <= lead:
                factor = rvalue / lead  # 八到九百亿: the left end takes 百亿 too
            else:
                factor = Decimal(tail)  # 一百二十到一百五十万: the left end takes 万
            if factor > 1 and value * factor <= rvalue:  # 从6400到2万: 6400 already says all
                low, lscale = clean(value * factor), int(scale * factor) if factor == int(factor) else scale
        end = upos if unit else rpos
        if unit in YUAN or (kind == "money" and unit in ("人民币",)):
            unit = "元"
        end = _after_qualifiers(text, end)
        q = Quantity(start, end, intern(self.orig[start:end]), low, unit or "", kind or "number",
                     self.before(start) or approx_inner, p.decimals, lscale, high=clean(rvalue),
                     numeral=_script(text[start:end].replace(unit, "") if unit else text[start:end]))
        return q, end

    def extend(self, s: int, e: int) -> int:
        """Carry a numeral across the spaces a PDF puts inside it: 一百 五 十 二, 7 万5 千4 百, 四百 点 五.

        A piece is joined only where a unit or 点 sits at the seam and the whole still
        reads as one numeral, so 1 2 or 2023 12 are never run together.
        """
        text, n = self.text, self.n
        has_point = any(c in POINTS for c in text[s:e])
        while e < n:
            k = e
            pt = False
            if text[k] in POINTS and not has_point:
                pt, k = True, k + 1
            sp = k
            while k < n and k - sp < 2 and text[k] in SPACES:
                k += 1
            if k == sp and not pt:
                break
            if not pt and k < n and text[k] in POINTS and not has_point:
                pt, k = True, k + 1
                while k < n and text[k] in SPACES and k - sp < 5:
                    k += 1
            if k >= n or self.mask[k]:
                break
            c, last = text[k], text[e - 1]
            if pt:
                if c not in CN_DIGIT or last not in CN_CHARS:
                    break
            elif not (c in UNIT_CHARS or (last in UNIT_CHARS and c in CN_DIGIT)
                      or (last in UNIT_CHARS and c in DIGIT_CHARS and text[k + 1:k + 2] in UNIT_CHARS)):
                break
            m = NUM_ONLY_RE.match(text, k)
            if m is None or parse(_squeeze(text[s:m.end()])) is None:
                break
            e = m.end()
            has_point = has_point or pt
        return e

    # --- output ------------------------------------------------------------------------
    def before(self, s: int) -> str | None:
        before, text = self.lex.before, self.text
        if s == 0 or text[s - 1] not in self.before_last:
            return None
        for k in (3, 2, 1):
            if s >= k and text[s - k:s] in before:
                return text[s - k:s]
        return None

    def make(self, s: int, e: int, value: Decimal | Fraction, unit: str, kind: str, inner: str | None,
             decimals: int, scale: int) -> Quantity:
        text = self.text
        words = [w for w in (self.before(s), inner) if w]
        if e - s > 1 and text[e - 1] in "上下右内多":
            tail = text[max(s, e - 3):e]
            for w in AFTER_QUALIFIERS:
                if tail.endswith(w):
                    words.append(w)
                    break
        span = text[s:e]
        numeral = _script(span.replace(unit, "") if unit else span)
        if isinstance(value, Decimal):
            value = clean(value)
        return Quantity(s, e, intern(self.orig[s:e]), value, unit, kind, " ".join(words) or None, decimals, scale,
                        numeral=numeral)
