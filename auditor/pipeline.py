"""Wires the stages: load -> extract -> relate -> verify -> rules.

Each function is pure over its inputs; the CLI only chooses what to run and
how to print it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from auditor.document import Document
from auditor.load import LoadError, load
from auditor.model import Claim, DocError, DocumentResult, Quantity


def extract_document(doc: Document) -> DocumentResult:
    from auditor.extract import extract
    from auditor.frames import frames
    from auditor.script import simplified

    matching = simplified(doc.text)
    quantities = frames(matching, _readable(doc.text, extract(doc.text, one_script=matching is doc.text)))
    return DocumentResult(doc.path, doc.sha256, len(doc.text), doc.text, quantities=quantities, notes=doc.notes)


def audit_document(doc: Document, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> DocumentResult:
    from auditor.extract import extract
    from auditor.frames import frames
    from auditor.relate import relate
    from auditor.rules import run_rules
    from auditor.script import simplified
    from auditor.segment import segment
    from auditor.shares_sibling import against_siblings
    from auditor.shares_total import adjusted_to_100
    from auditor.verify import verify

    matching = simplified(doc.text)  # claim words are matched in one script; offsets are the text's
    seg = segment(matching)
    quantities = frames(matching, _readable(doc.text, extract(doc.text, one_script=matching is doc.text)), seg)
    claims = adjusted_to_100(_unique(verify(c) for c in relate(matching, quantities, seg, source=doc.text)))
    claims = against_siblings(claims, quantities, matching)
    findings = tuple(run_rules(doc, quantities, claims, select=select, ignore=ignore))
    return DocumentResult(doc.path, doc.sha256, len(doc.text), doc.text, quantities=quantities,
                          claims=claims, findings=findings, notes=doc.notes)


def _readable(text: str, quantities: Iterable[Quantity]) -> tuple[Quantity, ...]:
    """Figures touching a U+FFFD (an undecodable byte, txt.py) are left out: a digit or the unit may be lost."""
    if "\ufffd" not in text:
        return tuple(quantities)
    return tuple(q for q in quantities if "\ufffd" not in text[max(q.start - 1, 0):q.end + 1])


def _unique(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """One claim per figure, kind and arithmetic: two routes to the same breakdown report it once."""
    seen: set[tuple[str, str, str, str | None]] = set()
    out = []
    for c in claims:
        same_figure = c.expression and c.kind != "repeat"
        figure = c.detail.get("at", c.detail.get("figure", c.text))  # the claimed figure's place
        key = (c.kind, figure, c.claimed, c.expression) if same_figure else (c.kind, str(c.start), c.text, None)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return tuple(out)


def audit_text(text: str, path: str = "<text>") -> DocumentResult:
    """Audit a string: the public entry point for notebooks and tests."""
    return audit_document(Document.from_text(text, path))


def run_path(path: Path, mode: str = "check", select: Sequence[str] = (), ignore: Sequence[str] = ()) -> DocumentResult:
    """Load and audit one file; a file that cannot be read becomes a result with an error."""
    try:
        doc = load(path)
    except LoadError as exc:
        return DocumentResult(str(path), "", 0, "", error=DocError(exc.code, exc.message))
    if mode == "extract":
        return extract_document(doc)
    return audit_document(doc, select, ignore)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files a run audits: folders expanded (recursively, sorted, links followed, each file once).

    Only the files: `auditor.walk.walk` also lists every entry that is not audited, and why.
    """
    from auditor.walk import walk

    yield from walk(paths).files
