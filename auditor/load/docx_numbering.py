"""Word's automatic list numbers (一、 （一） 1. ①), which Word displays but does not store in the text.

A paragraph is numbered by its own `w:numPr` or by its style's (styles.xml, following
`w:basedOn`). `numbering.xml` maps the num id to an abstract definition whose level gives
the number format, the label pattern (`%1、`, `（%1）`, `%1.%2`) and the start; a num may
override a level's start. Counters run per num id; a level's counter resets the levels
below it, as Word does. Bullets give no label (their glyph is not text).
"""
from __future__ import annotations

from typing import Any

_DIGITS = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(el: Any, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (transitional or strict OOXML)."""
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return str(value)
    return None


def _child(el: Any, name: str) -> Any:
    for child in el:
        if _local(child) == name:
            return child
    return None


def _val(el: Any, name: str) -> str | None:
    child = _child(el, name) if el is not None else None
    return _attr(child, "val") if child is not None else None


def chinese(n: int) -> str:
    """一 … 十 … 九十九 … 九千九百九十九 (the chineseCounting formats)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, unit)
        if digit:
            out += ("" if unit == 10 and digit == 1 and not out else _DIGITS[digit]) + name
        elif out and n:
            out += "〇" if not out.endswith("〇") else ""
    if n:
        out += _DIGITS[n]
    return out.replace("〇", "零")


def format_counter(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        return chinese(n)
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        out = ""
        for value, digits in _ROMAN:
            while n >= value:
                out, n = out + digits, n - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    return str(n)


class Numbering:
    """Labels for numbered paragraphs, in document order (call `label` once per paragraph)."""

    def __init__(self, numbering: Any = None, styles: Any = None) -> None:
        #: abstract id -> ilvl -> (format, label pattern, start, suffix)
        self.levels: dict[str, dict[int, tuple[str, str, int, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> abstract id, start overrides
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id -> numId, ilvl, basedOn
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            for style in styles:
                if _local(style) == "style":
                    props = _child(style, "pPr")
                    num = _child(props, "numPr") if props is not None else None
                    self.styles[str(_attr(style, "styleId"))] = (
                        _val(num, "numId"), _val(num, "ilvl"), _val(style, "basedOn"))

    def _read_numbering(self, root: Any) -> None:
        for el in root:
            name = _local(el)
            if name == "abstractNum":
                levels = {}
                for lvl in el:
                    if _local(lvl) == "lvl":
                        levels[int(_attr(lvl, "ilvl") or 0)] = (
                            _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                            int(_val(lvl, "start") or 1), _val(lvl, "suff") or "tab")
                self.levels[str(_attr(el, "abstractNumId"))] = levels
            elif name == "num":
                overrides = {}
                for override in el:
                    if _local(override) == "lvlOverride":
                        start = _val(override, "startOverride")
                        if start is not None:
                            overrides[int(_attr(override, "ilvl") or 0)] = int(start)
                self.nums[str(_attr(el, "numId"))] = (str(_val(el, "abstractNumId")), overrides)

    def _num_of(self, p: Any) -> tuple[str | None, int]:
        props = _child(p, "pPr")
        if props is None:
            return None, 0
        num = _child(props, "numPr")
        num_id, ilvl = (_val(num, "numId"), _val(num, "ilvl")) if num is not None else (None, None)
        style = _val(props, "pStyle")
        seen = set()
        while (num_id is None or ilvl is None) and style and style not in seen:  # the style chain
            seen.add(style)
            s_num, s_lvl, based = self.styles.get(style, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            style = based
        return num_id, int(ilvl or 0)

    def label(self, p: Any) -> str:
        if not self.nums:
            return ""
        try:
            num_id, ilvl = self._num_of(p)
            if num_id is None or num_id == "0" or num_id not in self.nums:
                return ""
            abstract, overrides = self.nums[num_id]
            levels = self.levels.get(abstract, {})
            if ilvl not in levels:
                return ""
            counters = self.counters.setdefault(num_id, {})
            start = overrides.get(ilvl, levels[ilvl][2])
            counters[ilvl] = counters.get(ilvl, start - 1) + 1
            for deeper in [k for k in counters if k > ilvl]:
                del counters[deeper]
            fmt, text, _, suff = levels[ilvl]
            if fmt in ("bullet", "none"):
                return ""
            label = text
            for k in range(ilvl, -1, -1):  # %10 is not a thing: levels run 0-8
                if f"%{k + 1}" in label:
                    level = levels.get(k, ("decimal", "", 1, "tab"))
                    n = counters.get(k, overrides.get(k, level[2]))
                    label = label.replace(f"%{k + 1}", format_counter(n, level[0]))
            return label + _SUFFIX.get(suff, "\t") if label else ""
        except (ValueError, TypeError):  # a malformed number (ilvl="x"): no label rather than no document
            return ""
