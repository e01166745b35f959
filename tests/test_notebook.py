"""notebooks/review.ipynb runs from top to bottom on the seeds, so it cannot rot."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks" / "review.ipynb"


def outputs(nb: object, kind: str) -> list[dict[str, object]]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs  # type: ignore[attr-defined]
            if kind in o.get("data", {})]


def test_review_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    monkeypatch.setenv("AUDITOR_REVIEW_OUT", str(tmp_path))
    monkeypatch.delenv("AUDITOR_REVIEW_PATHS", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    assert outputs(nb, "image/png"), "the bar chart is drawn"
    text = "\n".join(str(o["data"]["text/plain"]) for o in outputs(nb, "text/plain"))  # type: ignore[index]
    assert "R201" in text and "U101" in text  # the errors table holds the seeds' errors
    (waiver,) = json.loads((tmp_path / "waivers.json").read_text(encoding="utf-8"))
    assert set(waiver) >= {"fingerprint", "who", "why", "date"} and len(waiver["fingerprint"]) >= 16
    html = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert 'id="waived"' in html and waiver["fingerprint"] in html
    assert not list((ROOT / "seeds").glob("*.json")), "nothing is written next to the inputs"
