"""The rules: one table, each entry a small pure function over claims or quantities.

verify() has already recomputed every claim and named the code its verdict maps
to; the rule functions turn those verdicts (and the unit checks, which need only
the quantities) into findings. `RULES` is built once and never mutated.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType

import msgspec
from msgspec.structs import replace

from auditor.document import Document
from auditor.fingerprint import fingerprints
from auditor.model import Claim, Finding, Quantity, Severity

Check = Callable[["Context"], Iterator[Finding]]


class Context(msgspec.Struct, frozen=True):
    """What every rule may read: the text, its quantities and the verified claims."""

    text: str
    quantities: tuple[Quantity, ...]
    claims: tuple[Claim, ...]


class Rule(msgspec.Struct, frozen=True):
    """One rule of the table: its code, name, severity and check."""

    code: str
    name: str
    severity: Severity
    check: Check


_TABLE: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        if code in _TABLE:
            raise ValueError(f"duplicate rule code {code}")
        _TABLE[code] = Rule(code, name, severity, fn)
        return fn

    return register


Words = Callable[[Claim], tuple[str, str]]


def claim_rule(code: str, name: str, severity: Severity,
               softened: Callable[[Claim], bool] | None = None) -> Callable[[Words], Words]:
    """A rule over the claims verify() gave this code: the function only words the message (zh, en).

    `softened(claim)` true makes that finding a warning (a truncated growth rate, parts that may overlap).
    """
    def register(words: Words) -> Words:
        def check(ctx: Context) -> Iterator[Finding]:
            for c in claims_with(ctx, code):
                zh, en = words(c)
                sev = Severity.WARNING if softened is not None and softened(c) else severity
                yield claim_finding(c, code, sev, zh, en)

        rule(code, name, severity)(check)
        return words

    return register


def claim_finding(c: Claim, code: str, severity: Severity, zh: str, en: str) -> Finding:
    return Finding(code=code, severity=severity, start=c.start, end=c.end, text=c.text, message=zh, message_en=en,
                   claimed=c.claimed, recomputed=c.recomputed, expression=c.expression, hint=c.hint)


def fig(c: Claim) -> str:
    """The claimed figure as written (95.6%), for messages; the claim's text is its whole span."""
    return c.detail.get("figure", c.text)


def claims_with(ctx: Context, code: str) -> Iterator[Claim]:
    return (c for c in ctx.claims if c.code == code)


# the rule modules register themselves on import, in this order
from auditor.rules import across, growth, rates, repeats, sums, tables, units  # noqa: E402,F401

RULES: Mapping[str, Rule] = MappingProxyType(dict(sorted(_TABLE.items())))


def _selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if select and not any(code.startswith(s) for s in select):
        return False
    return not any(code.startswith(s) for s in ignore)


def run_rules(doc: Document, quantities: Iterable[Quantity], claims: Iterable[Claim],
              select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Finding]:
    ctx = Context(doc.text, tuple(quantities), tuple(claims))
    out: list[Finding] = []
    for code, r in RULES.items():
        if not _selected(code, select, ignore):
            continue
        for f in r.check(ctx):
            line, col = doc.line_col(f.start)
            out.append(replace(f, line=line, column=col))
    out.sort(key=lambda f: (f.start, f.code))
    fps = fingerprints(doc.text, [(f.code, f.start, f.end, f.text) for f in out])
    return [replace(f, fingerprint=fp) for f, fp in zip(out, fps, strict=True)]
