"""One script for matching words: traditional characters read as simplified, one for one.

Claim words (与上年相比, 减少, 为) are kept once, in simplified script, in the lexicons; a
report in traditional script (Big5 files, 與去年同期相比, 減少) is matched on a copy of its
text in which each traditional character is replaced by its simplified form. The copy has
the same length, so every offset into it is an offset into the text as read. The character
table is OpenCC's (TSCharacters, Apache-2.0), kept as data in `lexicon/zh/traditional.txt`
so that the reading never depends on what else is installed; characters with more than one
character on either side are left alone.

A converter's pinyin inside words (產(chǎn)業(yè)) is dropped from the copy so the words match; the run
keeps its length and its ends (the freed places are spaces at its start, or at its end behind a
figure), so figures keep their offsets while characters inside such a run shift by a few places. Letter-spaced
text (同 比 增 加, from a PDF) is joined the same way, its spaces moved to the run's start, and so is a
word a fixed-width file wraps across lines (同比增⏎加), where the break is a wrap inside a sentence
(segment.soft_break): the line break becomes a space before the run of characters it cut.
"""
from __future__ import annotations

import re
from functools import cache

#: a converter's pinyin after a character, inside a word: 產(chǎn)業(yè), 萬(wàn) (a tone mark makes it pinyin)
PINYIN_RUN = re.compile(r"(?:[\u4e00-\u9fff]|[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)])+")
PINYIN = re.compile(r"[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)]")


#: letter-spaced text from a PDF: three or more characters, each alone between single spaces (同 比 增 加)
SPACED = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){2,}")


#: a line break between two characters of a word (found by its two characters: a search for the runs
#: around it would start again at every character of a long run)
WRAPPED = re.compile(r"[\u4e00-\u9fff]\r?\n[\u4e00-\u9fff]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _unwrap(text: str) -> str:
    """同比增⏎加 -> a space then 同比增加, where the break is a wrap inside a sentence (not a heading's end):
    the characters of the line's last run move right by the break's width, the break's place becomes spaces."""
    from auditor.segment import soft_break

    pieces, done = [], 0
    for m in WRAPPED.finditer(text):
        brk = m.start() + 1
        nl = m.end() - 2
        if brk < done or not soft_break(text, nl, text.rfind("\n", 0, nl) + 1):
            continue
        run = brk - 1
        while run > done and "\u4e00" <= text[run - 1] <= "\u9fff":
            run -= 1
        width = m.end() - 1 - brk
        pieces += [text[done:run], " " * width, text[run:brk]]
        done = m.end() - 1
    return "".join(pieces) + text[done:] if pieces else text


def _unspaced(m: re.Match[str]) -> str:
    """同 比 增 加 -> spaces then 同比增加: the words whole, the run's length kept, its last character in place
    (so a figure straight after the run still follows its words)."""
    run = m.group(0)
    words = run.replace(" ", "")
    return " " * (len(run) - len(words)) + words


@cache
def _table() -> dict[int, int]:
    from importlib import resources

    data = resources.files("auditor").joinpath("lexicon", "zh", "traditional.txt").read_text(encoding="utf-8")
    table: dict[int, int] = {}
    for line in data.splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = ord(line[1])
    return table


@cache
def _traditional() -> frozenset[str]:
    """Every character the table changes (a set lookup per character is about twice as fast as translate)."""
    return frozenset(map(chr, _table()))


def simplified(text: str) -> str:
    """The text with traditional characters in simplified form, offsets unchanged.

    >>> simplified("與去年同期相比減少58.49萬元")
    '与去年同期相比减少58.49万元'
    """
    out = characters(text)  # most reports have none
    if PINYIN.search(out):
        out = PINYIN_RUN.sub(_unpinyin, out)
    if SPACED.search(out):
        out = SPACED.sub(_unspaced, out)
    if WRAPPED.search(out):
        out = _unwrap(out)
    assert len(out) == len(text)
    return out


def characters(text: str, keep: frozenset[str] = frozenset()) -> str:
    """The text with traditional characters in simplified form, one for one (no pinyin dropped): every
    offset and every character's place is the text's (extraction cuts spans from the text by them).
    Characters in `keep` stay as written (the numerals 參, 萬, 兩: 參 is 叁, not 参)."""
    return text if _traditional().isdisjoint(text) else text.translate(_table_keeping(keep))


@cache
def _table_keeping(keep: frozenset[str]) -> dict[int, int]:
    return {k: v for k, v in _table().items() if chr(k) not in keep} if keep else _table()


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
