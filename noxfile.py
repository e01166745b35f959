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
