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
>>> parse_number("1,300万")
Decimal('13000000')
>>> parse_number("壹仟零贰拾")
Decimal('1020')
>>> parse_number("三分之二")
Fraction(2, 3)
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import msgspec

#: full-width digits and signs to ASCII; a middle dot between digits is a decimal point (12·5)
FULLWIDTH = str.maketrans("０１２３４５６７８９．，－％＋ｅＥ／·・", "0123456789.,-%+eE/..")

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "俩": 2, "倆": 2, "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
#: one Decimal per digit, shared (a value is immutable): a long report writes thousands of 一、二、…
_DIGIT_VALUES = [Decimal(d) for d in range(10)]
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
#: 廿 and 卅 stand for 二十 and 三十 (廿二 = 22)
TENS = {"廿": "二十", "卅": "三十"}
ZEROS = "零〇○"
#: a 两 (or 俩) is never read digit by digit: 两两 is "in pairs", not 22
PAIRS = "两兩俩倆"
POINT = "点點"
#: the financial capitals, written on cheques and receipts so that no stroke can be added
FINANCIAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "".join(TENS)
_CN_SET = frozenset(CN_CHARS)
#: 几 after a unit (二十几, 一百零几万) is a vague digit: read as 0, the approximation is the caller's
VAGUE = "几幾"

_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[{}]|[{}]|[{}]".format(
    "".join(DIGITS), "".join(SMALL_UNITS), "".join(BIG_UNITS)))
_PLAIN = re.compile(r"[0-9]*\.?[0-9]+")
_SCI = re.compile(r"(?P<m>[0-9]*\.?[0-9]+)(?:[eE](?P<e>[+-]?[0-9]{1,3})|\^(?P<p>[+-]*[0-9]{1,2}))")
_FRACTION = re.compile(r"(?P<den>[^分]+)分之(?P<nom>[^分]+)")

#: exponents beyond this are not figures anyone writes; refusing them keeps parsing cheap
MAX_EXPONENT = 40


class Parsed(msgspec.Struct, frozen=True):
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
    if " " in s:
        s = _SPACED_GROUP.sub("", s)  # 271 997: thousands grouped with spaces
    return s


_SPACED_GROUP = re.compile(r"(?<=[0-9]) (?=[0-9]{3}(?![0-9]))")


def clean(v: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation: 18000.0 -> 18000.

    Exact at any size (Decimal.normalize and quantize round to the context precision).
    """
    sign, digits, exp = v.as_tuple()
    if not isinstance(exp, int):
        return v
    if not any(digits):
        return Decimal(0)
    if exp >= 0:
        return Decimal((sign, digits + (0,) * exp, 0))
    k = 0
    while k < -exp and len(digits) > k and digits[-1 - k] == 0:
        k += 1
    if k == 0:
        return v
    digits = digits[:-k] or (0,)
    return Decimal((sign, digits, exp + k))


def parse_number(s: str) -> Decimal | Fraction | None:
    """Exact value of a numeral, or None when the string is not one numeral.

    A fraction written with 分之 comes back as a Fraction when it does not terminate.
    """
    if "分之" in s:
        return parse_fraction(s)
    p = parse(s)
    return None if p is None else p.value


def parse_fraction(s: str) -> Decimal | Fraction | None:
    """三分之二 -> Fraction(2, 3); 四分之一 -> Decimal('0.25'); 负三分之一 -> -1/3.

    >>> parse_fraction("百分之五")
    Decimal('0.05')
    """
    s = normalise(s).strip()
    sign = 1
    if s[:1] in "-负負−":
        sign, s = -1, s[1:]
    m = _FRACTION.fullmatch(s)
    if m is None:
        return None
    den_text, nom_text = m.group("den"), m.group("nom")
    if nom_text[:1] in "-负負−":
        sign, nom_text = -sign, nom_text[1:]
    den, nom = _denominator(den_text), parse(nom_text)
    if den is None or nom is None or den == 0:
        return None
    return as_exact(sign * Fraction(nom.value) / Fraction(den))


def _denominator(s: str) -> Decimal | None:
    """The denominator before 分之: a numeral, or magnitudes alone (百 = 100, 百万 = 10^6, 万万 = 10^8)."""
    if s and all(c in SMALL_UNITS or c in BIG_UNITS for c in s):
        v = 1
        for c in s:
            v *= SMALL_UNITS.get(c) or BIG_UNITS[c]
        return Decimal(v)
    p = parse(s)
    return None if p is None else p.value


def as_exact(f: Fraction) -> Decimal | Fraction:
    """A Fraction as a Decimal when it terminates (1/4 -> 0.25), else unchanged (2/3)."""
    d = f.denominator
    k2 = k5 = 0
    while d % 2 == 0:
        d //= 2
        k2 += 1
    while d % 5 == 0:
        d //= 5
        k5 += 1
    if d != 1:
        return f
    k = max(k2, k5)
    return clean(Decimal(f.numerator * 10**k // f.denominator).scaleb(-k))


def parse(s: str) -> Parsed | None:
    """Parse Arabic, Chinese or mixed numerals (with 万/亿 and 点) into a Parsed value.

    >>> parse("87.5万").value, parse("87.5万").decimals, parse("87.5万").scale
    (Decimal('875000'), 1, 10000)
    >>> parse("九万四").value
    Decimal('94000')
    >>> parse("二〇〇二").value
    Decimal('2002')
    >>> parse("2.5e3").value
    Decimal('2500')
    """
    if s.isascii() and s.isdigit():
        return Parsed(Decimal(s), 0, 1, False)
    if len(s) == 1:
        if s in DIGITS:
            return Parsed(_DIGIT_VALUES[DIGITS[s]], 0, 1, True)
        if s in "十拾":
            return Parsed(Decimal(10), 0, 1, True)
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
        d = len(s) - s.index(".") - 1 if "." in s else 0
        return Parsed(-v if neg else v, d, 1, False)
    if "e" in s or "E" in s or "^" in s:
        sci = _SCI.fullmatch(s)
        return None if sci is None else _scientific(sci, neg)
    for c in TENS:
        if c in s:
            s = s.replace(c, TENS[c])
    for c in VAGUE:
        if c in s:
            if s.startswith(c):
                return None
            s = s.replace(c, "")
    chinese = not _CN_SET.isdisjoint(s)
    # split off a decimal part written with 点
    frac_digits: str | None = ""
    factor = 1
    for p in POINT:
        if p in s:
            s, _, frac = s.partition(p)
            k = len(frac)
            while k > 0 and frac[k - 1] in BIG_UNITS:
                k -= 1
                factor *= BIG_UNITS[frac[k]]  # 一点二五万 = 12500
            frac_digits = _digit_string(frac[:k])
            if frac_digits is None or not s or factor > 1 and any(c in BIG_UNITS for c in s):
                return None
            break
    if frac_digits:
        whole = _parse_integer(s)
        if whole is None:
            return None
        v = (whole + Decimal("0." + frac_digits)) * factor
        return Parsed(clean(-v if neg else v), len(frac_digits), factor, chinese)
    r = _parse_mixed(s)
    if r is None:
        return None
    v, decimals, scale = r
    return Parsed(clean(-v if neg else v), decimals, scale, chinese)


def _scientific(m: re.Match[str], neg: bool) -> Parsed | None:
    """2e5, 12.32e+14, 2^5, 2.5^-1: exact, with the decimals the mantissa leaves after scaling."""
    mant = m.group("m")
    d = len(mant) - mant.index(".") - 1 if "." in mant else 0
    try:
        if m.group("e") is not None:
            e = int(m.group("e"))
            if abs(e) > MAX_EXPONENT:
                return None
            v = clean(Decimal(mant).scaleb(e))
            decimals = max(0, d - e)
        else:
            p = m.group("p")
            e = int(p.replace("-", "").replace("+", ""))
            if p.count("-") % 2:
                e = -e
            if abs(e) > MAX_EXPONENT:
                return None
            base = Fraction(Decimal(mant))
            if base == 0 and e < 0:
                return None
            x = as_exact(base**e)
            if isinstance(x, Fraction):
                return None
            v = x
            exponent = v.as_tuple().exponent
            decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return Parsed(-v if neg else v, decimals, 1, False)


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
    return None if r is None else r[0]


def _parse_mixed(s: str) -> tuple[Decimal, int, int] | None:
    """Positional Chinese with optional Arabic pieces: 二亿三千万零四千七百一十八, 25万6千, 1.8万.

    Returns (value, decimals written, scale of the magnitude that follows the
    first decimal figure). A magnitude multiplies everything written since the
    last larger one: 五兆六十二亿 = 5·10^12 + 62·10^8, but 三万五千亿 = 35000·10^8.
    """
    tokens = _TOKEN.findall(s)
    if "".join(tokens) != s:
        return None
    # digit sequences without any unit: 一二三 / 二〇〇二 / 一七二零
    if all(t in DIGITS for t in tokens):
        if len(tokens) == 1:
            return Decimal(DIGITS[tokens[0]]), 0, 1
        if tokens[0] in ZEROS:
            return None  # 零一: a code read digit by digit, not an amount
        if any(t in PAIRS for t in tokens):
            return None
        return Decimal("".join(str(DIGITS[t]) for t in tokens)), 0, 1
    parts: list[tuple[Decimal, int]] = []  # (value, magnitude) of the finished groups
    section = Decimal(0)
    number: Decimal | None = None
    decimals = 0
    scale = 1
    seen_decimal = False
    last_unit = 0
    prev = ""
    for t in tokens:
        if t[0].isdigit():
            if number is not None and prev not in ZEROS:
                return None  # two figures in a row
            number = Decimal(t)
            if "." in t:
                if seen_decimal:
                    return None
                seen_decimal = True
                decimals = len(t) - t.index(".") - 1
            prev = "d"
        elif t in DIGITS:
            if number is not None and prev not in ZEROS and t not in ZEROS:
                return None
            if t in ZEROS:
                prev = t
                continue
            number = Decimal(DIGITS[t])
            prev = "c"
        elif t in SMALL_UNITS:
            u = SMALL_UNITS[t]
            if number is None:
                if prev == "" and t not in "十拾" and len(tokens) == 1:
                    return None  # 百 / 千 alone are not numerals here
                number = Decimal(1)
            if last_unit and u >= last_unit:
                return None  # 十百, 五十千: units out of order
            if seen_decimal and scale == 1:
                scale = u
            section += number * u
            number = None
            last_unit = u
            prev = "u"
        else:
            u = BIG_UNITS[t]
            group = section + (number or 0)
            if number is None and section == 0:
                if prev != "U":
                    return None  # 万 alone, 零万
                # 万亿, 四万万: the magnitude multiplies the group just closed
                v, w = parts.pop()
                parts.append((v * u, w * u))
                if seen_decimal:
                    scale *= u
                prev = "U"
                continue
            while parts and parts[-1][1] < u:
                group += parts.pop()[0]
            if parts and parts[-1][1] == u:
                return None  # 五万三万: a magnitude repeated
            if seen_decimal and (scale == 1 or number is None and section == 0):
                scale *= u
            parts.append((group * u, u))
            section = Decimal(0)
            number = None
            last_unit = 0
            prev = "U"
    if number is not None:
        # colloquial tail: 三万五 = 35000, 两千六 = 2600, 一百二 = 120, 百三 = 130
        if prev == "c" and len(tokens) >= 2:
            unit = SMALL_UNITS.get(tokens[-2]) or BIG_UNITS.get(tokens[-2], 0)
            if unit > 10:
                number = number * unit / 10
        section += number
    return sum((v for v, _ in parts), Decimal(0)) + section, decimals, scale
