"""The numeral grammar: character classes, the numeral and suffix patterns, the fixed word lists."""
from __future__ import annotations

import re

from auditor.lexicon import lexicon
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
#: a unit spelt in Latin letters (5m, 631.5mm, 26.59亿m3) that no letter or digit follows: a figure, not a code
_SYMBOL_AHEAD = ("(?:" + "|".join(re.escape(u) for u in sorted(
    (u for u in lexicon().units if u[0].isascii() and u[0].isalpha()), key=len, reverse=True))
    + r")(?![A-Za-z0-9])")
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
    rf"|(?P<num>{NUM}|(?<![{D}.．A-Za-z%％‰])[.．][{D}]+)"
    rf"(?:[{SP}]{{0,2}}分[{SP}]{{0,2}}之[{SP}]{{0,2}}(?P<nsign>[负負]?)(?P<nom>{NUM}))?)"
)
NUM_ONLY_RE = re.compile(NUM)
SUFFIX_RE = re.compile(
    rf"[{SP}]{{0,2}}(?P<q1>[余多几幾])?[{SP}]{{0,2}}(?:个(?=[万亿萬億]))?"
    rf"(?P<mag>(?:[万萬亿億]|千万|百万)+|[kｋ](?![A-Za-z0-9]))?(?P<q2>[余多])?")
SUFFIX_START = frozenset("余多几幾个万萬亿億千百kｋ" + SP)
RANGE_SEP_RE = re.compile(r"[ \u3000]?(?:[-—–~～]{1,2}|至|到)[ \u3000]?")
MIXED_RE = re.compile(rf"[{SP}]{{0,2}}又[{SP}]{{0,2}}")
#: 元角分: 十二元五角, 246元3角2分, 壹元零壹分, 一百三十五块六角七分钱
JIAO_RE = re.compile(rf"(?:零?(?P<j>[{CN_DIGIT}{D}])[角毛])?(?:零?(?P<f>[{CN_DIGIT}{D}])分(?![钟之]))?(?P<t>钱|整)?")
#: the colons only a ratio uses (∶ U+2236, ︰ U+FE30, ﹕ U+FE55), and every colon a ratio may be written with
RATIO_COLONS = "∶︰﹕"
COLONS = RATIO_COLONS + "：:"
#: three or more figures joined by ratio colons: 4.0∶37.7∶58.3, 5.2：40.1：54.7, 3:4:5
_RATIO_TERM = rf"[{D}]{{1,6}}(?:[.．][{D}]{{1,4}})?"
RATIO_RE = re.compile(rf"(?<![{D}.．{COLONS}]){_RATIO_TERM}(?:[{SP}]?[{COLONS}][{SP}]?{_RATIO_TERM}){{2,}}"
                      rf"(?![{D}{COLONS}]|[.．][{D}])")
RATIO_TERM_RE = re.compile(_RATIO_TERM)
#: where a ratio may run through: a colon before a digit (a plain class scan, cheap on prose)
RATIO_SEP_RE = re.compile(rf"[{COLONS}](?=[{SP}]?[{D}])")
#: a syllable of pinyin in brackets after a character (萬(wàn), 臺(tái)), as some web pages print them
PINYIN_RE = re.compile(r"[(（][a-zàáâãäèéêëìíîïòóôõöùúûüāēěīōūǎǐǒǔǖǘǚǜńňǹ]{1,6}[)）]")
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
