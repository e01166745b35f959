"""Compiled regular expressions kept between runs of the command line, as Python keeps bytecode.

Most of a short run's time went to compiling patterns (the numeral grammar, the lexicon's
alternations, the many classes of Chinese characters, each expanded to a 65,536-entry map):
about 0.2 s of CPU before the first document. `enabled()` lets `re` keep what its compiler
produces for a pattern (the code the regular expression engine runs, its group names) in a
file in the user's cache folder, and builds the pattern from that code on the next run.

The entry's key is the pattern's text and flags, under a file named for the interpreter and
the engine's version (`_sre.MAGIC`), so a cached code is always the one the compiler would
produce. A missing, unreadable or foreign file, or an interpreter without these internals,
only means compiling as usual. The code is kept as the bytes of its machine words (`array`),
not as a list of ints: the file loads in an eighth of the instructions, and only what a run
compiles becomes a list. Only the command line turns this on (`auditor.cli.main`), for the
length of its run: as a library, the auditor leaves `re` as it is. A worker saves what it
compiled after each document that needed something new (`save()`, auditor/cli_run.py).

The lexicons' TOML files are kept the same way, parsed (`parsed()`, keyed by the file's text):
TOML is parsed in Python, and the four files cost as much as loading every compiled pattern.

The folder is `$AUDITOR_CACHE_DIR`, else `$XDG_CACHE_HOME/auditor`, else `~/.cache/auditor`;
`AUDITOR_CACHE_DIR=""` turns the cache off.
"""
from __future__ import annotations

import contextlib
import marshal
import os
import sys
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

#: entries kept at most; past it, only those the run used are written back
LIMIT = 4000

#: flags, the code (its machine words' bytes), groups, group names -> index, index -> group name
Args = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
#: the version of the entries' layout, part of the file's name
FORMAT = 2


def folder() -> Path | None:
    explicit = os.environ.get("AUDITOR_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "auditor"


def _internals() -> tuple[Any, Any, Any] | None:
    """re's compiler, parser and engine, where this interpreter has them as CPython 3.11+ does."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    if not all(hasattr(m, a) for m, a in ((_compiler, "compile"), (_compiler, "_code"), (_parser, "parse"),
                                          (_sre, "compile"), (_sre, "MAGIC"), (_sre, "CODESIZE"))):
        return None
    if _word(_sre) is None:
        return None
    return _compiler, _parser, _sre


def _word(sre: Any) -> str | None:
    """The `array` type code of the engine's code words (4 bytes on CPython)."""
    return next((t for t in "IL" if array(t).itemsize == sre.CODESIZE), None)


def _load(path: Path | None) -> dict[Any, Any]:
    """The entries a file holds; none where it is missing, unreadable or truncated."""
    if path is not None:
        with contextlib.suppress(Exception):
            data = marshal.loads(path.read_bytes())
            if isinstance(data, dict):
                return data
    return {}


def _write(path: Path, entries: dict[Any, Any]) -> None:
    """Write the entries, atomically (a reader sees the old file or the new one); a failure writes nothing."""
    import tempfile

    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(entries))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


class Cache:
    """The entries of one file: pattern and flags -> the arguments `_sre.compile` takes after them."""

    def __init__(self, path: Path | None, compiler: Any, parser: Any, sre: Any) -> None:
        self.path, self.compiler, self.parser, self.sre = path, compiler, parser, sre
        self.word = _word(sre) or "I"
        self.used: set[tuple[str | bytes, int]] = set()
        self.added = 0
        self.entries: dict[tuple[str | bytes, int], Args] = _load(path)  # none: compile as usual
        #: parsed data files (the lexicons' TOML): the file's text -> the marshalled result, read when first asked
        self.data_path = None if path is None else path.with_name(f"data{FORMAT}-{path.name.split('-', 1)[1]}")
        self.data: dict[str, bytes] | None = None
        self.data_added = 0

    def args(self, pattern: str | bytes, flags: int) -> Args:
        """What the compiler makes of `pattern`, as `re._compiler.compile` passes it to the engine."""
        p = self.parser.parse(pattern, flags)
        code = self.compiler._code(p, flags)
        groupindex = dict(p.state.groupdict)
        indexgroup: list[str | None] = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        return (int(flags | p.state.flags), array(self.word, code).tobytes(), p.state.groups - 1, groupindex,
                tuple(indexgroup))

    def build(self, pattern: str | bytes, args: Args) -> Any:
        flags, code, groups, groupindex, indexgroup = args
        return self.sre.compile(pattern, flags, array(self.word, code).tolist(), groups, groupindex, indexgroup)

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str | bytes) or flags & 128:  # a parsed pattern, or re.DEBUG
            return self.compiler_compile(pattern, flags)
        key = (pattern, int(flags))
        args = self.entries.get(key)
        if args is not None:
            try:
                compiled = self.build(pattern, args)
            except Exception:  # an entry this engine does not take: compile it afresh
                args = None
            else:
                self.used.add(key)
                return compiled
        args = self.args(pattern, int(flags))
        self.entries[key] = args
        self.used.add(key)
        self.added += 1
        return self.build(pattern, args)

    compiler_compile: Callable[[Any, int], Any]

    def save(self) -> None:
        """Write the entries back (atomically) when the run compiled anything new since it last saved.

        What the file holds now is kept beside them: a worker process saves what it compiled (the
        parent never sees it), and so may its parent and the other workers.
        """
        if self.data_path is not None and self.data is not None and self.data_added:
            self.data_added = 0
            _write(self.data_path, {**_load(self.data_path), **self.data})
        if self.path is None or not self.added:
            return
        self.added = 0
        keep = {**_load(self.path), **self.entries}
        if len(keep) > LIMIT:
            keep = {k: v for k, v in keep.items() if k in self.used}
        _write(self.path, keep)
        with contextlib.suppress(OSError):  # the file of the first layout (lists of ints), which nothing reads now
            self.path.with_name("re-" + self.path.name.split("-", 1)[1]).unlink(missing_ok=True)

    def parsed(self, text: str, parse: Callable[[str], Any]) -> Any:
        """`parse(text)`, as an earlier run kept it: a new object each time (callers may change it)."""
        if self.data is None:
            self.data = _load(self.data_path)
        held = self.data.get(text)
        if held is not None:
            with contextlib.suppress(Exception):
                return marshal.loads(held)
        result = parse(text)
        try:
            self.data[text] = marshal.dumps(result)  # what marshal cannot write (a TOML date) is not kept
        except ValueError:
            return result
        self.data_added += 1
        return result


def cache_file(sre: Any) -> Path | None:
    where = folder()
    if where is None:
        return None
    tag = sys.implementation.cache_tag or "py"
    return where / f"re{FORMAT}-{tag}-{sre.MAGIC}.marshal"


@contextlib.contextmanager
def enabled() -> Iterator[Cache | None]:
    """For the length of the block, `re` builds patterns from the cache (and adds the new ones to it)."""
    parts = _internals()
    if parts is None:
        yield None
        return
    compiler, parser, sre = parts
    cache = Cache(cache_file(sre), compiler, parser, sre)
    original = compiler.compile
    cache.compiler_compile = original
    compiler.compile = cache.compile
    global _active
    _active = cache
    try:
        yield cache
    finally:
        compiler.compile = original
        _active = None
        cache.save()


#: the cache of the `enabled()` block this process is in (a forked worker is in its parent's)
_active: Cache | None = None


def parsed(text: str, parse: Callable[[str], Any]) -> Any:
    """`parse(text)`; in the block of `enabled()`, from what an earlier run kept (a data file's text is its key)."""
    return parse(text) if _active is None or _active.path is None else _active.parsed(text, parse)


def save() -> None:
    """Save what the cache in use compiled so far: a worker's patterns, which no block's end saves (a
    forked worker leaves the parent's block by exiting); nothing when no cache is in use or nothing is new."""
    if _active is not None:
        _active.save()
