from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from pipeline import export
from pipeline.schema import TABLES, SchemaError, data_dictionary_markdown, validate

DOC = {"doc_id": "abc", "file_name": "é.pdf", "sha256": "f" * 64, "pages": 3, "doc_type": "strategic_plan",
       "organization": "Ordre des diététistes-nutritionnistes du Québec", "period_start": 2022,
       "period_end": 2025, "status": "ok", "pipeline_version": "t"}
ITEM = {"doc_id": "abc", "item_id": "abc-i1", "kind": "indicator", "text": "date d'adoption", "page": 2}
TARGET = {"doc_id": "abc", "target_id": "abc-t1", "item_id": "abc-i1", "text": "hiver 2021", "kind": "date",
          "date_start": "2021-01-01", "date_end": dt.date(2021, 3, 19), "page": 2}


def tables(**extra):
    t = {name: [] for name in TABLES}
    t["documents"] = [DOC]
    t["plan_items"] = [ITEM]
    t["targets"] = [TARGET]
    t.update(extra)
    return t


def test_validate_rejects_unknown_enum_missing_required_and_duplicate_keys():
    with pytest.raises(SchemaError, match="doc_type"):
        validate("documents", [dict(DOC, doc_type="brochure")])
    with pytest.raises(SchemaError, match="status is required"):
        validate("documents", [dict(DOC, status=None)])
    with pytest.raises(SchemaError, match="duplicate key"):
        validate("documents", [DOC, DOC])
    with pytest.raises(SchemaError, match="unknown columns"):
        validate("documents", [dict(DOC, colour="red")])
    with pytest.raises(SchemaError, match="date_start"):
        validate("targets", [dict(TARGET, date_start="hiver")])


def test_csv_has_bom_crlf_and_reads_back_with_accents(tmp_path):
    export.write_all(tmp_path, tables())
    raw = (tmp_path / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["organization"] == DOC["organization"] and rows[0]["file_name"] == "é.pdf"
    assert list(rows[0]) == TABLES["documents"].column_names


def test_parquet_is_typed(tmp_path):
    export.write_all(tmp_path, tables())
    docs = pq.read_table(tmp_path / "documents.parquet")
    assert str(docs.schema.field("period_start").type) == "int64"
    tg = pq.read_table(tmp_path / "targets.parquet").to_pylist()[0]
    assert tg["date_start"] == dt.date(2021, 1, 1) and tg["date_end"] == dt.date(2021, 3, 19)


def test_workbook_has_a_sheet_per_table_and_text_stays_text(tmp_path):
    export.write_all(tmp_path, tables(documents=[dict(DOC, title="=SUM(A1:A2)")]))
    wb = load_workbook(tmp_path / "extraction.xlsx")
    assert wb.sheetnames == list(TABLES)
    cell = wb["documents"].cell(row=2, column=TABLES["documents"].column_names.index("title") + 1)
    assert cell.data_type == "s" and cell.value == "=SUM(A1:A2)"


def test_outputs_are_byte_identical_across_runs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    export.write_all(a, tables())
    export.write_all(b, tables())
    for p in sorted(a.iterdir()):
        if p.name != "extraction.duckdb":  # not byte-stable by design; its tables are compared in test_runner
            assert p.read_bytes() == (b / p.name).read_bytes(), p.name
    assert all(zi.date_time == (1980, 1, 1, 0, 0, 0) for zi in zipfile.ZipFile(a / "extraction.xlsx").infolist())


def test_a_crash_while_writing_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    export.write_all(tmp_path, tables())
    before = (tmp_path / "documents.csv").read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        export.write_all(tmp_path, tables(documents=[dict(DOC, title="new")]))
    assert (tmp_path / "documents.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_invalid_table_writes_nothing(tmp_path):
    with pytest.raises(SchemaError):
        export.write_all(tmp_path, tables(documents=[dict(DOC, status="great")]))
    assert not list(tmp_path.iterdir())


def test_data_dictionary_in_docs_is_generated_from_the_schema():
    from pathlib import Path

    doc = Path(__file__).resolve().parent.parent / "docs" / "data_dictionary.md"
    assert doc.read_text(encoding="utf-8").strip() == data_dictionary_markdown().strip(), \
        "run `make docs` to regenerate docs/data_dictionary.md"
