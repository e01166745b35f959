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
    """The long fuzz run: 3 x 70,000 examples (FUZZ_EXAMPLES each), 2 s deadline per example."""
    session.install(".[test]")
    session.run("pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py", "--hypothesis-show-statistics",
                *session.posargs, env={"HYPOTHESIS_PROFILE": "long"})


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
