"""Project-wide test options.

``--regen-golden`` (or ``AUDITOR_REGEN_GOLDEN=1`` in the environment) rewrites the golden files
under ``tests/golden/`` from the current output instead of comparing against them; review the
result as a diff before committing it.
"""
from __future__ import annotations

import os

import pytest

REGEN_ENV = "AUDITOR_REGEN_GOLDEN"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help=f"rewrite tests/golden/*.json from the current output (same as {REGEN_ENV}=1)")


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when the golden files are to be rewritten rather than compared."""
    env = os.environ.get(REGEN_ENV, "").strip().lower()
    return bool(request.config.getoption("--regen-golden")) or env not in ("", "0", "false", "no")


@pytest.fixture(autouse=True, scope="session")
def _pattern_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command line's compiled-pattern cache (auditor/recache.py) in a folder of the test run, not ~/.cache."""
    os.environ.setdefault("AUDITOR_CACHE_DIR", str(tmp_path_factory.mktemp("re-cache")))
