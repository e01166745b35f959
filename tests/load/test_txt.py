"""Plain-text loading: the decoded file exactly as on disk, and clear errors for bad input."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from auditor.load import LoadError, load
from auditor.load.txt import decode_bytes, load_txt

ZH = "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。\n受理办件37116件，办结37082件，按时办结率99.98%。\n"
TRAD = "共調解各類矛盾糾紛45起。化解43起，化解率為95.6%。\n受理辦件37116件，辦結37082件，按時辦結率99.98%。\n"


def write(tmp_path: Path, raw: bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(ZH.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ZH.encode("utf-8"), id="utf-8-bom"),
        pytest.param(ZH.encode("gb18030"), id="gb18030"),
        pytest.param(ZH.encode("gbk"), id="gbk"),
        pytest.param(ZH.encode("gb2312"), id="gb2312"),
        pytest.param(ZH.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(ZH.encode("utf-32"), id="utf-32-bom"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, raw: bytes) -> None:
    doc = load_txt(write(tmp_path, raw))
    assert doc.text == ZH
    assert doc.path == str(tmp_path / "report.txt")


def test_gb18030_only_characters(tmp_path: Path) -> None:
    # 镕 is GBK-only, 𠀀 needs GB18030's four-byte form, and traditional 縣 is in GBK too
    text = "朱镕基同志到访乳源瑤族自治縣，𠀀字与€符号共3项。" + ZH
    assert load_txt(write(tmp_path, text.encode("gb18030"))).text == text


@pytest.mark.parametrize("text", [TRAD, TRAD * 3, "化解率為95.6%"])
def test_big5_is_told_from_gbk(tmp_path: Path, text: str) -> None:
    assert load_txt(write(tmp_path, text.encode("big5"))).text == text


@pytest.mark.parametrize("text", [TRAD, "化解率", "共3项", "按时办结率"])
def test_gbk_is_told_from_big5(tmp_path: Path, text: str) -> None:
    # short GBK text often decodes as Big5 too; the GB18030 reading must win
    assert load_txt(write(tmp_path, text.encode("gbk"))).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_and_edges_are_kept_exactly(tmp_path: Path, newline: str) -> None:
    text = "  \t" + ZH.replace("\n", newline) + newline + "   "
    assert load_txt(write(tmp_path, text.encode("utf-8"))).text == text
    assert load_txt(write(tmp_path, text.encode("gb18030"), "gb.txt")).text == text


def test_offsets_index_the_file_as_on_disk(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + "第一行\r\n化解率为95.6%".encode()
    doc = load_txt(write(tmp_path, raw))
    start = doc.text.index("95.6%")
    assert doc.text[start:start + 5] == "95.6%"
    assert doc.line_col(start) == (2, 5)


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    raw = codecs.BOM_UTF8 + ZH.encode("utf-8")
    assert load_txt(write(tmp_path, raw)).sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b" \r\n\t\n", "empty", id="whitespace"),
        pytest.param("\u3000\n".encode(), "empty", id="ideographic-space"),
        pytest.param(codecs.BOM_UTF8, "empty", id="bom-only"),
        pytest.param(codecs.BOM_UTF16_LE, "empty", id="utf-16-bom-only"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", id="binary"),
        pytest.param(b"text" + b"\x00" * 4 + b"more", "binary", id="nul"),
        pytest.param(b"\x80abc", "encoding", id="stray-byte"),
        pytest.param("Résumé café".encode("latin-1"), "encoding", id="latin-1"),
        pytest.param(b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 20, "encoding", id="broken-utf-8"),
        pytest.param((ZH.encode() + b"\xff") * 20, "encoding", id="utf-8-with-too-many-bad-bytes"),
        pytest.param("合計45件、解決率95.6％です。".encode("shift_jis"), "encoding", id="shift-jis"),
    ],
)
def test_bad_input_raises_with_a_code(tmp_path: Path, raw: bytes, code: str) -> None:
    with pytest.raises(LoadError) as info:
        load_txt(write(tmp_path, raw))
    assert info.value.code == code
    assert info.value.message and "\n" not in info.value.message


def test_the_dispatcher_reaches_the_txt_loader(tmp_path: Path) -> None:
    assert load(write(tmp_path, ZH.encode("gbk"), "notes.md")).text == ZH
    assert load(write(tmp_path, ZH.encode("gbk"), "README")).text == ZH


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_txt(tmp_path / "absent.txt")
    assert info.value.code == "not_found"
    with pytest.raises(LoadError) as info:
        load_txt(tmp_path)
    assert info.value.code == "unreadable"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, ZH.encode())
    path.chmod(0)
    try:
        with pytest.raises(LoadError) as info:
            load_txt(path)
        assert info.value.code == "unreadable"
    finally:
        path.chmod(0o644)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("auditor.load.MAX_BYTES", 10)
    with pytest.raises(LoadError) as info:
        load_txt(write(tmp_path, ZH.encode()))
    assert info.value.code == "too_large"


def test_decode_bytes_keeps_mixed_ascii() -> None:
    assert decode_bytes(b"plain ASCII 12345\r\n") == "plain ASCII 12345\r\n"
