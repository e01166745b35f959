"""One script for matching words: traditional characters read as simplified, one for one.

Claim words (与上年相比, 减少, 为) are kept once, in simplified script, in the lexicons; a
report in traditional script (Big5 files, 與去年同期相比, 減少) is matched on a copy of its
text in which each traditional character is replaced by its simplified form. The copy has
the same length, so every offset into it is an offset into the text as read. The character
table is OpenCC's (TSCharacters), read once from the installed package; characters with more
than one character on either side are left alone.

A converter's pinyin inside words (產(chǎn)業(yè)) is dropped from the copy so the words match; the run
keeps its length and its ends (the freed places are spaces at its start, or at its end behind a
figure), so figures keep their offsets while characters inside such a run shift by a few places.
"""
from __future__ import annotations

import re
from functools import cache

#: a converter's pinyin after a character, inside a word: 產(chǎn)業(yè), 萬(wàn) (a tone mark makes it pinyin)
PINYIN_RUN = re.compile(r"(?:[\u4e00-\u9fff]|[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)])+")
PINYIN = re.compile(r"[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)]")


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
    if PINYIN.search(out):
        out = PINYIN_RUN.sub(_unpinyin, out)
    assert len(out) == len(text)
    return out


def _unpinyin(m: re.Match[str]) -> str:
    """城鎮(zhèn)化率達(dá) -> spaces then 城镇化率达: the word whole again, the run's length and ends kept.

    The spaces go where they break no word: before the run, or after it when a figure is
    written just before it (3.09萬(wàn)人 -> 万人 then spaces).
    """
    run = m.group(0)
    words = PINYIN.sub("", run)
    if len(words) == len(run):
        return run
    pad = " " * (len(run) - len(words))
    start = m.start()
    after_figure = start > 0 and (m.string[start - 1].isdigit() or m.string[start - 1] in "%.")
    return words + pad if after_figure else pad + words
