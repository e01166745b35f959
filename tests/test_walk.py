"""walk.py: every entry of a folder is either audited once or listed with its reason."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import walk as walk_mod
from auditor.walk import Skip, walk

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and FIFOs need a POSIX system")


def rel(base: Path, entries: tuple[Path | Skip, ...]) -> list[tuple[str, str]]:
    out = []
    for e in entries:
        if isinstance(e, Skip):
            out.append((Path(e.path).relative_to(base).as_posix(), e.code))
        else:
            out.append((e.relative_to(base).as_posix(), "audit"))
    return out


def test_supported_files_are_audited_in_sorted_order_and_others_listed(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.docx", "old.doc", "data.bin", "notes.WPS", "Z.PDF"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    w = walk([tmp_path])
    assert rel(tmp_path, w.entries) == [
        ("Z.PDF", "audit"), ("a.md", "audit"), ("b.txt", "audit"), ("data.bin", "unsupported"),
        ("notes.WPS", "audit"), ("old.doc", "audit"), ("sub/c.docx", "audit")]
    # legacy Office names go to the loaders, which read them by content (legacy_format with a hint for OLE2)
    reasons = {Path(s.path).name: s.reason for s in w.skipped}
    assert "supported:" in reasons["data.bin"]
    assert len(w.files) == 6 and w.empty == ()


def test_a_file_named_on_the_command_line_goes_to_the_loaders(tmp_path: Path) -> None:
    p = tmp_path / "report.doc"
    p.write_bytes(b"x")
    assert walk([p]).files == (p,)  # the loader decides by content and says why it refuses


def test_missing_and_empty(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    w = walk([tmp_path / "nope.txt", tmp_path / "empty"])
    assert [(s.code, s.reason) for s in w.skipped] == [("not_found", "no such file")]
    assert w.empty == (str(tmp_path / "empty"),)


def test_hidden_entries_are_listed_once_not_searched(tmp_path: Path) -> None:
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    for i in range(20):
        (tmp_path / ".git" / "objects" / f"{i}.txt").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert rel(tmp_path, walk([tmp_path]).entries) == [(".DS_Store", "hidden"), (".git", "hidden"),
                                                       ("a.txt", "audit")]


@needs_posix
def test_links_broken_looping_and_followed(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "r.txt").write_text("x")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)  # a symlinked folder: followed
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (real / "up").symlink_to(tmp_path, target_is_directory=True)  # a loop back to the top
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    w = walk([tmp_path])
    got = rel(tmp_path, w.entries)
    assert ("dangling.txt", "broken_link") in got
    assert ("self.txt", "link_loop") in got
    assert ("linked/up", "link_loop") in got and ("real/up", "link_loop") in got
    # r.txt reached through the link first (sorted: linked < real), then not again
    assert [p for p, code in got if code == "audit"] == ["linked/r.txt"]
    dangling = next(s for s in w.skipped if s.path.endswith("dangling.txt"))
    assert "gone.txt" in dangling.reason


@needs_posix
def test_explicit_broken_link_and_fifo(tmp_path: Path) -> None:
    link = tmp_path / "l.txt"
    link.symlink_to(tmp_path / "missing.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    w = walk([link, fifo, tmp_path])
    assert [(Path(s.path).name, s.code) for s in w.skipped] == [
        ("l.txt", "broken_link"), ("pipe.txt", "not_regular"), ("l.txt", "broken_link"), ("pipe.txt", "not_regular")]
    assert "FIFO" in w.skipped[1].reason and w.files == ()


@needs_posix
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_permissions(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "in.txt").write_text("x")
    closed.chmod(0)
    try:
        got = rel(tmp_path, walk([tmp_path]).entries)
    finally:
        locked.chmod(0o600)
        closed.chmod(0o700)
    assert got == [("closed", "unreadable"), ("locked.txt", "unreadable")]


def test_unreadable_permissions_as_the_os_reports_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same classification with os.access answering as it does for an ordinary user."""
    (tmp_path / "locked.txt").write_text("x")
    (tmp_path / "ok.txt").write_text("x")
    real_access = os.access
    monkeypatch.setattr(walk_mod.os, "access", lambda p, mode: Path(p).name != "locked.txt" and real_access(p, mode))
    w = walk([tmp_path])
    assert rel(tmp_path, w.entries) == [("locked.txt", "unreadable"), ("ok.txt", "audit")]
    assert "permission denied" in w.skipped[0].reason


def test_the_runs_own_files_are_not_documents(tmp_path: Path) -> None:
    for name in ("a.txt", "auditor.toml", "baseline.json", "other.json"):
        (tmp_path / name).write_text("x")
    w = walk([tmp_path], own=[tmp_path / "auditor.toml", tmp_path / "baseline.json", tmp_path / "never.json"])
    assert rel(tmp_path, w.entries) == [("a.txt", "audit"), ("other.json", "unsupported")]


def test_each_file_once_across_inputs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    w = walk([tmp_path / "sub" / "a.txt", tmp_path, tmp_path / "sub"])
    assert w.files == (tmp_path / "sub" / "a.txt",) and w.empty == ()


NAMES = st.lists(st.tuples(st.sampled_from(["", "d1/", "d1/d2/", "d3/"]),
                           st.text("abc", min_size=1, max_size=3),
                           st.sampled_from([".txt", ".md", ".doc", ".bin", "", ".PDF"])),
                 max_size=12, unique_by=lambda t: t[0] + t[1] + t[2].lower())


@settings(max_examples=40, deadline=None)
@given(NAMES)
def test_every_file_is_audited_or_listed_exactly_once(tmp_path_factory: pytest.TempPathFactory,
                                                       names: list[tuple[str, str, str]]) -> None:
    base = tmp_path_factory.mktemp("tree")
    made = set()
    for folder, stem, suffix in names:
        p = base / f"{folder}{stem}{suffix}"
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.exists():
            continue
        p.write_text("x")
        made.add(p.relative_to(base).as_posix())
    entries = rel(base, walk([base]).entries)
    assert sorted(p for p, _ in entries) == sorted(made)
    supported = {".txt", ".md", ".pdf", ".doc"}  # a legacy name goes to the loaders, which judge its content
    assert all((code == "audit") == (Path(p).suffix.lower() in supported) for p, code in entries)


def test_a_folder_named_like_a_file_is_searched(tmp_path: Path) -> None:
    odd = tmp_path / "report.txt"
    odd.mkdir()
    (odd / "inner.md").write_text("x")
    assert rel(tmp_path, walk([odd]).entries) == [("report.txt/inner.md", "audit")]
    assert rel(tmp_path, walk([tmp_path]).entries) == [("report.txt/inner.md", "audit")]
