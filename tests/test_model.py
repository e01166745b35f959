"""The model's values (auditor/model.py): what makes two figures or two claims the same, and what
survives a trip to a worker process and back."""
from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from auditor.document import Document
from auditor.model import Claim, DocumentResult, Frame, Quantity
from auditor.relate.base import Relation


def _q(**kw: object) -> Quantity:
    base: dict[str, object] = {"start": 3, "end": 6, "text": "45起", "value": Decimal(45), "unit": "起",
                               "kind": "count"}
    base.update(kw)
    return Quantity(**base)  # type: ignore[arg-type]


def test_a_figure_is_the_same_however_it_is_framed() -> None:
    plain, framed = _q(), _q(frame=Frame(subject="调解矛盾纠纷", role="level"))
    assert plain == framed and hash(plain) == hash(framed)
    assert len({plain, framed}) == 1


@pytest.mark.parametrize("change", [{"start": 4}, {"value": Decimal("45.0"), "decimals": 1}, {"unit": "件"},
                                    {"approx": "lower"}, {"high": Decimal(50)}, {"numeral": "chinese"}])
def test_a_figure_differs_in_anything_written(change: dict[str, object]) -> None:
    assert _q() != _q(**change)


def test_a_claim_is_the_same_whatever_its_detail() -> None:
    a = Claim("rate", 0, 9, "化解率为95.6%", "95.6", "%", status="consistent")
    b = replace(a, detail={"reading": "两种读法"})
    assert a == b and hash(a) == hash(b)
    assert a != replace(a, status="inconsistent")


def test_a_relation_is_the_same_whatever_its_extra() -> None:
    a = Relation("rate", _q(), 0, 9, parts=(_q(start=0, end=2),))
    assert a == replace(a, extra={"why": "x"}) and hash(a) == hash(replace(a, extra={"why": "x"}))
    assert a != replace(a, strong=True)


def test_a_document_is_the_same_with_or_without_its_line_index() -> None:
    built = Document.from_text("第一行\n第二行", path="a.txt")
    assert built == Document("第一行\n第二行", path="a.txt", sha256=built.sha256)
    assert built.line_col(4) == (2, 1)


def test_values_are_frozen() -> None:
    with pytest.raises(AttributeError):
        _q().start = 1  # type: ignore[misc]


@given(st.integers(0, 10**6), st.decimals(allow_nan=False, allow_infinity=False, places=2),
       st.sampled_from(["起", "万元", "%"]), st.booleans())
def test_a_result_survives_pickling(start: int, value: Decimal, unit: str, framed: bool) -> None:
    q = _q(start=start, end=start + 3, value=value, unit=unit, frame=Frame(item=2) if framed else None)
    result = DocumentResult("a.txt", "0" * 64, 10, "", quantities=(q,),
                            claims=(Claim("sum", 0, 1, "共", "1", unit, detail={"k": "v"}),))
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.quantities[0].frame == q.frame and back.claims[0].detail == {"k": "v"}
