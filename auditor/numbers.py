"""Numeral parsing: Arabic, full-width, Chinese and mixed numerals to exact Decimal.

cn2an reads Chinese numerals too, but returns floats (0.01 comes back as a binary
fraction) and has no notion of the reported precision, which decides every rounding
verdict; so the reader is written here and cn2an serves as the oracle in the tests.

>>> parse_number("1.8万")
Decimal('18000')
>>> parse_number("一千零二十")
Decimal('1020')
>>> parse_number("25万6千")
Decimal('256000')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

FULLWIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
POINT = "点點"
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[%s]|[%s]|[%s]" % (
    "".join(DIGITS), "".join(SMALL_UNITS), "".join(BIG_UNITS)))


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parsed numeral: its exact value, the decimals written, and the magnitude applied.

    `decimals` and `scale` together give the rounding interval of the figure:
    1.8万 has decimals 1 and scale 10000, so it stands for 17500 to 18500.
    """

    value: Decimal
    decimals: int
    scale: int
    chinese: bool


def normalise(s: str) -> str:
    """Full-width digits and punctuation to ASCII, thousands separators dropped."""
    s = s.translate(FULLWIDTH)
    if "," in s or "，" in s:
        s = s.replace(",", "").replace("，", "")
    return s


def clean(v: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation: 18000.0 -> 18000."""
    if v == v.to_integral_value():
        return v.quantize(Decimal(1))
    return v.normalize()


def parse_number(s: str) -> Decimal | None:
    """Exact value of a numeral, or None when the string is not one numeral."""
    p = parse(s)
    return None if p is None else p.value


def parse(s: str) -> Parsed | None:
    """Parse Arabic, Chinese or mixed numerals (with 万/亿 and 点) into a Parsed value.

    >>> parse("87.5万").value, parse("87.5万").decimals, parse("87.5万").scale
    (Decimal('875000'), 1, 10000)
    >>> parse("九万四").value
    Decimal('94000')
    >>> parse("二〇〇二").value
    Decimal('2002')
    """
    s = normalise(s).strip()
    if not s:
        return None
    neg = False
    if s[0] in "-负負−":
        neg, s = True, s[1:]
        if not s:
            return None
    # a plain decimal numeral: by far the most common case
    if _PLAIN.fullmatch(s):
        v = Decimal(s)
        d = len(s.split(".")[1]) if "." in s else 0
        return Parsed(-v if neg else v, d, 1, False)
    chinese = any(c in CN_CHARS for c in s)
    # split off a decimal part written with 点
    frac_digits = ""
    for p in POINT:
        if p in s:
            s, _, frac = s.partition(p)
            frac_digits = _digit_string(frac)
            if frac_digits is None or not s:
                return None
            break
    if frac_digits:
        whole = _parse_integer(s)
        if whole is None:
            return None
        v = whole + Decimal("0." + frac_digits)
        return Parsed(clean(-v if neg else v), len(frac_digits), 1, chinese)
    r = _parse_mixed(s)
    if r is None:
        return None
    v, decimals, scale = r
    return Parsed(clean(-v if neg else v), decimals, scale, chinese)


_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _digit_string(s: str) -> str | None:
    """'三零五' or '305' -> '305' (digits read one by one, as after 点)."""
    out = []
    for c in s:
        if c.isascii() and c.isdigit():
            out.append(c)
        elif c in DIGITS:
            out.append(str(DIGITS[c]))
        else:
            return None
    return "".join(out) or None


def _parse_integer(s: str) -> Decimal | None:
    r = _parse_mixed(s)
    if r is None or r[1] != 0 and "." in s:
        return None if r is None else r[0]
    return r[0]


def _parse_mixed(s: str) -> tuple[Decimal, int, int] | None:
    """Positional Chinese with optional Arabic pieces: 一亿五千万零六千三百五十五, 25万6千, 1.8万.

    Returns (value, decimals written, scale of the magnitude that follows the
    first decimal figure).
    """
    tokens = _TOKEN.findall(s)
    if "".join(tokens) != s:
        return None
    # digit sequences without any unit: 一二三 / 二〇〇二 / 一七二零
    if all(t in DIGITS for t in tokens):
        if len(tokens) == 1:
            return Decimal(DIGITS[tokens[0]]), 0, 1
        if tokens[0] in "零〇○" and len(tokens) > 1:
            return None  # 零一: a code read digit by digit, not an amount
        return Decimal("".join(str(DIGITS[t]) for t in tokens)), 0, 1
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    decimals = 0
    scale = 1
    seen_decimal = False
    last_unit = 0
    prev = ""
    for t in tokens:
        if t[0].isdigit():
            if number is not None and prev not in ("零", "〇"):
                return None  # two figures in a row
            number = Decimal(t)
            if "." in t:
                if seen_decimal:
                    return None
                seen_decimal = True
                decimals = len(t.split(".")[1])
            prev = "d"
        elif t in DIGITS:
            if number is not None and prev not in ("零", "〇", "○") and t not in "零〇○":
                return None
            if t in "零〇○":
                prev = t
                continue
            number = Decimal(DIGITS[t])
            prev = "c"
        elif t in SMALL_UNITS:
            u = SMALL_UNITS[t]
            if number is None:
                if t not in "十拾" and prev == "":
                    return None  # 百 / 千 alone are not numerals here
                number = Decimal(1)
            if last_unit and u >= last_unit and section:
                return None  # 十百: units out of order
            if seen_decimal and scale == 1:
                scale = u
            section += number * u
            number = None
            last_unit = u
            prev = "u"
        else:
            u = BIG_UNITS[t]
            if number is None and section == 0:
                if total == 0:
                    return None
                total *= u  # 万亿
                if seen_decimal:
                    scale *= u
                prev = "U"
                continue
            section += number or 0
            if seen_decimal and scale == 1:
                scale = u
            total = (total + section) * u if u > 10**4 else total + section * u
            section = Decimal(0)
            number = None
            last_unit = 0
            prev = "U"
            continue
    if number is not None:
        # colloquial tail: 三万五 = 35000, 两千六 = 2600, 一百二 = 120
        if prev == "c" and len(tokens) >= 2 and tokens[-2] in {**SMALL_UNITS, **BIG_UNITS}:
            unit = SMALL_UNITS.get(tokens[-2]) or BIG_UNITS[tokens[-2]]
            if unit >= 10 and unit != 10:
                number = number * unit / 10
        section += number
    return total + section, decimals, scale
