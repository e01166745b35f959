"""The same report in every encoding gives the same findings; a few bad bytes do not lose it."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.load import LoadError, load
from auditor.load.txt import decode_bytes, decode_text
from auditor.model import DocumentResult
from auditor.pipeline import run_path

# traditional characters, so that Big5 can carry it too; GBK and GB18030 carry them as well
TRAD = ("一、受理情況\n全年受理辦件37116件，辦結37082件，按時辦結率99.98%。\n"
        "共調解各類矛盾糾紛45起，化解43起，化解率為95.6%。\n")
SIMP = ("一、受理情况\n全年受理办件37116件，办结37082件，按时办结率99.98%。\n"
        "共调解各类矛盾纠纷45起，化解43起，化解率为95.6%。\n")
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
}


def findings(result: DocumentResult) -> list[tuple[str, int, int, str]]:
    assert result.error is None, result.error
    return [(f.code, f.start, f.end, f.text) for f in result.findings]


def audit(tmp_path: Path, raw: bytes, name: str = "report.txt") -> DocumentResult:
    path = tmp_path / name
    path.write_bytes(raw)
    return run_path(path)


@pytest.mark.parametrize("encoding", [*ENCODINGS, "big5"])
def test_every_encoding_gives_identical_findings(tmp_path: Path, encoding: str) -> None:
    encode = ENCODINGS.get(encoding, lambda t: t.encode("big5"))
    reference = audit(tmp_path, TRAD.encode("utf-8"), "reference.txt")
    result = audit(tmp_path, encode(TRAD))
    assert result.text == TRAD
    assert findings(result) == findings(reference)
    assert [f.code for f in reference.findings] == ["R201"]
    assert result.notes == ()


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_simplified_text_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    assert audit(tmp_path, ENCODINGS[encoding](SIMP)).text == SIMP


def test_utf16_without_bom_and_without_ascii(tmp_path: Path) -> None:
    text = "全年受理辦件三萬餘件，辦結率為百分之九十九。" * 4  # no ASCII: no zero byte shows the order
    path = tmp_path / "a.txt"
    for codec in ("utf-16-le", "utf-16-be"):
        path.write_bytes(text.encode(codec))
        assert load(path).text == text


def test_a_few_undecodable_bytes_keep_the_document(tmp_path: Path) -> None:
    raw = bytearray(SIMP.encode("utf-8"))
    broken_figure = raw.index("43起".encode())  # 化解4?3起: the figure itself is damaged
    raw[broken_figure + 1:broken_figure + 1] = b"\xff"
    raw[3:3] = b"\xfe"  # after 一
    raw += b"\x80"
    result = audit(tmp_path, bytes(raw))
    assert result.error is None
    assert result.text.count("\ufffd") == 3
    (code, note), = result.notes
    assert code == "undecodable"
    offsets = [int(n) for n in re.findall(r"(\d+) \(character", note)]
    assert offsets == [3, broken_figure + 2, len(raw) - 1]
    assert "3 undecodable" in note
    # nothing that touches a replacement character is read as a figure
    for q in result.quantities:
        around = result.text[max(q.start - 1, 0):q.end + 1]
        assert "\ufffd" not in around, q
    assert not any(q.text in ("4", "3起") for q in result.quantities)
    # the damaged rate is not checked, the intact one still is
    assert [f.code for f in result.findings] == ["R201"]
    assert not any("95.6" in c.text and c.status == "inconsistent" for c in result.claims)


def test_undecodable_bytes_after_a_utf8_bom(tmp_path: Path) -> None:
    """Offsets count the BOM's bytes (the file as on disk) but no character for it (found by the long fuzz)."""
    body = SIMP.encode("utf-8")
    at = body.index("43起".encode())
    raw = codecs.BOM_UTF8 + body[:at] + b"\x80" + body[at:]
    result = audit(tmp_path, raw)
    assert result.error is None
    assert result.text == SIMP[:SIMP.index("43起")] + "\ufffd" + SIMP[SIMP.index("43起"):]
    (code, note), = result.notes
    assert code == "undecodable"
    assert f"byte offset {3 + at} (character {SIMP.index('43起')})" in note
    # a bad byte right after the BOM, in a file too short to be read around more than one
    text, notes = decode_text(codecs.BOM_UTF8 + b"\x01\x01\x80" + b"\x01" * 47)
    assert text == "\x01\x01\ufffd" + "\x01" * 47 and "byte offset 5 (character 2)" in notes[0][1]


def test_undecodable_bytes_in_gbk_text(tmp_path: Path) -> None:
    raw = SIMP.encode("gbk") + b"\xff" + SIMP.encode("gbk")
    result = audit(tmp_path, raw)
    assert result.error is None
    assert result.text == SIMP + "\ufffd" + SIMP
    assert result.notes[0][0] == "undecodable"


def test_too_many_undecodable_bytes_are_an_encoding_error(tmp_path: Path) -> None:
    raw = b"".join(SIMP.encode("utf-8")[:30] + b"\xff" for _ in range(30))
    result = audit(tmp_path, raw)
    assert result.error is not None and result.error.code == "encoding"


def test_decode_bytes_stays_strict() -> None:
    with pytest.raises(LoadError) as info:
        decode_bytes(SIMP.encode() + b"\xff" + SIMP.encode())
    assert info.value.code == "encoding"


def test_utf16_with_odd_length_or_controls_is_not_text() -> None:
    with pytest.raises(LoadError):
        decode_text(b"a\x00b\x00\x01\x00\x02\x00" * 10)  # zero bytes in order, but controls
    with pytest.raises(LoadError):
        decode_text(b"a\x00b\x00c")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_decode_or_raise_a_load_error(raw: bytes) -> None:
    try:
        text, notes = decode_text(raw)
    except LoadError as exc:
        assert exc.code in ("binary", "encoding") and "\n" not in exc.message
        return
    assert isinstance(text, str)
    for code, message in notes:
        assert code == "undecodable" and message


def test_gbk_with_few_chinese_characters_and_a_bad_byte_is_read_as_gbk(tmp_path: Path) -> None:
    text = "Total cases 45, resolved 43, rate 95.6%. 合计45起。" + " filler text." * 20
    raw = text.encode("gbk") + b"\xff"
    result = audit(tmp_path, raw)
    assert result.text == text + "\ufffd"


def test_utf8_with_several_bad_bytes_is_not_read_as_gbk(tmp_path: Path) -> None:
    lines = (SIMP * 3).encode("utf-8").split(b"\n")
    raw = b"\n\xff".join(lines[:5]) + b"\n" + b"\n".join(lines[5:])  # four bad bytes, each at a line start
    result = audit(tmp_path, raw)
    assert result.text.count("\ufffd") == 4
    assert result.text.replace("\ufffd", "") == SIMP * 3
