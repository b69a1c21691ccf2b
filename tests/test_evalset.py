"""The project's own evaluation set (tests/evalset/): plans and activity
reports of other organisations, in other layouts and wordings than the
reference corpus, printed by Chromium or LibreOffice from HTML sources, each
with a hand-written answer key. They are extracted like any batch and scored
with the reference scorer; every document must reach the figures the plan
and activity issues ask for."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED

from pipeline import runner

sys.path.insert(0, str(ROOT / "tests" / "evalset"))
import build  # noqa: E402

SCORER = SHARED / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py not present")

FLOORS = {"document_fields": 1.0, "statements": 0.95, "plan_items": 0.95, "hierarchy": 0.95, "targets": 0.95,
          "activities": 0.90, "activity_dates": 0.95, "persons": 0.90, "institutions": 0.85}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    pdfs = tmp_path_factory.mktemp("evalset_pdf")
    out = tmp_path_factory.mktemp("evalset_out")
    sources = [s for s in build.sources() if build.available(build.renderer(s))]
    if not sources:
        pytest.skip("neither Chromium nor LibreOffice is installed")
    for src in sources:
        build.render(src, pdfs)
    runner.run(pdfs, out, progress=False, review=False)
    gold = tmp_path_factory.mktemp("evalset_gold")
    for src in sources:
        (gold / f"{src.stem}.json").write_bytes((build.GOLD / f"{src.stem}.json").read_bytes())
    rep = out / "report.json"
    subprocess.run([sys.executable, str(SCORER), str(out), str(gold), "--json", str(rep)], check=True,
                   capture_output=True)
    return json.loads(rep.read_text(encoding="utf-8"))


def test_every_source_has_an_answer_key():
    missing = [s.name for s in build.sources() if not (build.GOLD / f"{s.stem}.json").exists()]
    assert not missing


def test_each_document_reaches_the_issue_figures(report):
    low = {name: {k: round(v, 3) for k, v in figures.items() if k in FLOORS and v is not None and v < FLOORS[k]}
           for name, figures in report["documents"].items()}
    assert not {n: f for n, f in low.items() if f}
