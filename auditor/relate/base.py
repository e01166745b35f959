"""What every claim family shares: the Relation value, clause labels, units and windows."""
from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import msgspec

from auditor.lexicon import claim_words, lexicon
from auditor.model import Quantity, identity_without

SENT_END = "。！？!?\n"
CLAUSE_END = SENT_END + "，,；;：:|"
CJK = re.compile(r"[\u4e00-\u9fff]")

_W = claim_words()
RATE_WORD = re.compile(rf"([\u4e00-\u9fff]{{0,8}}?)(?:{_W.alternation('rate.words')})")
SHARE_WORD = re.compile(_W.alternation("rate.share"))
GROWTH_UP = _W("growth.up")
GROWTH_DOWN = _W("growth.down")
SIGN_DOWN = re.compile(_W.alternation("growth.down"))
GROWTH_WORD = re.compile(
    rf"(同比|环比|较|比|相比)?[^，,。；;]{{0,20}}?({_W.alternation('growth.up')}|{_W.alternation('growth.down')})"
    r"(?:了|为|率为|率|达|达到|至)?[^\d，,。；;]{0,3}$"
)
#: the longest text GROWTH_WORD can match (同比 + 20 + the word + 率为 + 3, and a `$` before a final newline):
#: a search that starts this far before its end finds what a search of the whole clause finds
GROWTH_REACH = 2 + 20 + max(map(len, (*_W("growth.up"), *_W("growth.down")))) + 2 + 3 + 1


def growth_head(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """GROWTH_WORD ending at hi, searched from lo but never further back than it can reach (bounded work)."""
    return GROWTH_WORD.search(text, max(lo, hi - GROWTH_REACH), hi)

TOTAL_WORD = re.compile(rf"({_W.guarded('total.words', 'total.compounds')})[\u4e00-\u9fff]{{0,16}}$")
OTHER_WORD = _W("total.other")
SUBSET_MODIFIERS = _W("rate_stem.subset")
BOUNDED_RATES = _W("rate_stem.bounded")


@identity_without("extra")
class Relation(msgspec.Struct, frozen=True):
    """A claim before verification: the claimed figure and the operands found for it."""

    kind: str  # rate|share|growth|difference|points|multiple|sum|repeat|missing_unit
    claim: Quantity
    start: int
    end: int
    parts: tuple[Quantity, ...] = ()  # numerator parts (rate), the parts (sum), the new value (growth)
    whole: tuple[Quantity, ...] = ()  # denominator terms (rate), the total (sum), the old value (growth)
    direction: int = 0  # growth: +1 up, -1 down
    exhaustive: bool = False  # sum: every part listed
    overlap: bool = False  # sum: parts may overlap
    subset: bool = False  # rate: the stated part bounds the true part from above (按时办结 <= 办结)
    strong: bool = False  # operands identified confidently enough to call an error
    all_claim: bool = False  # 均/全部 says 100%
    alternatives: tuple[tuple[tuple[Quantity, ...], tuple[Quantity, ...]], ...] = ()
    extra: dict[str, str] = msgspec.field(default_factory=dict)  # no part of equality or hash (identity_without)
    text: str = ""  # text[start:end], filled in by relate()


class Seg(msgspec.Struct):
    """The sentence, clause, paragraph and parallel item of every quantity, by index."""

    sent: list[int]  # sentence id per quantity
    clause: list[int]
    para: list[int]
    item: list[int]  # the parallel item (frames.py) per quantity
    clause_start: Sequence[int]  # offsets where the clauses (ids in `clause`) begin


def sentence_first(seg: Seg, j: int) -> int:
    """The index of the first figure of figure j's sentence: sentence ids never decrease along the figures
    (they are in text order), so the walk back is the sentence's length, never the document's."""
    i = j
    while i > 0 and seg.sent[i - 1] == seg.sent[j]:
        i -= 1
    return i


#: a clause runs at most this far: reports' clauses run to about a hundred characters, so every search
#: bounded by the clause stays bounded on a text of figures with no separator at all
CLAUSE_MAX = 400


def bounds_after(text: str, chars: str, longest: int = CLAUSE_MAX) -> array[int]:
    """Sorted offsets just after each boundary character, and one every `longest` characters of a
    run with none (a regular-expression scan: linear, and no Python step per character); an array of
    offsets, not a list of ints (a long text has one every few characters)."""
    out: array[int] = array("q")
    last = 0
    for m in _boundary(chars).finditer(text):
        at = m.start()
        cut = last + longest
        while cut < at:
            out.append(cut)
            cut += longest
        out.append(at + 1)
        last = at + 1
    cut = last + longest
    while cut < len(text):
        out.append(cut)
        cut += longest
    return out


@lru_cache(maxsize=32)
def _boundary(chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]" if chars else "(?!)")


def ids_of(offsets: Sequence[int], bounds: Sequence[int]) -> list[int]:
    out, j = [], 0
    for o in offsets:
        while j < len(bounds) and bounds[j] <= o:
            j += 1
        out.append(j)
    return out


def label_before(text: str, q: Quantity, lo: int, stops: str = CLAUSE_END + "、（(）)") -> str:
    """The words before a figure in its clause: 化解43起 -> 化解."""
    i = q.start
    j = i
    while j > lo and i - j < 40 and text[j - 1] not in stops:
        j -= 1
    return text[j:i]


#: a closing bracket, either width
BRACKET_CLOSE = re.compile(r"[)）]")
#: a bracketed aside with no bracket inside it: 占全省（不含开发区）受理总数的, 投诉（含咨询）
ASIDE = re.compile(r"[（(][^（()）]*[）)]")


def without_asides(s: str) -> str:
    """The words with their bracketed asides taken out (a label or a base's name read without its gloss)."""
    return ASIDE.sub("", s) if "(" in s or "（" in s else s

TOTAL_MARK = re.compile(_W.guarded("total.markers", "total.compounds"))
OUTCOME = _W("rate_stem.outcome")


def stem_score(core: str, lab: str) -> int:
    """How well a figure's label carries a rate's stem: 2 plain match, 1 match qualified by an outcome word."""
    k = lab.rfind(core)
    if k < 0:
        return 0
    rest = lab[k + len(core):]
    if rest.startswith(OUTCOME) and not core.endswith(OUTCOME):
        return 1
    pre = lab[:k]
    if pre.endswith(("不", "未")) and not core.startswith(("不", "未")):
        return 1
    return 2



#: at most this many figures back: reports put a few dozen figures in two sentences, a run on text thousands
WINDOW_MAX = 80


def window(qs: Sequence[Quantity], i: int, seg: Seg, sentences: int = 2) -> list[int]:
    """Indexes of quantities before i in the same paragraph, at most `sentences` sentences (and WINDOW_MAX) back."""
    out = []
    j = i - 1
    while j >= 0 and i - j <= WINDOW_MAX and seg.para[j] == seg.para[i] and seg.sent[i] - seg.sent[j] <= sentences:
        out.append(j)
        j -= 1
    return out


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit or (a.kind == b.kind == "count" and {a.unit, b.unit} <= {"件", "宗", "起", "个", "件次"})



#: an increment's words (比上年增加88件, 同比减支3100万元) ending a label: the figure is a change
#: (增加将近30万人: a bounding qualifier may stand between the word and the figure)
INCREMENT = re.compile(rf"({_W.alternation('growth.increment')})了?(?:{lexicon().bounding_before()})?\s*$")
#: the same, with 新增 (a new addition over a stated level)
INCREMENT_TAIL = re.compile(rf"({_W.alternation('growth.increment')}|新增)了?(?:{lexicon().bounding_before()})?\s*$")
OLD_TAIL = re.compile(r"(同比|较|比|相比)[^，,。；;]{0,16}?[（(]?$")


def overlap(a: str, b: str) -> int:
    """Shared two-character words of two labels (死亡 in 死亡33人 and 死亡人数减少)."""
    grams = {a[k:k + 2] for k in range(len(a) - 1)}
    return sum(1 for k in range(len(b) - 1) if b[k:k + 2] in grams and CJK.match(b[k]))


def growth_start(text: str, q: Quantity) -> int:
    s = q.start
    k = s
    while k > 0 and s - k < 6 and text[k - 1] not in CLAUSE_END and not text[k - 1].isdigit():
        k -= 1
    return k



def _qualified(q: Quantity) -> bool:
    """A qualifier that widens the figure (约, 近, 以上): 达/达到 state the figure itself and widen nothing."""
    lex = lexicon()
    return q.approx is not None and any(lex.bound(w) != "exact" for w in q.approx.split())


def exact(value: Decimal | Fraction) -> int | Fraction:
    """A figure's value for exact sums: an int when it is whole (int arithmetic is many times faster
    than Fraction's, and as exact), else a Fraction."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value if isinstance(value, Fraction) else Fraction(value)


def near_total(run: int | Fraction, total: int | Fraction, t: Quantity, parts: list[Quantity]) -> bool:
    """Parts and total agree within their rounding (1.8万 + 0.6万) or qualifiers."""
    if not (t.scale > 1 or t.decimals > 0 or any(p.scale > 1 for p in parts)):
        return False  # no figure is rounded: only an exact sum agrees
    slack = t.half_ulp + sum((p.half_ulp for p in parts), Fraction(0))
    if any(_qualified(p) for p in parts) or _qualified(t):
        slack += t.half_ulp * 2 + sum((p.half_ulp * 2 for p in parts), Fraction(0))
    gap: Fraction = abs(Fraction(run - total))
    return slack > 0 and gap <= slack




def nested_run(values: Sequence[Fraction], i: int, limit: int) -> int:
    """The index ending the run of at least two values after values[i] that add up to it exactly, or -1.

    A part equal to the parts straight after it holds them (工矿商贸8起 = 煤矿7起 + 金属矿1起); `limit`
    bounds how far the run may reach.
    """
    run = Fraction(0)
    for j in range(i + 1, min(len(values), i + limit)):
        run += values[j]
        if run == values[i] and j - i >= 2:
            return j
        if run > values[i]:
            return -1
    return -1


def base_overlap(name: str, label: str) -> int:
    """How many characters running of the base a share names (its 总数/比重 tail off) a whole's words hold."""
    name = re.sub(r"(总数|总量|总额|比重|比例)$", "", name)
    best = 0
    for a in range(len(name)):
        for b in range(a + best + 1, len(name) + 1):
            if name[a:b] not in label:
                break
            best = b - a
    return best
