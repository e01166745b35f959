"""The first half of a pass: masking what can never be a figure and classifying the look-alikes."""
from __future__ import annotations

import re
from decimal import Decimal
from sys import intern

from auditor.extract.helpers import _first_value, _is_cjk
from auditor.extract.lexstate import _state
from auditor.extract.lookalikes import _KINDS, LOOK_AFTER, LOOK_BEFORE, LOOKALIKE_RE, NUMERAL_CHARS, PREFIX_CHARS
from auditor.extract.patterns import (
    BIG_CHARS,
    CIRCLED_RE,
    COLONS,
    DIGIT_CHARS,
    FULLWIDTH_DIGIT_RE,
    FULLWIDTH_DIGITS,
    HAS_NUMERAL_RE,
    NUMBER_RE,
    QUOTE_RE,
    RATIO_COLONS,
    RATIO_RE,
    RATIO_SEP_RE,
    RATIO_TERM_RE,
    SPACES,
    URL_RE,
)
from auditor.model import Quantity
from auditor.numbers import clean, parse
from auditor.script import characters

RATIO_COLON_SET = frozenset(RATIO_COLONS)


class _Masker:
    """The state of one pass over a text: the mask of look-alikes and what was found."""

    __slots__ = ("text", "orig", "n", "mask", "out", "lex", "units", "before_last", "state", "marker")

    def __init__(self, text: str, one_script: bool = False) -> None:
        # patterns read full-width digits as ASCII ones: the copy has the same length, so
        # every offset is an offset into the original too; spans are cut from the original
        self.orig = text
        # and traditional characters as simplified ones (約為35%, 3萬餘人), one for one
        # (the numerals stay as written: the patterns read 參 and 萬, and 參 is no 参)
        plain = text.translate(FULLWIDTH_DIGITS) if FULLWIDTH_DIGIT_RE.search(text) else text
        self.text = plain if one_script else characters(plain, NUMERAL_CHARS)
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
            self.out.append(Quantity(s, e, intern(self.orig[s:e]), value, "", kind))
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
        if any(c in text for c in COLONS):  # (a substring test per colon: cheaper than the scan on prose)
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
        if sep not in RATIO_COLON_SET and all("." not in t.group() and "．" not in t.group() for t in terms) and all(
                len(t.group()) == 2 for t in terms[1:]):
            return  # 10:30:00, a time of day
        if self.mask.find(1, s, e) >= 0:
            return
        self.mask[s:e] = b"\x01" * (e - s)
        for t in terms:
            p = parse(t.group())
            if p is not None:
                self.out.append(Quantity(t.start(), t.end(), intern(self.orig[t.start():t.end()]), clean(p.value), "",
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
