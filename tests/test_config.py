"""config.py: where a configuration is found, what it may say, and that flags win key by key."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_cli import TEXT, fake_run_path

from auditor import cli, cli_run, config, pipeline
from auditor.config import Config, ConfigError, discover, load_file, parse, resolve


@pytest.fixture(autouse=True)
def _clean_lexicon() -> Iterator[None]:
    yield
    config.apply_lexicon(None)  # words a test's configuration added must not leak into the next test


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "run_path", fake_run_path)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- discovery ---

def test_auditor_toml_is_found_from_the_audited_path_upward(tmp_path: Path) -> None:
    write(tmp_path / "auditor.toml", 'lang = "en"\n')
    doc = write(tmp_path / "a" / "b" / "r.txt", TEXT)
    found = discover(doc)
    assert found is not None and found.lang == "en" and found.source == str(tmp_path / "auditor.toml")
    assert discover(doc.parent) == found


def test_pyproject_needs_a_tool_auditor_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.auditor]\nfail-on = "warning"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')  # no table: searched past
    found = discover(write(tmp_path / "sub" / "r.txt", TEXT))
    assert found is not None and found.fail_on == "warning" and found.source.endswith("[tool.auditor]")


def test_nearest_wins_and_auditor_toml_before_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "auditor.toml", 'lang = "en"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.auditor]\nlang = "zh"\njobs = 2\n')
    write(tmp_path / "sub" / "auditor.toml", 'jobs = 3\n')
    found = discover(tmp_path / "sub")
    assert found is not None and (found.jobs, found.lang) == (3, None)


def test_no_configuration(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert discover(write(tmp_path / "r.txt", TEXT)) is None


def test_load_file_reads_pyproject_from_its_table(tmp_path: Path) -> None:
    p = write(tmp_path / "pyproject.toml", '[tool.auditor]\nselect = ["R2", "U101"]\n')
    assert load_file(p).select == ("R2", "U101")
    with pytest.raises(ConfigError, match=r"no \[tool.auditor\] table"):
        load_file(write(tmp_path / "x" / "pyproject.toml", "[project]\n"))


# --- every key, and what a bad value says ---

def test_every_key_parses(tmp_path: Path) -> None:
    table = {"select": "R2, U101", "ignore": ["C5"], "severity": {"r202": "error", "C5": "info"},
             "fail_on": "warning", "lang": "en", "jobs": "auto", "format": "json",
             "measure-words": {"measure": ["英亩"], "count": ["单子"]}, "not-quantity-words": ["三张清单"],
             "baseline": "b.json", "waivers": "/abs/w.toml"}
    c = parse(table, "cfg", tmp_path)
    assert c.select == ("R2", "U101") and c.ignore == ("C5",)
    assert c.severity == (("R202", "error"), ("C5", "info"))
    assert (c.fail_on, c.lang, c.format) == ("warning", "en", "json") and c.jobs is not None and c.jobs >= 1
    assert c.measure_words == (("英亩", "measure"), ("单子", "count")) and c.not_quantity_words == ("三张清单",)
    assert c.baseline == str(tmp_path / "b.json") and c.waivers == "/abs/w.toml"
    assert parse({"measure-words": ["单子"]}, "cfg", tmp_path).measure_words == (("单子", "count"),)


@pytest.mark.parametrize(("table", "named"), [
    ({"colour": True}, "colour"),
    ({"select": 5}, "select"),
    ({"ignore": "R2,bogus!"}, "ignore"),
    ({"severity": {"R201": "fatal"}}, "severity"),
    ({"severity": "error"}, "severity"),
    ({"severity": {"R201!": "error"}}, "severity"),
    ({"fail-on": "sometimes"}, "fail-on"),
    ({"lang": "fr"}, "lang"),
    ({"jobs": -1}, "jobs"),
    ({"jobs": "many"}, "jobs"),
    ({"jobs": True}, "jobs"),
    ({"format": "pdf"}, "format"),
    ({"measure-words": {"colour": ["单子"]}}, "measure-words"),
    ({"measure-words": [""]}, "measure-words"),
    ({"not-quantity-words": ["三"]}, "not-quantity-words"),
    ({"not-quantity-words": "三张清单"}, "not-quantity-words"),
    ({"baseline": 3}, "baseline"),
    ({"waivers": ""}, "waivers"),
])
def test_bad_keys_and_values_name_the_key(tmp_path: Path, table: dict[str, Any], named: str) -> None:
    with pytest.raises(ConfigError) as exc:
        parse(table, "auditor.toml", tmp_path)
    assert named in str(exc.value) and str(exc.value).startswith("auditor.toml: ")


@pytest.mark.parametrize(("name", "text", "said"), [
    ("auditor.toml", 'lang = "fr"\n', "lang: 'fr' is not one of zh, en"),
    ("auditor.toml", "colour = true\n", "unknown key 'colour'"),
    ("auditor.toml", "not toml [\n", "not valid TOML"),
    ("pyproject.toml", "[tool]\nauditor = 3\n", "[tool.auditor] is not a table"),
    ("pyproject.toml", '[tool.auditor]\nfail_on = "always"\n', "fail_on: 'always' is not one of"),
])
def test_cli_usage_error_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str,
                                       said: str) -> None:
    write(tmp_path / name, text)
    doc = write(tmp_path / "r.txt", TEXT)
    status, out, err = run(capsys, "check", "--format", "json", str(doc))
    assert status == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"auditor: configuration: {tmp_path / name}") and said in err


# --- precedence: the flag over the file over the default, for every key with a flag ---

@pytest.mark.parametrize(("key", "file_value", "flag", "default"), [
    ("format", "json", ["--format", "jsonl"], "rich"),
    ("select", ["U"], ["--select", "R"], ()),
    ("ignore", ["R"], ["--ignore", "U"], ()),
    ("fail_on", "never", ["--fail-on", "warning"], "error"),
    ("lang", "en", ["--lang", "zh"], "zh"),
    ("jobs", 3, ["--jobs", "2"], 1),
    ("baseline", "file.json", ["--baseline", "flag.json"], None),
    ("waivers", "file.toml", ["--waivers", "flag.toml"], None),
])
def test_resolve_flag_over_file_over_default(tmp_path: Path, key: str, file_value: Any, flag: list[str],
                                             default: Any) -> None:
    cfg = parse({key: file_value}, "cfg", tmp_path)
    args = cli.build_parser().parse_args(["check", *flag, "x.txt"])
    flags = {k: getattr(args, k, None) for k in ("format", "select", "ignore", "fail_on", "lang", "jobs",
                                                  "baseline", "waivers")}
    from_flag = getattr(resolve(flags, cfg), key)
    from_file = getattr(resolve({}, cfg), key)
    assert from_file == getattr(cfg, key) and from_flag == getattr(resolve(flags, None), key)
    assert from_flag != from_file
    assert getattr(resolve({}, None), key) == default
    assert getattr(resolve({}, Config()), key) == default


def test_lang_from_the_environment_below_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITOR_LANG", "en")
    assert resolve({}, None).lang == "en"
    assert resolve({}, parse({"lang": "zh"}, "cfg", tmp_path)).lang == "zh"
    assert resolve({"lang": "zh"}, None).lang == "zh"


@pytest.mark.usefixtures("fake")
def test_file_then_flag_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "auditor.toml", 'format = "jsonl"\nlang = "en"\nfail-on = "never"\nignore = ["U"]\n')
    doc = write(tmp_path / "r.txt", TEXT)
    status, out, err = run(capsys, "check", str(doc))
    assert (status, err) == (0, "") and json.loads(out)["message"] == "rate mismatch"
    status, out, _ = run(capsys, "check", "--format", "json", "--lang", "zh", "--fail-on", "error", str(doc))
    assert status == 1 and json.loads(out)["documents"][0]["findings"][0]["message"] == "比率不符"
    status, out, _ = run(capsys, "check", "--ignore", "R", "--format", "json", str(doc))
    assert status == 0 and json.loads(out)["summary"]["errors"] == 0
    assert run(capsys, "check", "--no-config", "--format", "json", str(doc))[0] == 1  # the file not read


@pytest.mark.usefixtures("fake")
def test_config_flag_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "auditor.toml", 'fail-on = "never"\n')
    other = write(tmp_path / "cfg" / "strict.toml", 'fail-on = "error"\nformat = "json"\n')
    doc = write(tmp_path / "r.txt", TEXT)
    status, out, _ = run(capsys, "check", "--config", str(other), str(doc))
    assert status == 1 and json.loads(out)["schema"] == "auditor/v1"
    status, _, err = run(capsys, "check", "--config", str(tmp_path / "none.toml"), str(doc))
    assert status == 2 and "none.toml" in err


@pytest.mark.usefixtures("fake")
def test_jobs_from_the_file_and_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = cli_run.run_all

    def spy(paths: Any, mode: str, select: Any, ignore: Any, jobs: int, *rest: Any) -> Any:
        seen.append(jobs)
        return real(paths, mode, select, ignore, 1, *rest)

    monkeypatch.setattr(cli_run, "run_all", spy)
    write(tmp_path / "auditor.toml", "jobs = 3\n")
    doc = write(tmp_path / "r.txt", TEXT)
    run(capsys, "check", "--format", "json", str(doc))
    run(capsys, "check", "--format", "json", "--jobs", "2", str(doc))
    run(capsys, "check", "--format", "json", "--jobs", "auto", str(doc))
    assert seen[:2] == [3, 2] and seen[2] == config.cpu_jobs() >= 1


@pytest.mark.usefixtures("fake")
def test_severity_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "auditor.toml", '[severity]\nR = "info"\nR201 = "warning"\n')
    doc = write(tmp_path / "r.txt", TEXT)
    status, out, _ = run(capsys, "check", "--format", "json", str(doc))
    (finding,) = json.loads(out)["documents"][0]["findings"]
    assert status == 0 and finding["severity"] == "warning"  # the longer prefix wins
    assert run(capsys, "check", "--format", "json", "--fail-on", "warning", str(doc))[0] == 1


def test_measure_and_not_quantity_words_reach_extraction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "r.txt", "新增耕地15英亩，推行三张清单制度。\n")
    _, out, _ = run(capsys, "extract", "--format", "json", "--no-config", str(doc))
    before = {q["text"]: q["kind"] for q in json.loads(out)["documents"][0]["quantities"]}
    assert before.get("三张") == "count" and "15英亩" not in before
    write(tmp_path / "auditor.toml", 'not-quantity-words = ["三张清单"]\n[measure-words]\nmeasure = ["英亩"]\n')
    _, out, _ = run(capsys, "extract", "--format", "json", str(doc))
    after = {q["text"]: (q["kind"], q["unit"]) for q in json.loads(out)["documents"][0]["quantities"]}
    assert after["15英亩"] == ("measure", "英亩") and "三张" not in after


def test_measure_word_of_another_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="measure-words.*件"):
        config.apply_lexicon(parse({"measure-words": {"money": ["件"]}}, "cfg", tmp_path))


def test_configured_words_reach_worker_processes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "auditor.toml", '[measure-words]\nmeasure = ["英亩"]\n')
    docs = [write(tmp_path / f"r{i}.txt", "新增耕地15英亩。\n") for i in range(2)]
    _, out, _ = run(capsys, "extract", "--format", "json", "--jobs", "2", *map(str, docs))
    units = [[q["unit"] for q in d["quantities"]] for d in json.loads(out)["documents"]]
    assert units == [["英亩"], ["英亩"]]


def test_the_readme_example_is_a_valid_configuration(tmp_path: Path) -> None:
    import re
    import tomllib

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[tool.auditor]" in b)
    table = tomllib.loads(block)["tool"]["auditor"]
    c = parse(table, "README", tmp_path)
    assert c.keys == frozenset(config.KEYS)  # the example shows every key
    config.apply_lexicon(c)
