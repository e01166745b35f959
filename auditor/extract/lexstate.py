"""What the pass needs from the lexicon, built once per lexicon: measure words by first letter, word lists."""
from __future__ import annotations

import re

from auditor.extract.patterns import _UNIT_AHEAD, SP, UNIT_NOT_BEFORE, D
from auditor.lexicon import Lexicon, lexicon


class _Units:
    """The measure words of the lexicon by first character, longest first: one dict probe per lookup."""

    def __init__(self, lex: Lexicon) -> None:
        by_first: dict[str, list[str]] = {}
        for u in lex.units:
            by_first.setdefault(u[0], []).append(u)
        self.by_first = {c: tuple(sorted(us, key=len, reverse=True)) for c, us in by_first.items()}
        self.kinds = lex.units
        self.spelling = lex.spelling
        #: units spelt in Latin letters (m3, km, mm): never one that more letters or digits follow
        self.symbols = frozenset(u for u in lex.units if u[0].isascii() and u[0].isalpha())
        per: dict[str, list[str]] = {}
        for u in (*lex.units, *lex.per):
            if u not in self.symbols:
                per.setdefault(u[0], []).append(u)
        #: the denominators of a unit per unit (元/月, 立方米/万元), by first letter, longest first
        self.per = {c: tuple(sorted(us, key=len, reverse=True)) for c, us in per.items()}

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
                if u in self.symbols or text[pos + len(u):pos + len(u) + 1] in ("/", "／"):
                    return self.symbol(text, u, pos + len(u))
                return u, self.kinds[u], pos + len(u)
        return None, None, pos

    def symbol(self, text: str, u: str, end: int) -> tuple[str | None, str | None, int]:
        """A unit under the name it spells (m3 -> 立方米), with its denominator if it has one.

        39.8m3/万元 is 立方米/万元 and 4318元/年 is 元/年, a measure per unit (never summed with the
        plain unit): the denominator is a measure word of the lexicon, after at most one magnitude.
        A unit in Latin letters that more letters or digits follow (mmHg, m3x) is no unit at all.
        """
        nxt = text[end:end + 1]
        if u in self.symbols and nxt.isascii() and nxt.isalnum():
            return None, None, end - len(u)
        name = self.spelling.get(u, u)
        if nxt in ("/", "／"):
            k = end + 1
            mag = text[k] if k < len(text) and text[k] in "万萬亿億千百" else ""
            for v in self.per.get(text[k + len(mag):k + len(mag) + 1], ()):
                if text.startswith(v, k + len(mag)):
                    return f"{name}/{mag}{v}", "measure", k + len(mag) + len(v)
        return name, self.kinds[u], end


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
        grades = _alternation(ctx.get("grade_words", ()))
        self.grade_after = re.compile(
            rf"(?:[、，,至到\-—~]?[{D}]+[人名]以下)?的?(?:(?:{grades})[、和及与]?){{0,4}}"
            rf"(?:{_alternation(ctx.get('graded_incidents', ()))})")
        self.grade_bounds = ("以上", "以下")
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
