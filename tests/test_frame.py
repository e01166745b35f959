"""The pandas API: audit_paths(...).findings_frame() and friends, and jsonl read by pandas."""
from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

# tests/report is a package on the test path: its hand-built documents
from report.conftest import WAIVER, build_document, build_error_document, build_waived_document

import auditor
from auditor.model import Report

pd = pytest.importorskip("pandas")
SEEDS = Path(__file__).parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> Report:
    return auditor.audit_paths(SEEDS)


def test_findings_frame_exact_values() -> None:
    frame = Report((build_waived_document(), build_error_document())).findings_frame()
    assert list(frame.columns[:5]) == ["document", "line", "column", "code", "severity"]
    assert list(frame["code"]) == ["R201", "C502"] and list(frame["waived"]) == [False, True]
    first = frame.iloc[0]
    assert first["claimed"] == Decimal("99.98") and isinstance(first["claimed"], Decimal)
    assert first["recomputed"] == Decimal("99.9084") and isinstance(first["recomputed"], Decimal)
    assert frame["line"].dtype == "int64" and frame["waived"].dtype == bool
    assert first["arithmetic"] == "37082/37116 = 99.91% ≠ 99.98%" and first["fingerprint"] == "0123456789abcdef"
    assert frame.iloc[1]["waiver_reason"] == WAIVER.why and frame.iloc[1]["claimed"] is None
    assert frame.iloc[0]["title"].startswith("所述比率")
    assert not Report((build_document(),)).findings_frame("en").iloc[0]["title"].startswith("所述比率")


def test_claims_frame() -> None:
    frame = Report((build_document(),)).claims_frame()
    assert list(frame["status"]) == ["consistent", "inconsistent", "unverifiable"]
    assert frame.iloc[0]["claimed"] == Decimal("95.6") and frame.iloc[0]["recomputed"] == Decimal("95.5556")
    assert frame.iloc[2]["recomputed"] is None and frame.iloc[1]["code"] == "R201"
    assert frame.iloc[0]["operands"] == "43起 | 45起"


def test_documents_frame_includes_unreadable() -> None:
    frame = Report((build_waived_document(), build_error_document())).documents_frame()
    assert list(frame["document"]) == ["reports/2024年报告.txt", "missing.txt"]
    assert list(frame["errors"]) == [1, 0] and list(frame["waived"]) == [1, 0]
    assert list(frame["unreadable"]) == ["", "no such file"] and frame["errors"].dtype == "int64"


def test_empty_frames_have_their_columns() -> None:
    empty = Report(())
    assert list(empty.findings_frame().columns)[:3] == ["document", "line", "column"]
    assert empty.claims_frame().empty and "unreadable" in empty.documents_frame().columns


def test_audit_paths_seeds(seeds: Report) -> None:
    assert len(seeds.documents) == 5
    frame = seeds.findings_frame()
    assert len(frame) == sum(len(d.findings) for d in seeds.documents) > 0
    assert set(frame["severity"]) <= {"error", "warning", "info"}
    assert frame["fingerprint"].str.fullmatch(r"[0-9a-f]{16}(#\d+)?").all()
    docs = seeds.documents_frame()
    assert docs["errors"].sum() == (frame["severity"] == "error").sum()


def test_audit_paths_takes_a_list_and_missing_files(tmp_path: Path) -> None:
    one = tmp_path / "a.txt"
    one.write_text("共调解各类矛盾纠纷45起。化解43起，化解率为95.6%。\n", encoding="utf-8")
    report = auditor.audit_paths([one, str(one), tmp_path / "missing.txt"])
    assert [Path(d.path).name for d in report.documents] == ["a.txt", "missing.txt"]
    assert report.documents[1].error is not None and report.documents_frame().iloc[1]["unreadable"]


def test_jsonl_reads_with_pandas(seeds: Report) -> None:
    from auditor.report import render

    out = render(Report((*seeds.documents, build_error_document())), "jsonl")
    assert isinstance(out, str)
    frame = pd.read_json(io.StringIO(out), lines=True, dtype=False)
    findings = frame[frame["code"].notna()]
    assert len(findings) == len(seeds.findings_frame())
    assert findings["fingerprint"].str.len().min() >= 16
    assert findings["claimed"].dropna().map(lambda s: isinstance(s, str)).all()  # exact strings, as in JSON
    assert frame["error"].notna().sum() == 1


def test_auditor_import_does_not_load_pandas() -> None:
    code = "import sys, auditor; auditor.audit_text('化解43起'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_cli_jsonl_file_reads_with_read_json_defaults(tmp_path: Path) -> None:
    from auditor.cli import main

    out = tmp_path / "findings.jsonl"
    assert main(["check", str(SEEDS), "--format", "jsonl", "-o", str(out)]) == 1
    frame = pd.read_json(out, lines=True)
    assert len(frame) == len(out.read_text(encoding="utf-8").splitlines()) > 0
    assert {"path", "code", "severity", "line", "fingerprint"} <= set(frame.columns)
    assert frame["line"].dtype.kind == "i"
