from __future__ import annotations

import shutil

from pipeline.ingest import discover, doc_id_for, ingest, sha256_of


def test_discover_finds_pdfs_of_any_case_recursively_and_skips_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b.pdf", "A.PDF", "sub/c.Pdf", ".hidden/d.pdf", ".e.pdf", "notes.txt"]:
        (tmp_path / name).write_bytes(b"%PDF-1.4 " + name.encode())
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["A.PDF", "b.pdf", "sub/c.Pdf"]


def test_doc_id_is_derived_from_content_not_name(tmp_path, generated):
    src = generated["plan_single_column"]
    shutil.copy(src, tmp_path / "x.pdf")
    files = ingest(tmp_path)
    assert files[0].doc_id == doc_id_for(sha256_of(src)) == sha256_of(src)[:16]


def test_duplicate_content_gets_its_own_id_and_points_to_the_first(tmp_path, generated):
    src = generated["prose_report"]
    shutil.copy(src, tmp_path / "a.pdf")
    shutil.copy(src, tmp_path / "b.pdf")
    a, b = ingest(tmp_path)
    assert a.duplicate_of is None and b.duplicate_of == "a.pdf"
    assert a.doc_id != b.doc_id and a.sha256 == b.sha256
