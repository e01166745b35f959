"""occurs(text, words, lo, hi) answers any(w in text[lo:hi] for w in words), from an index built once."""
from __future__ import annotations

import random

from auditor.relate import occurs as occ
from auditor.relate.occurs import occurs

WORDS = ("按可比价格", "可比价", "实际")


def test_word_inside_the_span_is_found() -> None:
    text = "全市按可比价格计算，地区生产总值增长5.5%。"
    assert occurs(text, WORDS, 0, text.index("5.5%"))
    assert occurs(text, WORDS, 2, 7)  # exactly 按可比价格


def test_word_cut_by_either_end_is_not_found() -> None:
    text = "全市按可比价格计算，地区生产总值增长5.5%。"
    assert occurs(text, WORDS, 3, text.index("5.5%"))  # 按 cut off: 可比价 still inside
    assert occurs(text, WORDS, 3, 6)
    assert not occurs(text, WORDS, 3, 5)
    assert not occurs(text, WORDS, 4, 20)
    assert not occurs(text, WORDS, 2, 4)
    assert not occurs(text, WORDS, 10, 5)  # an empty span


def test_same_answers_as_the_slice_on_random_spans() -> None:
    rng = random.Random(7)
    text = "".join(rng.choice("按可比价格实际增长，。") for _ in range(3000))
    for _ in range(3000):
        lo, hi = rng.randrange(0, 3010), rng.randrange(0, 3010)
        assert occurs(text, WORDS, lo, hi) == any(w in text[lo:hi] for w in WORDS), (lo, hi)


def test_a_new_text_of_the_same_words_gets_its_own_index() -> None:
    assert occurs("增长实际5%", WORDS, 0, 4)
    assert not occurs("增长5%", WORDS, 0, 4)
    for k in range(3 * occ._KEEP):
        assert occurs(f"{k}实际", WORDS, 0, 10) and not occurs(f"{k}实", WORDS, 0, 10)
    assert len(occ._texts) <= occ._KEEP
