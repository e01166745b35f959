"""auditor/recache.py: patterns built from the cache are the patterns the compiler builds."""
from __future__ import annotations

import os
import re
import uuid
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import recache

TRICKY = [
    r"(?P<num>[0-9０-９]+)(?:[.．](?P<frac>[0-9]+))?\s*(?:万|亿)?元",
    r"(?<![0-9.])[\u4e00-\u9fff]{1,10}?(?:与|和|及|、)(?=[，。])",
    r"(?im)^\s*第[一二三四五六七八九十]+条$",
    r"(a)|(?P<b>b)(?(1)c|d)",
    r"[^\W\d_]+|\bword\b",
]


def _fresh(pattern: str | bytes, flags: int = 0) -> re.Pattern:  # type: ignore[type-arg]
    from re import _compiler  # type: ignore[attr-defined]

    return _compiler.compile(pattern, flags)


def _same(a: re.Pattern, b: re.Pattern) -> bool:  # type: ignore[type-arg]
    return a == b and a.groupindex == b.groupindex and a.groups == b.groups and a.flags == b.flags


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    return tmp_path


def _unique(pattern: str) -> str:
    """A pattern re's own in-process cache has never seen (so that the compiler is asked)."""
    return pattern + f"(?#{uuid.uuid4().hex})"


@pytest.mark.parametrize("pattern", TRICKY)
def test_a_cached_pattern_is_the_compiled_one(cache_dir: Path, pattern: str) -> None:
    p = _unique(pattern)
    with recache.enabled() as first:
        assert first is not None
        made = re.compile(p)
        assert first.added == 1
    with recache.enabled() as second:
        assert second is not None
        assert (p, 0) in second.entries  # read back from the file
        re.purge()
        again = re.compile(p)
        assert second.added == 0  # built from the cache, not compiled
    assert _same(made, again) and _same(again, _fresh(p))


def test_a_cached_pattern_matches_as_the_compiled_one(cache_dir: Path) -> None:
    p = _unique(r"(?P<v>[0-9]+(?:\.[0-9]+)?)(?P<u>万元|亿元|%)")
    with recache.enabled():
        re.compile(p)
    with recache.enabled():
        re.purge()
        cached = re.compile(p)
    text = "收入12.5亿元，增长8.3%，支出300万元"
    assert [m.groupdict() for m in cached.finditer(text)] == [m.groupdict() for m in _fresh(p).finditer(text)]
    assert [m.group("u") for m in cached.finditer(text)] == ["亿元", "%", "万元"]


def test_bytes_and_flags_are_keys_of_their_own(cache_dir: Path) -> None:
    s = _unique("abc")
    with recache.enabled() as c:
        assert c is not None
        a, b = re.compile(s), re.compile(s, re.I)
        raw = re.compile(s.encode())
        assert c.added == 3
    assert a.flags != b.flags and isinstance(raw.pattern, bytes)
    assert _same(b, _fresh(s, re.I)) and _same(raw, _fresh(s.encode()))


def test_the_compiler_is_restored_after_the_block(cache_dir: Path) -> None:
    from re import _compiler  # type: ignore[attr-defined]

    before = _compiler.compile
    with recache.enabled():
        assert _compiler.compile is not before
    assert _compiler.compile is before


def test_a_spoilt_file_means_compiling_as_usual(cache_dir: Path) -> None:
    p = _unique("x+y")
    with recache.enabled() as c:
        assert c is not None
        path = c.path
    assert path is not None
    path.write_bytes(b"\x00not marshal")
    with recache.enabled() as c:
        assert c is not None and c.entries == {}
        assert _same(re.compile(p), _fresh(p))
        assert c.added == 1
    with recache.enabled() as c:
        assert c is not None and (p, 0) in c.entries  # written afresh


@pytest.mark.parametrize("code", [array("I", [99999]).tobytes(), b"\x01\x02\x03"],
                         ids=["code no engine takes", "not whole words"])
def test_a_wrong_entry_is_compiled_afresh(cache_dir: Path, code: bytes) -> None:
    p = _unique("z{2}")
    with recache.enabled() as c:
        assert c is not None
        c.entries[(p, 0)] = (0, code, 0, {}, ())
        assert _same(re.compile(p), _fresh(p))
        assert c.entries[(p, 0)][1] != code


def test_an_empty_folder_setting_turns_it_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", "")
    with recache.enabled() as c:
        assert c is not None and c.path is None
        q = _unique("q")
        assert _same(re.compile(q), _fresh(q))  # still compiles
    assert not list(tmp_path.iterdir())


def test_past_the_limit_only_what_the_run_used_is_kept(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recache, "LIMIT", 3)
    old = [_unique(f"old{i}") for i in range(3)]
    with recache.enabled():
        for p in old:
            re.compile(p)
    new = _unique("new")
    with recache.enabled():
        re.compile(new)
    with recache.enabled() as c:
        assert c is not None and set(c.entries) == {(new, 0)}


def test_nothing_new_writes_nothing(cache_dir: Path) -> None:
    with recache.enabled():
        pass
    assert not list(cache_dir.iterdir())


def test_the_command_line_fills_the_cache(cache_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    doc = tmp_path / "a.txt"
    doc.write_text("2023年收入12.5亿元，增长8.3%。\n", encoding="utf-8")
    run = [sys.executable, "-m", "auditor", "check", "--format", "json", str(doc)]
    first = subprocess.run(run, capture_output=True, text=True, check=False)
    files = sorted(f.name.split("-")[0] for f in cache_dir.iterdir() if f.suffix == ".marshal")
    assert files == ["data2", "re2"]  # the lexicons parsed, the patterns compiled
    assert all(f.stat().st_size > 0 for f in cache_dir.iterdir())
    second = subprocess.run(run, capture_output=True, text=True, check=False)
    assert first.stdout == second.stdout and '"schema": "auditor/v1"' in first.stdout


def _held(cache_dir: Path) -> dict:  # type: ignore[type-arg]
    import marshal

    (file,) = [f for f in cache_dir.iterdir() if f.suffix == ".marshal" and f.name.startswith("re")]
    return marshal.loads(file.read_bytes())  # type: ignore[no-any-return]


def test_two_processes_saving_keep_what_each_compiled(cache_dir: Path) -> None:
    first, second = _unique("p[0-9]"), _unique("q[0-9]")
    with recache.enabled() as a:
        assert a is not None
        other = recache.Cache(a.path, a.compiler, a.parser, a.sre)  # a second process, loaded before a saves
        re.compile(first)
        a.save()
        other.compiler_compile = a.compiler_compile
        other.compile(second)
        other.save()
    held = _held(cache_dir)
    assert (first, 0) in held and (second, 0) in held


def test_what_a_worker_compiles_is_saved(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor import cli, pipeline
    from auditor.model import DocumentResult

    only_in_the_worker = _unique("w[0-9]")
    parent = os.getpid()

    def job(path: Path, *args: object) -> DocumentResult:
        assert os.getpid() != parent  # audited in a worker process
        re.compile(only_in_the_worker)
        return DocumentResult(str(path), "0" * 64, 1, "x")

    monkeypatch.setattr(pipeline, "run_path", job)
    doc = tmp_path / "a.txt"
    doc.write_text("化解43起。", encoding="utf-8")
    assert cli.main(["check", str(doc), "--jobs", "1", "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    assert (only_in_the_worker, 0) in _held(cache_dir)


def test_the_file_of_the_first_layout_is_removed_when_the_cache_is_saved(cache_dir: Path) -> None:
    with recache.enabled() as c:
        assert c is not None and c.path is not None
        old = c.path.with_name("re-" + c.path.name.split("-", 1)[1])
        old.write_bytes(b"old entries")
        re.compile(_unique("o[0-9]"))
    assert not old.exists() and c.path.exists()


def test_parsed_data_is_kept_between_runs_and_fresh_each_time(cache_dir: Path) -> None:
    import tomllib

    text = f'# {uuid.uuid4().hex}\n[count]\nunits = ["起", "件"]\n'
    calls: list[str] = []

    def parse(t: str) -> dict:  # type: ignore[type-arg]
        calls.append(t)
        return tomllib.loads(t)

    with recache.enabled():
        first = recache.parsed(text, parse)
        first["count"]["units"].append("changed by its caller")
        again = recache.parsed(text, parse)
    with recache.enabled():  # the next run
        later = recache.parsed(text, parse)
    assert again == later == {"count": {"units": ["起", "件"]}}
    assert calls == [text]  # parsed once, in the first run


def test_parsed_data_marshal_cannot_keep_is_parsed_every_time(cache_dir: Path) -> None:
    import datetime as dt

    calls: list[str] = []

    def parse(t: str) -> dict:  # type: ignore[type-arg]
        calls.append(t)
        return {"when": dt.date(2023, 1, 1)}

    with recache.enabled():
        assert recache.parsed("when = 2023-01-01", parse) == {"when": dt.date(2023, 1, 1)}
        assert recache.parsed("when = 2023-01-01", parse) == {"when": dt.date(2023, 1, 1)}
    assert len(calls) == 2


def test_outside_the_block_data_is_parsed_as_usual(cache_dir: Path) -> None:
    assert recache.parsed("x", lambda t: {"text": t}) == {"text": "x"}
    assert not list(cache_dir.iterdir())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["[0-9]", "[一二三]", "a", "(?:万|亿)", r"\d", r"[\u4e00-\u9fff]", "(x)", "."]),
                min_size=1, max_size=6),
       st.sampled_from(["", "+", "*", "?", "{1,3}", "+?"]))
def test_property_any_cached_pattern_is_the_compiled_one(parts: list[str], tail: str) -> None:
    import os
    import tempfile

    p = "".join(x + tail for x in parts)
    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("AUDITOR_CACHE_DIR")
        os.environ["AUDITOR_CACHE_DIR"] = tmp
        try:
            with recache.enabled() as c:
                assert c is not None
                args = c.args(p, 0)
                assert isinstance(args[1], bytes)
                assert _same(c.build(p, args), _fresh(p))
        finally:
            if old is None:
                del os.environ["AUDITOR_CACHE_DIR"]
            else:
                os.environ["AUDITOR_CACHE_DIR"] = old
