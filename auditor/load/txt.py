"""Plain text: the decoded file exactly as it is on disk.

SPEC: offsets index the decoded file, so nothing is normalised here (no newline
translation, no stripping); only a byte-order mark is dropped, since it is an
encoding signature and not a character of the text.

The byte helpers (`read_bytes`, `decode_text`, `decode_bytes`, `check_not_empty`) are
shared by the other loaders so every format reports bad input with the same codes.

A text with a few undecodable bytes is still read: each bad sequence becomes one
U+FFFD, and an `undecodable` note lists the byte and character offsets (the figures
touching a U+FFFD are kept out of the audit, pipeline.py). More than a few, and the
file is refused as `encoding`: mojibake audited quietly is worse than an error.
"""
from __future__ import annotations

import codecs
import logging
from pathlib import Path
from typing import NamedTuple

from auditor.document import Document
from auditor.load import LoadError
from auditor.load.safety import read_bytes

__all__ = ["SNIFF_BYTES", "check_not_empty", "decode_bytes", "decode_text", "load_txt", "read_bytes"]

log = logging.getLogger(__name__)

SNIFF_BYTES = 8192
# Legacy Chinese bytes are read as GB18030 (a superset of GBK and GB2312) or as
# Big5 (cp950), whichever gives more common Chinese characters: text in the wrong
# one of the two decodes too, but to rare characters and kana. A reading is
# accepted only when this share of its non-ASCII characters is common.
MIN_COMMON_SHARE = 0.8
SAMPLE_CHARS = 20000
# charset-normalizer's guess is trusted only for the other Chinese encodings, and
# only below this mess ratio (0 = clean): on short or Latin input it happily
# proposes any single-byte code page, and mojibake audited quietly is worse than
# an error the user can act on.
MAX_CHAOS = 0.2
GUESSABLE = frozenset({"big5", "big5hkscs", "cp950"})

#: undecodable sequences accepted in a text: at most this many, and at most one per this many bytes
MAX_BAD = 16
BYTES_PER_BAD = 50
#: a UTF-8 reading is taken over the legacy ones when it has this many sound non-ASCII characters per bad sequence
UTF8_WIDE_PER_BAD = 4
#: UTF-16 without a BOM and without ASCII (so without zero bytes): this long, and this share common
UTF16_MIN_BYTES = 64
UTF16_COMMON_SHARE = 0.95
#: controls that do not occur in text (a UTF-16 reading that yields them is wrong)
_CONTROLS = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f\v")

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def check_not_empty(text: str) -> None:
    if not text.strip():
        raise LoadError("empty", "the document is empty")


def _is_common(ch: str) -> bool:
    """In GB2312 (common simplified) or Big5 (common traditional) characters."""
    for codec in ("gb2312", "big5"):
        try:
            ch.encode(codec)
        except UnicodeEncodeError:
            continue
        return True
    return False


def _common_share(text: str) -> float:
    wide = [ch for ch in text[: SAMPLE_CHARS * 4] if ord(ch) > 0x7F][:SAMPLE_CHARS]
    if not wide:
        return 1.0
    return sum(map(_is_common, wide)) / len(wide)


def _decode_chinese(raw: bytes) -> str | None:
    """The better of the GB18030 and Big5 readings, if either is plausible Chinese."""
    readings = []
    for codec in ("gb18030", "cp950"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        readings.append((_common_share(text), codec == "gb18030", text))  # ties go to GB18030
    if not readings:
        return None
    share, _, text = max(readings)
    return text if share >= MIN_COMMON_SHARE else None


def _guess(raw: bytes) -> str | None:
    """charset-normalizer's best reading, or None when it has no clean one."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding not in GUESSABLE or best.chaos > MAX_CHAOS:
        return None
    try:
        text = raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    log.debug("decoded as %s (chaos %.2f)", best.encoding, best.chaos)
    return text


class Decoded(NamedTuple):
    text: str
    notes: tuple[tuple[str, str], ...] = ()


def decode_bytes(raw: bytes) -> str:
    """Decode a text file's bytes strictly: UTF-8 (BOM dropped), then GB18030 or Big5, then a guess.

    UTF-16 is read with a byte-order mark, or without one when its zero bytes show
    the byte order; other NUL bytes make the file binary. A single undecodable byte
    is an `encoding` error here; `decode_text` reads around a few of them.

    >>> decode_bytes("调解成功率为87.3%\\r\\n".encode("gbk"))
    '调解成功率为87.3%\\r\\n'
    """
    text = _decode_strict(raw)
    if text is None:
        raise LoadError("encoding", "not UTF-8 or GB18030 text")
    return text


def decode_text(raw: bytes) -> Decoded:
    """Like `decode_bytes`, but a few undecodable bytes become U+FFFD with an `undecodable` note."""
    text = _decode_strict(raw)
    if text is not None:
        return Decoded(text)
    best: tuple[int, str, list[tuple[int, int]]] | None = None
    for codec in ("utf-8-sig", "gb18030", "cp950"):
        reading = _decode_lenient(raw, codec)
        if reading is None:
            continue
        text, bad = reading
        if codec != "utf-8-sig" and _common_share(text) < MIN_COMMON_SHARE:
            continue
        if best is None or len(bad) < len(best[2]):
            best = (len(bad), text, bad)
        if codec == "utf-8-sig" and _wide(text) - len(bad) >= UTF8_WIDE_PER_BAD * len(bad):
            # many sound multi-byte sequences around the bad ones: UTF-8, whatever the legacy
            # readings say (GB18030 decodes UTF-8 bytes too, to common-looking characters)
            break
    if best is None:
        raise LoadError("encoding", "not UTF-8 or GB18030 text")
    _, text, bad = best
    where = ", ".join(f"{b} (character {c})" for b, c in bad)
    note = f"{len(bad)} undecodable byte sequence(s) read as U+FFFD, at byte offset {where}"
    return Decoded(text, (("undecodable", note),))


def _wide(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 0x7F)


def _decode_strict(raw: bytes) -> str | None:
    if raw.startswith(_UTF32_BOMS):
        return _decode_bom(raw, "utf-32")
    if raw.startswith(_UTF16_BOMS):
        return _decode_bom(raw, "utf-16")
    if b"\x00" in raw[:SNIFF_BYTES]:
        text = _utf16_without_bom(raw)
        if text is None:
            raise LoadError("binary", "binary data, not a text document")
        return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = _decode_chinese(raw)
    if text is not None:
        return text
    text = _utf16_without_bom(raw)  # all-CJK UTF-16 has no zero bytes to show it
    if text is not None:
        return text
    return _guess(raw)


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 with no BOM: the byte order whose reading is clean, plausible text."""
    if len(raw) % 2:
        return None
    head = raw[:SNIFF_BYTES]
    zeros_even = head[0::2].count(0)
    zeros_odd = head[1::2].count(0)
    if zeros_even or zeros_odd:  # the ASCII characters show the byte order
        if zeros_odd > 4 * zeros_even:
            order = ["utf-16-le"]
        elif zeros_even > 4 * zeros_odd:
            order = ["utf-16-be"]
        else:
            return None
    elif len(raw) >= UTF16_MIN_BYTES:
        order = ["utf-16-le", "utf-16-be"]
    else:
        return None
    # with no zero byte to show it, only text made almost wholly of common characters is UTF-16
    share = MIN_COMMON_SHARE if zeros_even or zeros_odd else UTF16_COMMON_SHARE
    for codec in order:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[: SAMPLE_CHARS * 4]
        if any(ch in _CONTROLS for ch in sample) or _common_share(sample) < share:
            continue
        return text
    return None


def _decode_lenient(raw: bytes, codec: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The text with each bad sequence as U+FFFD and the (byte, character) offsets, or None past the limits."""
    limit = min(MAX_BAD, len(raw) // BYTES_PER_BAD)
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    chars = 0
    pos = 0
    if codec == "utf-8-sig":  # the BOM dropped first: an error's offsets are then those of raw[pos:]
        codec, pos = "utf-8", len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    while True:
        try:
            tail = raw[pos:].decode(codec)
        except UnicodeDecodeError as exc:
            if len(bad) >= limit:
                return None
            good = raw[pos:pos + exc.start].decode(codec)
            parts.append(good)
            chars += len(good)
            bad.append((pos + exc.start, chars))
            parts.append("\ufffd")
            chars += 1
            pos += max(exc.end, exc.start + 1)
            continue
        parts.append(tail)
        return "".join(parts), bad


def _decode_bom(raw: bytes, codec: str) -> str:
    # The "utf-16"/"utf-32" codecs read the BOM to pick the byte order and drop it.
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        raise LoadError("encoding", f"invalid {codec.upper()} text") from None


def load_txt(path: Path, raw: bytes | None = None) -> Document:
    if raw is None:
        raw = read_bytes(path)
    text, notes = decode_text(raw)
    check_not_empty(text)
    return Document.from_text(text, str(path), raw=raw, notes=notes)
