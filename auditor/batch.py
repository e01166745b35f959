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

This module is the supervisor; what runs inside a worker is auditor/batch_worker.py, the
command line's job auditor/batch_job.py (its names are kept here too).
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import msgspec

from auditor.batch_job import NEEDS_TEXT, PART_BYTES, STREAMED, DocumentJob, Outcome, add_summaries, encode, warm_up
from auditor.batch_worker import Work, _no_gc, _worker_main

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

log = logging.getLogger(__name__)

R = TypeVar("R")

DEFAULT_TIMEOUT = 120.0
#: address space a document may take beyond the warmed worker (bytes)
DEFAULT_MAX_MEMORY = 2048 * 2**20
#: documents sent to a worker at once, at most (it answers one by one)
MAX_CHUNK = 16

__all__ = ["DEFAULT_MAX_MEMORY", "DEFAULT_TIMEOUT", "NEEDS_TEXT", "PART_BYTES", "STREAMED", "DocumentJob",
           "Outcome", "Work", "add_summaries", "drive", "encode", "run", "start_method", "warm_up"]


def run(paths: Sequence[str], work: Work[R], failed: Callable[[str, str, str], R], jobs: int = 1,
        timeout: float | None = DEFAULT_TIMEOUT, max_memory: int | None = DEFAULT_MAX_MEMORY,
        warm: Callable[[], None] | None = None,
        spool: Callable[[int, bytes | None], None] | None = None,
        idle: Callable[[], None] | None = None) -> Iterator[tuple[int, R, list[bytes]]]:
    """Yield `(index, result, parts)` for every path, in the order they finish.

    `idle` runs once in this process while the workers audit their first documents (the command
    line imports its reporter then, instead of after the last document).

    With `spool`, each part goes to `spool(index, part)` as it arrives instead (and `parts` is
    empty); `spool(index, None)` says that what it was given of that document is void (its
    worker died, the document is retried or failed).

    `result` is what `work(paths[index])` returned, `parts` the bytes it yielded (when it is
    a generator). `failed(path, code, message)` stands in for a document the worker could
    not finish: code `timeout`, `too_large` or `crashed`. Every index is yielded exactly once.
    """
    if not paths:
        return
    if warm is not None and start_method() == "fork":
        warm()  # once, here: every forked worker starts warm, and need not warm again
        warm = None
    pool = _Pool(list(paths), work, failed, max(1, jobs), timeout or None, max_memory or None, warm, spool, idle)
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


class _Worker(msgspec.Struct, eq=False):
    """One worker process, its pipe, and the documents sent to it and not yet answered."""

    process: BaseProcess
    conn: Connection
    sent: deque[int] = msgspec.field(default_factory=deque)  # indices sent, not yet answered; [0] is in flight
    since: float = 0.0  # when the document in flight started
    recycling: bool = False  # announced it exits after its last answer
    retry: bool = False  # started for one retried document
    broken: bool = False  # its pipe broke (it died since it last answered): fed nothing more, reaped


class _Pool(Generic[R]):
    def __init__(self, paths: list[str], work: Work[R], failed: Callable[[str, str, str], R],
                 jobs: int, timeout: float | None, max_memory: int | None, warm: Callable[[], None] | None,
                 spool: Callable[[int, bytes | None], None] | None = None,
                 idle: Callable[[], None] | None = None) -> None:
        self.paths, self.work, self.failed, self.idle = paths, work, failed, idle
        self.jobs = min(jobs, len(paths))
        self.timeout, self.max_memory, self.warm = timeout, max_memory, warm
        self.ctx = multiprocessing.get_context(start_method())
        self.pending: deque[int] = deque(range(len(paths)))
        self.attempts = [0] * len(paths)
        self.workers: list[_Worker] = []
        self.done: deque[tuple[int, R, list[bytes]]] = deque()
        self.parts: dict[int, list[bytes]] = {}
        self.spool = spool
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
        if self.idle is not None:
            self.idle()
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
                if self.spool is not None:
                    self.spool(message[0], message[1])
                else:
                    self.parts.setdefault(message[0], []).append(message[1])
                continue
            index, result, recycle = message
            if w.sent and w.sent[0] == index:
                w.sent.popleft()
                w.since = time.monotonic()
                w.recycling = w.recycling or recycle
                w.retry = False
                self._emit(index, result)

    def _void(self, index: int) -> None:
        self.parts.pop(index, None)
        if self.spool is not None:
            self.spool(index, None)

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
        self._void(held)  # what it had sent of an unfinished document
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
        self._void(held)
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
