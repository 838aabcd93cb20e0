"""The notebooks under notebooks/ run from top to bottom without an error (nbclient)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.mark.parametrize("name", ["quickstart.ipynb", "corpus.ipynb"])
def test_notebook_runs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "missing from font" not in stderr  # Chinese drawn as boxes
    # every plot cell shows its figure, and the article / quotation cells their HTML
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= (1 if name.startswith("q") else 3)
    assert any("text/html" in o.get("data", {}) for o in outputs)
