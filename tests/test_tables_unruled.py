"""Tables without rules (pipeline.tables, through pipeline.layout.extract): a
grid going on across a page without its header, two columns of text whose
headings look like column labels, and column labels set close together.

Each test draws its page(s) with reportlab, text placed at fixed x, no line
drawn, and checks the tables (and blocks) the layout stage returns.
"""

from __future__ import annotations

import pytest
from pdfgen import BOLD, REG, _canvas
from pdfgen_plans import wrap

from pipeline.layout import extract
from pipeline.textnorm import collapse_ws


def _doc(path):
    return extract(path, "t", "0" * 64)


def _rows(table):
    return [[collapse_ws(c) for c in r] for r in table.rows()]


def _starts(table):
    """Left edge of each column of a table."""
    return [min(c.bbox.x0 for c in table.cells if c.col == k) for k in range(table.n_cols)]


# --------------------------------------------------------------------------- continued grid

_GRID_X = (60.0, 170.0, 400.0)  # Date | Activité | Lieu
_PAGE1 = [
    (("11 avril 2023",), ("Rencontre avec les cégeps de la", "région de Québec"), ("Québec",)),
    (("26 avril 2023",), ("Séance d'information sur l'examen",), ("En ligne",)),
    (("9 mai 2023",), ("Kiosque au salon de l'emploi",), ("Laval",)),
]
_PAGE2 = [
    (("17 mai 2023",), ("Atelier sur la tenue de dossiers",), ("Sherbrooke",)),
    (("6 juin 2023",), ("Assemblée générale annuelle des", "membres"), ("Montréal",)),
    (("20 juin 2023",), ("Remise des prix de la relève",), ("Gatineau",)),
]


def _draw_rows(c, y, rows):
    c.setFont(REG, 10)
    for row in rows:
        for x, lines in zip(_GRID_X, row, strict=True):
            for k, line in enumerate(lines):
                c.drawString(x, y - 13 * k, line)
        y -= 13 * max(len(cell) for cell in row) + 12
    return y


def test_unruled_grid_continued_on_the_next_page_without_its_header(tmp_path):
    """A calendar of events laid out with tab stops: the header row prints on
    the first page only, the rows go on at the top of the next page."""
    path = tmp_path / "r.pdf"
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(60, 740, "Calendrier des activités du printemps")
    c.setFont(BOLD, 10)
    for x, label in zip(_GRID_X, ("DATE", "ACTIVITÉ", "LIEU"), strict=True):
        c.drawString(x, 700, label)
    _draw_rows(c, 675, _PAGE1)
    c.showPage()
    _draw_rows(c, 740, _PAGE2)
    c.showPage()
    c.save()
    doc = _doc(path)
    (first,), (second,) = doc.pages[0].tables, doc.pages[1].tables
    assert not first.ruled and not second.ruled
    assert not first.continued and second.continued
    assert second.n_cols == first.n_cols == 3
    assert _starts(second) == pytest.approx(_starts(first), abs=1.0)
    flat = [[" ".join(cell) for cell in row] for row in _PAGE1 + _PAGE2]
    assert _rows(first) == [["DATE", "ACTIVITÉ", "LIEU"]] + flat[:3]
    assert _rows(second) == flat[3:]


# --------------------------------------------------------------------------- headings side by side

_LEFT = ("L'Ordre protège le public en veillant à la compétence et à l'intégrité des "
         "technologues qui exercent dans les laboratoires, les cliniques et les "
         "établissements de santé du Québec.")
_RIGHT = ("La rigueur, la transparence et le respect guident les décisions du conseil "
          "d'administration et les relations de l'Ordre avec ses membres et le public "
          "qu'il sert au quotidien.")


@pytest.mark.parametrize("headings", [("Notre mission", "Nos valeurs"), ("ORIENTATION 1 :", "ORIENTATION 2 :")])
def test_headings_side_by_side_over_two_text_columns_are_not_a_grid(tmp_path, headings):
    """A brochure page in two columns, each opening with a bold heading on the
    same baseline ("Notre mission" | "Nos valeurs"): the headings look like the
    labels of a grid over rows that line up, but they head columns of text."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    for x, heading, text in ((60.0, headings[0], _LEFT), (320.0, headings[1], _RIGHT)):
        c.setFont(BOLD, 11)
        c.drawString(x, 700, heading)
        c.setFont(REG, 10)
        for k, line in enumerate(wrap(text, REG, 10, 220)):
            c.drawString(x, 682 - 13 * k, line)
    c.showPage()
    c.save()
    page = _doc(path).pages[0]
    assert page.tables == ()
    assert [collapse_ws(b.text) for b in page.blocks] == [headings[0], _LEFT, headings[1], _RIGHT]


# --------------------------------------------------------------------------- close labels

def test_column_labels_set_close_together_split_into_columns(tmp_path):
    """A table of yearly targets whose year labels are set about an em apart
    ("Cible 2024  Cible 2025  Cible 2026"): one run of text for the page's
    layout, three columns of the grid."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    c.setFont(BOLD, 13)
    c.drawString(60, 740, "Cibles annuelles")
    xs = (60.0, 300.0, 362.0, 424.0)  # labels 52 pt wide, 10 pt apart
    c.setFont(BOLD, 9)
    for x, label in zip(xs, ("Indicateur", "Cible 2024", "Cible 2025", "Cible 2026"), strict=True):
        c.drawString(x, 710, label)
    rows = [("Taux de réussite à l'examen", "78 %", "80 %", "82 %"),
            ("Nombre de stages offerts", "140", "155", "170")]
    c.setFont(REG, 9)
    for k, row in enumerate(rows):
        for x, text in zip(xs, row, strict=True):
            c.drawString(x, 690 - 22 * k, text)
    c.showPage()
    c.save()
    (table,) = _doc(path).pages[0].tables
    assert not table.ruled
    assert _rows(table) == [["Indicateur", "Cible 2024", "Cible 2025", "Cible 2026"]] + [list(r) for r in rows]
