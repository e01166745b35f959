"""Every stable code a document's error or note can carry is listed in docs/SPEC.md and the README.

The codes are read from the source (each `LoadError("code", ...)`, each `with_note("code", ...)` and
note tuple, the folder walk's codes and the batch's), so a new code cannot ship undocumented.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.walk import SKIP_CODES

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "auditor").rglob("*.py")))
LOAD = set(re.findall(r'LoadError\(\s*"([a-z_]+)"', SOURCE))
NOTES = set(re.findall(r'with_note\(\s*"([a-z_]+)"', SOURCE)) | set(
    re.findall(r'(?:notes\s*=\s*|Decoded\([^,()]+,\s*)\(\(\s*"([a-z_]+)",', SOURCE))
BATCH = set(re.findall(r'failed\([^()]*?,\s*"([a-z_]+)"', SOURCE))
CODES = sorted(LOAD | NOTES | BATCH | set(SKIP_CODES))


def test_the_codes_are_found() -> None:
    """The scan itself: it sees the codes of each kind (a broken pattern would make the test below empty)."""
    assert {"empty", "zip_bomb", "forbidden_xml", "legacy_format", "encrypted", "no_text"} <= LOAD
    assert {"wrong_extension", "undecodable", "not_read"} <= NOTES
    assert {"timeout", "too_large", "crashed", "internal"} <= BATCH
    assert len(CODES) >= 20


@pytest.mark.parametrize("doc", ["README.md", "docs/SPEC.md"])
@pytest.mark.parametrize("code", CODES)
def test_every_code_is_documented(doc: str, code: str) -> None:
    assert f"`{code}`" in (ROOT / doc).read_text(encoding="utf-8"), f"{code} is not listed in {doc}"
