"""A run interrupted mid-batch (Ctrl-C, or killed outright) leaves the previous
tables intact, and the next run finishes the work."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time

import pdfgen_hostile as hostile
import pytest
from conftest import ROOT


def _snapshot(out):
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}


def _cli(inp, out):
    return [sys.executable, "-m", "pipeline", "run", str(inp), "--out", str(out), "--quiet"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_run_keeps_previous_outputs_and_next_run_completes(tmp_path, generated, sig):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    shutil.copy(generated["plan_single_column"], inp / "a.pdf")
    subprocess.run(_cli(inp, out), check=True, cwd=ROOT, capture_output=True, timeout=300)
    before = _snapshot(out)
    assert "documents.csv" in before
    for name in ("two_column_page", "ruled_table_report", "prose_report"):
        shutil.copy(generated[name], inp / f"{name}.pdf")
    hostile.many_pages_pdf(inp / "zz_long.pdf", pages=120)  # processed last: still running when interrupted
    proc = subprocess.Popen(_cli(inp, out), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    cache = out / ".cache"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(cache.glob("*.json"))) < 2 and proc.poll() is None:
        time.sleep(0.05)  # stop it once a first new document is done
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, proc.stderr.read().decode()
    assert _snapshot(out) == before  # not a byte changed
    done = subprocess.run(_cli(inp, out), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 ok" in done.stdout and "from cache" in done.stdout, done.stdout
    assert not list(out.glob(".*.tmp"))
