"""The Dask executor gives the same tables, byte for byte, as a local run."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from pipeline import runner

distributed = pytest.importorskip("dask.distributed")


def test_dask_run_equals_local_run(tmp_path, generated):
    inp = tmp_path / "in"
    inp.mkdir()
    for name in ("plan_single_column", "ruled_table_report", "prose_report", "truncated_pdf"):
        shutil.copy(generated[name], inp / f"{name}.pdf")
    shutil.copy(ROOT / "raw_docs" / "occoq_suivi_plan_strategique_2021.pdf", inp)
    local, remote = tmp_path / "local", tmp_path / "dask"
    runner.run(inp, local, progress=False, review=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        summary = runner.run(inp, remote, progress=False, review=False, executor="dask",
                             scheduler=cluster.scheduler_address, workers=2)
    assert summary.processed == 5 and summary.failed == 1
    names = sorted(p.name for p in local.iterdir() if p.is_file() and not p.name.startswith("."))
    assert "activities.csv" in names
    for name in names:
        if name != "extraction.duckdb":  # not byte-stable by design (README)
            assert (local / name).read_bytes() == (remote / name).read_bytes(), name
