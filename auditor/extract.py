"""Quantity mentions: every number in a text with its unit, kind, qualifier and span.

Two passes, both linear. First the look-alikes that are not quantities (dates,
years, list markers, codes, labels, ordinals, idioms) are found and their
characters masked. Then every remaining numeral is read with its magnitude,
qualifiers and measure word. Each mention keeps its exact span in the text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from auditor.lexicon import lexicon
from auditor.model import Quantity
from auditor.numbers import clean, parse, parse_number

D = "0-9０-９"
CN_DIGIT = "零〇○一二三四五六七八九两兩壹贰貳叁肆伍陆陸柒捌玖幺"
CN_NUM = CN_DIGIT + "十拾百佰千仟万萬亿億"
CN_SMALL = "一二三四五六七八九十"

ARABIC = rf"[{D}]+(?:[,，][{D}]{{3}}(?![{D}]))*(?:[.．][{D}]+)?"
NUM = rf"(?:{ARABIC}|[{CN_NUM}])(?:[{D}]+(?:[.．][{D}]+)?|[{CN_NUM}])*(?:[点點](?:[{D}]+|[{CN_DIGIT}])+)?"

NUMBER_RE = re.compile(
    rf"(?P<pct>百分之百|百分百)"
    rf"|(?P<frac>[百千万]分之)(?P<fnum>{NUM})"
    rf"|(?P<den>{NUM})分之(?P<nom>{NUM})"
    rf"|(?P<num>{NUM})"
)
SUFFIX_RE = re.compile(r"[ \u3000]?(?P<q1>余|多)?(?P<mag>(?:[万萬亿億]|千万|百万)+)?(?P<q2>余|多)?(?:个(?=[万亿]))?[ \u3000]?")
RANGE_SEP_RE = re.compile(r"\s?(?:[-—–~～]{1,2}|至|到)\s?")
NUM_ONLY_RE = re.compile(NUM)

CHENG_BLOCK = set("立功效果为员本绩熟就交型年品")  # 成立, 成功 ...: 成 starting a word

# --- look-alikes: (kind, pattern); earlier patterns win -------------------------------
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(lexicon().units, key=len, reverse=True)) + "|万|亿"
_Y = r"(?:19|20)[0-9]{2}"
_CNY = r"[一二][〇零○一二三四五六七八九]{3}"
_MD = rf"(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})"
NOT_QUANTITY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("code", re.compile(r"https?://\S+|www\.\S+")),
    # list numbering fused to a year: 12014年 (item 1 + 2014年), 6.2023年 (item 6 + 2023年)
    ("fused", re.compile(rf"(?m)(?:^[ \t\u3000]*(?P<m>[1-9])|(?<![{D}.])(?P<d>[{D}]{{1,2}}[.．]))(?P<y>{_Y})(?=年)")),
    ("date", re.compile(
        rf"(?:{_Y}|{_CNY})\s*年\s*{_MD}\s*月(?:\s*{_MD}\s*[日号])?(?:\s*[0-9]{{1,2}}[:：][0-9]{{2}})?"
        rf"|{_Y}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}(?:\s+[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?"
        rf"|(?<![{D}.]){_MD}\s*月\s*{_MD}\s*[日号](?:\s*(?:[-—~至到])\s*(?:{_MD}\s*月\s*)?{_MD}\s*[日号])?"
        rf"|(?<![{D}.])[{D}]{{1,2}}\s*[-—~至到]\s*[{D}]{{1,2}}\s*月份?"
        rf"|(?<![{D}.个])(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})\s*月份?(?![{D}])"
        rf"|(?<![{D}.])[{D}]{{1,2}}\s*[日号](?=[至到\-—,，。、\s（(])"
        rf"|(?<![{D}.])[{D}]{{1,2}}[·•・][{D}]{{1,2}}(?![{D}])"
        rf"|(?<![{D}.])[{D}]{{1,2}}[:：][0-9]{{2}}(?![{D}])"
        rf"|(?:第)?[{D}一二三四]\s*季度"
    )),
    ("year", re.compile(
        rf"(?<![{D}]){_Y}\s*(?:[-—–~～至到]{{1,2}}\s*{_Y}\s*)?(?=年|以来|届|版|[)）])"
        rf"|{_CNY}(?=年)"
        rf"|(?<=[（(]){_Y}\s*[-—–~～]{{1,2}}\s*{_Y}(?=[)）])"
    )),
    ("code", re.compile(
        rf"[〔\[［(（]\s*{_Y}\s*[〕\]］)）]\s*[{D}]+\s*号"
        rf"|[{D}]+号"
        rf"|[A-Za-z]+[{D}][{D}A-Za-z/\-]*|[{D}]+[A-Za-z][{D}A-Za-z/\-]*"
        rf"|(?<![{D}.])(?:12[0-9]{{3}}|96[0-9]{{3}}|11[09]|12[02])(?![{D}.%％])(?!\s?(?:余|多)?(?:{_UNIT_ALT}))"
    )),
    ("label", re.compile(rf"[{D}]+(?:\s*[+＋]\s*(?:[{D}]+|[A-Za-z]))+|[{D}]+\s*[+＋](?![{D}])")),
    ("list_marker", re.compile(
        rf"(?m)^[ \t\u3000]*(?:[（(]\s*(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})\s*[)）]"
        rf"|[{D}]{{1,2}}\s*[.．、](?![{D}])|[{CN_SMALL}]{{1,3}}\s*[、.．)）])"
        rf"|[（(][{CN_SMALL}]{{1,3}}[)）]"
        rf"|(?<=[。；;：:，,\s])[{D}]{{1,2}}[.．、](?=[^{D}\s])"
        rf"|(?<![{CN_NUM}])[{CN_SMALL}]{{1,2}}是(?=[^{D}])"
        rf"|[①-⑳]"
    )),
    ("ordinal", re.compile(
        rf"第\s*(?:[{D}]+|[{CN_NUM}]+)"
        rf"|(?<=[图表])\s*[{D}]+(?:[-.][{D}]+)?"
        rf"|[{CN_NUM}]+[届次](?=会议|全会|全体会议|常委会|代表大会)"
    )),
    ("code", re.compile(
        rf"(?m)\[[{D}]{{1,3}}\]"
        rf"|(?<![{D}.])[{D}]+(?:/[{D}-]+)+"
        rf"|(?<![{D}.,])[{D}]{{9,}}(?![{D}.%％])"
        rf"|(?<![{D}.])0[{D}]{{3,}}"
        rf"|^[ \t\u3000]*[{D}]{{1,2}}-[{D}]{{1,2}}(?=\s)"
    )),
)
QUOTE_RE = re.compile(r"[“\"「『]([^”\"」』\n]{1,14})[”\"」』]")
HAS_NUMERAL_RE = re.compile(rf"[{D}{CN_NUM}]")

NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９" + CN_NUM)


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _idiom_re() -> re.Pattern[str]:
    words = sorted(lexicon().idioms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


_IDIOMS: re.Pattern[str] | None = None


def _mask(text: str) -> tuple[bytearray, list[Quantity]]:
    """Mark the characters of look-alikes, returning the mask and their entries."""
    global _IDIOMS
    mask = bytearray(len(text))
    found: list[Quantity] = []

    def put(kind: str, s: int, e: int) -> None:
        if e > s and not mask[s]:
            mask[s:e] = b"\x01" * (e - s)
            found.append(Quantity(s, e, text[s:e], Decimal(0), "", kind))

    for m in QUOTE_RE.finditer(text):
        inner = m.group(1)
        if HAS_NUMERAL_RE.search(inner) and not mask[m.start(1)]:
            kind = "date" if re.search(r"[0-9][·•・.][0-9]", inner) else (
                "code" if re.fullmatch(r"[0-9]{5,}", inner) else "label")
            if kind == "label" and not _label_like(inner):
                continue
            put(kind, m.start(1), m.end(1))
    for kind, pat in NOT_QUANTITY:
        for m in pat.finditer(text):
            if kind == "fused":
                g = "m" if m.group("m") else "d"
                put("list_marker", m.start(g), m.end(g))
                put("year", m.start("y"), m.end("y"))
            else:
                put(kind, m.start(), m.end())
    if _IDIOMS is None:
        _IDIOMS = _idiom_re()
    for m in _IDIOMS.finditer(text):
        s, e = m.start(), m.end()
        if s > 0 and text[s - 1] in NUMERAL_CHARS and text[s] in NUMERAL_CHARS:
            continue  # 十一 inside 二十一: part of a larger numeral
        if not mask[s]:
            mask[s:e] = b"\x01" * (e - s)
    return mask, found


def _label_like(inner: str) -> bool:
    """A short quoted phrase is a label unless it reads as a figure with a unit (“45起”)."""
    m = NUMBER_RE.match(inner)
    if m and m.start() == 0:
        rest = inner[m.end():]
        if rest in lexicon().units or rest in ("%", "％"):
            return False
    return True


def extract(text: str) -> list[Quantity]:
    """All quantity mentions and classified look-alikes in `text`, in order.

    >>> [(q.text, str(q.value), q.unit, q.approx) for q in extract("接待群众87.5余万人次")]
    [('87.5余万人次', '875000', '人次', '余')]
    """
    mask, out = _mask(text)
    lex = lexicon()
    n = len(text)
    pos = 0
    while True:
        m = NUMBER_RE.search(text, pos)
        if m is None:
            break
        s, e = m.start(), m.end()
        if mask[s]:
            nxt = mask.find(0, s)
            pos = n if nxt < 0 else nxt
            continue
        cut = mask.find(1, s, e)
        if cut > 0:
            e = cut
        q, end = _read(text, s, e, m, lex, mask)
        if q is not None:
            out.append(q)
        pos = max(end, s + 1)
    out.sort(key=lambda q: q.start)
    return out


def _read(text: str, s: int, e: int, m: re.Match[str], lex, mask: bytearray) -> tuple[Quantity | None, int]:  # type: ignore[no-untyped-def]
    """Read one mention starting at a numeral match; return it and where reading stopped."""
    if m.group("pct") is not None:
        end = _after_qualifiers(text, e, lex)
        return _make(text, s, end, Decimal(100), "%", "percent", None, 0, 1, lex), end
    if m.group("frac") is not None:
        p = parse(text[m.start("fnum"):e])
        if p is None:
            return None, e
        unit = {"百分之": "%", "千分之": "‰", "万分之": "‱"}[m.group("frac")]
        end = _after_qualifiers(text, e, lex)
        return _make(text, s, end, p.value, unit, "percent", None, p.decimals, 1, lex), end
    if m.group("den") is not None:
        den, nom = parse_number(m.group("den")), parse_number(m.group("nom"))
        if den is None or nom is None or den == 0:
            return None, e
        return _make(text, s, e, Fraction(nom) / Fraction(den), "", "ratio", None, 0, 1, lex), e
    raw = text[s:e]
    p = parse(raw)
    if p is None:
        # a run that is not one numeral (二三十, 一一): try its longest numeral prefix
        return None, e
    value, decimals, scale = p.value, p.decimals, p.scale
    start = s
    # a sign written before the figure
    if s > 0 and text[s - 1] in "-－−负負" and (s < 2 or not (text[s - 2].isalnum() and not _sign_word(text[s - 2]))):
        if not (s >= 2 and text[s - 2] in "0123456789０１２３４５６７８９"):
            start = s - 1
            value = -value
    sm = SUFFIX_RE.match(text, e)
    approx_inner = None
    pos = e
    if sm and sm.end() > e:
        mag = sm.group("mag")
        if mag and not any(mask[sm.start("mag"):sm.end("mag")]):
            factor = 1
            for c in mag.replace("千万", "K").replace("百万", "M"):
                factor *= {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "K": 10**7, "M": 10**6}[c]
            value *= factor
            scale *= factor
        elif mag:
            sm = None
        if sm is not None:
            approx_inner = sm.group("q1") or sm.group("q2")
            if approx_inner or mag:
                pos = sm.end()
            elif text[e:sm.end()].strip() == "":
                pos = e
    unit, kind, upos = _unit(text, pos, lex)
    if unit is None and pos != e and not approx_inner and not sm:
        unit, kind, upos = _unit(text, e, lex)
    if unit is None:
        # ranges: 3至5次, 5-20%, 八到九百亿
        r = _range(text, s, e, p, value, scale, lex, mask)
        if r is not None:
            return r
        cheng = _cheng(text, pos, value, decimals, p.chinese)
        if cheng is not None:
            val, end = cheng
            return _make(text, start, end, val, "%", "percent", approx_inner, max(0, decimals - 1), 1, lex), end
        # a bare number: a code, a year or a figure without its unit
        kind = _bare_kind(text, start, pos, value, decimals, p.chinese, approx_inner)
        if kind is None:
            return None, pos
        return _make(text, start, pos, value, "", kind, approx_inner, decimals, scale, lex), pos
    assert kind is not None
    if approx_inner is None and text.startswith(("余", "多"), upos) and kind in ("count", "money", "measure"):
        approx_inner = text[upos]  # 3万元余 (rare): qualifier after the unit
        upos += 1
    end = _after_qualifiers(text, upos, lex)
    if kind == "money":
        unit = "元" if unit in ("元", "圆", "块钱", "人民币") else unit
    return _make(text, start, end, value, unit, kind, approx_inner, decimals, scale, lex), end


def _sign_word(c: str) -> bool:
    return c in "为是至到达长降增减少"


def _unit(text: str, pos: int, lex) -> tuple[str | None, str | None, int]:  # type: ignore[no-untyped-def]
    """Longest unit at `pos`: percent signs, 个百分点, 倍 and the measure words of the lexicon."""
    c = text[pos:pos + 1]
    if c in ("%", "％"):
        return "%", "percent", pos + 1
    if c in ("‰",):
        return "‰", "percent", pos + 1
    for w in ("个百分点", "個百分點", "百分点", "个千分点", "千分点"):
        if text.startswith(w, pos):
            return "个百分点" if "百" in w else "个千分点", "points", pos + len(w)
    for k in range(min(lex.max_unit, len(text) - pos), 0, -1):
        u = text[pos:pos + k]
        if u in lex.units:
            return u, lex.units[u], pos + k
    return None, None, pos


def _after_qualifiers(text: str, pos: int, lex) -> int:  # type: ignore[no-untyped-def]
    for w in ("及以上", "以上", "以下", "以内", "左右", "之多", "上下"):
        if text.startswith(w, pos):
            return pos + len(w)
    return pos


def _cheng(text: str, pos: int, value: Decimal, decimals: int, chinese: bool) -> tuple[Decimal, int] | None:
    """九成 = 90%, 九成五 = 95%, 8.5成 = 85%."""
    if not text.startswith("成", pos) or value <= 0 or value > 10:
        return None
    nxt = text[pos + 1:pos + 2]
    val = value * 10
    end = pos + 1
    if nxt and nxt in "一二三四五六七八九" and decimals == 0:
        after = text[pos + 2:pos + 3]
        if not (after and _is_cjk(after) and after not in "以左"):
            val += Decimal("一二三四五六七八九".index(nxt) + 1)
            end += 1
    elif nxt and nxt in CHENG_BLOCK:
        return None
    return val, end


def _range(text, s, e, p, value, scale, lex, mask):  # type: ignore[no-untyped-def]
    sep = RANGE_SEP_RE.match(text, e)
    if sep is None:
        return None
    rs = sep.end()
    rm = NUM_ONLY_RE.match(text, rs)
    if rm is None or mask[rs]:
        return None
    right = rm.group(0)
    rp = parse(right)
    if rp is None:
        return None
    # the suffix of the right end: its magnitude, qualifier and unit carry to the left end
    sm = SUFFIX_RE.match(text, rm.end())
    rvalue, rscale = rp.value, rp.scale
    pos = rm.end()
    mag_factor = 1
    if sm and sm.group("mag"):
        for c in sm.group("mag"):
            mag_factor *= 10**8 if c in "亿億" else 10**4
        pos = sm.end()
    rvalue *= mag_factor
    unit, kind, upos = _unit(text, pos, lex)
    has_mag = mag_factor > 1 or any(c in "万萬亿億千百" for c in right)
    if unit is None and not has_mag:
        return None
    # carry the right end's magnitude to a bare left end: 八到九百亿, 3至5万元
    mantissa = _leading(right)
    low = value
    if p.decimals == 0 and not any(c in "万萬亿億千百十" for c in text[s:e]) and mantissa is not None and value < mantissa:
        if mantissa:
            low = value * (rp.value * mag_factor / mantissa)
    end = upos if unit else pos
    end = _after_qualifiers(text, end, lex)
    kind = kind or "number"
    unit = unit or ""
    if kind == "money":
        unit = "元" if unit in ("元", "圆", "块钱", "人民币") else unit
    q = Quantity(s, end, text[s:end], low, unit, kind, _before(text, s, lex), p.decimals, scale, high=rvalue,
                 numeral="chinese" if p.chinese else "arabic")
    return q, end


def _leading(numeral: str) -> Decimal | None:
    """The leading figure of a numeral before its units: 九百亿 -> 9, 20 -> 20."""
    m = re.match(rf"[{D}.]+|[{CN_DIGIT}]", numeral)
    if m is None:
        return None
    return parse_number(m.group(0))


def _bare_kind(text: str, s: int, e: int, value: Decimal, decimals: int, chinese: bool,
               approx: str | None) -> str | None:
    """Kind of a number with no unit after it, or None when it is no mention at all."""
    prev = text[s - 1] if s > 0 else ""
    nxt = text[e] if e < len(text) else ""
    if chinese:
        # Chinese numerals inside words (统一, 十八顷地村) are not numbers; a standalone one is
        if (prev and _is_cjk(prev)) or (nxt and _is_cjk(nxt)):
            return None
        return "number"
    if nxt and _is_cjk(nxt) and not approx:
        if decimals == 0 and 1900 <= value <= 2099:
            return "year"
        return "code"  # 106团, 110平台: a name or service number
    return "number"


def _before(text: str, s: int, lex) -> str | None:  # type: ignore[no-untyped-def]
    for k in (3, 2, 1):
        w = text[max(0, s - k):s]
        if len(w) == k and w in lex.before:
            return w
    return None


def _make(text: str, s: int, e: int, value: Decimal | Fraction, unit: str, kind: str, inner: str | None, decimals: int,
          scale: int, lex) -> Quantity:  # type: ignore[no-untyped-def]
    words = [w for w in (_before(text, s, lex), inner) if w]
    tail = text[e - 3:e]
    for w in ("及以上", "以上", "以下", "以内", "左右", "之多", "上下"):
        if tail.endswith(w):
            words.append(w)
            break
    numeral = "chinese" if any(c in CN_NUM for c in text[s:e] if c not in unit) else "arabic"
    if isinstance(value, Decimal):
        value = clean(value)
    return Quantity(s, e, text[s:e], value, unit, kind, " ".join(words) or None, decimals, scale, numeral=numeral)
