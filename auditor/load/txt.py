"""Plain text: the decoded file exactly as it is on disk.

SPEC: offsets index the decoded file, so nothing is normalised here (no newline
translation, no stripping); only a byte-order mark is dropped, since it is an
encoding signature and not a character of the text.

The byte helpers (`read_bytes`, `decode_bytes`, `check_not_empty`) are shared by
the other loaders so every format reports bad input with the same codes.
"""
from __future__ import annotations

import codecs
import logging
from pathlib import Path

from auditor.document import Document
from auditor.load import MAX_BYTES, LoadError

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

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning OS errors into LoadError. Never opens for writing."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LoadError("not_found", "no such file") from None
    except IsADirectoryError:
        raise LoadError("unreadable", "not a regular file") from None
    except OSError as exc:
        raise LoadError("unreadable", exc.strerror or str(exc)) from None
    if len(raw) > MAX_BYTES:
        raise LoadError("too_large", f"file is {len(raw)} bytes, above the {MAX_BYTES}-byte limit")
    return raw


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


def decode_bytes(raw: bytes) -> str:
    """Decode a text file's bytes: UTF-8 (BOM dropped), then GB18030 or Big5, then a guess.

    UTF-16/32 are read only with a byte-order mark; without one their NUL bytes
    make the file look binary.

    >>> decode_bytes("化解率为95.6%\\r\\n".encode("gbk"))
    '化解率为95.6%\\r\\n'
    """
    if raw.startswith(_UTF32_BOMS):
        return _decode_bom(raw, "utf-32")
    if raw.startswith(_UTF16_BOMS):
        return _decode_bom(raw, "utf-16")
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise LoadError("binary", "binary data, not a text document")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = _decode_chinese(raw)
    if text is not None:
        return text
    guessed = _guess(raw)
    if guessed is None:
        raise LoadError("encoding", "not UTF-8 or GB18030 text")
    return guessed


def _decode_bom(raw: bytes, codec: str) -> str:
    # The "utf-16"/"utf-32" codecs read the BOM to pick the byte order and drop it.
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        raise LoadError("encoding", f"invalid {codec.upper()} text") from None


def load_txt(path: Path) -> Document:
    raw = read_bytes(path)
    text = decode_bytes(raw)
    check_not_empty(text)
    return Document.from_text(text, str(path), raw=raw)
