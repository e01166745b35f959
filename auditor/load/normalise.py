"""Character normalisation of extracted text (PDF, HTML): look-alikes read as the characters they show.

A PDF's text layer often carries the glyph's radical code point instead of the ideograph it
shows (⼤ U+2F24 for 大, ⻓ U+2ED3 for 长), compatibility ideographs, full-width letters and
digits, ligatures and odd spaces. They look right and match nothing, so the loaders map them:

- the Kangxi radicals block (U+2F00–U+2FDF) and the CJK compatibility ideographs, by NFKC;
- the CJK radicals supplement (U+2E80–U+2EFF), which NFKC leaves alone but for two, by
  Unicode's EquivalentUnifiedIdeograph table (the entries that stand for a whole character
  or a component written alone);
- full-width ASCII letters and digits (Ａ, ３) to ASCII, ligatures (ﬁ) to their letters;
- no-break and typographic spaces to a space; zero-width characters and soft hyphens out.

Full-width punctuation (，：；（）％) is the ordinary punctuation of Chinese text and is kept, as
a .txt file keeps it; so are circled numbers (①), superscripts (m²) and unit symbols (℃), which
NFKC would turn into digits fused with the text. The result is the text the loader returns.
"""
from __future__ import annotations

import unicodedata
from functools import cache

#: CJK radicals supplement → unified ideograph (subset of Unicode's EquivalentUnifiedIdeograph.txt)
RADICALS_SUPPLEMENT = {
    0x2E81: 0x5382, 0x2E85: 0x4EBB, 0x2E86: 0x5182, 0x2E89: 0x5202, 0x2E8A: 0x535C, 0x2E96: 0x5FC4,
    0x2E98: 0x624C, 0x2E9C: 0x65E5, 0x2E9D: 0x6708, 0x2E9F: 0x6BCD, 0x2EA0: 0x6C11, 0x2EA1: 0x6C35,
    0x2EA3: 0x706C, 0x2EA6: 0x4E2C, 0x2EA8: 0x72AD, 0x2EA9: 0x738B, 0x2EAA: 0x758B, 0x2EAC: 0x793A,
    0x2EAD: 0x793B, 0x2EB0: 0x7E9F, 0x2EBE: 0x8279, 0x2EC1: 0x864E, 0x2EC2: 0x8864, 0x2EC4: 0x897F,
    0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D, 0x2ECB: 0x8F66, 0x2ECC: 0x8FB6,
    0x2ECF: 0x961D, 0x2ED0: 0x9485, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED6: 0x961D, 0x2ED8: 0x9752,
    0x2ED9: 0x97E6, 0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EE0: 0x9963,
    0x2EE1: 0x9996, 0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F,
    0x2EE7: 0x5364, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEB: 0x6589, 0x2EEC: 0x9F50,
    0x2EED: 0x6B6F, 0x2EEE: 0x9F7F, 0x2EEF: 0x7ADC, 0x2EF0: 0x9F99, 0x2EF1: 0x9F9C, 0x2EF2: 0x4E80,
    0x2EF3: 0x9F9F,
}
_NFKC_RANGES = (
    (0x2F00, 0x2FDF),  # Kangxi radicals
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
    (0xFF10, 0xFF19),  # full-width digits
    (0xFF21, 0xFF3A),  # full-width capitals
    (0xFF41, 0xFF5A),  # full-width small letters
    (0xFB00, 0xFB06),  # Latin ligatures
)
_SPACES = (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F)
_DROPPED = (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)


@cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for lo, hi in _NFKC_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            mapped = unicodedata.normalize("NFKC", ch)
            if mapped != ch:
                table[cp] = mapped
    for cp, ideograph in RADICALS_SUPPLEMENT.items():
        table[cp] = chr(ideograph)
    for cp in _SPACES:
        table[cp] = " "
    for cp in _DROPPED:
        table[cp] = None
    return table


def normalise(text: str) -> str:
    """Map look-alike code points to the characters they show (see the module docstring).

    >>> normalise("⼤⼀⾃治区办结２４６１５件，⻓效")
    '大一自治区办结24615件，长效'
    """
    return text.translate(_table())
