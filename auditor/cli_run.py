"""The check and extract loop: every document audited in supervised workers (auditor/batch.py), in input order.

Entries the walk did not audit become document errors in their places; C503 runs over the whole batch;
with --format jsonl each document's lines are written as soon as it is audited. `--engine dask` hands
the batch to a cluster instead.
"""
from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.cli_args import EXIT_ERROR, EXIT_OK, UsageError
from auditor.cli_bodies import Bodies, prerendered
from auditor.cli_filter import filter_result
from auditor.cli_output import color_wanted, err, write_stdout
from auditor.cli_plan import skip_result

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import TextIO

    from auditor.config import Config, Settings
    from auditor.model import DocumentResult, Waiver
    from auditor.progress import NoProgress
    from auditor.walk import Walk

log = logging.getLogger("auditor.cli")


def _internal_error(path: str, exc: BaseException) -> DocumentResult:
    from auditor.model import DocError, DocumentResult

    return DocumentResult(path, "", 0, "", error=DocError("internal", f"internal error: {type(exc).__name__}: {exc}"))


def audit_one(path: str, mode: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> DocumentResult:
    """Audit one file; any failure becomes that document's error, never the batch's."""
    from auditor import pipeline, recache

    try:
        return pipeline.run_path(Path(path), mode, select, ignore)
    except Exception as exc:
        log.debug("auditing %s failed", path, exc_info=True)
        return _internal_error(path, exc)
    finally:
        recache.save()  # the patterns this document needed first, for the next run (nothing when none is new)


def run_all(paths: Sequence[Path], mode: str, select: tuple[str, ...], ignore: tuple[str, ...],
            jobs: int, on: NoProgress | _Tee | None = None, config: Config | None = None,
            timeout: float | None = None, max_memory: int | None = None,
            bodies: Bodies | None = None, idle: Callable[[], None] | None = None) -> list[DocumentResult]:
    """Every document audited, in input order, in supervised worker processes (auditor/batch.py).

    A worker that dies is replaced and its document retried once, then reported `crashed`; a
    document past `timeout` seconds is `timeout`, one past `max_memory` is `too_large`; the batch
    goes on. `on` hears of each document as it finishes (the progress bar). With `bodies`
    (--format json), each worker renders its document's quantities and claims (auditor/cli_bodies.py)
    and the results come back without them.
    """
    from functools import partial

    from auditor import batch
    from auditor.progress import NoProgress

    on = on or NoProgress()
    names = [str(p) for p in paths]
    job = audit_one if bodies is None else prerendered
    work: Any = partial(job, mode=mode, select=select, ignore=ignore)
    results: list[DocumentResult | None] = [None] * len(names)

    def got(i: int, result: Any, parts: list[bytes]) -> DocumentResult:
        if isinstance(result, tuple):  # a prerendered document: its body in parts, the slim result
            assert bodies is not None
            result, counts, text = result
            bodies.add(names[i], parts, counts, text)
        return result  # type: ignore[no-any-return]

    try:
        spool = None if bodies is None else (lambda i, data: bodies.part(names[i], data))
        for i, result, parts in batch.run(names, work, _failed, jobs, timeout, max_memory, partial(_warm, config),
                                          spool, idle):
            on.started(names[i])
            one = results[i] = got(i, result, parts)
            on.finished(one)
    except (OSError, NotImplementedError, ImportError) as exc:  # no worker processes here: go on in this one
        log.debug("worker processes unavailable (%s); auditing in this process", exc)
        for i, name in enumerate(names):
            if results[i] is None:
                on.started(name)
                one = results[i] = got(i, *batch.drive(work(name)))
                on.finished(one)
    return [r for r in results if r is not None]


def _failed(path: str, code: str, message: str) -> DocumentResult:
    """A document its worker could not finish (timeout, too_large, crashed)."""
    from auditor.model import DocError, DocumentResult

    return DocumentResult(path, "", 0, "", error=DocError(code, message))


def _warm(config: Config | None) -> None:
    """Once per worker (or once in the parent, whose forks inherit it): the configured words, compiled patterns."""
    from auditor import batch, recache
    from auditor.config import apply_lexicon

    # the imports and compiled patterns live as long as the process: no collections while they are made,
    # then they are moved out of the collector's sight, in this process and every fork of it (Python's
    # advice for gc.freeze before fork: the forks' collections touch no shared page)
    collecting = gc.isenabled()
    gc.disable()
    try:
        apply_lexicon(config)
        batch.warm_up()
        recache.save()  # a worker warmed by itself (not forked from a warm parent) saves what it compiled
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def run_dask(paths: Sequence[Path], args: argparse.Namespace, settings: Settings) -> int:
    """`--engine dask`: the audit on a Dask cluster, Parquet datasets in --output DIR."""
    from auditor import engine_dask

    if not args.output:
        raise UsageError("--engine dask writes Parquet datasets: give --output DIR")
    try:
        errors = engine_dask.run([str(p) for p in paths], Path(args.output), scheduler=args.scheduler,
                                 select=settings.select, ignore=settings.ignore, lang=settings.lang)
    except engine_dask.EngineError as exc:
        raise UsageError(str(exc)) from None
    for path, message in errors:
        err(f"{path}: {message}")
    return EXIT_ERROR if errors else EXIT_OK


def audit_all(args: argparse.Namespace, settings: Settings, walked: Walk, mode: str,
              sink: JsonlSink | None = None, bodies: Bodies | None = None) -> list[DocumentResult]:
    """Every entry in order: the audited documents, and a document error for each entry not audited.

    With a `sink` (jsonl), each document's lines are written as soon as it is audited.
    """
    from functools import partial

    from auditor.progress import progress
    from auditor.report import preload
    from auditor.walk import Skip

    select, ignore = settings.select, settings.ignore
    if sink is not None:
        for e in walked.entries:
            if isinstance(e, Skip):
                sink.write(skip_result(e))
    with progress(len(walked.files), settings.format, settings.lang, color_wanted(args.no_color, True)) as bar:
        on = bar if sink is None else _Tee(bar, sink, lambda r: filter_result(r, select, ignore, settings.severity))
        audited = iter(run_all(walked.files, mode, select, ignore, settings.jobs, on, settings.config,
                               args.timeout, args.max_memory, bodies, partial(preload, settings.format)))
    results = [filter_result(skip_result(e) if isinstance(e, Skip) else next(audited), select, ignore,
                             settings.severity) for e in walked.entries]
    if mode == "check":
        from auditor.across import with_cross_findings

        # C503 compares reports of successive years: it needs the whole batch
        crossed = [filter_result(r, select, ignore, settings.severity)
                   for r in with_cross_findings(results, select, ignore, bodies.texts if bodies else None)]
        if sink is not None:  # the lines written so far stand; the batch's own findings follow
            from msgspec.structs import replace

            for before, after in zip(results, crossed, strict=True):
                if len(after.findings) > len(before.findings):
                    added = tuple(f for f in after.findings if f not in before.findings)
                    sink.write(replace(after, findings=added))
        results = crossed
    return results


class _Tee:
    """The progress bar, and a jsonl sink that writes each document as it finishes."""

    def __init__(self, bar: NoProgress, sink: JsonlSink, shape: Callable[[DocumentResult], DocumentResult]) -> None:
        self.bar, self.sink, self.shape = bar, sink, shape

    def started(self, path: str) -> None:
        self.bar.started(path)

    def finished(self, result: DocumentResult) -> None:
        self.sink.write(self.shape(result))
        self.bar.finished(result)


class JsonlSink:
    """`--format jsonl` written document by document (flushed), baselines and waivers applied to each."""

    def __init__(self, output: str | None, settings: Settings, mode: str,
                 baseline: frozenset[str] | None, waivers: Mapping[str, Waiver] | None) -> None:
        self.output, self.lang, self.mode = output, settings.lang, mode
        self.baseline, self.waivers = baseline, waivers
        self.fh: TextIO | None = None

    def __enter__(self) -> JsonlSink:
        if self.output:
            try:
                self.fh = open(self.output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed in __exit__)
            except OSError as exc:
                raise UsageError(f"cannot write {self.output}: {exc.strerror or exc}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()

    def write(self, doc: DocumentResult) -> None:
        from auditor.baseline import review
        from auditor.model import Report
        from auditor.report.jsonl import fragment

        if self.mode == "check":
            doc = review(Report((doc,), mode=self.mode), self.baseline, self.waivers).documents[0]
        text = fragment(doc, self.mode, self.lang)
        if not text:
            return
        if self.fh is None:
            write_stdout(text)
            sys.stdout.flush()
        else:
            self.fh.write(text)
            self.fh.flush()
