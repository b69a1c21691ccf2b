from __future__ import annotations

import pytest
from pdfgen import (
    BAD_GENERATORS,
    PLAN_EXPECTED,
    RULED_TABLE_HEADER,
    RULED_TABLE_ROWS,
    TWO_COLUMN_EXPECTED_ORDER,
    UNRULED_HEADER,
    UNRULED_ROWS,
)

from pipeline import ocr
from pipeline.document import Table
from pipeline.layout import LayoutError, LayoutOptions, extract, join_lines
from pipeline.textnorm import normalize_text


def _norm(s: str) -> str:
    return " ".join(normalize_text(s).split())


def test_running_header_and_page_numbers_are_removed(extracted_docs):
    doc = extracted_docs["plan_single_column"]
    text = doc.text
    assert PLAN_EXPECTED["header"] not in text
    for page in doc.pages[1:]:
        assert _norm(PLAN_EXPECTED["header"]) in page.removed
        assert str(page.number) in page.removed


def test_line_break_hyphenation_is_undone_but_compounds_keep_their_hyphen(extracted_docs):
    text = extracted_docs["plan_single_column"].text
    assert PLAN_EXPECTED["dehyphenated"] in text
    assert "profes-" not in text
    assert PLAN_EXPECTED["kept_hyphen"] in text


def test_superscript_ordinal_joins_its_number(extracted_docs):
    assert PLAN_EXPECTED["ordinal"] in extracted_docs["plan_single_column"].text


def test_ligature_is_expanded(extracted_docs):
    text = extracted_docs["plan_single_column"].text
    assert PLAN_EXPECTED["ligature_word"] in text
    assert "\ufb01" not in text


def test_footnote_call_is_dropped_from_the_word(extracted_docs):
    text = extracted_docs["plan_single_column"].text
    assert f"{PLAN_EXPECTED['footnote_word']} " in text or f"{PLAN_EXPECTED['footnote_word']}." in text
    assert f"{PLAN_EXPECTED['footnote_word']}{PLAN_EXPECTED['footnote_marker']}" not in text


def test_headings_are_bold_blocks_of_their_own(extracted_docs):
    doc = extracted_docs["plan_single_column"]
    bold = {b.text for p in doc.pages for b in p.blocks if b.bold}
    for h in PLAN_EXPECTED["headings"]:
        assert h in bold


def test_two_columns_are_read_one_after_the_other(extracted_docs):
    text = extracted_docs["two_column_page"].text
    positions = [text.index(marker) for marker in TWO_COLUMN_EXPECTED_ORDER]
    assert positions == sorted(positions)


def test_ruled_table_spans_two_pages_with_header_repeated(extracted_docs):
    doc = extracted_docs["ruled_table_report"]
    tables = [t for p in doc.pages for t in p.tables]
    assert len(tables) == 2
    assert all(t.ruled for t in tables)
    assert tables[1].continued and not tables[0].continued
    rows = []
    for t in tables:
        grid = t.rows()
        assert tuple(_norm(c) for c in grid[0]) == RULED_TABLE_HEADER
        rows += [tuple(_norm(c) for c in r) for r in grid[1:]]
    assert rows == [tuple(_norm(c) for c in r) for r in RULED_TABLE_ROWS]


def test_table_text_is_not_repeated_as_blocks(extracted_docs):
    doc = extracted_docs["ruled_table_report"]
    block_text = " ".join(b.text for p in doc.pages for b in p.blocks)
    assert RULED_TABLE_ROWS[3][1] not in block_text


def test_unruled_grid_is_found_from_alignment(extracted_docs):
    doc = extracted_docs["unruled_table_page"]
    tables = [t for p in doc.pages for t in p.tables]
    assert len(tables) == 1 and not tables[0].ruled
    grid = tables[0].rows()
    assert tuple(grid[0]) == UNRULED_HEADER
    assert [tuple(_norm(c) for c in r) for r in grid[1:]] == [tuple(_norm(c) for c in r) for r in UNRULED_ROWS]


def test_reading_order_lists_tables_where_they_are(extracted_docs):
    doc = extracted_docs["ruled_table_report"]
    kinds = [type(item).__name__ for _, item in doc.iter_items()]
    assert "Table" in kinds and kinds[0] == "Block"  # the title comes before the table
    assert isinstance(list(doc.iter_items())[-1][1], Table) or kinds.count("Table") == 2


def test_every_block_has_a_bbox_inside_its_page(extracted_docs):
    for doc in extracted_docs.values():
        for p in doc.pages:
            for b in p.blocks:
                assert 0 <= b.bbox.x0 <= b.bbox.x1 <= p.width + 1
                assert 0 <= b.bbox.top <= b.bbox.bottom <= p.height + 1


@pytest.mark.parametrize(
    "text, expected",
    [
        (["la relation indivi-", "du-travail"], "la relation individu-travail"),
        (["Emploi-", "Québec"], "Emploi-Québec"),
        (["de 2020-", "2023"], "de 2020-2023"),
        (["une pro\u00ad", "fession"], "une profession"),
        (["sous-", "ministre"], "sous-ministre"),
    ],
)
def test_join_lines(text, expected):
    assert join_lines(text) == expected


def test_join_lines_uses_the_document_vocabulary():
    assert join_lines(["le bien-", "être"], {"bien-être"}) == "le bien-être"
    assert join_lines(["la bien-", "veillance"], {"bienveillance"}) == "la bienveillance"


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty_file", "empty file"),
        ("html_as_pdf", "HTML"),
        ("png_as_pdf", "PNG"),
        ("truncated_pdf", "damaged"),
        ("encrypted_pdf", "password"),
        ("garbage_pdf", "damaged"),
    ],
)
def test_unreadable_files_raise_a_clear_layout_error(generated, name, message):
    assert name in BAD_GENERATORS
    with pytest.raises(LayoutError, match=message):
        extract(generated[name], name, "0" * 64)


def test_owner_password_only_pdf_opens(generated):
    doc = extract(generated["encrypted_pdf_no_user_password"], "x", "0" * 64)
    assert doc.text.strip()


def test_image_only_pdf_has_pages_without_text_unless_ocr_reads_them(generated):
    doc = extract(generated["image_only_pdf"], "x", "0" * 64, LayoutOptions(ocr=False))
    assert len(doc.pages) == 1 and not doc.pages[0].has_text and doc.pages[0].image_count == 1
    if ocr.unavailable_reason() is None:
        doc = extract(generated["image_only_pdf"], "x", "0" * 64)
        page = doc.pages[0]
        assert page.ocr and page.has_text
        assert "numérisé" in doc.text and "Rapport" in doc.text
