"""Hand-built reports: the reporters are tested without the extractor or the rules."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from auditor.model import Claim, DocError, DocumentResult, Finding, Operand, Quantity, Report, Severity, Waiver

TEXT = (
    "一、总体情况\n"
    "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。\n"
    "受理<b>政务</b>&办件37116件,办结37082件,按时办结率99.98%。\n"
    "服务群众87.5余万人次，满意率92%，增幅5-20%。\n"
)


def span(text: str, needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def q(needle: str, value: Decimal | Fraction, unit: str, kind: str, **kw: object) -> Quantity:
    s, e = span(TEXT, needle)
    return Quantity(s, e, needle, value, unit, kind, **kw)  # type: ignore[arg-type]


def op(needle: str) -> Operand:
    s, e = span(TEXT, needle)
    return Operand(s, e, needle)


def build_document(path: str = "reports/2023年报告.txt") -> DocumentResult:
    quantities = (
        q("45起", Decimal("45"), "起", "count"),
        q("43起", Decimal("43"), "起", "count"),
        q("95.6%", Decimal("95.6"), "%", "percent", decimals=1),
        q("37116件", Decimal("37116"), "件", "count"),
        q("37082件", Decimal("37082"), "件", "count"),
        q("99.98%", Decimal("99.98"), "%", "percent", decimals=2),
        q("87.5余万人次", Decimal("875000.0"), "人次", "count", approx="余", decimals=1, scale=10000),
        q("92%", Decimal("92"), "%", "percent"),
        q("5-20%", Decimal("5"), "%", "percent", high=Fraction(40, 2)),
    )
    s1, e1 = span(TEXT, "化解率为95.6%")
    s2, e2 = span(TEXT, "按时办结率99.98%")
    s3, e3 = span(TEXT, "满意率92%")
    claims = (
        Claim("rate", s1, e1, "化解率为95.6%", "95.6", "%", (op("43起"), op("45起")), "43/45", "95.5556",
              "consistent"),
        Claim("rate", s2, e2, "按时办结率99.98%", "99.98", "%", (op("37082件"), op("37116件")), "37082/37116",
              "99.9084", "inconsistent", code="R201"),
        Claim("rate", s3, e3, "满意率92%", "92", "%"),
    )
    findings = (
        Finding("R201", Severity.ERROR, s2, e2, "按时办结率99.98%",
                "按时办结率99.98%高于办结件数与受理件数之比", claimed="99.98", recomputed="99.9084",
                expression="37082/37116",
                message_en="the on-time rate 99.98% exceeds completed/received", fingerprint="0123456789abcdef"),
    )
    return DocumentResult(path, "ab" * 32, len(TEXT), TEXT, quantities=quantities, claims=claims,
                          findings=findings)


def build_error_document(path: str = "missing.txt") -> DocumentResult:
    return DocumentResult(path, "", 0, "", error=DocError("not_found", "no such file"))


@pytest.fixture
def document() -> DocumentResult:
    return build_document()


@pytest.fixture
def report() -> Report:
    return Report((build_document(), build_error_document()))


@pytest.fixture
def extract_report() -> Report:
    return Report((build_document(), build_error_document()), mode="extract")


WAIVER = Waiver(who="张三", why="口径不同：按时办结率以应办结件数为基数", date="2026-11-30")


def build_waived_document(path: str = "reports/2024年报告.txt") -> DocumentResult:
    """The document with a second finding that a supervisor waived."""
    doc = build_document(path)
    s, e = span(TEXT, "满意率92%")
    waived = Finding("C502", Severity.INFO, s, e, "满意率92%", "满意率与相邻指标数值相同",
                     message_en="same figure as its neighbour", fingerprint="fedcba9876543210", waiver=WAIVER)
    return DocumentResult(doc.path, doc.sha256, doc.chars, doc.text, quantities=doc.quantities, claims=doc.claims,
                          findings=(*doc.findings, waived))


@pytest.fixture
def waived_report() -> Report:
    return Report((build_waived_document(), build_error_document()))
