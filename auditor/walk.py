"""What a run will read: the files named and those found in folders, and every entry it will not read.

A folder is searched recursively in sorted order. Nothing found is dropped without a word:
each entry that is not audited becomes a `Skip` naming the path, a stable code and the reason,
and the CLI reports it like a document that could not be read (so the run exits 2 and never
calls a folder "clean" when it did not read all of it).

Decisions (SPEC.md, Additions):
- symbolic links are followed, to files and to folders; a link back to a folder already on the
  way down is a `link_loop`, a link whose target is missing a `broken_link`; a file reached twice
  (through a link and directly) is read once;
- in a folder, a regular file is audited when the loaders know its suffix; any other file is
  `unsupported` (legacy Office and WPS formats with a hint to convert them); a file named on the
  command line is always handed to the loaders, which decide by its content;
- the run's own configuration, baseline, waiver and report files found in a folder are not
  documents and are left out (a report with a document's suffix is refused by the CLI instead);
- FIFOs, sockets and devices are never opened (`not_regular`); a file or folder that cannot be read
  is `unreadable`; a hidden entry (a name starting with `.`) inside a folder is not searched and is
  listed once (`hidden`: `.git` is one line, not thousands).

Work is a few `stat` calls per entry and one `scandir` per folder: linear in the size of the tree.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

#: Formats the loaders do not read, with the hint given for them (.doc, .xls, .wps and .et go to the
#: loaders, which judge them by content: `legacy_format` with its hint for an OLE2 file).
LEGACY = {
    ".ppt": "a legacy PowerPoint file: save it as .pdf and audit that",
    ".dps": "a WPS presentation: save it as .pdf and audit that",
    ".rtf": "a Rich Text file: save it as .docx or .txt and audit that",
    ".odt": "an OpenDocument text: save it as .docx and audit that",
}
#: The codes of entries that are not audited (a `DocError.code` once reported).
SKIP_CODES = ("unsupported", "broken_link", "link_loop", "not_regular", "unreadable", "hidden", "not_found")


class Skip(msgspec.Struct, frozen=True):
    """An entry that will not be audited, and why."""

    path: str
    code: str
    reason: str


class Walk(msgspec.Struct, frozen=True):
    """The entries of a run in order: a Path to audit or a Skip, each once."""

    entries: tuple[Path | Skip, ...]
    #: folders named on the command line that held nothing at all
    empty: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(e for e in self.entries if isinstance(e, Path))

    @property
    def skipped(self) -> tuple[Skip, ...]:
        return tuple(e for e in self.entries if isinstance(e, Skip))


def _suffixes() -> frozenset[str]:
    from auditor.load import SUFFIXES

    return frozenset(s.lower() for s in SUFFIXES)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _link_problem(path: Path) -> Skip | None:
    """A broken link or a link loop at `path` (which lstat says is a link)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return Skip(str(path), "broken_link", f"broken symbolic link (its target {target!r} does not exist)")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skip(str(path), "link_loop", "symbolic link loop")
        return Skip(str(path), "unreadable", f"cannot follow the link: {exc.strerror or exc}")
    return None


def _unreadable(path: Path, is_dir: bool) -> Skip | None:
    if os.access(path, os.R_OK | (os.X_OK if is_dir else 0)):
        return None
    what = "folder" if is_dir else "file"
    return Skip(str(path), "unreadable", f"permission denied: the {what} cannot be read")


class _Walker:
    def __init__(self, own: Iterable[str | Path] = ()) -> None:
        self.suffixes = _suffixes()
        self.own = set()
        for p in own:
            with contextlib.suppress(OSError):
                self.own.add(self._key(Path(p), os.stat(p)))
        self.entries: list[Path | Skip] = []
        self.seen: set[tuple[int, int] | str] = set()
        self.visited = 0  # entries met inside folders, audited or not

    def _key(self, path: Path, st: os.stat_result) -> tuple[int, int] | str:
        if st.st_ino:
            return (st.st_dev, st.st_ino)
        try:
            return str(path.resolve())
        except (OSError, RuntimeError):
            return str(path)

    def add_file(self, path: Path, st: os.stat_result) -> None:
        key = self._key(path, st)
        if key not in self.seen:
            self.seen.add(key)
            self.entries.append(path)

    def top(self, raw: str) -> bool:
        """One path of the command line; False when it is a folder that held nothing."""
        path = Path(raw)
        try:
            lst = os.lstat(path)
        except FileNotFoundError:
            self.entries.append(Skip(raw, "not_found", "no such file"))
            return True
        except OSError as exc:
            self.entries.append(Skip(raw, "unreadable", exc.strerror or str(exc)))
            return True
        if stat.S_ISLNK(lst.st_mode):
            problem = _link_problem(path)
            if problem is not None:
                self.entries.append(problem)
                return True
        try:
            st = os.stat(path)
        except OSError as exc:
            self.entries.append(Skip(raw, "unreadable", exc.strerror or str(exc)))
            return True
        if stat.S_ISDIR(st.st_mode):
            before = self.visited
            self.folder(path, (self._key(path, st),))
            return self.visited > before or bool(self.entries and isinstance(self.entries[-1], Skip)
                                                 and self.entries[-1].path == str(path))
        if not stat.S_ISREG(st.st_mode):
            self.entries.append(Skip(raw, "not_regular", f"{_kind(st.st_mode)}, not a file: never opened"))
            return True
        self.add_file(path, st)  # named explicitly: the loaders decide, by suffix and content
        return True

    def folder(self, path: Path, ancestors: tuple[tuple[int, int] | str, ...]) -> None:
        problem = _unreadable(path, True)
        if problem is not None:
            self.entries.append(problem)
            return
        try:
            with os.scandir(path) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            self.entries.append(Skip(str(path), "unreadable", f"cannot list the folder: {exc.strerror or exc}"))
            return
        for name in names:
            self.entry(path / name, ancestors)

    def entry(self, path: Path, ancestors: tuple[tuple[int, int] | str, ...]) -> None:
        self.visited += 1
        try:
            lst = os.lstat(path)
        except OSError as exc:
            self.entries.append(Skip(str(path), "unreadable", exc.strerror or str(exc)))
            return
        if path.name.startswith("."):
            what = "folder" if stat.S_ISDIR(lst.st_mode) else "file"
            self.entries.append(Skip(str(path), "hidden", f"hidden {what}, not searched"))
            return
        if stat.S_ISLNK(lst.st_mode):
            problem = _link_problem(path)
            if problem is not None:
                self.entries.append(problem)
                return
        try:
            st = os.stat(path)
        except OSError as exc:
            self.entries.append(Skip(str(path), "unreadable", exc.strerror or str(exc)))
            return
        if stat.S_ISDIR(st.st_mode):
            key = self._key(path, st)
            if key in ancestors:
                self.entries.append(Skip(str(path), "link_loop", "symbolic link to a folder above it (a loop)"))
                return
            self.folder(path, (*ancestors, key))
            return
        if not stat.S_ISREG(st.st_mode):
            self.entries.append(Skip(str(path), "not_regular", f"{_kind(st.st_mode)}, not a file: never opened"))
            return
        suffix = path.suffix.lower()
        if suffix not in self.suffixes:
            if self._key(path, st) in self.own:
                return  # the run's own configuration, baseline or waiver file: not a document
            hint = LEGACY.get(suffix)
            reason = f"unsupported file type {suffix or '(no suffix)'}"
            self.entries.append(Skip(str(path), "unsupported", f"{reason}: {hint}" if hint else
                                     f"{reason} (supported: {', '.join(sorted(self.suffixes))})"))
            return
        problem = _unreadable(path, False)
        if problem is not None:
            self.entries.append(problem)
            return
        self.add_file(path, st)


def walk(paths: Iterable[str | Path], own: Iterable[str | Path] = ()) -> Walk:
    """Every entry of `paths`, in order: files to audit once each, and what will not be read, with why.

    `own` names the run's own files (configuration, baseline, waivers, report): found in a folder
    with a suffix the loaders do not read, they are not documents and are left out.
    """
    w = _Walker(own)
    empty: list[str] = []
    for raw in paths:
        if not w.top(str(raw)):
            empty.append(str(raw))
    return Walk(tuple(w.entries), tuple(empty))


def audited_files(paths: Sequence[str | Path]) -> list[Path]:
    """Only the files that will be audited (the old `iter_paths` view)."""
    return list(walk(paths).files)
