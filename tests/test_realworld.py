"""Real public PDFs (read from ../shared, never copied): no crash, no hang,
a sensible document type."""

from __future__ import annotations

import csv

import pytest
from conftest import SHARED

from pipeline import ocr, runner

REAL = SHARED / "realworld"
pytestmark = pytest.mark.skipif(not (REAL / "MANIFEST.tsv").exists(), reason="../shared/realworld not present")

ACCEPTED = {
    "plan": {"strategic_plan", "other"},
    "minutes": {"other"},
    "report": {"activity_report", "other"},
    "other": {"other"},
}


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    out = tmp_path_factory.mktemp("real_out")
    runner.run(REAL, out, progress=False, workers=2)
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        return {r["file_name"]: r for r in csv.DictReader(fh)}


def _manifest():
    with open(REAL / "MANIFEST.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.mark.parametrize("entry", _manifest() if (REAL / "MANIFEST.tsv").exists() else [], ids=lambda e: e["file"])
def test_real_document_goes_through_with_a_sensible_type(documents, entry):
    row = documents[entry["file"]]
    if entry["text_layer"] == "no":
        if ocr.unavailable_reason() is not None:
            assert row["status"] == "partial" and "OCR unavailable" in row["error"], row
            return
        assert row["ocr_pages"], row  # read through OCR, then extracted like the others
    assert row["status"] in ("ok", "partial"), row["error"]
    assert row["doc_type"] in ACCEPTED[entry["kind"]], (entry["file"], row["doc_type"])
    if entry["kind"] == "minutes":
        assert row["genre"] == "minutes", entry["file"]
    assert int(row["pages"]) == int(entry["pages"])
