"""Fuzzing the whole pipeline: no input may raise, and every span stays inside the text.

Three sources of input: arbitrary Unicode (lone surrogates, controls, every plane), the seed reports
with random edits (characters inserted, deleted, replaced, in the alphabet reports use), and random
bytes written to a file of each suffix the loaders know (the only exception allowed is LoadError).

The suite runs a short profile (`short`, a few seconds); `nox -s fuzz` runs the `long` profile
(HYPOTHESIS_PROFILE=long: FUZZ_EXAMPLES, 2,000 by default, for each of the three tests, 2 s deadline each,
in FUZZ_CHUNKS (35) processes of their own: 35 x 3 x 2,000 = 210,000 examples).
"""
from __future__ import annotations

import gc
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import audit_text
from auditor.document import Document
from auditor.load import SUFFIXES, LoadError, load
from auditor.model import DocumentResult, Report
from auditor.report import render

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
# the suite's short run has no deadline (a loaded machine must not fail it); the long run holds each example to 2 s
settings.register_profile("short", max_examples=40, deadline=None, suppress_health_check=_SLOW)
# the long run keeps no example database: a failure is printed with its example, and 200,000 examples
# would otherwise be written to .hypothesis/ one by one
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), deadline=2000,
                          suppress_health_check=_SLOW, database=None)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "short")
fuzz = settings.get_profile(PROFILE)

#: what reports are made of: digits, Chinese numerals and units, punctuation, brackets, pipes, newlines
REPORT_CHARS = "0123456789.%％‰万亿元件人个项起户吨公里一二三四五六七八九十百千零两增长下降提高减少占比率共其中" \
               "合计分别同比上年为达，。、；：（）()|\n 　-—~～约余多近"
report_text = st.text(alphabet=st.sampled_from(REPORT_CHARS), max_size=400)
#: every code point, lone surrogates included (st.characters excludes them by default)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
#: what one edit puts into a seed: a report character, or a short run of any code points (long runs of
#: arbitrary text are test_any_text_is_audited's; drawing them per edit made most of an example's time)
edit_piece = st.one_of(st.sampled_from(REPORT_CHARS),
                       st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=1, max_size=16))


#: per test, the slowest example by wall time and by CPU time, and the number of examples run; the long
#: run writes them as JSON to $FUZZ_TIMINGS at the end (the deadline fails an example over 2 s, this reports
#: the margin). Wall time on a shared machine includes other processes' turns and cyclic collections (which
#: Hypothesis leaves out of the deadline), so the CPU time and the collector's pauses are kept beside it.
SLOWEST: dict[str, dict[str, object]] = {}
SLOWEST_CPU: dict[str, dict[str, object]] = {}
EXAMPLES: dict[str, int] = {}
_GC = {"since": 0.0, "total": 0.0}


def _gc_clock(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _GC["since"] = time.perf_counter()
    else:
        _GC["total"] += time.perf_counter() - _GC["since"]



@contextmanager
def _timed(test: str, example: object) -> Iterator[None]:
    wall, cpu, in_gc = time.perf_counter(), time.process_time(), _GC["total"]
    yield
    row = {"wall_s": round(time.perf_counter() - wall, 4), "cpu_s": round(time.process_time() - cpu, 4),
           "gc_s": round(_GC["total"] - in_gc, 4), "input": repr(example)[:300]}
    EXAMPLES[test] = EXAMPLES.get(test, 0) + 1
    if row["wall_s"] > SLOWEST.get(test, {}).get("wall_s", -1.0):  # type: ignore[operator]
        SLOWEST[test] = row
    if row["cpu_s"] > SLOWEST_CPU.get(test, {}).get("cpu_s", -1.0):  # type: ignore[operator]
        SLOWEST_CPU[test] = row


def teardown_module() -> None:
    gc.callbacks.remove(_gc_clock)
    out = os.environ.get("FUZZ_TIMINGS")
    if out:
        rows = {t: {"examples": n, "slowest_wall": SLOWEST.get(t), "slowest_cpu": SLOWEST_CPU.get(t)}
                for t, n in EXAMPLES.items()}
        Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def _check(result: DocumentResult, text: str) -> None:
    assert result.error is None
    for q in result.quantities:
        assert 0 <= q.start <= q.end <= len(text)
    for c in result.claims:
        assert 0 <= c.start <= c.end <= len(text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
    # every text format renders; JSON is valid JSON (a lone surrogate is escaped, never raised on)
    report = Report((result,))
    json.loads(render(report, "json"))  # type: ignore[arg-type]
    for fmt in ("jsonl", "csv", "sarif"):
        assert isinstance(render(report, fmt), str)


def setup_module() -> None:
    """Import every stage and reporter once, so no example pays for the imports."""
    gc.callbacks.append(_gc_clock)
    _check(audit_text("全市共3项，其中A 1项、B 2项，增长5.5%。"), "全市共3项，其中A 1项、B 2项，增长5.5%。")


@fuzz
@given(st.one_of(any_text, report_text, st.lists(st.sampled_from(["12.5%", "增长3%", "共3项，其中", "A 1项、", "|"]),
                                                   max_size=60).map("".join)))
def test_any_text_is_audited(text: str) -> None:
    with _timed("any_text", text):
        _check(audit_text(text), text)


@st.composite
def edited_seed(draw: st.DrawFn) -> str:
    seed = draw(st.sampled_from(SEEDS))
    lo = draw(st.integers(0, max(0, len(seed) - 1)))
    text = seed[lo:lo + draw(st.integers(200, 3000))]
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(edit_piece)
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    return text


@pytest.mark.skipif(not SEEDS, reason="no seeds/*.txt in this checkout")
@fuzz
@given(edited_seed())
def test_edited_seed_is_audited(text: str) -> None:
    with _timed("edited_seed", text):
        _check(audit_text(text), text)


_TMP = Path(tempfile.mkdtemp(prefix="auditor-fuzz-"))


@fuzz
@given(st.sampled_from(SUFFIXES), st.one_of(st.binary(max_size=2000),
                                            st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"<html><body>",
                                                             b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
                                            .flatmap(lambda head: st.binary(max_size=1500).map(head.__add__))))
def test_random_bytes_into_each_loader(suffix: str, data: bytes) -> None:
    """Random bytes (or bytes behind a format's magic) load or fail with LoadError, never anything else."""
    path = _TMP / f"fuzz{suffix}"
    path.write_bytes(data)
    with _timed("random_bytes", (suffix, data)):
        try:
            doc = load(path)
        except LoadError as exc:
            assert exc.code and exc.message
            return
        assert isinstance(doc, Document)
        assert path.read_bytes() == data  # never written over
        _check(audit_text(doc.text), doc.text)


@pytest.mark.parametrize("text", ["\ud800", "\udfff12.5%", "增长\ud83d10%，共3项，其中A 1项、\udc00B 2项",
                                  "\ud800" * 50])
def test_lone_surrogates(text: str) -> None:
    result = audit_text(text)
    assert len(result.sha256) == 64
    _check(result, text)
