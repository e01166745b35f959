"""Developer sessions: `nox` runs them all, `nox -s tests` one of them."""
from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "types"]


@nox.session
def tests(session: nox.Session) -> None:
    session.install(".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", "auditor", "tests")


@nox.session
def types(session: nox.Session) -> None:
    session.install("mypy", ".")
    session.run("mypy", "auditor")


@nox.session
def fuzz(session: nox.Session) -> None:
    """The long fuzz run: FUZZ_CHUNKS (35) chunks of FUZZ_EXAMPLES (2,000) examples for each of the three tests.

    Each chunk is a fresh process with its own Hypothesis seed: Hypothesis keeps about 60 objects per
    example it has run (its tree of choices), so one run of 70,000 examples ends with millions of live
    objects and cyclic collections of seconds inside examples; chunks keep that heap, and the pauses,
    small. `benchmarks/fuzz_report.py` sums up the timings (examples, slowest example).
    """
    import os
    import tempfile

    session.install(".[test]")
    chunks = int(os.environ.get("FUZZ_CHUNKS", "35"))
    examples = os.environ.get("FUZZ_EXAMPLES", "2000")
    timings = tempfile.mkdtemp(prefix="auditor-fuzz-timings-")
    for chunk in range(chunks):
        session.run("pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py", f"--hypothesis-seed={chunk}",
                    *session.posargs, env={"HYPOTHESIS_PROFILE": "long", "FUZZ_EXAMPLES": examples,
                                           "FUZZ_TIMINGS": os.path.join(timings, f"chunk-{chunk:03d}.json")})
    session.run("python", "benchmarks/fuzz_report.py", timings)


@nox.session
def bench(session: nox.Session) -> None:
    """Throughput, scaling, memory and start-up (issue 10): `nox -s bench -- --jobs --startup`."""
    session.install(".")
    session.run("python", "benchmarks/bench_check.py", *session.posargs)
    session.run("python", "benchmarks/bench_stages.py")


@nox.session
def dask(session: nox.Session) -> None:
    """The Dask engine's tests alone, with the `dask` extra installed."""
    session.install(".[dask,test]")
    session.run("pytest", "tests/test_engine_dask.py", *session.posargs)
