"""Baselines and waivers: what a reviewer has already seen, and what a reviewer decided to let stand.

Both match findings by `fingerprint` (auditor/fingerprint.py: the rule code, the figure as
written and the words of its sentence), never by position or by file name: a paragraph added
elsewhere, a renamed or moved report keep them; a changed figure gets a new fingerprint, so its
finding comes back.

- A **baseline** (`--write-baseline FILE`, then `--baseline FILE`) is a JSON file listing the
  findings of one run; a later run reports only the findings not in it, and its summary counts how
  many it left out (`baselined`).
- A **waiver file** (`--waivers FILE`, TOML or JSON) gives, per finding, `fingerprint`, `who`, `why`
  and `date`. A waived finding stays in every report, marked with its waiver, and no longer counts
  for `--fail-on` or in the error and warning counts (the summary counts it as `waived`). A waiver
  that matches no finding any more (its figure changed, so its finding came back with a new
  fingerprint) is counted as `waivers_unmatched`.

TOML: ``[[waiver]]`` tables. JSON: a list of objects, or ``{"waivers": [...]}``.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from auditor.model import DocumentResult, Report, Waiver

BASELINE_SCHEMA = "auditor/baseline-v1"
WAIVER_KEYS = ("fingerprint", "who", "why", "date")


class ReviewFileError(Exception):
    """A baseline or waiver file the tool cannot use: one line on stderr, exit status 2."""


# --- baseline --------------------------------------------------------------------------

def baseline_dict(report: Report) -> dict[str, Any]:
    rows = [{"fingerprint": f.fingerprint, "code": f.code, "path": d.path, "text": f.text}
            for d in report.documents for f in d.findings if f.fingerprint]
    return {"schema": BASELINE_SCHEMA, "findings": rows}


def write_baseline(report: Report, path: Path) -> None:
    """Write the fingerprints of every finding of `report` (OSError when the file cannot be written)."""
    text = json.dumps(baseline_dict(report), ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


def read_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReviewFileError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReviewFileError(f"{path}: not a baseline (invalid JSON: {exc})") from None
    if not (isinstance(data, dict) and data.get("schema") == BASELINE_SCHEMA
            and isinstance(data.get("findings"), list)):
        raise ReviewFileError(f"{path}: not a baseline (expected schema {BASELINE_SCHEMA!r}; "
                              "write one with --write-baseline)")
    out: set[str] = set()
    for i, row in enumerate(data["findings"], 1):
        fp = row.get("fingerprint") if isinstance(row, dict) else None
        if not isinstance(fp, str) or not fp:
            raise ReviewFileError(f"{path}: findings[{i}]: no fingerprint")
        out.add(fp)
    return frozenset(out)


# --- waivers ---------------------------------------------------------------------------

def _entries(path: Path) -> list[Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReviewFileError(f"{path}: cannot read the waivers: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ReviewFileError(f"{path}: invalid JSON: {exc}") from None
        if isinstance(data, dict) and set(data) == {"waivers"}:
            data = data["waivers"]
        if not isinstance(data, list):
            raise ReviewFileError(f"{path}: expected a list of waivers, or {{\"waivers\": [...]}}")
        return data
    import tomllib

    try:
        doc = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReviewFileError(f"{path}: invalid TOML: {exc}") from None
    unknown = [k for k in doc if k != "waiver"]
    if unknown:
        raise ReviewFileError(f"{path}: unknown key {unknown[0]!r} (write each waiver as a [[waiver]] table)")
    entries = doc.get("waiver", [])
    if not isinstance(entries, list):
        raise ReviewFileError(f"{path}: waiver: write each waiver as a [[waiver]] table")
    return entries


def _date(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(f"not a date (YYYY-MM-DD): {value!r}")


def parse_waiver(entry: object) -> tuple[str, Waiver]:
    """One entry -> (fingerprint, Waiver); ValueError naming the key that is wrong."""
    if not isinstance(entry, Mapping):
        raise ValueError("not a table of fingerprint, who, why, date")
    unknown = [k for k in entry if k not in WAIVER_KEYS]
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (keys: {', '.join(WAIVER_KEYS)})")
    for key in ("fingerprint", "who", "why"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{key}: missing or empty")
    if "date" not in entry:
        raise ValueError("date: missing")
    try:
        date = _date(entry["date"])
    except ValueError as exc:
        raise ValueError(f"date: {exc}") from None
    return entry["fingerprint"].strip(), Waiver(entry["who"].strip(), entry["why"].strip(), date)


def read_waivers(path: Path) -> dict[str, Waiver]:
    out: dict[str, Waiver] = {}
    for i, entry in enumerate(_entries(path), 1):
        try:
            fp, waiver = parse_waiver(entry)
        except ValueError as exc:
            raise ReviewFileError(f"{path}: waiver {i}: {exc}") from None
        out[fp] = waiver
    return out


def waiver_dict(waiver: Waiver | None) -> dict[str, str] | None:
    """The JSON `waiver` field of a finding: {who, why, date}, or null."""
    return None if waiver is None else {"who": waiver.who, "why": waiver.why, "date": waiver.date}


# --- applying them ---------------------------------------------------------------------

def _review(doc: DocumentResult, baseline: frozenset[str] | None,
            waivers: Mapping[str, Waiver] | None) -> tuple[DocumentResult, int]:
    if not doc.findings:
        return doc, 0
    kept = []
    dropped = 0
    for f in doc.findings:
        if baseline is not None and f.fingerprint in baseline:
            dropped += 1
            continue
        waiver = waivers.get(f.fingerprint) if waivers and f.fingerprint else None
        kept.append(f if waiver is None else replace(f, waiver=waiver))
    return replace(doc, findings=tuple(kept)), dropped


def review(report: Report, baseline: frozenset[str] | None = None,
           waivers: Mapping[str, Waiver] | None = None) -> Report:
    """Leave out the findings a baseline holds and mark the waived ones."""
    if baseline is None and waivers is None:
        return report
    docs = []
    total = 0
    for d in report.documents:
        doc, dropped = _review(d, baseline, waivers)
        docs.append(doc)
        total += dropped
    found = {f.fingerprint for d in report.documents for f in d.findings}
    unmatched = sum(1 for fp in waivers if fp not in found) if waivers else 0
    return replace(report, documents=tuple(docs), baselined=total if baseline is not None else None,
                   waivers=waivers is not None, waivers_unmatched=unmatched)
