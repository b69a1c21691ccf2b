"""notebooks/analysis.ipynb runs top to bottom on a fresh extraction of
raw_docs/ (and on empty tables) and writes its four plots as valid PNGs."""

from __future__ import annotations

import os
import struct
import sys

import nbformat
import pandas as pd
import pytest
from conftest import ROOT
from nbclient import NotebookClient

from pipeline import runner

NOTEBOOK = ROOT / "notebooks" / "analysis.ipynb"
PLOTS = ["activities_per_month.png", "institutions_met.png", "people_per_institution.png",
         "objectives_targets_timeline.png"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    out = tmp_path_factory.mktemp("extracted")
    runner.run(ROOT / "raw_docs", out, progress=False, review=False)
    return out


@pytest.fixture
def jupyter_env(tmp_path, monkeypatch):
    """Keeps the kernel's connection file, IPython profile and Matplotlib cache
    out of the user's home."""
    for var, sub in (("JUPYTER_RUNTIME_DIR", "jupyter-runtime"), ("IPYTHONDIR", "ipython"),
                     ("MPLCONFIGDIR", "matplotlib")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    return monkeypatch


def _run_notebook(env, extracted_dir, plots_dir) -> str:
    """Executes the notebook (the kernel inherits os.environ); returns its printed text."""
    env.setenv("EXTRACTED_DIR", str(extracted_dir))
    env.setenv("PLOTS_DIR", str(plots_dir))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    text = "".join(out.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                   for out in cell.get("outputs", []) if out.get("output_type") == "stream")
    print(text)  # shown with -s or on failure
    return text


def _kernel_value(text: str, key: str) -> str:
    lines = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith(f"{key}:")]
    assert lines, f"the notebook printed no '{key}:' line"
    return lines[0]


def _assert_pngs(plots_dir) -> None:
    for name in PLOTS:
        path = plots_dir / name
        assert path.is_file(), name
        data = path.read_bytes()
        assert len(data) > 100 and data[:8] == PNG_SIGNATURE, name
        assert data[12:16] == b"IHDR", name
        width, height = struct.unpack(">II", data[16:24])
        assert width >= 100 and height >= 100, (name, width, height)
        assert data.rstrip(b"\0").endswith(b"IEND\xaeB`\x82"), name


def test_notebook_writes_the_plots(extracted, tmp_path, jupyter_env):
    plots = tmp_path / "plots"
    text = _run_notebook(jupyter_env, extracted, plots)
    # the kernel runs in this very environment (the venv's interpreter)
    assert os.path.samefile(_kernel_value(text, "python"), sys.executable)
    assert os.path.samefile(_kernel_value(text, "prefix"), sys.prefix)
    assert os.path.samefile(_kernel_value(text, "tables"), extracted)
    assert "pandas and DuckDB agree" in text
    assert "no data" not in text  # raw_docs/ has data for every plot
    _assert_pngs(plots)


def test_notebook_survives_empty_tables(extracted, tmp_path, jupyter_env):
    empty = tmp_path / "empty"
    empty.mkdir()
    for path in sorted(extracted.glob("*.parquet")):
        pd.read_parquet(path).iloc[0:0].to_parquet(empty / path.name)
    (empty / "targets.parquet").unlink()  # a missing table too
    text = _run_notebook(jupyter_env, empty, empty / "plots")
    assert text.count("no data, placeholder written") == len(PLOTS)
    _assert_pngs(empty / "plots")
