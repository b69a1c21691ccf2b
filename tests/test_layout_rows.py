"""Layout (pipeline.layout.extract) on text laid out in rows without rules:
definition lists (bold titles beside their text), names beside one-line
descriptions, unruled grids with blank first cells, title rows across a grid
and a numbering column, and a level label set in the top margin.

Each test draws its page(s) with reportlab, text placed at fixed x, no line
drawn, and checks the blocks (in reading order) or the tables the layout stage
returns.
"""

from __future__ import annotations

from pdfgen import BOLD, REG, _canvas
from pdfgen_plans import wrap

from pipeline.layout import extract
from pipeline.textnorm import collapse_ws


def _doc(path):
    return extract(path, "t", "0" * 64)


def _texts(page):
    return [collapse_ws(b.text) for b in page.blocks]


def _rows(table):
    return [[collapse_ws(c) for c in r] for r in table.rows()]


# --------------------------------------------------------------------------- definition lists

_TERMS = [  # (title, description): the title wraps in its narrow bold column
    ("Programme de surveillance générale de l'exercice",
     "Visites d'inspection planifiées chaque année dans les cabinets choisis au hasard parmi "
     "ceux qui n'ont pas été inspectés depuis cinq ans."),
    ("Inspection particulière sur la compétence",
     "Vérification ciblée demandée par le comité lorsqu'un signalement met en doute la "
     "compétence d'un membre dans un domaine précis."),
    ("Stage de perfectionnement",
     "Période de formation supervisée imposée à un membre à la suite d'une inspection, avec "
     "un rapport du maître de stage au comité."),
]


def _definition_page(path, terms, title_width=130.0, text_width=300.0):
    """A glossary page: "Définitions" across the page, then each term in bold
    in a narrow left column, its description beside it on the right."""
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(60, 720, "Définitions")
    y = 690.0
    for term, text in terms:
        title_lines = wrap(term, BOLD, 10, title_width)
        text_lines = wrap(text, REG, 10, text_width)
        c.setFont(BOLD, 10)
        for k, line in enumerate(title_lines):
            c.drawString(60, y - 13 * k, line)
        c.setFont(REG, 10)
        for k, line in enumerate(text_lines):
            c.drawString(210, y - 13 * k, line)
        y -= 13 * max(len(title_lines), len(text_lines)) + 14
    c.showPage()
    c.save()
    return path


def test_definition_list_reads_each_title_then_its_description(tmp_path):
    """An inspection report's glossary: each term in bold wraps over two or
    three lines in its column, its description beside it; read row by row,
    not all the terms first and then all the descriptions."""
    path = _definition_page(tmp_path / "p.pdf", _TERMS)
    assert [len(wrap(t, BOLD, 10, 130.0)) for t, _ in _TERMS] == [3, 2, 2]  # the titles do wrap
    page = _doc(path).pages[0]
    assert page.tables == ()
    assert _texts(page) == ["Définitions"] + [t for pair in _TERMS for t in pair]


def test_names_beside_one_line_descriptions_stay_paired(tmp_path):
    """Values printed as a two-column list without rules: each name in bold,
    its one-line description on the same baseline to its right."""
    pairs = [
        ("Rigueur", "Fonder chaque décision sur des faits vérifiés."),
        ("Équité", "Traiter chaque membre et chaque plaignant avec impartialité."),
        ("Ouverture", "Écouter le public et les milieux de pratique."),
        ("Responsabilité", "Rendre compte de nos choix au conseil et aux membres."),
    ]
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(60, 720, "Nos valeurs")
    for k, (name, text) in enumerate(pairs):
        c.setFont(BOLD, 10)
        c.drawString(60, 690 - 20 * k, name)
        c.setFont(REG, 10)
        c.drawString(180, 690 - 20 * k, text)
    c.showPage()
    c.save()
    page = _doc(path).pages[0]
    assert page.tables == ()
    assert _texts(page) == ["Nos valeurs"] + [t for pair in pairs for t in pair]


# --------------------------------------------------------------------------- unruled grids

_GRID_X = (60.0, 170.0, 420.0)  # Date | Activité | Lieu


def _grid_page(path, header, rows, xs, title):
    """A bold title, a header row of bold labels, then rows of cells (each a
    tuple of its lines; an empty tuple is a blank cell), no rule drawn."""
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(60, 740, title)
    c.setFont(BOLD, 10)
    for x, label in zip(xs, header, strict=True):
        c.drawString(x, 705, label)
    y = 682.0
    for row in rows:
        for x, lines in zip(xs, row, strict=True):
            for k, line in enumerate(lines):
                c.drawString(x, y - 13 * k, line)
        y -= 13 * max(len(cell) for cell in row) + 12
    c.showPage()
    c.save()
    return path


def test_unruled_grid_row_with_a_blank_first_cell_starts_at_its_activity(tmp_path):
    """A calendar set with tab stops that leaves the date blank when an event
    falls on the same day as the one above: each activity still opens a row
    of its own."""
    rows = [
        (("14 mars 2024",), ("Atelier sur la tenue des dossiers", "cliniques"), ("Québec",)),
        ((), ("Conférence publique sur la santé", "auditive des aînés"), ("Québec",)),
        (("2 avril 2024",), ("Rencontre des responsables de stage",), ("Rimouski",)),
        ((), ("Visite d'un laboratoire d'audiologie",), ("Rimouski",)),
        ((), ("Souper des nouveaux membres",), ("Rimouski",)),
    ]
    path = _grid_page(tmp_path / "p.pdf", ("DATE", "ACTIVITÉ", "LIEU"), rows, _GRID_X,
                      "Calendrier de la tournée régionale")
    (table,) = _doc(path).pages[0].tables
    assert not table.ruled
    assert _rows(table) == [["DATE", "ACTIVITÉ", "LIEU"]] + [[" ".join(cell) for cell in row] for row in rows]


_TARGET_X = (60.0, 90.0, 330.0, 440.0)  # No | Indicateur | Cible | Cible
_TARGET_HEADER = ("No", "Indicateur", "Cible 2025-2026", "Cible 2026-2027")


def _target_grid(path):
    """A grid of indicators numbered in a narrow "No" column, the rows of
    each orientation under a bold title row set across the columns."""
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(60, 740, "Tableau des cibles")
    c.setFont(BOLD, 9)
    for x, label in zip(_TARGET_X, _TARGET_HEADER, strict=True):
        c.drawString(x, 705, label)
    y = 682.0
    for title, rows in _TARGET_ROWS:
        c.setFont(BOLD, 9)
        c.drawString(60, y, title)
        y -= 22
        c.setFont(REG, 9)
        for row in rows:
            for x, text in zip(_TARGET_X, row, strict=True):
                c.drawString(x, y, text)
            y -= 22
    c.showPage()
    c.save()
    return path


_TARGET_ROWS = [
    ("Orientation 1 – Protéger le public par une inspection mieux ciblée", [
        ("1", "Proportion des membres inspectés", "15 %", "20 %"),
        ("2", "Délai moyen de traitement d'un signalement", "60 jours", "45 jours"),
    ]),
    ("Orientation 2 – Soutenir la compétence des membres", [
        ("3", "Nombre de formations en ligne offertes", "8", "12"),
    ]),
]


def test_unruled_grid_with_title_rows_across_and_a_numbering_column(tmp_path):
    """A plan's table of targets: a bold "Orientation 1 – …" row runs across
    the columns over the indicators it groups, each indicator numbered in a
    narrow "No" column; the title rows stay rows of the grid."""
    (table,) = _doc(_target_grid(tmp_path / "p.pdf")).pages[0].tables
    assert not table.ruled and table.n_cols == 4
    expected = [list(_TARGET_HEADER)]
    for title, rows in _TARGET_ROWS:
        expected.append([title, "", "", ""])
        expected += [list(r) for r in rows]
    assert _rows(table) == expected


def test_unruled_grid_rows_numbered_close_to_their_text_are_not_left_as_blocks(tmp_path):
    """The same table of targets: its "No" column is narrow, each number set
    just left of its indicator. Every line of the grid belongs to the grid:
    only the page's title is left as a block."""
    page = _doc(_target_grid(tmp_path / "p.pdf")).pages[0]
    assert len(page.tables) == 1
    assert _texts(page) == ["Tableau des cibles"]


# --------------------------------------------------------------------------- top margin

def test_level_label_in_the_top_margin_over_a_larger_title_is_kept(tmp_path):
    """Each page of a plan opens with a small label in the top margin ("AXE
    STRATÉGIQUE 1", then 2, then 3) set right over the axis's title in large
    type: the label changes number from page to page like a running header,
    but it belongs to the page's content. The real running header above it
    and the page numbers are removed."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    titles = ["Protéger le public", "Soutenir les membres", "Moderniser la gouvernance"]
    for n, title in enumerate(titles, start=1):
        c.setFont(REG, 8)
        c.drawString(60, 770, "Plan stratégique 2025-2029 – Ordre des audioprothésistes du Québec")
        c.drawRightString(550, 30, str(n))
        c.setFont(BOLD, 9)
        c.drawString(60, 736, f"AXE STRATÉGIQUE {n}")
        c.setFont(BOLD, 18)
        c.drawString(60, 714, title)
        c.setFont(REG, 10)
        c.drawString(60, 680, "L'Ordre entend agir sur trois fronts au cours des quatre prochaines années.")
        c.showPage()
    c.save()
    doc = _doc(path)
    for n, (page, title) in enumerate(zip(doc.pages, titles, strict=True), start=1):
        assert _texts(page) == [f"AXE STRATÉGIQUE {n}", title,
                                "L'Ordre entend agir sur trois fronts au cours des quatre prochaines années."]
        assert [collapse_ws(t) for t in page.removed] == [
            "Plan stratégique 2025-2029 – Ordre des audioprothésistes du Québec", str(n)]


# --------------------------------------------------------------------------- running lines

def test_running_footers_that_alternate_between_odd_and_even_pages_are_removed(tmp_path):
    """A book-like report: odd pages end on "Rapport annuel 2024-2025 | 3",
    even pages on "4 | Ordre des hygiénistes dentaires du Québec"; the cover,
    the table of contents and the annexes have none. Each footer is on a
    third of the pages, yet both are running lines; the body stays."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    n = 12
    for k in range(1, n + 1):
        c.setFont(REG, 10)
        c.drawString(60, 700, f"Section {k} : suivi des travaux du comité de la pratique.")
        if 3 <= k <= 10:
            c.setFont(REG, 7.5)
            if k % 2:
                c.drawRightString(550, 30, f"Rapport annuel 2024-2025 | {k}")
            else:
                c.drawString(60, 30, f"{k} | Ordre des hygiénistes dentaires du Québec")
        c.showPage()
    c.save()
    doc = _doc(path)
    for k, page in enumerate(doc.pages, start=1):
        assert _texts(page) == [f"Section {k} : suivi des travaux du comité de la pratique."]
