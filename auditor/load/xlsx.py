"""Excel (.xlsx, .xlsm): each worksheet a table, its name as a heading line.

Read with openpyxl in read-only mode with the cached values of formulas (what Excel
last displayed; a formula never calculated has none and reads as an empty cell).
Rows are pipe rows (`| 单位 | 2024年 | 2023年 |`), sheets apart by a blank line.
Numbers are rendered as displayed, from their number format: decimals, percent
(0.956 under `0.0%` is `95.6%`), thousands separators, literal text (`0.00"万元"`),
rounded half away from zero as Excel does. Binary floats are taken at Excel's 15
significant digits, so a stored 0.30000000000000004 is the 0.3 the sheet shows.

The package passes safety.py first (zip limits, no DOCTYPE in any XML part), so
openpyxl never sees a bomb or an entity declaration.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from auditor.document import Document
from auditor.load import LoadError
from auditor.load.csv import table_lines
from auditor.load.safety import check_xml, open_zip, read_bytes, read_entry

_QUOTED = re.compile(r'"([^"]*)"|\\(.)|_.|\*.|\[[^\]]*\]')


def _section(fmt: str, negative: bool) -> tuple[str, bool]:
    """The format section for the value's sign, and whether that section writes its own sign."""
    sections = _split_sections(fmt)
    if negative and len(sections) > 1:
        return sections[1], True
    return sections[0], False


def _split_sections(fmt: str) -> list[str]:
    out, cur, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(fmt):
            cur.append(fmt[i:i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _literal(section: str) -> tuple[str, list[str]]:
    """The section with each literal (quoted text, escaped character, padding, colour) as \\0, and the literals."""
    literals: list[str] = []

    def keep(m: re.Match[str]) -> str:
        literals.append(m.group(1) if m.group(1) is not None else (m.group(2) or ""))
        return "\0"

    return _QUOTED.sub(keep, section), literals


def format_number(value: Decimal, fmt: str) -> str:
    """`value` as Excel displays it under number format `fmt` (the common codes; others as General)."""
    negative = value < 0
    section, signed = _section(fmt or "General", negative)
    if signed:
        value = -value
    bare, literals = _literal(section)
    if bare.strip().lower() == "general" or "@" in bare or "E+" in bare.upper():
        return _general(value)
    percent = bare.count("%")
    number = value * (Decimal(100) ** percent)
    digits = re.search(r"[0#?][0#?,]*(?:\.[0#?]*)?", bare)
    if not digits:
        return _general(value)
    pattern = digits.group(0)
    trailing_commas = len(pattern) - len(pattern.rstrip(","))  # each scales by 1000
    number /= Decimal(1000) ** trailing_commas
    decimals = len(pattern.split(".", 1)[1]) if "." in pattern else 0
    number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    grouped = "," in pattern.rstrip(",")
    body = f"{number:,.{decimals}f}" if grouped else f"{number:.{decimals}f}"
    if body.startswith("-") and Decimal(body.replace(",", "")) == 0:
        body = body[1:]
    # the text around the digits: literals in place, the rest of the section's plain characters
    before, after = bare[: digits.start()], bare[digits.end():]
    lits = iter(literals)
    return "".join(next(lits, "") if ch == "\0" else ch for ch in before + body + after)


def _general(value: Decimal) -> str:
    """Excel's General: up to 15 significant digits, no trailing zeros, no exponent for report-sized numbers."""
    if value == 0:
        return "0"
    text = f"{value:.15g}"
    number = Decimal(text)
    if "e" in text.lower():
        return format(number.normalize(), "f") if abs(number) < Decimal("1e21") else text
    return format(number.normalize(), "f")


def _to_decimal(value: int | float) -> Decimal:
    if isinstance(value, int):
        return Decimal(value)
    try:
        return Decimal(f"{value:.15g}")  # Excel keeps 15 significant digits
    except InvalidOperation:
        return Decimal(0)


def cell_text(value: Any, fmt: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):  # never from Excel, but a writer may put it
            return ""
        return format_number(_to_decimal(value), fmt)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date_text(value, fmt)
    return str(value)


def _date_text(value: dt.datetime | dt.date | dt.time, fmt: str) -> str:
    """A date as a Chinese format writes it (2023年6月30日, 2023年6月), else ISO 8601."""
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.datetime) and (value.hour or value.minute or value.second):
        return value.isoformat(sep=" ")
    day = value.date() if isinstance(value, dt.datetime) else value
    if "年" in fmt or "月" in fmt:
        with_day = "日" in fmt or "d" in _literal(fmt)[0].lower()
        return f"{day.year}年{day.month}月{day.day}日" if with_day else f"{day.year}年{day.month}月"
    return day.isoformat()


def xlsx_text(raw: bytes) -> str:
    archive = open_zip(raw, "Excel package")
    with archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels", ".vml")):
                check_xml(read_entry(archive, info.filename), info.filename)
    import io

    import openpyxl  # lazy: heavy

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", unsupported extensions: not the user's concern
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
            try:
                sheets = []
                for sheet in book.worksheets:
                    if hasattr(sheet, "reset_dimensions"):
                        sheet.reset_dimensions()  # a stale <dimension> would cut rows and columns off
                    rows = ([cell_text(c.value, getattr(c, "number_format", "General") or "General") for c in row]
                            for row in sheet.iter_rows())
                    lines = table_lines(rows)
                    if lines:
                        sheets.append("\n".join([str(sheet.title), *lines]))
            finally:
                book.close()
    except LoadError:
        raise
    except Exception as exc:  # KeyError, ValueError, zipfile and XML errors on a damaged package
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise LoadError("unreadable", f"not a valid .xlsx file ({reason})") from None
    return "\n\n".join(sheets)


def load_xlsx(path: Path, raw: bytes | None = None) -> Document:
    if raw is None:
        raw = read_bytes(path)
    text = xlsx_text(raw)
    if not text.strip():
        raise LoadError("empty", "the workbook has no cell with a value")
    return Document.from_text(text, str(path), raw=raw)
