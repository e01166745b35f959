"""Why a document was not read, in the reader's language."""
from __future__ import annotations

from auditor.model import DocError, DocumentResult, Report
from auditor.report import render
from auditor.report.i18n import ERROR_REASONS_ZH, error_reason

UNREAD = DocumentResult("old.doc", "", 0, "", error=DocError("legacy_format", "a legacy Office (OLE2) file"))


def test_chinese_reason_first_then_the_loaders_detail() -> None:
    detail = "a legacy Office (OLE2) file"
    assert error_reason("legacy_format", detail, "zh").startswith("旧版 Office")
    assert error_reason("legacy_format", detail, "zh").endswith(f"（{detail}）")
    assert error_reason("legacy_format", detail, "en") == detail
    assert error_reason("some_new_code", "detail", "zh") == "detail"  # an unknown code keeps the detail alone


def test_every_documented_code_has_a_chinese_reason() -> None:
    for code in ("not_found", "unreadable", "empty", "binary", "encoding", "too_large", "zip_bomb", "forbidden_xml",
                 "legacy_format", "unsupported", "encrypted", "no_text", "timeout", "crashed", "internal",
                 "broken_link", "link_loop", "not_regular", "hidden"):
        assert code in ERROR_REASONS_ZH


def test_reports_show_it() -> None:
    for fmt in ("rich", "html"):
        zh, en = render(Report((UNREAD,)), fmt, lang="zh"), render(Report((UNREAD,)), fmt, lang="en")
        assert isinstance(zh, str) and isinstance(en, str)
        assert "旧版 Office" in zh and "旧版 Office" not in en
