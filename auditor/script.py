"""One script for matching words: traditional characters read as simplified, one for one.

Claim words (与上年相比, 减少, 为) are kept once, in simplified script, in the lexicons; a
report in traditional script (Big5 files, 與去年同期相比, 減少) is matched on a copy of its
text in which each traditional character is replaced by its simplified form. The copy has
the same length, so every offset into it is an offset into the text as read. The character
table is OpenCC's (TSCharacters), read once from the installed package; characters with more
than one character on either side are left alone.
"""
from __future__ import annotations

from functools import cache


@cache
def _table() -> dict[int, int]:
    from importlib import resources

    table: dict[int, int] = {}
    try:
        data = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a broken install
        return table
    for line in data.splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1 and key != first:
            table[ord(key)] = ord(first)
    return table


def simplified(text: str) -> str:
    """The text with traditional characters in simplified form, offsets unchanged.

    >>> simplified("與去年同期相比減少58.49萬元")
    '与去年同期相比减少58.49万元'
    """
    out = text.translate(_table())
    assert len(out) == len(text)
    return out
