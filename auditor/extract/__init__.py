"""Quantity mentions: every number in a text with its unit, kind, qualifier and span.

One left-to-right pass. A few cheap whole-text scans first mask what can never be a
figure (quoted labels, links, idioms such as 统一 or 一把手). Then every numeral is
visited once: the look-alikes that start at it or just before it (dates, years, list
markers, codes, labels, ordinals) are tried as one anchored match, and what remains
is read with its magnitude, qualifiers and measure word. Each mention keeps its exact
span in the text; the work per numeral is bounded, so the pass is linear in the text.

The pass is split by concern: `patterns` (the numeral grammar), `lookalikes` (dates, years,
codes, markers), `lexstate` (what the pass takes from the lexicon), `helpers` (small readers),
`mask` (masking and look-alikes), `parts` (角/分, 百分之, fractions, ranges, spaced numerals)
and `scan` (the loop and the reading of one mention).
"""
from __future__ import annotations

from auditor.extract.helpers import _script, _squeeze
from auditor.extract.lookalikes import LOOKALIKE_RE, NOT_QUANTITY, NUMERAL_CHARS
from auditor.extract.patterns import (
    AFTER_QUALIFIERS,
    CN_NUM,
    DIGIT_CHARS,
    NUM_ONLY_RE,
    NUMBER_RE,
    SUFFIX_RE,
    WORDY_CAPITALS,
)
from auditor.extract.scan import _Scan
from auditor.model import Quantity

__all__ = ["AFTER_QUALIFIERS", "CN_NUM", "DIGIT_CHARS", "LOOKALIKE_RE", "NOT_QUANTITY", "NUMBER_RE", "NUMERAL_CHARS",
           "NUM_ONLY_RE", "SUFFIX_RE", "WORDY_CAPITALS", "_Scan", "_script", "_squeeze", "extract"]


def extract(text: str, one_script: bool = False) -> list[Quantity]:
    """All quantity mentions and classified look-alikes in `text`, in order. `one_script` says the caller
    knows the text holds no traditional character (script.simplified returned it unchanged).

    >>> [(q.text, str(q.value), q.unit, q.approx) for q in extract("接待来访群众63.2余万人次")]
    [('63.2余万人次', '632000', '人次', '余')]
    """
    if not text:
        return []
    return _Scan(text, one_script).run()

