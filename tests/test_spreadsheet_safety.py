"""No cell of the CSVs or of the workbook is a formula in a real spreadsheet:
LibreOffice Calc (headless) opens what the pipeline writes, and what it saves
back is checked."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from pipeline.export import FORMULA_STARTS, csv_bytes, xlsx_bytes
from pipeline.schema import TABLES

DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(1;1)", '=HYPERLINK("http://example.org";"x")', "=2*3"]
ACCENTS = "Québec — élèves « préférés », Montréal, œuvre"

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_calc = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (scripts/system-deps.sh test)")


def _rows():
    rows = []
    for i, text in enumerate(DANGEROUS + [ACCENTS], start=1):
        rows.append({"doc_id": "d" * 16, "activity_id": f"a{i}", "page": i, "section": text,
                     "title": text, "description": ACCENTS, "date_text": text})
    return rows


def test_csv_cells_that_look_like_formulas_are_neutralised():
    text = csv_bytes("activities", _rows()).decode("utf-8-sig")
    cells = [c for row in csv.reader(text.splitlines()) for c in row]
    assert not any(c.startswith(FORMULA_STARTS) for c in cells)
    assert "'=1+1" in cells and ACCENTS in cells


def _convert(src, fmt, out_dir, infilter=None):
    cmd = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{out_dir}/profile"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", fmt, "--outdir", str(out_dir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    return out_dir / (src.stem + "." + fmt.split(":")[0])


@needs_calc
def test_libreoffice_opens_the_csv_without_formulas_and_keeps_accents(tmp_path):
    src = tmp_path / "activities.csv"
    src.write_bytes(csv_bytes("activities", _rows()))
    # 44 = comma, 34 = double quote, 76 = UTF-8, 1 = first line
    xlsx = _convert(src, "xlsx", tmp_path, infilter="CSV:44,34,76,1")
    ws = load_workbook(xlsx).active
    values = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in values)
    header = [c.value for c in ws[1]]
    titles = [ws.cell(row=r, column=header.index("title") + 1).value for r in range(2, ws.max_row + 1)]
    # shown as the text that was printed (behind the apostrophe), never computed (=1+1 -> 2)
    assert [t.lstrip("'") for t in titles] == DANGEROUS + [ACCENTS]


@needs_calc
def test_libreoffice_reads_the_workbook_text_as_text(tmp_path):
    book = tmp_path / "extraction.xlsx"
    tables = {t: [] for t in TABLES}
    tables["activities"] = _rows()
    book.write_bytes(xlsx_bytes(tables))
    out = tmp_path / "round"
    out.mkdir()
    # LibreOffice recalculates on load and saves the result: a formula would come back as its value
    saved = _convert(book, "xlsx:Calc MS Excel 2007 XML", out)
    wb = load_workbook(saved)
    ws = wb["activities"]
    values = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in values)
    titles = [ws.cell(row=r, column=[c.value for c in ws[1]].index("title") + 1).value for r in range(2, ws.max_row + 1)]
    assert titles == DANGEROUS + [ACCENTS]
