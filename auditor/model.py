"""The values every stage passes on: immutable, exact, and carrying their spans.

Numbers are Decimal or Fraction, never float: a rate's verdict depends on the
last reported digit, so the value and its precision travel together.

The values are frozen msgspec Structs rather than dataclasses: a frozen dataclass is built by
compiling generated source at import (about 1.5 ms a class, 40 classes before the first document)
and sets each field through `object.__setattr__`; a Struct is defined and constructed in C, an
order of magnitude faster on both counts. Where a field is no part of a value's identity (a
figure's frame, a claim's detail), `identity_without` leaves it out of `__eq__` and `__hash__`.
"""
from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

import msgspec

if TYPE_CHECKING:
    from pandas import DataFrame

Number = Decimal | Fraction

#: Quantity kinds that count as quantities (SPEC.md); the others are look-alikes.
QUANTITY_KINDS = frozenset({"count", "percent", "money", "measure", "multiple", "ratio", "number", "points"})
NOT_QUANTITY_KINDS = frozenset({"year", "date", "ordinal", "code", "label", "list_marker"})


S = TypeVar("S", bound="type[msgspec.Struct]")


def identity_without(*fields: str) -> Callable[[S], S]:
    """A Struct's equality and hash over all its fields but these: what is no part of the value's identity
    (a figure is the same however it is framed). Fields added later take part without a word here."""

    def wrap(cls: S) -> S:
        key = operator.attrgetter(*(n for n in cls.__struct_fields__ if n not in fields))

        def __eq__(self: object, other: object) -> bool:
            return bool(key(self) == key(other)) if type(other) is cls else NotImplemented

        def __hash__(self: object) -> int:
            return hash(key(self))

        cls.__eq__ = __eq__  # type: ignore[method-assign]
        cls.__hash__ = __hash__  # type: ignore[method-assign]
        return cls

    return wrap


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Span(msgspec.Struct, frozen=True):
    """A half-open interval of `str` indices into Document.text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Frame(msgspec.Struct, frozen=True):
    """What a figure measures and what it is, read from the structure of the text (frames.py)."""

    subject: str = ""  # 钢材产量, 受理案件
    role: str = "level"  # level|change|growth|rate|share|points|multiple|prior|average
    period: str = ""  # a year, prior, current, span, or "" where the text names none
    plan: bool = False  # a target, plan or budget figure, not an actual
    base: str = ""  # the whole a share names (占全省的 -> 全省)
    item: int = -1  # the parallel item the figure belongs to
    clause: int = -1
    sentence: int = -1
    paragraph: int = -1
    aside: bool = False  # inside a bracketed aside


@identity_without("frame")
class Quantity(msgspec.Struct, frozen=True):
    """One number as written, with its unit, kind, qualifier and precision.

    `value` has magnitudes resolved (1.8万亩 -> 18000, unit 亩). `high` is the
    upper end of a range (5-20% -> value 5, high 20). `decimals` is the number
    of decimals as reported *in the written mantissa* (1.8万 -> 1), and
    `scale` the magnitude applied to it (1.8万 -> 10000): together they give the
    rounding interval value ± scale·10^-decimals / 2.
    """

    start: int
    end: int
    text: str
    value: Number
    unit: str
    kind: str
    approx: str | None = None
    decimals: int = 0
    scale: int = 1
    high: Number | None = None
    numeral: str = "arabic"  # arabic | chinese | mixed
    frame: Frame | None = None  # no part of equality or hash (identity_without)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS

    @property
    def half_ulp(self) -> Fraction:
        """Half a unit in the last reported digit, in value units."""
        return Fraction(self.scale, 2 * 10**self.decimals)


class Operand(msgspec.Struct, frozen=True):
    """A figure a claim was recomputed from: its span and its text."""

    start: int
    end: int
    text: str


@identity_without("detail")
class Claim(msgspec.Struct, frozen=True):
    """What the text says about its figures, and whether the figures bear it out."""

    kind: str  # rate|share|growth|difference|points|multiple|sum|repeat
    start: int
    end: int
    text: str
    claimed: str
    unit: str
    operands: tuple[Operand, ...] = ()
    expression: str | None = None
    recomputed: str | None = None
    status: str = "unverifiable"  # consistent|inconsistent|borderline|unverifiable
    #: the rule code this claim's verdict maps to, with the severity and a cause hint
    code: str | None = None
    hint: str | None = None
    detail: dict[str, str] = msgspec.field(default_factory=dict)  # no part of equality or hash (identity_without)


class Waiver(msgspec.Struct, frozen=True):
    """A reviewer's decision that a finding stands as written (a waiver file, baseline.py)."""

    who: str
    why: str
    date: str  # ISO 8601, as the waiver file gives it


class Finding(msgspec.Struct, frozen=True):
    """One problem a rule raised: where, what, and the arithmetic that shows it."""

    code: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    claimed: str | None = None
    recomputed: str | None = None
    expression: str | None = None
    line: int = 0
    column: int = 0
    hint: str | None = None
    #: the same message in English, for `--lang en` (`message` is Chinese)
    message_en: str = ""
    #: stable across edits elsewhere in the document (fingerprint.py): code, figure, sentence words
    fingerprint: str = ""
    #: set when a waiver file waives this finding: shown as waived, never counted for --fail-on
    waiver: Waiver | None = None


class DocError(msgspec.Struct, frozen=True):
    """Why a document could not be audited (SPEC.md's error codes)."""

    #: not_found|unreadable|empty|binary|encoding|too_large|unsupported|legacy_format|zip_bomb|forbidden_xml
    #: (docs/SPEC.md lists them all)
    code: str
    message: str


class DocumentResult(msgspec.Struct, frozen=True):
    """One document audited: its figures, claims and findings, or its error."""

    path: str
    sha256: str
    chars: int
    text: str
    error: DocError | None = None
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    #: non-fatal messages from loading, as (code, message): `wrong_extension`, `undecodable`, `not_read` (SPEC.md)
    notes: tuple[tuple[str, str], ...] = ()


class Report(msgspec.Struct, frozen=True):
    """A batch of documents audited, with the counts the reporters print."""

    documents: tuple[DocumentResult, ...]
    mode: str = "check"  # check | extract
    #: findings left out because a baseline file holds them (None: no baseline given)
    baselined: int | None = None
    #: a waiver file was given (the summary then counts `waived`)
    waivers: bool = False
    #: waivers whose fingerprint no finding has any more (the figure changed, or the finding went away)
    waivers_unmatched: int = 0

    @property
    def summary(self) -> dict[str, int]:
        """Counts of findings by severity (waived ones apart), and of the claims checked."""
        counts = {"documents": len(self.documents), "errors": 0, "warnings": 0, "infos": 0}
        waived = 0
        for d in self.documents:
            for f in d.findings:
                if f.waiver is not None:
                    waived += 1
                    continue
                counts[{"error": "errors", "warning": "warnings", "info": "infos"}[f.severity.value]] += 1
        if self.mode == "check":
            # claims actually recomputed from stated operands; a repeat (one figure stated twice) is no check
            claims = [c for d in self.documents for c in d.claims]
            checks = [c for c in claims if c.kind != "repeat"]
            counts["claims"] = len(checks)
            counts["recomputed"] = sum(1 for c in checks if c.status != "unverifiable")
            counts["consistent"] = sum(1 for c in checks if c.status == "consistent")
            counts["repeats"] = len(claims) - len(checks)
        if self.waivers or waived:
            counts["waived"] = waived
        if self.waivers:
            counts["waivers_unmatched"] = self.waivers_unmatched
        if self.baselined is not None:
            counts["baselined"] = self.baselined
        return counts

    # --- tables for notebooks (auditor/frame.py builds them; pandas is imported there, lazily) ---

    def findings_frame(self, lang: str = "zh") -> DataFrame:
        """One row per finding: document, line, code, severity, title, sentence, figure, arithmetic,
        claimed and recomputed (Decimal), fingerprint, message and waiver."""
        from auditor.frame import findings_frame

        return findings_frame(self, lang)

    def claims_frame(self) -> DataFrame:
        """One row per claim: kind, text, claimed and recomputed (Decimal), status, operands, link."""
        from auditor.frame import claims_frame

        return claims_frame(self)

    def documents_frame(self) -> DataFrame:
        """One row per document, unreadable ones included with the reason."""
        from auditor.frame import documents_frame

        return documents_frame(self)
