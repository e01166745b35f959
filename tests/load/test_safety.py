"""Hostile and broken packages: refused before parsing, each with its own code and reason."""
from __future__ import annotations

import builtins
import io
import zipfile
from pathlib import Path

import pytest
from office_files import NS, ROOT_RELS, docx_bytes, docx_streamed, p, xlsx_bytes

import auditor.load.docx
from auditor.load import LoadError, load, safety

PARA = "共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。"


def write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed before the limits were checked")

    monkeypatch.setattr(auditor.load.docx, "parse_xml", fail)
    monkeypatch.setattr(safety, "parse_xml", fail)


def test_zip_bomb_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "bomb.docx", docx_streamed(b"<w:p/>", 3_000_000))  # 18 MB in ~20 KB
    no_parsing(monkeypatch)
    with pytest.raises(LoadError) as info:
        load(path)
    assert info.value.code == "zip_bomb"
    assert "word/document.xml" in info.value.message and ":1" in info.value.message


def test_millions_of_tiny_paragraphs_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "tiny.docx", docx_streamed(b"<w:p><w:r><w:t>1</w:t></w:r></w:p>", 2_000_000))
    no_parsing(monkeypatch)
    with pytest.raises(LoadError) as info:
        load(path)
    assert info.value.code in ("zip_bomb", "too_large")


def test_entry_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ENTRY_BYTES", 1000)
    path = write(tmp_path, "big.docx", docx_bytes(p(PARA) * 20))
    with pytest.raises(LoadError) as info:
        load(path)
    assert info.value.code == "too_large" and "word/document.xml" in info.value.message


def test_package_total_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_TOTAL_BYTES", 1500)
    path = write(tmp_path, "big.docx", docx_bytes(p(PARA) * 4, footnotes=[PARA] * 4))
    with pytest.raises(LoadError) as info:
        load(path)
    assert info.value.code == "too_large" and "package" in info.value.message


def test_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ENTRIES", 3)
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "many.docx", docx_bytes(p(PARA), footnotes=["x"])))
    assert info.value.code == "too_large"


def test_read_entry_never_inflates_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    archive = zipfile.ZipFile(io.BytesIO(docx_bytes(p(PARA) * 50)))
    monkeypatch.setattr(safety, "MAX_ENTRY_BYTES", 100)  # after the header check: as if the header lied
    with pytest.raises(LoadError) as info:
        safety.read_entry(archive, "word/document.xml")
    assert info.value.code == "too_large"


ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    f'<w:document {NS}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>'
)


def external_entity(target: Path) -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file://{target}">]>'
            f'<w:document {NS}><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>')


EXTERNAL_DTD = (f'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd">'
                f'<w:document {NS}><w:body>{p(PARA)}</w:body></w:document>')


@pytest.mark.parametrize("kind", ["entity-bomb", "external-entity", "external-dtd", "utf-16"])
def test_xml_declarations_are_forbidden(tmp_path: Path, kind: str) -> None:
    secret = write(tmp_path, "secret.txt", "机密12345件".encode())
    document = {
        "entity-bomb": ENTITY_BOMB, "external-entity": external_entity(secret), "external-dtd": EXTERNAL_DTD,
        "utf-16": external_entity(secret).replace('version="1.0"', 'version="1.0" encoding="UTF-16"'),
    }[kind]
    raw = docx_bytes("", document=document)
    if kind == "utf-16":  # the same part stored as UTF-16 with a BOM
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("_rels/.rels", ROOT_RELS)
            z.writestr("word/document.xml", document.encode("utf-16"))
        raw = out.getvalue()
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "evil.docx", raw))
    assert info.value.code == "forbidden_xml"
    assert "word/document.xml" in info.value.message


def test_the_parser_resolves_nothing_even_past_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(tmp_path, "secret.txt", "机密12345件".encode())
    monkeypatch.setattr(safety, "check_xml", lambda data, name: None)
    try:
        doc = load(write(tmp_path, "evil.docx", docx_bytes("", document=external_entity(secret))))
    except LoadError:
        return  # refused: fine too
    assert "机密" not in doc.text


def test_xlsx_with_a_doctype_is_forbidden(tmp_path: Path) -> None:
    raw = xlsx_bytes({"表1": [["合计", 1]]})
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                doctype = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                data = data.replace(b"<worksheet", doctype + b"<worksheet", 1)
            z.writestr(info.filename, data)
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "evil.xlsx", out.getvalue()))
    assert info.value.code == "forbidden_xml"


@pytest.mark.parametrize("name", ["cut.docx", "cut.xlsx"])
def test_truncated_package_is_unreadable_with_reason(tmp_path: Path, name: str) -> None:
    raw = docx_bytes(p(PARA) * 30) if name.endswith("docx") else xlsx_bytes({"表1": [["合计", 1]] * 30})
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, name, raw[: len(raw) // 2]))
    assert info.value.code == "unreadable"
    assert "truncated or corrupt" in info.value.message and "(" in info.value.message


def test_corrupt_entry_is_unreadable_with_reason(tmp_path: Path) -> None:
    raw = bytearray(docx_bytes(p(PARA) * 30))
    start = raw.index(b"word/document.xml") + 40  # inside the entry's compressed data
    raw[start:start + 8] = b"\xff" * 8
    with pytest.raises(LoadError) as info:
        load(write(tmp_path, "bad.docx", bytes(raw)))
    assert info.value.code == "unreadable"
    assert "word/document.xml" in info.value.message


def test_over_the_size_limit_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.txt", PARA.encode() * 10)
    monkeypatch.setattr("auditor.load.MAX_BYTES", 100)
    real_open = builtins.open

    def guarded(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise AssertionError("the file was opened")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", guarded)
    with pytest.raises(LoadError) as info:
        load(path)
    assert info.value.code == "too_large"
    assert "100-byte limit" in info.value.message


def test_check_xml_allows_ordinary_parts() -> None:
    safety.check_xml(b'<?xml version="1.0"?><a>&lt;!DOCTYPE in text is escaped</a>', "a.xml")


def test_media_that_compress_well_are_not_a_bomb(tmp_path: Path) -> None:
    # a blank bitmap in word/media compresses past 100:1 and is never inflated: the report is read
    raw = zip_with_extra(docx_bytes(p(PARA)), "word/media/image1.bmp", b"BM" + bytes(3 * 1024 * 1024))
    assert load(write(tmp_path, "pictures.docx", raw)).text == PARA


def test_a_part_named_by_a_relationship_is_checked_whatever_its_suffix() -> None:
    archive = zipfile.ZipFile(io.BytesIO(zip_with_extra(docx_bytes(p(PARA)), "word/main.part", bytes(2 * 1024 * 1024))))
    with pytest.raises(LoadError) as info:
        safety.read_entry(archive, "word/main.part")
    assert info.value.code == "zip_bomb"


def zip_with_extra(raw: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO(raw)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return out.getvalue()
