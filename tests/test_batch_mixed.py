"""Issue 9's batch: the five seeds beside one file of each bad class, as a folder and as a list of paths.

Every bad file gets exactly one stderr line naming it with its stable code, every seed is audited
exactly as when it is audited alone, the run exits 2, and the whole batch takes under 2 minutes.
A hanging and a crashing document come from a stand-in `run_path` in the CLI's own process (the
workers are forked from it); every other bad file is a real generated file.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from office_files import docx_streamed, pdf_bytes

from auditor import batch

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and FIFOs need a POSIX system"),
    pytest.mark.skipif(batch.start_method() != "fork", reason="the stand-in run_path reaches workers by fork"),
    pytest.mark.skipif(len(SEEDS) != 5, reason="needs the five seeds/*.txt of the repository"),
]

CLI = textwrap.dedent("""
    import os, signal, sys, time
    from auditor import cli, pipeline
    real = pipeline.run_path
    def run_path(path, *a, **kw):
        if path.name.startswith("hang"):
            time.sleep(600)
        if path.name.startswith("crash"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *a, **kw)
    pipeline.run_path = run_path
    sys.exit(cli.main(sys.argv[1:]))
""")

PARA = "全年受理案件45件，办结43件，办结率为95.6%。"
def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


ENCRYPT = ("/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + "00" * 32 + "> /U <" + "11" * 32 + "> /P -4 >> "
           "/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
ENTITY_BOMB = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "45起"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
               '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>')


def bad_files(folder: Path) -> dict[str, str]:
    """Write one file of each bad class into `folder`: {name: the code its line must carry}."""
    noise = random.Random(9).randbytes(4096)
    good_docx = docx_streamed(para(PARA))
    files: dict[str, bytes] = {
        "empty.docx": b"",
        "noise.txt": noise, "noise.pdf": noise, "noise.docx": noise, "noise.xlsx": noise,
        "legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le")
                      + bytes(1000),
        "cut.docx": good_docx[: len(good_docx) // 2],
        "cut.pdf": pdf_bytes(f"BT /F1 12 Tf 72 720 Td ({'45 ' * 200}) Tj ET")[:300],
        "bomb.docx": docx_streamed(b"<w:p/>", 3_000_000),  # 18 MB of XML in a few KB
        "tiny.docx": docx_streamed(para("1"), 2_000_000),  # two million paragraphs
        "entities.docx": docx_streamed(para("&c;"), head=ENTITY_BOMB),
        "locked.pdf": pdf_bytes("BT /F1 12 Tf 72 720 Td (secret 45) Tj ET", ENCRYPT),
        "scan.pdf": pdf_bytes("0 0 1 rg 100 100 300 300 re f"),  # a picture, no text layer
        "garbled.txt": b"".join(PARA.encode()[:30] + b"\xff" for _ in range(30)),
        "notes.rtf": rb"{\rtf1 45}",
        "hang.txt": PARA.encode(), "crash.txt": PARA.encode(),
    }
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    with open(folder / "huge.txt", "wb") as handle:  # over the 50 MB limit, sparse: refused before reading
        handle.truncate(60 * 2**20)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "selfloop.txt").symlink_to(folder / "selfloop.txt")
    os.mkfifo(folder / "pipe.txt")
    codes = {"empty.docx": "empty", "noise.txt": "binary", "noise.pdf": "unreadable", "noise.docx": "unreadable",
             "noise.xlsx": "unreadable", "legacy.doc": "legacy_format", "cut.docx": "unreadable",
             "cut.pdf": "unreadable", "bomb.docx": "zip_bomb", "tiny.docx": "zip_bomb",
             "entities.docx": "forbidden_xml", "locked.pdf": "encrypted", "scan.pdf": "no_text",
             "garbled.txt": "encoding", "notes.rtf": "unsupported", "hang.txt": "timeout", "crash.txt": "crashed",
             "huge.txt": "too_large", "dangling.txt": "broken_link", "selfloop.txt": "link_loop",
             "pipe.txt": "not_regular"}
    assert set(codes) == set(files) | {"huge.txt", "dangling.txt", "selfloop.txt", "pipe.txt"}
    return codes


def noted_files(folder: Path) -> dict[str, str]:
    """Files that are read, with a note: {name: the note's code}."""
    raw = bytearray(("说明：" + PARA).encode())
    raw[3:3] = b"\xfe"
    (folder / "wrong.xlsx").write_bytes(docx_streamed(para(PARA)))  # a .docx under an .xlsx name
    (folder / "damaged.txt").write_bytes(bytes(raw))
    return {"wrong.xlsx": "wrong_extension", "damaged.txt": "undecodable"}


def check(*argv: str) -> tuple[int, dict, list[str], float]:  # type: ignore[type-arg]
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", CLI, "check", "--no-config", "--format", "json", *argv],
                          capture_output=True, stdin=subprocess.DEVNULL, cwd=ROOT, timeout=300)
    took = time.monotonic() - t0
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err and proc.stdout, (proc.returncode, err)
    return proc.returncode, json.loads(proc.stdout.decode("utf-8")), err.splitlines(), took


def without_path(doc: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in doc.items() if k != "path"}


@pytest.fixture(scope="module")
def alone() -> dict[str, dict]:  # type: ignore[type-arg]
    """Each seed audited on its own."""
    out = {}
    for seed in SEEDS:
        status, data, err, _ = check(str(seed))
        assert status in (0, 1) and err == []
        out[seed.name] = without_path(data["documents"][0])
    return out


@pytest.mark.parametrize("as_list", [False, True], ids=["folder", "paths"])
def test_seeds_beside_every_bad_class(tmp_path: Path, alone: dict[str, dict], as_list: bool) -> None:  # type: ignore[type-arg]
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    codes = bad_files(folder)
    notes = noted_files(folder)
    if not as_list:  # entries only a folder has
        (folder / ".cache").mkdir()
        (folder / "again").symlink_to(folder, target_is_directory=True)
        codes |= {".cache": "hidden", "again": "link_loop"}
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()
              and p.name not in ("pipe.txt", "huge.txt")}
    args = sorted(str(p) for p in folder.iterdir()) if as_list else [str(folder)]
    status, data, err, took = check("--jobs", "2", "--timeout", "10", *args)
    assert took < 120, f"the mixed batch took {took:.0f} s"
    assert status == 2
    docs = {Path(d["path"]).name: d for d in data["documents"]}
    assert set(docs) == {s.name for s in SEEDS} | set(codes) | set(notes)
    assert {n: d["error"]["code"] for n, d in docs.items() if d["error"]} == codes
    for seed in SEEDS:
        assert without_path(docs[seed.name]) == alone[seed.name], f"{seed.name} differs from its audit alone"
    for name, code in notes.items():
        assert docs[name]["error"] is None and [n["code"] for n in docs[name]["notes"]] == [code]
    errors = [line for line in err if ": note: " not in line]
    assert len(errors) == len(codes), "\n".join(errors)
    for name, code in codes.items():
        line, = (e for e in errors if e.startswith(f"auditor: {folder / name}: "))
        assert line.endswith(f" [{code}]")
    assert sorted(line.split(": ")[1] for line in err if ": note: " in line) == sorted(str(folder / n) for n in notes)
    after = {name: (folder / name).read_bytes() for name in before}
    assert after == before  # no input touched
