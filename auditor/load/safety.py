"""Limits checked before anything is parsed: file size, zip packages, XML declarations.

Every check raises LoadError with a stable code (docs/SPEC.md, "Bad input"):
- `too_large`: the file, one zip entry or the whole inflated package is above its limit;
- `zip_bomb`: an entry (or the package) inflates far more than documents do;
- `forbidden_xml`: an XML part declares a DOCTYPE or entities. Office never writes them,
  and they are how entity bombs and external entities (files, URLs) get in. The check is
  on the bytes, before any parser sees them; the parser is also set to resolve nothing
  and fetch nothing, so the safety does not rest on a library default.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

from auditor.load import LoadError

MAX_ENTRIES = 10_000
#: inflated size of one entry, and of all entries together
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: inflated/compressed: XML parts of real documents stay well under 30, bombs run to hundreds;
#: 100:1 is also Apache POI's default (ZipSecureFile's minimum inflate ratio of 0.01)
MAX_RATIO = 100
#: entries smaller than this inflated may have any ratio (an empty-ish part compresses very well)
RATIO_MIN_BYTES = 1024 * 1024
#: the parts loaders inflate (and openpyxl in read-only mode): held to the limits above
XML_SUFFIXES = (".xml", ".rels", ".vml")

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, refusing one over MAX_BYTES before reading. Never opens for writing."""
    limit = _max_bytes()
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise LoadError("too_large", f"file is {size} bytes, above the {limit}-byte limit")
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise LoadError("not_found", "no such file") from None
    except IsADirectoryError:
        raise LoadError("unreadable", "not a regular file") from None
    except OSError as exc:
        raise LoadError("unreadable", exc.strerror or str(exc)) from None
    if len(raw) > limit:  # grew while being read, or a device that reports no size
        raise LoadError("too_large", f"file is over the {limit}-byte limit")
    return raw


def _max_bytes() -> int:
    # read at call time, so a test (or a caller) can lower the limit on the package
    import auditor.load

    return auditor.load.MAX_BYTES


def open_zip(raw: bytes, what: str = "zip package") -> zipfile.ZipFile:
    """Open a zip package and check its limits from the central directory, before inflating anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except Exception as exc:  # BadZipFile, and on damaged headers NotImplementedError, struct.error, OSError...
        raise LoadError("unreadable", f"truncated or corrupt {what} ({exc or type(exc).__name__})") from None
    check_zip(archive, len(raw))
    return archive


def check_zip(archive: zipfile.ZipFile, packed_size: int) -> None:
    """The entry count, and the size and ratio of every part a loader may inflate (its XML parts).

    Media (images, embedded objects) are never inflated, so they are not held to the ratio: a
    blank BMP or EMF compresses past 100:1 in a perfectly ordinary report.
    """
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise LoadError("too_large", f"the package has {len(infos)} entries, above the limit of {MAX_ENTRIES}")
    total = packed = 0
    for info in infos:
        if not info.filename.lower().endswith(XML_SUFFIXES):
            continue
        check_entry(info)
        total += info.file_size
        packed += info.compress_size
    if total >= RATIO_MIN_BYTES and total > MAX_RATIO * max(packed, 1):
        raise LoadError("zip_bomb", f"the package's XML inflates {total // max(packed, 1)}:1 (to {total} bytes)")
    if total > MAX_TOTAL_BYTES:
        raise LoadError("too_large", f"the package inflates to {total} bytes, above the {MAX_TOTAL_BYTES}-byte limit")


def check_entry(info: zipfile.ZipInfo) -> None:
    size = info.file_size
    if size >= RATIO_MIN_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
        ratio = size // max(info.compress_size, 1)
        raise LoadError("zip_bomb", f"{info.filename} inflates {ratio}:1 (to {size} bytes); limit {MAX_RATIO}:1")
    if size > MAX_ENTRY_BYTES:
        raise LoadError("too_large",
                        f"{info.filename} inflates to {size} bytes, above the {MAX_ENTRY_BYTES}-byte limit")
    if info.flag_bits & 0x1:
        raise LoadError("unreadable", f"{info.filename} is encrypted (password-protected package)")


def read_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    """One entry's bytes, never more than MAX_ENTRY_BYTES whatever its header claims."""
    try:
        check_entry(archive.getinfo(name))  # a part named by a relationship may have any suffix
        with archive.open(name) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except KeyError:
        raise LoadError("unreadable", f"the package has no part {name}") from None
    except LoadError:
        raise
    except Exception as exc:  # BadZipFile (bad CRC), zlib.error, NotImplementedError (method), EOFError...
        raise LoadError("unreadable", f"{name}: {exc or type(exc).__name__}") from None
    if len(data) > MAX_ENTRY_BYTES:
        raise LoadError("too_large", f"{name} inflates above the {MAX_ENTRY_BYTES}-byte limit")
    return data


def check_xml(data: bytes, name: str) -> None:
    """Refuse an XML part that declares a DOCTYPE or entities (in UTF-8 or UTF-16)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
        codec = "utf-16-be" if data[:2] in (b"\xfe\xff", b"\x00<") else "utf-16-le"
        text = data.decode(codec, errors="replace").encode("utf-8")
    else:
        text = data
    if _DECLARATION.search(text):
        raise LoadError("forbidden_xml", f"{name} declares a DOCTYPE or entities (refused: nothing was resolved)")


def parse_xml(data: bytes, name: str) -> Any:
    """Parse one checked XML part with entity resolution, DTD loading and network access off."""
    from lxml import etree  # lazy

    check_xml(data, name)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LoadError("unreadable", f"{name} is not well-formed XML ({exc})") from None
