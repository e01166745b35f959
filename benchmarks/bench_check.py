#!/usr/bin/env python3
"""`auditor check` end to end, beside a numeral+unit regex timed in the same run (issue 10).

The seeds (seeds/*.txt) are repeated to about --size characters (10 M by default), once as
one text and once as --docs report-sized files. Printed:

* characters per CPU-second for `auditor check --format json` end to end (the CLI in its own
  process, CPU of the CLI and its worker), for extraction alone (in this process), and for a
  plain numeral+unit regex over the same text; the ratios to the regex;
* peak memory (max RSS) of the CLI process and of its worker;
* CPU time of `check` (in this process) for 1x, 4x and 16x of --size/16, as one document and as
  many, with the growth from 1x to 16x;
* with --jobs: wall time of `--jobs 1` and `--jobs 2` on the files, and the machine's load;
* with --startup: `auditor --help` and `auditor check` on one seed, wall, median of 5; where
  valgrind is installed, also their instruction counts, which unlike wall time are the same
  in every run (on a machine whose speed varies, the figure to compare changes by).

CPU seconds (not wall) make the figures hold on a shared machine; the load average is
printed beside every wall-clock figure.

    python benchmarks/bench_check.py [--size 10000000] [--docs 1000] [--jobs] [--startup] [--quick]
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: the yardstick: an Arabic numeral with an optional unit after it
NUMERAL_UNIT = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*"
                          r"(?:[%％‰]|[万亿]?(?:元|吨|人次|人|件|个|户|家|项|次|亩|公里|千瓦|倍))?")
#: run the CLI and report the CPU and peak memory of its process and of its workers
CLI_PROBE = """
import resource, sys
from auditor import cli
status = cli.main(sys.argv[1:])
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
# ru_maxrss survives exec (it would count the benchmark's own memory): VmHWM does not
hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")] or [me.ru_maxrss]
sys.stderr.write("\\nPROBE %f %f %d %d %d\\n" % (me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime,
                                               hwm[0], kids.ru_maxrss, status))
"""


def seeds() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not texts:
        raise SystemExit("no seeds/*.txt to measure on")
    return texts


def many(size: int, docs: int) -> list[str]:
    """`docs` texts of about size/docs characters each, the seeds in turn."""
    texts, per = seeds(), max(1, size // docs)
    out, k = [], 0
    for _ in range(docs):
        parts, n = [], 0
        while n < per:
            parts.append(texts[k % len(texts)])
            n += len(parts[-1])
            k += 1
        out.append("\n".join(parts)[:per])
    return out


def cpu(fn: Callable[[], Any], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load n/a"
    return f"load {one:.2f}/{five:.2f} on {os.cpu_count()} CPUs"


def write_files(folder: pathlib.Path, texts: list[str]) -> list[str]:
    paths = []
    for i, t in enumerate(texts):
        p = folder / f"doc{i:05}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(str(p))
    return paths


def cli_run(args: list[str]) -> dict[str, float]:
    """`auditor check --format json ARGS` in its own process: CPU and peak memory."""
    argv = [sys.executable, "-c", CLI_PROBE, "check", "--format", "json", "--output", os.devnull, "--timeout", "0",
            *args]
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - t0
    line = [x for x in proc.stderr.splitlines() if x.startswith("PROBE ")]
    if not line:
        raise SystemExit(f"the CLI failed: {proc.stderr[-2000:]}")
    _, me, kids, me_rss, kid_rss, status = line[-1].split()
    return {"cpu": float(me) + float(kids), "parent_mib": int(me_rss) / 1024, "worker_mib": int(kid_rss) / 1024,
            "wall": wall, "status": int(status)}  # status 2: a document could not be audited


def end_to_end(size: int, docs: int) -> None:
    from auditor.extract import extract

    one_text = "\n".join(many(size, 1))
    texts = many(size, docs)
    chars_one, chars_many = len(one_text), sum(map(len, texts))
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (folder / "one").mkdir()
        (folder / "many").mkdir()
        one_path = write_files(folder / "one", [one_text])
        write_files(folder / "many", texts)
        t_re_one = cpu(lambda: sum(1 for _ in NUMERAL_UNIT.finditer(one_text)), 3)
        t_re_many = cpu(lambda: sum(1 for t in texts for _ in NUMERAL_UNIT.finditer(t)), 3)
        extract(texts[0])
        t_ex_many = cpu(lambda: [extract(t) for t in texts])
        r_one = cli_run(one_path)
        r_many = cli_run([str(folder / "many")])
    print(f"corpus: the seeds repeated: one text of {chars_one:,} characters; {docs:,} files, {chars_many:,} in all")
    print(f"{'':34}{'M chars/CPU-s':>14}{'x regex':>9}{'CPU s':>9}")
    rows = [
        ("numeral+unit regex, one text", chars_one / t_re_one, 1.0, t_re_one),
        ("numeral+unit regex, files", chars_many / t_re_many, 1.0, t_re_many),
        ("extraction alone, files", chars_many / t_ex_many, t_re_many / t_ex_many, t_ex_many),
        ("check end to end, one text", chars_one / r_one["cpu"], t_re_one / r_one["cpu"], r_one["cpu"]),
        ("check end to end, files", chars_many / r_many["cpu"], t_re_many / r_many["cpu"], r_many["cpu"]),
    ]
    for name, rate, ratio, t in rows:
        print(f"{name:<34}{rate / 1e6:>14.3f}{ratio:>9.3f}{t:>9.2f}")
    print(f"one text / files, CPU: {r_one['cpu'] / r_many['cpu']:.2f}x")
    for name, r in (("one text", r_one), ("files", r_many)):
        if r["status"] == 2:
            print(f"WARNING: a document of the {name} run could not be audited (exit status 2)")
        print(f"peak memory, --format json, {name}: CLI {r['parent_mib']:.0f} MiB, worker {r['worker_mib']:.0f} MiB"
              f"  (wall {r['wall']:.1f} s, {load()})")


def scaling(size: int, docs: int) -> None:
    from auditor.document import Document
    from auditor.pipeline import audit_document
    from auditor.report.json import fragment

    def check(texts: list[str]) -> None:
        for t in texts:
            fragment(audit_document(Document.from_text(t)))

    base = size // 16
    print(f"\ncheck (audit + json fragment) in this process, CPU s; 1x = {base:,} characters")
    print(f"{'':>6}{'one document':>14}{'as many':>10}{'one/many':>10}")
    got: dict[int, tuple[float, float]] = {}
    for k in (1, 4, 16):
        n_docs = max(1, docs * k // 16)
        texts = many(base * k, n_docs)
        one = "\n".join(texts)
        got[k] = (cpu(lambda one=one: check([one])), cpu(lambda texts=texts: check(texts)))  # type: ignore[misc]
        print(f"{k:>5}x{got[k][0]:>14.2f}{got[k][1]:>10.2f}{got[k][0] / got[k][1]:>10.2f}")
    print(f"16x / 1x: one document {got[16][0] / got[1][0]:.1f}x the time, as many {got[16][1] / got[1][1]:.1f}x")


def jobs(size: int, docs: int) -> None:
    texts = many(size, docs)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_files(pathlib.Path(tmp), texts)
        print(f"\n--jobs on {docs:,} files ({sum(map(len, texts)):,} characters), wall clock")
        walls = {}
        for n in (1, 2):
            before = load()
            r = cli_run(["--jobs", str(n), tmp])
            walls[n] = r["wall"]
            print(f"--jobs {n}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU  ({before} before, {load()} after)")
        print(f"speed-up --jobs 2 over --jobs 1: {walls[1] / walls[2]:.2f}x")
    del paths


def startup() -> None:
    seed = str(sorted((ROOT / "seeds").glob("*.txt"))[0])
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "auditor")], check=False)

    def median(argv: list[str]) -> str:
        walls, cpus = [], []
        subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)  # once untimed: the pattern cache filled
        for _ in range(5):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return f"{statistics.median(walls):.3f} s wall, {statistics.median(cpus):.3f} s CPU"

    print(f"\nstart-up, median of 5 after one untimed run ({load()}; the CPU figure includes the worker)")
    print(f"python -c pass: {median([sys.executable, '-c', 'pass'])}")
    print(f"auditor --help: {median([sys.executable, '-m', 'auditor', '--help'])}")
    print(f"auditor check one seed: {median([sys.executable, '-m', 'auditor', 'check', seed])}")
    if shutil.which("valgrind"):
        print("instructions (valgrind callgrind; a forked worker's count includes its parent's before the fork)")
        print(f"auditor --help: {instructions(['--help'])}")
        print(f"auditor check one seed: {instructions(['check', seed])}")
        print(f"auditor check one seed --format json: {instructions(['check', seed, '--format', 'json'])}")


def instructions(args: list[str]) -> str:
    """Instructions of `auditor ARGS` by process (callgrind), after one untimed run."""
    argv = [sys.executable, "-m", "auditor", *args]
    subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.%p", *argv],
                       capture_output=True, cwd=ROOT, check=False)
        counts = []
        for f in sorted(pathlib.Path(tmp).glob("cg.*"), key=lambda f: int(f.suffix[1:])):
            found = re.search(r"^summary: (\d+)", f.read_text(errors="replace"), re.M)
            counts.append(int(found.group(1)) if found else 0)
    if not counts:
        return "not measured"
    names = ["CLI"] + ["worker"] * (len(counts) - 1)
    return ", ".join(f"{n} {c / 1e6:,.0f} M" for n, c in zip(names, counts, strict=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000_000, help="characters (default 10 M)")
    ap.add_argument("--docs", type=int, default=1000, help="files the text is split into (default 1000)")
    ap.add_argument("--jobs", action="store_true", help="also time --jobs 1 against --jobs 2")
    ap.add_argument("--startup", action="store_true", help="also time `auditor --help` and one seed")
    ap.add_argument("--quick", action="store_true", help="a tenth of the size, for a smoke run")
    ap.add_argument("--only", choices=("end-to-end", "scaling", "jobs", "startup"), help="one part only")
    a = ap.parse_args()
    size, docs = (a.size // 10, a.docs // 10) if a.quick else (a.size, a.docs)
    print(f"auditor benchmark, python {sys.version.split()[0]}, {load()}")
    parts = {"end-to-end": lambda: end_to_end(size, docs), "scaling": lambda: scaling(size, docs),
             "jobs": lambda: jobs(size, docs), "startup": startup}
    chosen = [a.only] if a.only else ["end-to-end", "scaling"] + (["jobs"] if a.jobs else []) + \
        (["startup"] if a.startup else [])
    for name in chosen:
        parts[name]()


if __name__ == "__main__":
    main()
