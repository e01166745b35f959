"""Look-alikes: what reads as a numeral but is no figure (dates, years, codes, labels, list markers)."""
from __future__ import annotations

import re

from auditor.extract.patterns import _SYMBOL_AHEAD, _UNIT_AHEAD, CN_NUM, CN_SMALL, SP, D
from auditor.lexicon import claim_words

# --- look-alikes: (kind, pattern), tried in this order at each numeral -------------------
#: measure words a long count stands before, with or without a space (202106272 人): no code
_COUNT_WORD = "[人户件个家次名起宗项条所座辆头只株吨亩]"
_Y = r"(?:19|20)[0-9]{2}"
#: an indicator's Latin name before its figure (GDP120.5亿元): no code's letters
_ACRONYM = claim_words().alternation("name.acronyms")
_CNY = r"[一二][〇零○一二三四五六七八九]{3}"
_MD = rf"(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})"
_NO_UNIT = rf"[{SP}]?[余多]?[万萬亿億]?(?:{_UNIT_AHEAD}|[%％])"
#: a day of the month written without 日 (3月15发布), never one a measure word follows (3月15个项目)
_DAY = rf"(?:[12][0-9]|3[01]|0?[1-9])(?![{D}.．]|{_NO_UNIT})"
NOT_QUANTITY: tuple[tuple[str, str], ...] = (
    # list numbering fused to a year: 12014年 (item 1 + 2014年), 3.2021年 (item 3 + 2021年)
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
     # a date whose 年, 月 and 日 a converter lost (2021815), alone on its line after a line of prose
     rf"|(?<=[\u4e00-\u9fff]\n){_Y}(?:0?[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|[1-9])"
     rf"(?=[ \t\u3000]*(?:\n[^{D}\n]|\Z))"),
    ("year",
     rf"(?<![{D}]){_Y}\s*(?:[-—–~～至到]{{1,2}}\s*{_Y}\s*)?(?=年|以来|届|版|[)）])"
     rf"|{_CNY}(?=年)"
     rf"|(?<=[（(]){_Y}\s*[-—–~～]{{1,2}}\s*{_Y}(?=[)）])"),
    ("code",
     rf"[〔\[［(（]\s*{_Y}\s*[〕\]］)）]\s*[{D}]+\s*[号號]"
     rf"|[{D}]+[号號]"
     rf"|(?<![A-Za-z])(?!(?:{_ACRONYM})[{D}])[A-Za-z]+[{D}][{D}A-Za-z/\-]*"
     rf"|(?<![{D}.．])[{D}]+(?:[.．][{D}]+)?(?![kｋ](?![A-Za-z0-9])|[eE][+\-－]?[{D}]|{_SYMBOL_AHEAD})[A-Za-z][{D}A-Za-z/\-]*"
     rf"|(?<![{D}.])(?:12[0-9]{{3}}|96[0-9]{{3}}|11[09]|12[02])(?![{D}.%％个件次人名起])"),
    ("label", rf"[{D}]+(?:\s*[+＋]\s*(?:[{D}]+|[A-Za-z]))+|[{D}]+\s*[+＋](?![{D}])"
              # the factor of a formula (差评率=差评数/评价数×100%): no figure the text states
              rf"|(?<=[*×✕＊])\s*100\s*[%％]"),
    ("list_marker",
     rf"^[ \t\u3000]*(?:[（(]\s*(?:[{D}]{{1,2}}|[{CN_SMALL}]{{1,3}})\s*[)）]"
     rf"|[{D}]{{1,2}}\s*[.．、](?![{D}])|[{CN_SMALL}]{{1,3}}\s*[、.．)）])"
     rf"|[（(][{CN_SMALL}]{{1,3}}[)）]"
     rf"|(?<=[。；;：:，,\s])[{D}]{{1,2}}[.．、](?=[^{D}\s])"
     rf"|(?<=[%％‰\u4e00-\u9fff][.．])[{D}]{{1,2}}、(?=[^{D}\s])"
     rf"|(?<![{CN_NUM}])[{CN_SMALL}]{{1,2}}是(?=[^{D}])"),
    ("ordinal",
     rf"第\s*(?:[{D}]+|[{CN_NUM}]+)"
     rf"|(?<=[图圖表])\s*[{D}]+(?:[-.][{D}]+)?"
     rf"|[{CN_NUM}]+[届次](?=会议|全会|全体会议|常委会|代表大会)"),
    ("code",
     rf"\[[{D}]{{1,3}}\]|\{{[{D}]{{1,3}}\}}"
     rf"|(?<![{D}.])[{D}]+(?:/[{D}-]+)+"
     rf"|(?<![{D}.．])[{D}]+(?:[.．][{D}]+){{2,}}"
     rf"|(?<![{D}.,])[{D}]{{9,}}(?![{D}.%％]|\s?(?:[元万亿萬億]|美元|港元|欧元|日元|英镑|人民币|{_COUNT_WORD}))"
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
LOOK_BEFORE = frozenset("第（(〔[［{\n \u3000\t图圖表*×✕＊")
LOOK_AFTER = frozenset("月年日号份季是、.．)）届次点时:：·•・-—–~～至到/+＋以版 \u3000\t\n")
NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９" + CN_NUM)
