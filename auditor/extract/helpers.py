"""Small readers shared by the pass: the script of a numeral, magnitudes, 成 and 折, the kind of a bare number."""
from __future__ import annotations

import re
from decimal import Decimal

from auditor.extract.lexstate import _Units
from auditor.extract.lookalikes import NUMERAL_CHARS
from auditor.extract.patterns import (
    AFTER_QUALIFIERS,
    CHENG_BLOCK,
    CN_CHARS,
    CN_DIGIT,
    DIGIT_CHARS,
    MAGNITUDE,
    ZHE_BLOCK,
    D,
)
from auditor.numbers import Parsed, parse


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _script(s: str) -> str:
    """How a numeral is written: arabic (128), chinese (一百二十八) or mixed (1.8万, 25万6千)."""
    if CN_CHARS.isdisjoint(s):
        return "arabic"
    return "chinese" if DIGIT_CHARS.isdisjoint(s) else "mixed"


def _squeeze(s: str) -> str:
    return s.replace(" ", "").replace("\u3000", "") if " " in s or "\u3000" in s else s


def _digit(c: str) -> Decimal:
    if c in DIGIT_CHARS:
        return Decimal("0123456789０１２３４５６７８９".index(c) % 10)
    p = parse(c)
    return p.value if p is not None else Decimal(0)


def _first_value(text: str, s: int, e: int) -> Decimal:
    """The value of the first numeral inside a look-alike (2023 for a year, 3 for 第三), for reference."""
    span = text[s:e]
    if span.isascii() and span.isdigit():
        return Decimal(span)
    i = s
    while i < e and text[i] not in NUMERAL_CHARS:
        i += 1
    j = i
    while j < e and text[j] in NUMERAL_CHARS:
        j += 1
    p = parse(text[i:j]) if j > i else None
    return p.value if p is not None and abs(p.value) < 10**30 else Decimal(0)


def _magnitude(mag: str) -> int:
    """万 -> 10^4, 亿 -> 10^8, 万亿 -> 10^12, 千万 -> 10^7, k -> 1000."""
    factor = 1
    for c in mag.replace("千万", "K").replace("百万", "M"):
        factor *= MAGNITUDE[c]
    return factor


def _sign_word(c: str) -> bool:
    return c in "为是至到达长降增减少"


def _after_qualifiers(text: str, pos: int) -> int:
    if pos < len(text) and text[pos] in "及以左之上":
        for w in AFTER_QUALIFIERS:
            if text.startswith(w, pos):
                return pos + len(w)
    return pos


def _cheng(text: str, pos: int, value: Decimal, decimals: int, units: _Units) -> tuple[Decimal, int] | None:
    """九成 = 90%, 九成五 = 95%, 8.5成 = 85%, 三成半 = 35%."""
    if value <= 0 or value > 10:
        return None
    nxt = text[pos + 1:pos + 2]
    val = value * 10
    end = pos + 1
    if nxt and nxt in "一二三四五六七八九" and decimals == 0:
        if units.at(text, pos + 2)[0] is None and not text.startswith(("成", "倍"), pos + 2):
            val += Decimal("一二三四五六七八九".index(nxt) + 1)
            end += 1
    elif nxt == "半" and decimals == 0:
        val += 5
        end += 1
    elif nxt and nxt in CHENG_BLOCK:
        return None
    return val, end


def _zhe(text: str, pos: int, raw: str, value: Decimal, p: Parsed) -> tuple[Decimal, int, int] | None:
    """九折 = 90%, 8.5折 = 85%, 五五折 = 55%, 75折 = 75%: the price paid, in percent."""
    nxt = text[pos + 1:pos + 2]
    if nxt and nxt in ZHE_BLOCK:
        return None
    if len(raw) == 2 and p.decimals == 0 and 10 < value < 100 and (
            all(c in DIGIT_CHARS for c in raw) or all(c in CN_DIGIT for c in raw)):
        return value, pos + 1, 0
    if 0 < value < 10:
        return value * 10, pos + 1, max(0, p.decimals - 1)
    return None


def _leading(numeral: str) -> Decimal | None:
    """The leading figure of a numeral before its units: 九百亿 -> 9, 20 -> 20."""
    m = re.match(rf"[{D}.．]+|[{CN_DIGIT}]", numeral)
    if m is None:
        return None
    p = parse(m.group(0))
    return None if p is None else p.value


def _bare_kind(text: str, s: int, e: int, value: Decimal, decimals: int, chinese: bool,
               figure: bool) -> str | None:
    """Kind of a number with no unit after it, or None when it is no mention at all.

    `figure` says the number carries a qualifier or a magnitude (200余, 3万), which no
    name or code has.
    """
    prev = text[s - 1] if s > 0 else ""
    nxt = text[e] if e < len(text) else ""
    if chinese:
        # Chinese numerals inside words (统一, 十八顷地村) are not numbers; a standalone one is
        if (prev and _is_cjk(prev)) or (nxt and _is_cjk(nxt)):
            return None
        return "number"
    if nxt and _is_cjk(nxt) and not figure:
        if decimals == 0 and 1900 <= value <= 2099:
            return "year"
        return "code"  # 12团, 110平台: a name or service number
    return "number"
