"""`--engine dask`: the same findings as the local run, as Parquet, even when a worker is killed."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="--engine dask needs the `dask` extra (dask[distributed], pyarrow)")
pytest.importorskip("pyarrow", reason="--engine dask needs the `dask` extra (dask[distributed], pyarrow)")

import pandas as pd  # noqa: E402

from auditor import engine_dask  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FINDING_FIELDS = ["code", "severity", "start", "end", "line", "column", "text", "message", "claimed", "recomputed",
                  "expression", "fingerprint"]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Forty files (the seeds, copied) and one that does not exist."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for i in range(8):
        for seed in SEEDS:
            target = folder / f"{i}_{seed.name}"
            shutil.copyfile(seed, target)
            paths.append(str(target))
    paths.insert(3, str(folder / "missing.txt"))
    return paths


@pytest.fixture(scope="module")
def local(corpus: list[str]) -> dict[str, Any]:
    """The local run's `auditor/v1` report, from the CLI in its own process."""
    proc = subprocess.run([sys.executable, "-m", "auditor", "check", "--format", "json", *corpus],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=ENV, check=False)
    assert proc.returncode == 2, proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def findings_of(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted((d["path"], *(f[k] for k in FINDING_FIELDS)) for d in report["documents"] for f in d["findings"])


def findings_in(out: Path) -> list[tuple[Any, ...]]:
    frame = pd.read_parquet(out / "findings")
    rows = frame[["path", *FINDING_FIELDS]].astype(object).where(frame.notna(), None)
    return sorted(tuple(r) for r in rows.itertuples(index=False))


def test_local_cluster_with_a_worker_killed_mid_run(corpus: list[str], local: dict[str, Any],
                                                      tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    killed: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:

        def kill_one(done: int, path: str) -> None:
            if done == 2 and not killed:
                pids = client.run(os.getpid)
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        errors = engine_dask.run(corpus, tmp_path / "out", client=client, progress=kill_one)
    assert killed, "no worker was killed"
    documents = pd.read_parquet(tmp_path / "out" / "documents")
    assert sorted(documents["doc"]) == list(range(len(corpus))), "a document was lost or audited twice"
    assert sorted(documents["path"]) == sorted(corpus)
    assert errors == [(corpus[3], "no such file")]
    assert findings_in(tmp_path / "out") == findings_of(local)
    claims = pd.read_parquet(tmp_path / "out" / "claims")
    assert len(claims) == sum(len(d["claims"]) for d in local["documents"])
    by_path = {d["path"]: d for d in local["documents"]}
    for row in documents.itertuples(index=False):
        want = by_path[row.path]
        assert (row.sha256, row.chars, row.quantities, row.findings) == \
            (want["sha256"], want["chars"], len(want["quantities"]), len(want["findings"]))
    one = claims[claims["path"] == corpus[0]].sort_values(["start", "kind"])
    want_claims = sorted(by_path[corpus[0]]["claims"], key=lambda c: (c["start"], c["kind"]))
    assert [(c["kind"], c["claimed"], c["status"], [o["text"] for o in c["operands"]]) for c in want_claims] == \
        [(r.kind, r.claimed, r.status, [o["text"] for o in r.operands]) for r in one.itertuples(index=False)]


def test_cli_engine_dask_writes_parquet_that_pandas_reads(tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = str(tmp_path / "missing.txt")
    argv = [sys.executable, "-m", "auditor", "check", "--engine", "dask", "--output", str(out),
            str(SEEDS[0]), missing]
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=ENV, check=False,
                          timeout=300)
    assert proc.returncode == 2
    assert f"auditor: {missing}: no such file" in proc.stderr.splitlines()
    docs = pd.read_parquet(out / "documents").sort_values("doc")
    assert list(docs["error_code"].fillna("")) == ["", "not_found"]
    assert set(pd.read_parquet(out / "findings")["path"]) <= {str(SEEDS[0])}


def test_engine_dask_needs_an_output_folder(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "auditor", "check", "--engine", "dask", str(SEEDS[0])],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=ENV, check=False)
    assert proc.returncode == 2 and "--output DIR" in proc.stderr
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(engine_dask.EngineError, match="holds other files"):
        engine_dask.run([str(SEEDS[0])], tmp_path)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
