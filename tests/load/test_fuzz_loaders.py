"""Random and damaged bytes into every loader: a Document or a LoadError, never anything else."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from office_files import cell, docx_bytes, ins, p, table, text_box, xlsx_bytes, zip_with

from auditor.document import Document
from auditor.load import SUFFIXES, LoadError, load

DOCX = docx_bytes(p("共调解", ins("45"), "起。") + p("锚", text_box(p("框"))) + table([cell("a"), cell("1", 2)]),
                  footnotes=["注"], header="页眉")
XLSX = xlsx_bytes({"S": [["合计", 0.5, "=1+1"]]}, formats={("S", "B1"): "0.0%"}, cached={("S", "C1"): "2"})
KNOWN_CODES = {"not_found", "unreadable", "empty", "binary", "encoding", "too_large", "unsupported",
               "legacy_format", "zip_bomb", "forbidden_xml"}


def load_bytes(raw: bytes, suffix: str) -> Document | LoadError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f{suffix}"
        path.write_bytes(raw)
        try:
            return load(path)
        except LoadError as exc:
            assert exc.code in KNOWN_CODES, exc.code
            assert exc.message and "\n" not in exc.message
            return exc


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([s for s in SUFFIXES if s not in (".pdf", ".html", ".htm")]))
def test_random_bytes_into_each_loader(raw: bytes, suffix: str) -> None:
    load_bytes(raw, suffix)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([(DOCX, ".docx"), (XLSX, ".xlsx")]), st.data())
def test_damaged_packages(package: tuple[bytes, str], data: st.DataObject) -> None:
    raw, suffix = package
    damaged = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(damaged) // 2, len(damaged)))
    load_bytes(bytes(damaged[:cut]), suffix)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([(DOCX, ".docx"), (XLSX, ".xlsx")]), st.data())
def test_damaged_xml_inside_a_sound_zip(package: tuple[bytes, str], data: st.DataObject) -> None:
    raw, suffix = package
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(parts)))
    xml = bytearray(parts[name])
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(xml) - 1))
        junk = data.draw(st.sampled_from([b"<", b">", b"/", b'"', b"&", b"", b"w:p"]))
        xml[at:at + data.draw(st.integers(0, 12))] = junk
    parts[name] = bytes(xml)
    load_bytes(zip_with(parts), suffix)
