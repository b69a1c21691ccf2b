from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pdfgen
import pytest

from pipeline import ocr, runner
from pipeline.schema import TABLES


def _docs(out):
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        return {r["file_name"]: r for r in csv.DictReader(fh)}


@pytest.fixture()
def batch(tmp_path, generated):
    src = tmp_path / "in"
    src.mkdir()
    for name, path in generated.items():
        shutil.copy(path, src / f"{name}.pdf")
    return src


EXPECTED_FAILURES = {
    "empty_file": "empty file",
    "html_as_pdf": "not a PDF",
    "png_as_pdf": "not a PDF",
    "truncated_pdf": "damaged",
    "encrypted_pdf": "password",
    "garbage_pdf": "damaged",
    "zero_page_pdf": "no pages",
}


def test_mixed_batch_records_every_file_and_goes_on(batch, tmp_path):
    out = tmp_path / "out"
    summary = runner.run(batch, out, progress=False)
    docs = _docs(out)
    assert len(docs) == len(pdfgen.GOOD_GENERATORS) + len(pdfgen.BAD_GENERATORS)
    for name, reason in EXPECTED_FAILURES.items():
        row = docs[f"{name}.pdf"]
        assert row["status"] == "failed", name
        assert reason in row["error"], (name, row["error"])
    for name in pdfgen.GOOD_GENERATORS:
        assert docs[f"{name}.pdf"]["status"] == "ok", docs[f"{name}.pdf"]["error"]
    assert docs["encrypted_pdf_no_user_password.pdf"]["status"] == "ok"
    scan = docs["image_only_pdf.pdf"]
    if ocr.unavailable_reason() is None:
        assert scan["status"] == "ok" and scan["ocr_pages"] == "1", scan
    else:
        assert scan["status"] == "partial" and "OCR unavailable" in scan["error"], scan
    assert summary.failed == len(EXPECTED_FAILURES)
    for t in TABLES:
        assert (out / f"{t}.csv").exists() and (out / f"{t}.parquet").exists()
    assert (out / "extraction.xlsx").exists()


def test_scan_without_tesseract_is_partial_with_the_reason(generated, monkeypatch):
    monkeypatch.setattr(ocr, "unavailable_reason", lambda: "OCR unavailable: tesseract is not installed")
    res = runner.process_document(str(generated["image_only_pdf"]), "d" * 16, "0" * 64)
    row = res["document"]
    assert row["status"] == "partial"
    assert "no text layer" in row["error"] and "tesseract is not installed" in row["error"]


def test_rerun_uses_the_cache_and_redoes_only_what_changed(batch, tmp_path, generated):
    out = tmp_path / "out"
    first = runner.run(batch, out, progress=False)
    assert first.processed == len(list(batch.iterdir()))
    again = runner.run(batch, out, progress=False)
    assert again.processed == 0 and again.cached == first.processed
    with open(batch / "two_column_page.pdf", "ab") as fh:  # new bytes, same document
        fh.write(b"\n% edited\n")
    third = runner.run(batch, out, progress=False)
    assert third.processed == 1
    (batch / "prose_report.pdf").unlink()
    runner.run(batch, out, progress=False)
    assert "prose_report.pdf" not in _docs(out)


def test_same_inputs_give_byte_identical_outputs(batch, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    runner.run(batch, a, progress=False)
    runner.run(batch, b, progress=False, workers=2)
    names = sorted(p.name for p in a.iterdir() if p.is_file() and not p.name.startswith("."))
    assert names
    for name in names:
        if name == "extraction.duckdb":
            continue  # DuckDB files are not byte-stable; same tables, checked below
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    import duckdb

    def dump(path):
        with duckdb.connect(str(path), read_only=True) as con:
            return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}

    assert dump(a / "extraction.duckdb") == dump(b / "extraction.duckdb")


def test_cli_exit_status_and_summary_report_failures(batch, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(batch), "--out", str(out), "--quiet"]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 1
    assert f"{len(EXPECTED_FAILURES)} failed" in res.stdout
    res2 = subprocess.run(cmd, capture_output=True, text=True)
    assert res2.returncode == 1 and "nothing changed" in res2.stdout


def test_cli_exit_zero_when_all_good(tmp_path, generated):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(generated["plan_single_column"], src / "plan.pdf")
    res = subprocess.run([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(tmp_path / "o"), "--quiet"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "1 ok" in res.stdout and "rows: documents 1" in res.stdout
