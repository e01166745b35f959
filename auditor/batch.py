"""Run documents in supervised worker processes, so that no document is lost.

`run` hands paths to long-lived worker processes, a few at a time, and yields each
result as it comes back. The parent watches every worker:

* a worker that dies (a signal, the kernel's OOM killer, a crash in a C extension) is
  replaced; the document it held is retried once, alone, in a fresh process, and
  reported as `crashed` if that dies too; the documents queued behind it are re-sent;
* a document that runs past `timeout` seconds has its worker killed and is reported
  as `timeout`;
* each worker limits its own address space (RLIMIT_AS) to what it had once warmed up
  plus `max_memory` bytes; a document that needs more raises MemoryError in the worker
  and is reported as `too_large`, and the worker is replaced (its heap is spoilt).

Workers are warmed once (imports, compiled patterns) before their first document; on
Linux they are forked from the warmed parent, so the warm-up is paid once in all. What
a worker sends back is what the caller's job returns. A job may also be a generator:
the bytes it yields are sent as they come (`parts`, a large document's report in pieces
of about a megabyte, never the whole at once), and what it returns is the result; parts
of a document whose worker died are dropped. `DocumentJob` streams the document's
json/jsonl in parts and returns counts, or returns a result without the text for the
other formats when they do not read it.

stdlib's ProcessPoolExecutor cannot do this: one dead worker breaks the pool
(BrokenProcessPool) and every pending document with it.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from auditor.model import DocError, DocumentResult

log = logging.getLogger(__name__)

R = TypeVar("R")

DEFAULT_TIMEOUT = 120.0
#: address space a document may take beyond the warmed worker (bytes)
DEFAULT_MAX_MEMORY = 2048 * 2**20
#: documents sent to a worker at once, at most (it answers one by one)
MAX_CHUNK = 16
#: formats written document by document, rendered in the worker
STREAMED = frozenset({"json", "jsonl"})
#: formats whose reporters read the document's text (context, line of a quantity)
NEEDS_TEXT = frozenset({"rich", "html", "sarif", "xlsx"})


# --- the supervisor ----------------------------------------------------------------------

Work = Callable[[str], "R | Generator[bytes, None, R]"]


def run(paths: Sequence[str], work: Work[R], failed: Callable[[str, str, str], R], jobs: int = 1,
        timeout: float | None = DEFAULT_TIMEOUT, max_memory: int | None = DEFAULT_MAX_MEMORY,
        warm: Callable[[], None] | None = None) -> Iterator[tuple[int, R, list[bytes]]]:
    """Yield `(index, result, parts)` for every path, in the order they finish.

    `result` is what `work(paths[index])` returned, `parts` the bytes it yielded (when it is
    a generator). `failed(path, code, message)` stands in for a document the worker could
    not finish: code `timeout`, `too_large` or `crashed`. Every index is yielded exactly once.
    """
    if not paths:
        return
    if warm is not None and start_method() == "fork":
        warm()  # once, here: every forked worker starts warm
    pool = _Pool(list(paths), work, failed, max(1, jobs), timeout or None, max_memory or None, warm)
    try:
        yield from pool.results()
    finally:
        pool.close()


def drive(outcome: R | Generator[bytes, None, R]) -> tuple[R, list[bytes]]:
    """A job's return value and the parts it yielded, in this process."""
    if not isinstance(outcome, Generator):
        return outcome, []
    parts: list[bytes] = []
    while True:
        try:
            parts.append(next(outcome))
        except StopIteration as stop:
            return stop.value, parts


def start_method() -> str:
    """fork where the platform has it (workers share the warmed parent), else spawn."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    sent: deque[int] = field(default_factory=deque)  # indices sent, not yet answered; [0] is in flight
    since: float = 0.0  # when the document in flight started
    recycling: bool = False  # announced it exits after its last answer
    retry: bool = False  # started for one retried document
    broken: bool = False  # its pipe broke (it died since it last answered): fed nothing more, reaped


class _Pool(Generic[R]):
    def __init__(self, paths: list[str], work: Work[R], failed: Callable[[str, str, str], R],
                 jobs: int, timeout: float | None, max_memory: int | None, warm: Callable[[], None] | None) -> None:
        self.paths, self.work, self.failed = paths, work, failed
        self.jobs = min(jobs, len(paths))
        self.timeout, self.max_memory, self.warm = timeout, max_memory, warm
        self.ctx = multiprocessing.get_context(start_method())
        self.pending: deque[int] = deque(range(len(paths)))
        self.attempts = [0] * len(paths)
        self.workers: list[_Worker] = []
        self.done: deque[tuple[int, R, list[bytes]]] = deque()
        self.parts: dict[int, list[bytes]] = {}
        self.left = len(paths)

    # starting and feeding workers
    def _start(self, retry: int | None = None) -> None:
        parent, child = self.ctx.Pipe()
        args = (child, self.work, self.failed, self.warm, self.max_memory, os.getpid())
        process = self.ctx.Process(target=_worker_main, args=args, daemon=True,  # type: ignore[attr-defined]
                                   name="auditor-worker")
        process.start()
        child.close()
        w = _Worker(process, parent, since=time.monotonic())
        self.workers.append(w)
        if retry is not None:
            w.retry = True
            self._send(w, [retry])

    def _send(self, w: _Worker, indices: list[int]) -> None:
        try:
            w.conn.send([(i, self.paths[i]) for i in indices])
        except (OSError, ValueError):
            # the worker died after its last answer and before this send (a broken pipe): these documents
            # were never started and go back to the queue; the one it held is charged when it is reaped
            self.pending.extendleft(reversed(indices))
            w.broken = True
            _kill(w.process)
            return
        if not w.sent:
            w.since = time.monotonic()
        w.sent.extend(indices)

    def _feed(self) -> None:
        live = [w for w in self.workers if not w.recycling and not w.broken]
        while self.pending and len(live) < self.jobs:
            self._start()
            live.append(self.workers[-1])
        for w in live:
            if not self.pending:
                break
            if len(w.sent) <= 1 and not w.retry:
                chunk = max(1, min(MAX_CHUNK, len(self.pending) // (4 * self.jobs)))
                batch = [self.pending.popleft() for _ in range(min(chunk, len(self.pending)))]
                self._send(w, batch)

    # results
    def results(self) -> Iterator[tuple[int, R, list[bytes]]]:
        self._feed()
        while self.left:
            while self.done:
                self.left -= 1
                yield self.done.popleft()
            if not self.left:
                break
            self._wait()
            self._feed()

    def _emit(self, index: int, result: R) -> None:
        self.done.append((index, result, self.parts.pop(index, [])))

    def _wait(self) -> None:
        now = time.monotonic()
        wait_for: float | None = None
        if self.timeout is not None:
            busy = [w.since + self.timeout - now for w in self.workers if w.sent]
            wait_for = max(0.0, min(busy)) if busy else None
        handles: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        if not handles:
            return
        ready = set(wait(handles, wait_for))
        for w in list(self.workers):
            if w.conn in ready:
                self._receive(w)
            if w.process.sentinel in ready or (w.recycling and not w.sent):
                self._reap(w)
        if self.timeout is not None:
            now = time.monotonic()
            for w in list(self.workers):
                if w.sent and now - w.since >= self.timeout and w in self.workers:
                    self._expire(w)

    def _receive(self, w: _Worker) -> None:
        while True:
            try:
                if not w.conn.poll():
                    return
                with _no_gc():
                    message = w.conn.recv()
            except (EOFError, OSError):
                return
            if len(message) == 2:  # a part of the document in flight
                self.parts.setdefault(message[0], []).append(message[1])
                continue
            index, result, recycle = message
            if w.sent and w.sent[0] == index:
                w.sent.popleft()
                w.since = time.monotonic()
                w.recycling = w.recycling or recycle
                w.retry = False
                self._emit(index, result)

    def _forget(self, w: _Worker) -> None:
        self.workers.remove(w)
        with contextlib.suppress(OSError):
            w.conn.close()

    def _reap(self, w: _Worker) -> None:
        """A worker ended: the documents it had not started go back to the queue."""
        self._receive(w)  # answers it sent before it died
        w.process.join(1)
        self._forget(w)
        if not w.sent:
            return
        held = w.sent.popleft()
        self.parts.pop(held, None)  # what it had sent of an unfinished document
        self.pending.extendleft(reversed(w.sent))
        if w.recycling:  # it announced its exit: `held` was never started
            self.pending.appendleft(held)
            return
        self.attempts[held] += 1
        cause = _exit_cause(w.process.exitcode)
        if self.attempts[held] >= 2:
            msg = f"the worker process died twice while auditing this file ({cause})"
            self._emit(held, self.failed(self.paths[held], "crashed", msg))
        else:
            log.debug("%s: worker died (%s); retrying in a fresh process", self.paths[held], cause)
            self._start(retry=held)

    def _expire(self, w: _Worker) -> None:
        held = w.sent.popleft()
        _kill(w.process)
        self._receive(w)
        self._forget(w)
        self.parts.pop(held, None)
        self.pending.extendleft(reversed(w.sent))
        limit = f"{self.timeout:g}"
        self._emit(held, self.failed(self.paths[held], "timeout", f"gave up after {limit} s (--timeout {limit})"))

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        deadline = time.monotonic() + 2
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                _kill(w.process)
            with contextlib.suppress(OSError):
                w.conn.close()
        self.workers.clear()


def _kill(process: BaseProcess) -> None:
    with contextlib.suppress(OSError, AttributeError):
        process.kill()
    process.join(5)


def _exit_cause(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


# --- inside a worker ---------------------------------------------------------------------

def _worker_main(conn: Connection, work: Work[Any], failed: Callable[[str, str, str], Any],
                 warm: Callable[[], None] | None, max_memory: int | None, parent: int) -> None:
    _die_with_parent()
    with contextlib.suppress(Exception):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if warm is not None:
        warm()
    limit = _limit_memory(max_memory)
    while True:
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for index, path in batch:
            recycle = False
            try:
                with _no_gc():
                    result = work(path)
                    if isinstance(result, Generator):
                        result = _send_parts(conn, index, result)
            except MemoryError:
                result, recycle = None, True
            except Exception as exc:  # the job should catch its own; never lose the document
                log.debug("auditing %s failed", path, exc_info=True)
                result = failed(path, "internal", f"internal error: {type(exc).__name__}: {exc}")
            if recycle:
                result = None  # free what the document took before saying so
                mib = f"{limit / 2**20:.0f} MiB" if limit else "the memory available"
                result = failed(path, "too_large", f"needs more memory than the limit ({mib}, --max-memory)")
            try:
                conn.send((index, result, recycle))
            except MemoryError:  # the result itself did not fit under the limit
                result = None
                conn.send((index, failed(path, "too_large", "its report needs more memory than the limit"), True))
                return
            except (EOFError, OSError):  # the parent is gone
                return
            except Exception as exc:  # a result that does not pickle
                conn.send((index, failed(path, "internal", f"internal error: {type(exc).__name__}: {exc}"), False))
            if recycle:
                return


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic collection while a document is audited or its result unpickled: both build many objects and
    no cycles, and each full collection would walk all of them again (a long document's cost grew faster
    than its length). Collection resumes after, as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _send_parts(conn: Connection, index: int, parts: Generator[bytes, None, Any]) -> Any:
    while True:
        try:
            part = next(parts)
        except StopIteration as stop:
            return stop.value
        conn.send((index, part))


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the parent dies (a run stopped from outside)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _address_space() -> int:
    """This process's virtual size in bytes (0 when the platform does not say)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(max_memory: int | None) -> int:
    """Cap the address space at what the warmed worker has plus `max_memory`; the cap's size."""
    if not max_memory:
        return 0
    try:
        import resource
    except ImportError:  # not on this platform
        return 0
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = _address_space() + max_memory
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft != resource.RLIM_INFINITY:
            cap = min(cap, soft)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):
        return 0
    return max_memory


# --- the CLI's job -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back for one document: never its text unless the format reads it."""

    path: str
    error: DocError | None
    summary: dict[str, int]
    rank: int  # the highest severity rank among its findings, 0 when none
    result: DocumentResult | None = None  # for formats rendered over the whole report
    fragment: bytes = b""  # streamed formats: the end of the document's output (all of it, when not streamed)


#: bytes of output gathered before a part is sent
PART_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """Audit one path and shape the result for `fmt` (picklable: runs in a worker)."""

    audit: Callable[[str], DocumentResult]
    fmt: str
    mode: str = "check"
    lang: str = "zh"

    def __call__(self, path: str) -> Outcome | Generator[bytes, None, Outcome]:
        doc = self.audit(path)
        if self.fmt in STREAMED:
            return self._parts(doc)
        return self.outcome(doc)

    def failed(self, path: str, code: str, message: str) -> Outcome:
        from auditor.model import DocError, DocumentResult

        return self.outcome(DocumentResult(path, "", 0, "", error=DocError(code, message)))

    def _counts(self, doc: DocumentResult) -> tuple[dict[str, int], int]:
        from auditor.model import Report

        return Report((doc,), mode=self.mode).summary, max((f.severity.rank for f in doc.findings), default=0)

    def _parts(self, doc: DocumentResult) -> Generator[bytes, None, Outcome]:
        """The document's output in parts of about PART_BYTES, then its counts."""
        summary, rank = self._counts(doc)
        chunk: list[bytes] = []
        size = 0
        for piece in self._reporter().fragment_parts(doc, self.mode, self.lang):
            chunk.append(encode(piece))
            size += len(chunk[-1])
            if size >= PART_BYTES:
                yield b"".join(chunk)
                chunk, size = [], 0
        return Outcome(doc.path, doc.error, summary, rank, fragment=b"".join(chunk))

    def _reporter(self) -> Any:
        from importlib import import_module

        return import_module(f"auditor.report.{self.fmt}")

    def outcome(self, doc: DocumentResult) -> Outcome:
        summary, rank = self._counts(doc)
        if self.fmt in STREAMED:
            return Outcome(doc.path, doc.error, summary, rank,
                           fragment=encode(self._reporter().fragment(doc, self.mode, self.lang)))
        if self.fmt not in NEEDS_TEXT and doc.text:
            doc = replace(doc, text="")
        return Outcome(doc.path, doc.error, summary, rank, result=doc)


def encode(text: str) -> bytes:
    """UTF-8; a lone surrogate (only ever inside a JSON string) becomes its JSON escape \\udXXX."""
    return text.encode("utf-8", "backslashreplace")


def warm_up() -> None:
    """Import the pipeline and compile its patterns once, before the first document."""
    from auditor import pipeline

    with contextlib.suppress(Exception):
        pipeline.audit_text("2023年收入12.5亿元，增长8.3%，占全省的21.4%。")


def add_summaries(total: dict[str, int], one: dict[str, int]) -> None:
    for k, v in one.items():
        total[k] = total.get(k, 0) + v
