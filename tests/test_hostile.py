"""Hostile and imperfect inputs, each with its documented outcome (README,
"Bad input"): nothing hangs, nothing exhausts memory, nothing good is lost."""

from __future__ import annotations

import csv
from pathlib import Path

import pdfgen_hostile as hostile
import pytest

from pipeline import runner
from pipeline.ingest import SourceFile
from pipeline.isolation import Limits, run_isolated

LIMITS = Limits(time_limit=180, memory_limit_mib=2048)


def _failure(task, reason):
    return runner.process_failure(SourceFile(Path(task[0]), Path(task[0]).name, task[2], 0, task[1]), reason)


def _one(path: Path, limits: Limits = LIMITS) -> dict:
    task = (str(path), "h" * 16, "0" * 64)
    [(_, result)] = list(run_isolated([task], "pipeline.runner.process_document", _failure, limits=limits))
    return result


def test_500_page_pdf_goes_through(tmp_path):
    res = _one(hostile.many_pages_pdf(tmp_path / "long.pdf"))
    assert res["document"]["status"] == "ok", res["document"]
    assert res["document"]["pages"] == 500


def test_broken_xref_is_recovered(tmp_path):
    res = _one(hostile.broken_xref_pdf(tmp_path / "xref.pdf"))
    assert res["document"]["status"] == "ok", res["document"]
    assert res["document"]["pages"] == 2


def test_decompression_bomb_fails_on_the_memory_limit_without_hurting_the_batch(tmp_path):
    res = _one(hostile.decompression_bomb_pdf(tmp_path / "bomb.pdf"))
    doc = res["document"]
    assert doc["status"] in ("failed", "partial"), doc
    reason = (doc.get("error") or "") + (doc.get("warnings") or "")
    assert any(w in reason.lower() for w in ("memory", "allocate")), reason


def test_image_bomb_is_never_decoded(tmp_path):
    res = _one(hostile.decompression_bomb_image_pdf(tmp_path / "imgbomb.pdf"))
    assert res["document"]["status"] == "ok", res["document"]


@pytest.mark.parametrize("gen", [hostile.deeply_nested_pdf, hostile.deeply_nested_dict_pdf],
                         ids=["arrays", "dicts"])
def test_deeply_nested_objects_do_not_crash(tmp_path, gen):
    res = _one(gen(tmp_path / "nested.pdf"))
    doc = res["document"]
    assert doc["status"] in ("ok", "partial", "failed"), doc
    if doc["status"] != "ok":
        assert doc["error"]


def test_non_french_document_is_flagged(tmp_path):
    res = _one(hostile.english_pdf(tmp_path / "en.pdf"))
    doc = res["document"]
    assert doc["status"] == "ok" and doc["language"] == "en"
    assert "not a French document" in doc["warnings"]
    assert doc["doc_type"] == "other" or not res["tables"]["activities"]


def test_time_limit_records_the_document_as_failed(tmp_path):
    res = _one(hostile.many_pages_pdf(tmp_path / "slow.pdf"), Limits(time_limit=1, memory_limit_mib=2048))
    assert res["document"]["status"] == "failed"
    assert "time limit exceeded (1 s)" in res["document"]["error"]


def test_mixed_batch_of_20_good_and_20_bad_files(tmp_path, generated):
    sources = [generated[n] for n in ("plan_single_column", "ruled_table_report", "prose_report",
                                      "two_column_page")]
    good, bad = hostile.mixed_batch(tmp_path / "in", sources, 20, 20)
    out = tmp_path / "out"
    summary = runner.run(tmp_path / "in", out, workers=2, progress=False, limits=LIMITS)
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        docs = {r["file_name"]: r for r in csv.DictReader(fh)}
    assert len(docs) == 40
    assert sorted(r["status"] for n, r in docs.items() if n.startswith("good_")) == ["ok"] * 20
    for name, row in docs.items():
        if name.startswith("bad_"):
            assert row["status"] == "failed" and row["error"], (name, row)
    assert summary.failed == 20
    assert len({r["doc_id"] for r in docs.values()}) == 40
