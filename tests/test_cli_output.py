"""auditor/cli_output.py: a json report written to a file is, byte for byte, the one printed."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor import cli

TEXT = "2023年全镇受理案件120件，其中民事案件70件、刑事案件40件。\n收入12.5亿元，增长8.3%。\n"


def test_json_to_a_file_is_the_json_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("上报\ud800表格：增长5%。\n".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
                 encoding="utf-8")
    out = tmp_path / "out.json"
    assert cli.main(["check", "--format", "json", "--no-config", str(a), str(b)]) in (0, 1)
    printed = capsys.readouterr().out
    assert cli.main(["check", "--format", "json", "--no-config", "-o", str(out), str(a), str(b)]) in (0, 1)
    assert out.read_bytes() == printed.encode("utf-8") and '"summary"' in printed


def test_json_to_a_folder_that_is_not_there_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    status = cli.main(["check", "--format", "json", "--no-config", "-o", str(tmp_path / "no" / "x.json"), str(a)])
    assert status == 2 and "cannot write" in capsys.readouterr().err
