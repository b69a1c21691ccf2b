"""Layout (pipeline.layout.extract) on typography and drawings met in real plans
and reports: letter-spaced capitals, panels with a side bar, shaded rows,
tables cut by a page break, superscripts beside another column, narrow
gutters and justified narrow columns.

Each test draws one small page with reportlab and checks the blocks and
tables the layout stage returns.
"""

from __future__ import annotations

import pytest
from pdfgen import BOLD, REG, _canvas, _runs
from pdfgen_plans import wrap
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from pipeline.layout import extract
from pipeline.textnorm import collapse_ws


def _doc(path):
    return extract(path, "t", "0" * 64)


def _texts(page):
    return [collapse_ws(b.text) for b in page.blocks]


def _justify(c, x, y, text, width, font=REG, size=10.0):
    """Draw one line spread to ``width``: words placed one by one, the spaces
    stretched alike (how a justified paragraph is exported)."""
    words = text.split()
    c.setFont(font, size)
    if len(words) == 1:
        c.drawString(x, y, text)
        return
    ink = sum(pdfmetrics.stringWidth(w, font, size) for w in words)
    space = (width - ink) / (len(words) - 1)
    for w in words:
        c.drawString(x, y, w)
        x += pdfmetrics.stringWidth(w, font, size) + space


def _justified_para(c, x, y, text, width, size=10.0, lead=13.0):
    """A justified paragraph (last line ragged); returns the y under it."""
    lines = wrap(text, REG, size, width)
    for k, line in enumerate(lines):
        if k < len(lines) - 1:
            _justify(c, x, y, line, width, size=size)
        else:
            c.setFont(REG, size)
            c.drawString(x, y, line)
        y -= lead
    return y


# --------------------------------------------------------------------------- letter spacing

def _spaced_labels(path, labels):
    """Level labels in bold capitals set with wide letter spacing, each over
    its section's title."""
    c = _canvas(path)
    y = 700.0
    for label in labels:
        c.setFont(BOLD, 9)
        c.drawString(60, y, label, charSpace=3)
        c.setFont(BOLD, 14)
        c.drawString(60, y - 18, "Titre de la section")
        y -= 60
    c.showPage()
    c.save()
    return path


def test_letter_spaced_capitals_read_as_words(tmp_path):
    """A brochure exported from a web page sets its level labels in capitals
    with wide letter spacing: every letter comes out as its own word."""
    labels = ["ORIENTATION 2", "ENJEU 3", "VISION 2030"]
    page = _doc(_spaced_labels(tmp_path / "p.pdf", labels)).pages[0]
    assert _texts(page) == [t for label in labels for t in (label, "Titre de la section")]


@pytest.mark.parametrize("label", ["AXE 1", "NOS VALEURS"])
def test_letter_spaced_short_words_read_as_words(tmp_path, label):
    """The same spaced capitals with a short first word ("A X E 1")."""
    page = _doc(_spaced_labels(tmp_path / "p.pdf", [label])).pages[0]
    assert _texts(page) == [label, "Titre de la section"]


@pytest.mark.parametrize("label", ["OBJECTIF 2.1", "PLAN D'ACTION"])
def test_letter_spaced_capitals_with_a_dot_or_an_apostrophe_read_as_words(tmp_path, label):
    """Spaced capitals holding a numbered code or an elision."""
    page = _doc(_spaced_labels(tmp_path / "p.pdf", [label])).pages[0]
    assert _texts(page) == [label, "Titre de la section"]


# --------------------------------------------------------------------------- drawings

def test_panel_with_a_coloured_side_bar_is_text_not_a_table(tmp_path):
    """A statement printed in a framed panel with a thin coloured bar along
    its left side (a 4 pt filled rectangle beside a stroked frame)."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    c.setFont(BOLD, 13)
    c.drawString(60, 700, "Notre vision")
    c.setFillColor(colors.HexColor("#7a1f5c"))
    c.rect(60, 634, 4, 54, stroke=0, fill=1)
    c.setStrokeColor(colors.HexColor("#c8c8c8"))
    c.rect(64, 634, 460, 54, stroke=1, fill=0)
    c.setFillColor(colors.black)
    c.setFont(REG, 10)
    c.drawString(76, 672, "Un Ordre proche de ses membres, reconnu pour la rigueur de ses")
    c.drawString(76, 658, "inspections et pour la clarté de ses avis au public.")
    c.showPage()
    c.save()
    page = _doc(path).pages[0]
    assert page.tables == ()
    assert _texts(page) == ["Notre vision", "Un Ordre proche de ses membres, reconnu pour la rigueur de ses "
                            "inspections et pour la clarté de ses avis au public."]


_SHADED_ROWS = [
    ("Montérégie", "412", "38"),
    ("Estrie", "187", "12"),
    ("Outaouais", "229", "17"),
    ("Mauricie", "164", "9"),
]
_SHADED_X = (70.0, 260.0, 420.0)


def _shaded_rows_page(path, rules):
    """Rows of figures on shaded bands, each cell its own filled rectangle (how
    a browser prints cell backgrounds): a darker header, then rows alternately
    tinted and white. With ``rules``, thin filled bars (0.6 pt) draw a grid
    over them."""
    c = _canvas(path)
    c.setFont(BOLD, 13)
    c.drawString(60, 720, "Répartition des membres par région")
    top, h = 700.0, 20.0
    edges = (60.0, 250.0, 410.0, 520.0)  # column boundaries
    rows = [("Région", "Membres", "Nouveaux")] + _SHADED_ROWS
    for k in range(len(rows)):
        c.setFillColor(colors.HexColor("#c9d6e3" if k == 0 else "#eef3f8" if k % 2 else "#ffffff"))
        for x0, x1 in zip(edges, edges[1:], strict=False):
            c.rect(x0, top - h * (k + 1), x1 - x0, h, stroke=0, fill=1)
    c.setFillColor(colors.black)
    if rules:
        for k in range(len(rows) + 1):
            c.rect(edges[0], top - h * k - 0.3, edges[-1] - edges[0], 0.6, stroke=0, fill=1)
        for x in edges:
            c.rect(x - 0.3, top - h * len(rows), 0.6, h * len(rows), stroke=0, fill=1)
    for k, row in enumerate(rows):
        c.setFont(BOLD if k == 0 else REG, 10)
        for x, text in zip(_SHADED_X, row, strict=True):
            c.drawString(x, top - h * (k + 1) + 6, text)
    c.showPage()
    c.save()
    return path


def test_shaded_row_bands_do_not_make_a_ruled_table(tmp_path):
    """A statistics table set on zebra-shaded rows without any rule: the
    filled cells are backgrounds, their edges no grid; the table is found
    from the alignment of its text instead."""
    page = _doc(_shaded_rows_page(tmp_path / "p.pdf", rules=False)).pages[0]
    assert len(page.tables) == 1 and not page.tables[0].ruled
    assert page.tables[0].rows() == [["Région", "Membres", "Nouveaux"]] + [list(r) for r in _SHADED_ROWS]


def test_thin_filled_bars_are_rules_of_a_table(tmp_path):
    """The same shaded rows ruled with thin filled bars (how some exporters
    draw table borders): they make a ruled table."""
    page = _doc(_shaded_rows_page(tmp_path / "p.pdf", rules=True)).pages[0]
    assert len(page.tables) == 1 and page.tables[0].ruled
    assert page.tables[0].rows() == [["Région", "Membres", "Nouveaux"]] + [list(r) for r in _SHADED_ROWS]


_CUT_CELLS = [  # each cell = its drawn lines
    (("Date",), ("Décisions",)),
    (("14 septembre 2023",), ("Adoption du budget de l'exercice", "Nomination de deux administrateurs")),
    (("9 novembre 2023",), ("Adoption de la politique sur la gouvernance", "Création d'un comité sur la relève")),
]
_NEXT_CELLS = [  # the top of the next page: the cut row's end, then a new row
    (("",), ("Création d'un comité sur la relève", "Mandat confié au comité de gouvernance")),
    (("7 décembre 2023",), ("Adoption du plan d'action annuel",)),
]
_CUT_ROWS = [[" ".join(cell) for cell in row] for row in _CUT_CELLS]
_NEXT_ROWS = [[" ".join(cell) for cell in row] for row in _NEXT_CELLS]


def _cut_table_page(path, segmented=True, cut="bottom"):
    """A ruled table left open by a page break, as a word processor exports it:
    at the bottom of a page the column rules run on below the last horizontal
    rule down to the margin (``cut="bottom"``); at the top of the next page
    they come down from the margin to the first one (``cut="top"``, the end of
    the cut row first, no header). ``segmented``: borders drawn cell by cell, else
    one stroke per column."""
    c = _canvas(path)
    xs = (60.0, 180.0, 520.0)
    if cut == "bottom":
        c.setFont(BOLD, 13)
        c.drawString(60, 230, "Rencontres du conseil d'administration")
        cells = _CUT_CELLS
        bands = [(210.0, 190.0), (190.0, 150.0), (150.0, 56.0)]  # (top, bottom) of each row
        rules = (210.0, 190.0, 150.0)  # none under the cut row
    else:
        cells = _NEXT_CELLS
        bands = [(740.0, 700.0), (700.0, 680.0)]
        rules = (700.0, 680.0)  # none over the cut row
    c.setLineWidth(0.5)
    for y in rules:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        if segmented:
            for y_top, y_bottom in bands:
                c.line(x, y_top, x, y_bottom)
        else:
            c.line(x, bands[0][0], x, bands[-1][1])
    for (y_top, _), row in zip(bands, cells, strict=True):
        c.setFont(BOLD if row is _CUT_CELLS[0] else REG, 10)
        for x, lines in zip(xs, row, strict=False):
            for k, line in enumerate(lines):
                c.drawString(x + 6, y_top - 14 - 14 * k, line)
    c.showPage()
    c.save()
    return path


def test_ruled_table_row_cut_by_the_page_break_at_the_bottom_is_kept(tmp_path):
    """The last row of a ruled table runs into the page break: its cell
    borders go down to the bottom margin with no closing rule."""
    page = _doc(_cut_table_page(tmp_path / "p.pdf")).pages[0]
    assert len(page.tables) == 1 and page.tables[0].ruled
    assert page.tables[0].rows() == _CUT_ROWS


def test_ruled_table_row_cut_by_the_page_break_at_the_top_is_kept(tmp_path):
    """The continued row opens the next page: its cell borders come down from
    the top margin to the table's first rule."""
    page = _doc(_cut_table_page(tmp_path / "p.pdf", cut="top")).pages[0]
    assert len(page.tables) == 1 and page.tables[0].ruled
    assert page.tables[0].rows() == _NEXT_ROWS


def test_ruled_table_row_cut_by_the_page_break_with_column_rules_in_one_stroke(tmp_path):
    """The same cut table drawn with each column rule as a single stroke
    from the top of the table down to the bottom margin."""
    page = _doc(_cut_table_page(tmp_path / "p.pdf", segmented=False)).pages[0]
    assert len(page.tables) == 1 and page.tables[0].ruled
    assert page.tables[0].rows() == _CUT_ROWS


# --------------------------------------------------------------------------- superscripts, columns

def test_superscript_ordinal_joins_its_number_beside_another_column(tmp_path):
    """Two columns of a newsletter: a raised "er" after "1" in the left column
    while the right column has a line at the height of the superscript."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    c.setFont(REG, 10)
    c.drawString(60, 700, "La nouvelle cotisation entre en vigueur")
    _runs(c, 60, 686, [("le 1", REG, 10.0, 0.0), ("er", REG, 6.5, 5.0), (" juillet 2024.", REG, 10.0, 0.0)])
    c.drawString(60, 672, "Elle est payable en deux versements.")
    # the right column's baselines run 5 pt above the left one's: one sits level with the "er"
    c.drawString(320, 705, "Le registre des membres a été mis")
    c.drawString(320, 691, "à jour et compte 4 215 inscrits.")
    c.drawString(320, 677, "Il est consultable en ligne.")
    c.showPage()
    c.save()
    text = "\n".join(_texts(_doc(path).pages[0]))
    assert "le 1er juillet 2024." in text
    assert "er" not in text.replace("le 1er", "").split()


def test_two_columns_separated_by_a_narrow_gutter_are_read_one_after_the_other(tmp_path):
    """A two-column brochure page whose justified columns are only about an em
    apart: every line of the page runs across the gap by a single space."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    left = ("GAUCHE L'Ordre des administrateurs agréés a poursuivi la refonte de son programme de "
            "formation continue afin de mieux répondre aux besoins des membres qui exercent en "
            "gestion publique comme en entreprise privée dans toutes les régions.")
    right = ("DROITE Le comité d'inspection professionnelle a visité cent vingt cabinets et "
             "transmis ses recommandations dans un délai moyen de trois semaines, un résultat "
             "jugé satisfaisant par le conseil d'administration de l'Ordre.")
    _justified_para(c, 60, 700, left, 235)
    _justified_para(c, 305, 700, right, 235)
    c.showPage()
    c.save()
    texts = _texts(_doc(path).pages[0])
    assert texts == [left, right]


def test_justified_line_of_a_narrow_column_stays_one_line(tmp_path):
    """A narrow justified column whose short line has its spaces stretched
    wider than a column gutter ("le Conseil,   Mme   Gabrielle")."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    width = 165.0
    lines = ["Le 3 octobre, la présidente a",
             "rencontré la présidente du",
             "Conseil, Mme Gabrielle",
             "Tremblay-Roy, pour discuter de",
             "la formation des administrateurs."]
    y = 700.0
    for k, line in enumerate(lines):
        if k < len(lines) - 1:
            _justify(c, 60, y, line, width)
        else:
            c.setFont(REG, 10)
            c.drawString(60, y, line)
        y -= 13
    right = ["Le comité de la relève a tenu", "sa première réunion en", "novembre avec six jeunes", "administrateurs."]
    c.setFont(REG, 10)
    for k, line in enumerate(right):
        c.drawString(330, 700 - 13 * k, line)
    c.showPage()
    c.save()
    texts = _texts(_doc(path).pages[0])
    assert texts == [" ".join(lines), " ".join(right)]
