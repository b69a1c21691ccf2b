"""The shipped raw_docs/ against the reference answer keys (when ../shared is there)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED

from pipeline import runner

GOLD = SHARED / "corpus" / "gold"
SCORER = SHARED / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not (GOLD.is_dir() and SCORER.exists()), reason="../shared/corpus not present")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus_out")
    runner.run(ROOT / "raw_docs", out, progress=False)
    rep = out / "report.json"
    subprocess.run([sys.executable, str(SCORER), str(out), str(GOLD), "--json", str(rep)], check=True,
                   capture_output=True)
    return json.loads(rep.read_text(encoding="utf-8"))


def test_every_reference_document_is_processed(report):
    assert len(report["documents"]) == len(list(GOLD.glob("*.json")))


def test_document_fields_are_exact(report):
    for name, figures in report["documents"].items():
        assert figures.get("document_fields") == 1.0, name
