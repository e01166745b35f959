"""`auditor check --engine dask`: the same audit on a dask.distributed cluster, as Parquet.

Each file is one task (`audit_rows`) that runs exactly what the local run runs for it
(`auditor.cli_run.audit_one`: load, audit, --select/--ignore) and returns plain rows. The
client writes three Parquet datasets under the output folder as results come in, one
part file per few hundred documents, so a large run never holds all its rows:

    OUT/documents/part-*.parquet   one row per file (error code and message when unreadable)
    OUT/findings/part-*.parquet    one row per finding: the `auditor/v1` finding fields
    OUT/claims/part-*.parquet      one row per claim: the `auditor/v1` claim fields

Every row carries `doc` (the file's place among the inputs) and `path`; `pandas.read_parquet(OUT / "findings")`
reads a dataset whole. A worker that dies mid-task loses nothing: the scheduler gives its
tasks to another worker (up to `distributed.scheduler.allowed-failures` times).

Without `scheduler`, a LocalCluster of one single-threaded worker process per CPU is started
and closed; with an address (`tcp://host:8786`), the run uses that cluster, whose workers
must have this same `auditor` installed.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

#: documents per part file
PART_DOCUMENTS = 200
DATASETS = ("documents", "findings", "claims")


class EngineError(Exception):
    """Dask is not installed, the scheduler cannot be reached, or the output folder is unusable."""


def audit_rows(index: int, path: str, select: tuple[str, ...], ignore: tuple[str, ...],
               lang: str) -> dict[str, list[dict[str, Any]]]:
    """One file's rows for the three datasets (runs on a worker)."""
    from auditor.cli_filter import filter_result as _filter
    from auditor.cli_run import audit_one as _audit_one
    from auditor.report.json import claim_dict, finding_dicts

    doc = _filter(_audit_one(path, "check", select, ignore), select, ignore)
    key = {"doc": index, "path": doc.path}
    documents = [{**key, "sha256": doc.sha256, "chars": doc.chars,
                  "error_code": doc.error.code if doc.error else None,
                  "error_message": doc.error.message if doc.error else None,
                  "quantities": len(doc.quantities), "claims": len(doc.claims), "findings": len(doc.findings)}]
    findings = [{**key, **f} for f in finding_dicts(doc, lang)]
    claims = [{**key, **claim_dict(c)} for c in doc.claims]
    return {"documents": documents, "findings": findings, "claims": claims}


def failed_rows(index: int, path: str, code: str, message: str) -> dict[str, list[dict[str, Any]]]:
    document = {"doc": index, "path": path, "sha256": "", "chars": 0, "error_code": code, "error_message": message,
                "quantities": 0, "claims": 0, "findings": 0}
    return {"documents": [document], "findings": [], "claims": []}


def schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    key = [("doc", pa.int64()), ("path", pa.string())]
    s, i = pa.string(), pa.int64()
    operand = pa.struct([("start", i), ("end", i), ("text", s)])
    return {
        "documents": pa.schema([*key, ("sha256", s), ("chars", i), ("error_code", s), ("error_message", s),
                                ("quantities", i), ("claims", i), ("findings", i)]),
        "findings": pa.schema([*key, ("code", s), ("severity", s), ("start", i), ("end", i), ("line", i),
                               ("column", i), ("text", s), ("message", s), ("claimed", s), ("recomputed", s),
                               ("expression", s), ("fingerprint", s)]),
        "claims": pa.schema([*key, ("kind", s), ("start", i), ("end", i), ("text", s), ("claimed", s), ("unit", s),
                             ("operands", pa.list_(operand)), ("expression", s), ("recomputed", s), ("status", s),
                             ("link", s)]),
    }


class _Parts:
    """Rows gathered until a part file's worth, then written."""

    def __init__(self, out: Path) -> None:
        self.out, self.schemas = out, schemas()
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DATASETS}
        self.docs = self.part = 0
        for name in DATASETS:
            (out / name).mkdir(parents=True, exist_ok=True)

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for name in DATASETS:
            self.rows[name].extend(rows[name])
        self.docs += 1
        if self.docs >= PART_DOCUMENTS:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.docs and self.part:
            return
        for name in DATASETS:
            table = pa.Table.from_pylist(self.rows[name], schema=self.schemas[name])
            pq.write_table(table, self.out / name / f"part-{self.part:05}.parquet")
            self.rows[name] = []
        self.docs = 0
        self.part += 1


def _prepare(out: Path) -> None:
    """A fresh output folder; one holding our datasets from an earlier run is replaced, nothing else is."""
    if out.exists() and not out.is_dir():
        raise EngineError(f"{out}: --output must be a folder for --engine dask")
    if out.is_dir():
        foreign = [p.name for p in out.iterdir() if p.name not in DATASETS]
        if foreign:
            raise EngineError(f"{out}: the output folder holds other files ({', '.join(sorted(foreign)[:3])}); "
                              "choose an empty or new folder")
        for name in DATASETS:
            shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)


def run(paths: Sequence[str], out: Path, scheduler: str | None = None, select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (), lang: str = "zh", client: Any = None,
        progress: Callable[[int, str], None] | None = None) -> list[tuple[str, str]]:
    """Audit `paths` on the cluster, write the datasets to `out`; the unreadable files and why.

    `client`: an existing dask.distributed Client (tests); `progress(done, path)` after each file.
    """
    try:
        import pyarrow  # noqa: F401
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineError("--engine dask needs dask.distributed and pyarrow: pip install 'auditor[dask]'") from None
    _prepare(out)
    own_cluster = None
    if client is None:
        try:
            if scheduler:
                client = Client(scheduler, timeout="30s")
            else:
                from auditor.config import cpu_jobs

                own_cluster = LocalCluster(n_workers=cpu_jobs(), threads_per_worker=1, processes=True,
                                           dashboard_address=None)
                client = Client(own_cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    parts = _Parts(out)
    errors: list[tuple[int, str, str]] = []
    try:
        futures = {client.submit(audit_rows, i, p, select, ignore, lang, pure=False): i for i, p in enumerate(paths)}
        for done, future in enumerate(as_completed(futures), 1):
            try:
                rows = future.result()
            except Exception as exc:  # KilledWorker: it took down every worker it was given to
                i = futures[future]
                rows = failed_rows(i, paths[i], "crashed", f"the Dask task failed: {type(exc).__name__}: {exc}")
            parts.add(rows)
            doc = rows["documents"][0]
            if doc["error_code"] is not None:
                errors.append((doc["doc"], doc["path"], doc["error_message"]))
            if progress is not None:
                progress(done, doc["path"])
        parts.flush()
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    return [(path, message) for _, path, message in sorted(errors)]
