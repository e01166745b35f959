"""Quantity mentions: every number in a text with its unit, kind, qualifier and span.

One left-to-right pass. A few cheap whole-text scans first mask what can never be a
figure (quoted labels, links, idioms such as 统一 or 一把手). Then every numeral is
visited once: the look-alikes that start at it or just before it (dates, years, list
markers, codes, labels, ordinals) are tried as one anchored match, and what remains
is read with its magnitude, qualifiers and measure word. Each mention keeps its exact
span in the text; the work per numeral is bounded, so the pass is linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from auditor.lexicon import Lexicon, lexicon
from auditor.model import Quantity
from auditor.numbers import DIGITS, Parsed, as_exact, clean, parse
from auditor.numbers import FINANCIAL as _FINANCIAL

D = "0-9０-９"
DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
CN_DIGIT = "零〇○一二三四五六七八九两兩俩倆壹贰貳叁參肆伍陆陸柒捌玖幺"
CN_UNIT = "十拾百佰千仟廿卅"
CN_BIG = "万萬亿億"
CN_NUM = CN_DIGIT + CN_UNIT + CN_BIG
CN_SMALL = "一二三四五六七八九十"
CN_CHARS = frozenset(CN_NUM + "兆")
UNIT_CHARS = frozenset(CN_UNIT + CN_BIG + "兆")
BIG_CHARS = frozenset(CN_BIG + "兆")
SP = " \u3000"
SPACES = frozenset(SP)
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULLWIDTH_DIGIT_RE = re.compile("[０-９]")
FINANCIAL = frozenset(_FINANCIAL)
#: capitals that are also everyday morphemes (拾起, 登陆, 队伍, 放肆, 參加): alone, they are words
WORDY_CAPITALS = frozenset("拾陆陸伍肆佰仟參")
POINTS = frozenset("点點")
#: the numerals of a project phase (二期工程): one character, 一 to 九
PHASE_NUMERALS = frozenset("一二三四五六七八九")

_EXP = rf"(?:[eE][+\-－]?[{D}]{{1,3}}(?![{D}A-Za-z])|\^[+\-]*[{D}]{{1,2}}(?![{D}]))?"
#: thousands groups (1,100万, ４，５６５) only after a lead group of one to three digits
#: thousands grouped with single spaces (321 146件) only when a measure word or % follows
#: the measure words as one alternation, behind a class of their first letters so that a
#: failed look-ahead costs one character test instead of one per measure word
_UNIT_AHEAD = ("(?=[" + "".join(sorted({re.escape(u[0]) for u in lexicon().units})) + "])(?:"
               + "|".join(re.escape(u) for u in sorted(lexicon().units, key=len, reverse=True)) + ")")
_SPACED = rf"[{D}]{{1,3}}(?: [{D}]{{3}}(?![{D}]))+(?= ?[余多]?[万萬亿億]?(?:{_UNIT_AHEAD}|[%％]))"
#: a figure a PDF spelt out digit by digit (8 5 ％, 5 ．4 ％, 1 2 件): single spaces between single
#: digits or beside the point, only when % or a measure word (not 年/月/日) ends it; the runs are
#: bounded, so a long row of spaced digits costs a fixed amount per digit
_SPACED_FRAC = rf"(?:[{D}](?: [{D}]){{1,3}}|[{D}]{{1,4}})"
_SPACED_DIGITS = (rf"(?=[{D}]{{1,3}}(?: |[.．] ))(?<![{D}.．])(?<![{D}.．] )"
                  rf"(?:[{D}](?: [{D}]){{1,6}}(?: ?[.．] ?{_SPACED_FRAC})?"
                  rf"|[{D}]{{1,3}}(?: [.．] ?|[.．] ){_SPACED_FRAC})"
                  rf"(?= ?(?:{_UNIT_AHEAD}|[%％]))(?! ?[年月日号])")
#: full-width commas are also the comma of the sentence: as thousands separators (2，315万吨) only
#: when the figure goes on after them, with a point, a magnitude, % or a measure word, ASCII
#: groups (1，233,000) or the end of the line (not 新建项目2，3个, nor 编号31，452，已归档); at most
#: six groups, so a failed look-ahead gives back a bounded number of them
_GROUP = rf"[{D}]{{3}}(?![{D}])"
_FW_GROUPS = (rf"[{D}]{{1,3}}(?:，{_GROUP}){{1,6}}(?:(?:,{_GROUP})+(?:[,，]{_GROUP})*"
              rf"|(?=[.．][{D}]|[{SP}]?[余多]?(?:[万萬亿億]|{_UNIT_AHEAD}|[%％])|[{SP}]*(?:\n|\Z)))")
#: a middle dot as the decimal point (12·5％), only before a percent sign: 3·15 is a date
_DOT = rf"[·・][{D}]+(?=[{SP}]?[%％])"
ARABIC = (rf"(?:{_SPACED_DIGITS}|{_SPACED}|[{D}]{{1,3}}(?:,{_GROUP})+(?:[,，]{_GROUP})*|{_FW_GROUPS}|[{D}]+)"
          rf"(?:[.．][{D}]+|{_DOT})?{_EXP}")
_CN_CONT = rf"[{CN_NUM}]|兆(?![瓦帕赫欧字比焦])|(?<=[十拾百佰千仟零〇])[几幾]"
#: one numeral: pieces of digits only ever follow a Chinese character (25万6千), so a run of
#: digits has one reading and a failed match never backtracks through it
NUM = (rf"(?:{ARABIC}|[{CN_NUM}])(?:{_CN_CONT}|(?<=[{CN_NUM}兆几幾])[{D}]+(?:[.．][{D}]+)?)*"
       rf"(?:(?<=[{CN_NUM}])[点點](?:[{D}]+|[{CN_DIGIT}])+)?")

NUMBER_RE = re.compile(
    # the look-ahead names every first character: a search then skips plain prose at the speed
    # of a character class instead of trying each alternative at each position (4x faster)
    rf"(?=[{D}{CN_NUM}.．])"
    rf"(?:(?P<pct>百分之百|百分百)"
    rf"|(?P<frac>[百佰千仟万萬]+[{SP}]{{0,2}}分[{SP}]{{0,2}}之[{SP}]{{0,2}})(?P<fsign>[负負\-－]?)(?P<fnum>{NUM})"
    rf"|(?P<num>{NUM}|(?<![{D}.．A-Za-z])[.．][{D}]+)"
    rf"(?:[{SP}]{{0,2}}分[{SP}]{{0,2}}之[{SP}]{{0,2}}(?P<nsign>[负負]?)(?P<nom>{NUM}))?)"
)
NUM_ONLY_RE = re.compile(NUM)
SUFFIX_RE = re.compile(
    rf"[{SP}]{{0,2}}(?P<q1>[余多几幾])?[{SP}]{{0,2}}(?:个(?=[万亿萬億]))?"
    rf"(?P<mag>(?:[万萬亿億]|千万|百万)+|[kｋ](?![A-Za-z0-9]))?(?P<q2>[余多])?")
SUFFIX_START = frozenset("余多几幾个万萬亿億千百kｋ" + SP)
RANGE_SEP_RE = re.compile(r"[ \u3000]?(?:[-—–~～]{1,2}|至|到)[ \u3000]?")
MIXED_RE = re.compile(rf"[{SP}]{{0,2}}又[{SP}]{{0,2}}")
#: 元角分: 十二元五角, 123元1角1分, 壹元零壹分, 一百三十五块六角七分钱
JIAO_RE = re.compile(rf"(?:零?(?P<j>[{CN_DIGIT}{D}])[角毛])?(?:零?(?P<f>[{CN_DIGIT}{D}])分(?![钟之]))?(?P<t>钱|整)?")
#: three or more figures joined by ratio colons: 4.0∶37.7∶58.3, 5.2：40.1：54.7, 3:4:5
_RATIO_TERM = rf"[{D}]{{1,6}}(?:[.．][{D}]{{1,4}})?"
RATIO_RE = re.compile(rf"(?<![{D}.．:：∶]){_RATIO_TERM}(?:[{SP}]?[∶：:][{SP}]?{_RATIO_TERM}){{2,}}"
                      rf"(?![{D}:：∶]|[.．][{D}])")
RATIO_TERM_RE = re.compile(_RATIO_TERM)
#: where a ratio may run through: a colon before a digit (a plain class scan, cheap on prose)
RATIO_SEP_RE = re.compile(rf"[∶：:](?=[{SP}]?[{D}])")
QUOTE_RE = re.compile(r"[“\"「『]([^”\"」』\n]{1,14})[”\"」』]")
URL_RE = re.compile(r"https?://\S+|www\.\S+")
CIRCLED_RE = re.compile("[①-⑳]")
HAS_NUMERAL_RE = re.compile(rf"[{D}{CN_NUM}]")

MAGNITUDE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12, "K": 10**7, "M": 10**6,
             "k": 1000, "ｋ": 1000}
AFTER_QUALIFIERS = ("及以上", "以上", "以下", "以内", "左右", "之多", "上下")
PREFIX_CURRENCY = {"￥": "元", "¥": "元", "$": "美元", "＄": "美元", "€": "欧元", "£": "英镑"}
YUAN = frozenset({"元", "圆", "圓", "块钱", "塊錢", "人民币", "块", "塊"})
CHENG_BLOCK = frozenset("立功效果为员本绩熟就交型年品都")  # 成立, 成功 ...: 成 starting a word
ZHE_BLOCK = frozenset("合算旧叠线返射腾磨服中断损页扣成")  # 折合, 折算, 三折页 ...: 折 starting a word
#: measure words that also open common words: not a unit before these letters
UNIT_NOT_BEFORE = {"担": frozenset("任当保负心忧纲子起"), "擔": frozenset("任當保負心憂綱子起")}
VAGUE_PAIRS = frozenset({"一二", "一两", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五"})

# --- look-alikes: (kind, pattern), tried in this order at each numeral -------------------
_Y = r"(?:19|20)[0-9]{2}"
_CNY = r"[一二][〇零○一二三四五六七八九]{3}"
_MD = rf"(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})"
_NO_UNIT = rf"[{SP}]?[余多]?[万萬亿億]?(?:{_UNIT_AHEAD}|[%％])"
#: a day of the month written without 日 (3月15发布), never one a measure word follows (3月15个项目)
_DAY = rf"(?:[12][0-9]|3[01]|0?[1-9])(?![{D}.．]|{_NO_UNIT})"
NOT_QUANTITY: tuple[tuple[str, str], ...] = (
    # list numbering fused to a year: 12014年 (item 1 + 2014年), 6.2023年 (item 6 + 2023年)
    # and a figure or table number fused to a year: 图12017年 (figure 1 + 2017年)
    ("fused", rf"(?:^[ \t\u3000]*(?P<fm>[1-9])|(?<=[图圖表])(?P<fg>[1-9])|(?<![{D}.])(?P<fd>[{D}]{{1,2}}[.．]))"
              rf"(?P<fy>{_Y})(?=年)"),
    ("date",
     rf"(?:{_Y}|{_CNY})\s*年\s*{_MD}\s*月(?:\s*{_MD}\s*[日号]|\s*{_DAY})?(?:\s*[0-9]{{1,2}}[:：][0-9]{{2}})?"
     rf"|{_Y}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}(?:\s+[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?"
     rf"|(?<![{D}.]){_MD}\s*月\s*{_MD}\s*[日号](?:\s*(?:[-—~至到])\s*(?:{_MD}\s*月\s*)?{_MD}\s*[日号])?"
     rf"|(?<![{D}.])[{D}]{{1,2}}\s*[-—~至到]\s*[{D}]{{1,2}}\s*月份?"
     rf"|(?<![{D}.个])(?:0?[1-9]|1[0-2])\s*月\s*{_DAY}"
     rf"|{_Y}[-/](?:0[1-9]|1[0-2])(?![{D}年]|[-/.．][{D}]|{_NO_UNIT})"
     rf"|(?<![{D}.个])(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})\s*月份?(?![{D}])"
     rf"|(?<![{D}.])[{D}]{{1,2}}\s*[日号](?=[至到\-—,，。、\s（(])"
     rf"|(?<![{D}.])[{D}]{{1,2}}[·•・][{D}]{{1,2}}(?![{D}]|[{SP}]?[%％])"
     rf"|(?<![{D}.])[{D}]{{1,2}}[:：][0-9]{{2}}(?:[:：][0-9]{{2}})?(?![{D}])"
     rf"|(?<![{D}.])[{D}]{{1,2}}[点时][{D}]{{1,2}}分(?![钟之])"
     rf"|(?<=上午|下午|中午|晚上|凌晨|傍晚|早上|时间)[{D}]{{1,2}}[点时](?:[{D}]{{1,2}}分?|半)?"
     rf"|(?:第)?[{D}一二三四]\s*季度"
     # decades: 80年代, 1990年代, 八十年代
     rf"|(?<![{D}.])(?:[1-9]0|1[0-9]{{2}}0|20[0-9]0|[二三四五六七八九]十)\s*年代"
     # a date whose 年, 月 and 日 a converter lost (2019719), alone on its line after a line of prose
     rf"|(?<=[\u4e00-\u9fff]\n){_Y}(?:0?[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|[1-9])"
     rf"(?=[ \t\u3000]*(?:\n[^{D}\n]|\Z))"),
    ("year",
     rf"(?<![{D}]){_Y}\s*(?:[-—–~～至到]{{1,2}}\s*{_Y}\s*)?(?=年|以来|届|版|[)）])"
     rf"|{_CNY}(?=年)"
     rf"|(?<=[（(]){_Y}\s*[-—–~～]{{1,2}}\s*{_Y}(?=[)）])"),
    ("code",
     rf"[〔\[［(（]\s*{_Y}\s*[〕\]］)）]\s*[{D}]+\s*[号號]"
     rf"|[{D}]+[号號]"
     rf"|[A-Za-z]+[{D}][{D}A-Za-z/\-]*"
     rf"|(?<![{D}.．])[{D}]+(?:[.．][{D}]+)?(?![kｋ](?![A-Za-z0-9])|[eE][+\-－]?[{D}])[A-Za-z][{D}A-Za-z/\-]*"
     rf"|(?<![{D}.])(?:12[0-9]{{3}}|96[0-9]{{3}}|11[09]|12[02])(?![{D}.%％个件次人名起])"),
    ("label", rf"[{D}]+(?:\s*[+＋]\s*(?:[{D}]+|[A-Za-z]))+|[{D}]+\s*[+＋](?![{D}])"),
    ("list_marker",
     rf"^[ \t\u3000]*(?:[（(]\s*(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})\s*[)）]"
     rf"|[{D}]{{1,2}}\s*[.．、](?![{D}])|[{CN_SMALL}]{{1,3}}\s*[、.．)）])"
     rf"|[（(][{CN_SMALL}]{{1,3}}[)）]"
     rf"|(?<=[。；;：:，,\s])[{D}]{{1,2}}[.．、](?=[^{D}\s])"
     rf"|(?<![{CN_NUM}])[{CN_SMALL}]{{1,2}}是(?=[^{D}])"),
    ("ordinal",
     rf"第\s*(?:[{D}]+|[{CN_NUM}]+)"
     rf"|(?<=[图圖表])\s*[{D}]+(?:[-.][{D}]+)?"
     rf"|[{CN_NUM}]+[届次](?=会议|全会|全体会议|常委会|代表大会)"),
    ("code",
     rf"\[[{D}]{{1,3}}\]|\{{[{D}]{{1,3}}\}}"
     rf"|(?<![{D}.])[{D}]+(?:/[{D}-]+)+"
     rf"|(?<![{D}.．])[{D}]+(?:[.．][{D}]+){{2,}}"
     rf"|(?<![{D}.,])[{D}]{{9,}}(?![{D}.%％]|\s?(?:[元万亿萬億]|美元|港元|欧元|日元|英镑|人民币))"
     rf"|(?<![{D}.])0[{D}]{{2,3}}[{SP}]?[-—–－]{{1,2}}[{SP}]?[{D}]{{7,8}}(?![{D}])"
     rf"|(?<![{D}.])0[{D}]{{3,}}"
     rf"|^[ \t\u3000]*[{D}]{{1,2}}-[{D}]{{1,2}}[a-z]?(?=\s)"),
)
_KINDS: dict[str, str] = {}


def _lookalike_re() -> re.Pattern[str]:
    parts = []
    for i, (kind, pat) in enumerate(NOT_QUANTITY):
        _KINDS[f"k{i}"] = kind
        parts.append(f"(?P<k{i}>{pat})")
    return re.compile("|".join(parts), re.M)


LOOKALIKE_RE = _lookalike_re()
#: characters after which a look-alike may begin one step before its numeral: 第三, （一）, 〔2023〕
PREFIX_CHARS = frozenset("第（(〔[［{")
#: a numeral can only start a look-alike after one of these (第三, （一）, line start, 〔2023〕, 图1) or
#: before one of these (3月, 二〇二三年, 一是, 1、, 十九届, 3·15, 5号, 1+4, 2019-2021, 1/2):
#: other numerals (共受理37件, 增长12.5%) skip the check; LOOKALIKE_RE cannot match there
LOOK_BEFORE = frozenset("第（(〔[［{\n \u3000\t图圖表")
LOOK_AFTER = frozenset("月年日号份季是、.．)）届次点时:：·•・-—–~～至到/+＋以版 \u3000\t\n")
NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９" + CN_NUM)


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class _Units:
    """The measure words of the lexicon by first character, longest first: one dict probe per lookup."""

    def __init__(self, lex: Lexicon) -> None:
        by_first: dict[str, list[str]] = {}
        for u in lex.units:
            by_first.setdefault(u[0], []).append(u)
        self.by_first = {c: tuple(sorted(us, key=len, reverse=True)) for c, us in by_first.items()}
        self.kinds = lex.units

    def at(self, text: str, pos: int) -> tuple[str | None, str | None, int]:
        """Longest unit at `pos`: percent signs, 个百分点, 倍 and the measure words of the lexicon."""
        c = text[pos:pos + 1]
        if c in ("%", "％"):
            return "%", "percent", pos + 1
        if c == "‰":
            return "‰", "percent", pos + 1
        if c == "‱":
            return "‱", "percent", pos + 1
        if c in ("个", "個", "百", "千"):
            for w in ("个百分点", "個百分點", "百分点", "百分點", "个千分点", "千分点"):
                if text.startswith(w, pos):
                    return "个百分点" if "百" in w else "个千分点", "points", pos + len(w)
        for u in self.by_first.get(c, ()):
            if text.startswith(u, pos):
                if u in UNIT_NOT_BEFORE and text[pos + len(u):pos + len(u) + 1] in UNIT_NOT_BEFORE[u]:
                    continue  # 担任, 担保: a verb, not the weight 担
                return u, self.kinds[u], pos + len(u)
        return None, None, pos


class _Lexicon:
    """What the pass needs from the lexicon, built once: units by first letter, the idiom pattern."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.units = _Units(lex)
        self.idioms = re.compile("|".join(map(re.escape, sorted(lex.idioms, key=len, reverse=True))))
        self.before_last = frozenset(w[-1] for w in lex.before)
        ctx = lex.context
        # 邮编 330000, 电话：0791-8686 1234: the digits (and the dashes inside them) after a code word
        self.code_after = re.compile(
            rf"(?:{_alternation(ctx.get('code_before', ()))})[：:]?[{SP}]?"
            rf"(?P<c>[{D}](?:[{D}]|[-—–－](?=[{D}])){{4,18}})"
            rf"(?![{D}]|[{SP}]?[余多]?[万萬亿億]?(?:{_UNIT_AHEAD}|[%％]))")
        self.phase_after = _prefixes(ctx.get("phase_after", ()))
        self.phase_not_after = tuple(sorted(ctx.get("phase_not_after", ()), key=len, reverse=True))
        self.list_before = tuple(sorted(ctx.get("list_before", ()), key=len, reverse=True))
        self.age_units = frozenset(ctx.get("age_units", ()))
        self.age_bounds = tuple(sorted(ctx.get("age_bounds", ()), key=len, reverse=True))
        self.place_after = re.compile(rf"(?:{_alternation(ctx.get('place_after', ()))})(?=[、，,。；;与和及（(\s]|\Z)")


def _alternation(words: tuple[str, ...]) -> str:
    """The words as one regex alternation, longest first; one that never matches when there are none."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or r"(?!)"


def _prefixes(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    return {c: tuple(sorted(ws, key=len, reverse=True)) for c, ws in by_first.items()}


_STATE: list[_Lexicon] = []


def _state() -> _Lexicon:
    """Built once per lexicon: rebuilt when a configuration extends it (lexicon.extend)."""
    lex = lexicon()
    if not _STATE or _STATE[0].lex is not lex:
        _STATE[:] = [_Lexicon(lex)]
    return _STATE[0]


class _Scan:
    """The state of one pass over a text: the mask of look-alikes and what was found."""

    __slots__ = ("text", "orig", "n", "mask", "out", "lex", "units", "before_last", "state", "marker")

    def __init__(self, text: str) -> None:
        # patterns read full-width digits as ASCII ones: the copy has the same length, so
        # every offset is an offset into the original too; spans are cut from the original
        self.orig = text
        self.text = text.translate(FULLWIDTH_DIGITS) if FULLWIDTH_DIGIT_RE.search(text) else text
        self.n = len(text)
        self.mask = bytearray(self.n)
        self.out: list[Quantity] = []
        state = _state()
        self.lex, self.units, self.before_last = state.lex, state.units, state.before_last
        self.state = state
        #: the last list marker that opened a line: (its value, where its line ends)
        self.marker: tuple[int, int] = (0, -2)
        self._premask(state.idioms)

    # --- look-alikes -------------------------------------------------------------------
    def put(self, kind: str, s: int, e: int) -> None:
        if e > s and not self.mask[s]:
            self.mask[s:e] = b"\x01" * (e - s)
            value = Decimal(0) if kind == "date" else _first_value(self.text, s, e)
            self.out.append(Quantity(s, e, self.orig[s:e], value, "", kind))
            if kind == "list_marker" and self.line_start(s) and value == int(value):
                end = self.text.find("\n", e)
                self.marker = (int(value), self.n if end < 0 else end)

    def line_start(self, s: int) -> bool:
        """Whether only spaces stand between the start of the line and `s`."""
        t = s
        while t > 0 and self.text[t - 1] in " \t\u3000" and s - t < 8:
            t -= 1
        return t == 0 or self.text[t - 1] == "\n"

    def fused_marker(self, s: int, e: int) -> int:
        """313个 on the line after item 2: item 3 fused with 13个; return where the figure starts (or s).

        Only a line that follows a line opened by the list marker just before it, and
        only where the digits go on past the marker's next value.
        """
        value, line_end = self.marker
        if line_end < 0 or not self.line_start(s) or self.text.rfind("\n", 0, s) != line_end:
            return s
        k = str(value + 1)
        raw = self.text[s:e]
        if len(raw) > len(k) and raw.isdigit() and raw.startswith(k) and raw[len(k)] != "0":
            self.put("list_marker", s, s + len(k))
            return s + len(k)
        return s

    def _premask(self, idioms: re.Pattern[str]) -> None:
        text, mask = self.text, self.mask
        for m in QUOTE_RE.finditer(text):
            inner = m.group(1)
            if HAS_NUMERAL_RE.search(inner) and not mask[m.start(1)]:
                kind = "date" if re.search(r"[0-9][·•・.][0-9]", inner) else (
                    "code" if re.fullmatch(r"[0-9]{5,}", inner) else "label")
                if kind == "label" and not self._label_like(inner):
                    continue
                self.put(kind, m.start(1), m.end(1))
        if "http" in text or "www." in text:
            for m in URL_RE.finditer(text):
                self.put("code", m.start(), m.end())
        for m in CIRCLED_RE.finditer(text):
            self.put("list_marker", m.start(), m.end())
        for m in self.state.code_after.finditer(text):
            self.put("code", m.start("c"), m.end("c"))
        if "∶" in text or ":" in text or "：" in text:
            done = 0
            for sep in RATIO_SEP_RE.finditer(text):
                k = sep.start()
                if k < done:
                    continue
                if k > 0 and text[k - 1] in SPACES:
                    k -= 1
                # back over the term before the colon (at most a few characters: terms are short)
                while k > 0 and k > sep.start() - 12 and (text[k - 1] in DIGIT_CHARS or text[k - 1] in ".．"):
                    k -= 1
                rm = RATIO_RE.match(text, k)
                if rm is not None:
                    self.put_ratio(rm)
                    done = rm.end()
        for m in idioms.finditer(text):
            s, e = m.start(), m.end()
            if s > 0 and text[s - 1] in NUMERAL_CHARS and text[s] in NUMERAL_CHARS:
                continue  # 十一 inside 二十一: part of a larger numeral
            if not mask[s]:
                mask[s:e] = b"\x01" * (e - s)

    def put_ratio(self, m: re.Match[str]) -> None:
        """4.0∶37.7∶58.3: each term a ratio figure of its own, none a bare number missing its unit."""
        s, e = m.start(), m.end()
        terms = list(RATIO_TERM_RE.finditer(self.text, s, e))
        sep = self.text[terms[0].end():terms[1].start()].strip()
        if sep != "∶" and all("." not in t.group() and "．" not in t.group() for t in terms) and all(
                len(t.group()) == 2 for t in terms[1:]):
            return  # 10:30:00, a time of day
        if self.mask.find(1, s, e) >= 0:
            return
        self.mask[s:e] = b"\x01" * (e - s)
        for t in terms:
            p = parse(t.group())
            if p is not None:
                self.out.append(Quantity(t.start(), t.end(), self.orig[t.start():t.end()], clean(p.value), "",
                                         "ratio", decimals=p.decimals))

    def _label_like(self, inner: str) -> bool:
        """A short quoted phrase is a label unless it reads as a figure with a unit (“45起”)."""
        m = NUMBER_RE.match(inner)
        if m and m.start() == 0:
            rest = inner[m.end():]
            if rest in self.lex.units or rest in ("%", "％"):
                return False
        return True

    def may_look_alike(self, s: int, e: int) -> bool:
        """A cheap necessary condition for LOOKALIKE_RE to match at or just before `s`."""
        text = self.text
        if s == 0:
            return True
        prev, nxt = text[s - 1], text[e:e + 1]
        if prev in LOOK_BEFORE or nxt in LOOK_AFTER or (prev.isascii() and prev.isalpha()) or (
                nxt.isascii() and nxt.isalpha()):
            return True
        c = text[s]
        if c not in DIGIT_CHARS:
            return False
        k = s
        while k < e and text[k] in DIGIT_CHARS:
            k += 1
        run = k - s
        # 0571..., 110, 12345, 96110, long account or phone numbers
        return c in "0０" or run >= 9 or (run in (3, 5) and c in "19１９")

    def lookalike(self, s: int) -> int:
        """Mask the look-alike that covers the numeral at `s`, if any; return its end (or -1)."""
        text = self.text
        t = s
        while t > 0 and text[t - 1] in " \t\u3000" and s - t < 8:
            t -= 1
        anchors = [s]
        if t == 0 or text[t - 1] == "\n":
            if t < s:
                anchors.insert(0, t)
        elif text[t - 1] in PREFIX_CHARS:
            anchors.insert(0, t - 1)
        elif t < s and text[t - 1] in "图圖表":
            anchors.insert(0, t)
        elif t == s and text[s - 1].isascii() and text[s - 1].isalpha():
            a = s - 1
            while a > 0 and text[a - 1].isascii() and text[a - 1].isalpha():
                a -= 1
            anchors.insert(0, a)
        for a in anchors:
            if self.mask[a]:
                continue
            m = LOOKALIKE_RE.match(text, a)
            if m is None or m.end() <= s:
                continue
            kind = _KINDS[m.lastgroup or ""]
            if kind == "code" and m.group().isdigit() and self.counted_after(m.end()):
                return -1  # 120余场, 12345件: a figure that looks like a service number
            if kind == "fused":
                g = "fm" if m.group("fm") else "fg" if m.group("fg") else "fd"
                self.put("list_marker", m.start(g), m.end(g))
                self.put("year", m.start("fy"), m.end("fy"))
            else:
                self.put(kind, m.start(), m.end())
            return m.end()
        return -1

    def after_list_word(self, s: int) -> bool:
        """Whether a word that introduces list items (分别为, 依次为) ends right before `s`."""
        text = self.text
        return any(text.startswith(w, s - len(w)) for w in self.state.list_before if s >= len(w))

    def is_phase(self, s: int, end: int) -> bool:
        """二期 in 二期工程 or 某某石化一期、: the phase of a project, not a count of sessions.

        The numeral follows a Chinese word and comes before a project word (工程, 项目) or
        closes a list item (、, 等); after a verb or a counter (举办, 开展, 分, 共) it counts.
        """
        text = self.text
        if s == 0 or not _is_cjk(text[s - 1]) or text[s - 1] in NUMERAL_CHARS:
            return False
        if any(text.startswith(w, s - len(w)) for w in self.state.phase_not_after if s >= len(w)):
            return False
        nxt = text[end:end + 1]
        if nxt in ("、", "等"):
            return True
        return any(text.startswith(w, end) for w in self.state.phase_after.get(nxt, ()))

    def counted_after(self, pos: int) -> bool:
        """Whether a measure word (or 余/多 before one) follows `pos`."""
        text = self.text
        if text[pos:pos + 1] in ("余", "多"):
            pos += 1
        return pos < self.n and (text[pos] in BIG_CHARS or self.units.at(text, pos)[0] is not None)

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
        a Chinese numeral and a land measure before 村 (十八顷地村) a village; a bare number
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
                return Quantity(start, e, self.orig[start:e], sign * Decimal(int(digits)), "", "code",
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

    def read_bare(self, start: int, s: int, e: int, pos: int, raw: str, p: Parsed, value: Decimal,
                  decimals: int, scale: int, approx_inner: str | None) -> tuple[Quantity | None, int]:
        """A numeral with no measure word after it: a fraction, 成/折, 角/分, a range, or a bare number."""
        text = self.text
        mm = MIXED_RE.match(text, pos)
        if mm is not None and mm.end() > pos:
            # 三又三分之一, 一百万又五十万分之二十五
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
                return self.make(start, end, val, "%", "percent", approx_inner, max(0, decimals - 1), 1), end
        elif c == "折":
            z = _zhe(text, at, raw, value, p)
            if z is not None:
                val, end, d = z
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
            return None  # 五百分之2.2: not a fraction anyone writes
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
            if factor > 1 and value * factor <= rvalue:  # 从8500到3万: 8500 already says all
                low, lscale = clean(value * factor), int(scale * factor) if factor == int(factor) else scale
        end = upos if unit else rpos
        if unit in YUAN or (kind == "money" and unit in ("人民币",)):
            unit = "元"
        end = _after_qualifiers(text, end)
        q = Quantity(start, end, self.orig[start:end], low, unit or "", kind or "number",
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
        return Quantity(s, e, self.orig[s:e], value, unit, kind, " ".join(words) or None, decimals, scale,
                        numeral=numeral)


def extract(text: str) -> list[Quantity]:
    """All quantity mentions and classified look-alikes in `text`, in order.

    >>> [(q.text, str(q.value), q.unit, q.approx) for q in extract("接待群众87.5余万人次")]
    [('87.5余万人次', '875000', '人次', '余')]
    """
    if not text:
        return []
    return _Scan(text).run()


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
