"""Inside a worker process of auditor/batch.py: the loop that audits what the parent sends.

A worker dies with its parent, ignores Ctrl-C (the parent's to handle), caps its own address space
(a document past it is `too_large` and the worker exits, its heap spoilt), audits with the cyclic
collector off, and sends each result back, or a job's parts as they come.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

log = logging.getLogger("auditor.batch")

R = TypeVar("R")

Work = Callable[[str], "R | Generator[bytes, None, R]"]


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
