"""The HTML report of the seeds as a person sees it: headless Chromium shows the overview and the findings.

Needs Debian's `chromium` (and `fonts-noto-cjk` for the Chinese to show as text, not boxes);
skipped with that reason where it is absent, as on a fresh CI machine with only Python.
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from auditor.cli import main

ROOT = Path(__file__).parents[1]
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and os.access(p, os.X_OK)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install "
                                                          "chromium fonts-noto-cjk); the screenshot test needs it")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--mute-audio")
WIDTH, HEIGHT = 1280, 2000


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    env = dict(os.environ, HOME=str(cwd))  # a profile of its own, never the user's
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={cwd / 'profile'}", *args], capture_output=True,
                          text=True, timeout=180, cwd=cwd, env=env, check=False)


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "seeds.html"
    assert main(["check", str(ROOT / "seeds"), "--format", "html", "-o", str(out)]) == 1  # the seeds hold errors
    return out


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot_shows_the_report(report_html: Path) -> None:
    shot = report_html.parent / "seeds.png"
    result = chromium(f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", report_html.as_uri(),
                      cwd=report_html.parent)
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert png_size(data) == (WIDTH, HEIGHT)
    assert len(data) > 50_000, "a page of tables and Chinese text, not a blank page"
    image = pytest.importorskip("matplotlib.image")
    pixels = image.imread(str(shot))[..., :3]
    ink = (pixels.sum(axis=2) < 1.5).mean()  # dark text and lines
    assert ink > 0.01
    # the highlighted figures (<mark>, #fff3b0) and the red of the errors are on the screen
    highlight = ((abs(pixels[..., 0] - 1.0) < 0.02) & (abs(pixels[..., 1] - 0xF3 / 255) < 0.03)
                 & (abs(pixels[..., 2] - 0xB0 / 255) < 0.05)).sum()
    red = ((pixels[..., 0] > 0.7) & (pixels[..., 1] < 0.3) & (pixels[..., 2] < 0.3)).sum()
    assert highlight > 200 and red > 50


def test_dom_after_scripts_holds_the_findings(report_html: Path) -> None:
    result = chromium("--dump-dom", "--virtual-time-budget=5000", report_html.as_uri(), cwd=report_html.parent)
    dom = result.stdout
    assert 'data-ready="1"' in dom, result.stderr[-2000:]  # the script ran to its end
    rows = re.findall(r'<tr class="finding"[^>]*data-code="([A-Z]\d{3})"', dom)
    assert len(rows) >= 4 and {"R201", "U101"} <= set(rows)
    assert f'<span id="f-shown">{len(rows)}</span>' in dom
    assert 'id="overview"' in dom and dom.count("seeds/0") >= 5
    assert 'id="filters"' in dom and 'id="filters" hidden' not in dom  # the controls show once scripts run


def test_a_link_keeps_its_filter(report_html: Path) -> None:
    result = chromium("--dump-dom", "--virtual-time-budget=5000", report_html.as_uri() + "#severity=error",
                      cwd=report_html.parent)
    dom = result.stdout
    shown = re.findall(r'<tr class="finding"([^>]*)>', dom)
    visible = [a for a in shown if "hidden" not in a]
    assert visible and all('data-severity="error"' in a for a in visible)
    assert len(visible) < len(shown)
    assert f'<span id="f-shown">{len(visible)}</span>' in dom
