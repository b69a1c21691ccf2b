"""Strategic plans (pipeline.plans.extract) in layouts met in brochures:
items and targets listed on one line, statements laid out in a table, codes
printed before a label, ordinal level labels, a table of targets repeating
the body's indicators, a deadline after a list of actions, values in cards
or named in a sentence; and the normalisation of a few targets.

Each test draws its own plan and checks (kind, code, text, parent's text) of
every plan item in reading order, the targets, or the statements.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from pdfgen import BOLD, REG, _fonts
from pdfgen_plans import Flow, title_page
from plan_results import items as _items
from plan_results import plan as _plan
from plan_results import statements as _statements
from plan_results import targets as _targets
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pipeline.layout import extract
from pipeline.normalize import normalize_target

PLAN = "Plan stratégique 2025-2029"
ORG = "Ordre des audioprothésistes du Québec"


def _flow():
    f = Flow()
    title_page(f, PLAN, ORG)
    return f


# --------------------------------------------------------------------------- one line, semicolons

def test_indicators_and_targets_listed_on_one_line_pair_up_in_order(tmp_path):
    """An objective followed by its indicators on one line, separated by
    semicolons ("Indicateurs : a ; b"), then their targets in the same order
    ("Cibles : x ; y")."""
    f = _flow()
    f.line("Orientation 1 : Protéger le public", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 : Renforcer l'inspection professionnelle", BOLD, 10.5, lead=1.5)
    f.line("Indicateurs : Proportion des membres inspectés ; Nombre de visites en région")
    f.line("Cibles : 25 % ; 40 visites")
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1, o11 = "Protéger le public", "Renforcer l'inspection professionnelle"
    a, b = "Proportion des membres inspectés", "Nombre de visites en région"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", o11, o1),
        ("indicator", None, a, o11),
        ("indicator", None, b, o11),
    ]
    assert _targets(out) == [
        (a, "25 %", "quantity", None, None, "25 %"),
        (b, "40 visites", "quantity", None, None, "40 visites"),
    ]


# --------------------------------------------------------------------------- statements in a table

_CELL = ParagraphStyle("c", fontName=REG, fontSize=9.5, leading=12)
_HCELL = ParagraphStyle("hc", parent=_CELL, fontName=BOLD)
_HEAD = ParagraphStyle("h", fontName=BOLD, fontSize=20, leading=25, spaceAfter=6)
_ORG = ParagraphStyle("o", fontName=REG, fontSize=14, leading=18, spaceAfter=16)


def _table_plan(path, data, widths):
    """A plan's title page holding one GRID-ruled table; each cell a list of
    lines, "**text" drawn bold."""
    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1, leftMargin=54, rightMargin=54)
    cells = [[[Paragraph(escape(t[2:]), _HCELL) if t.startswith("**") else Paragraph(escape(t), _CELL)
               for t in cell] for cell in row] for row in data]
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([Paragraph(escape(PLAN), _HEAD), Paragraph(escape(ORG), _ORG), table])
    return path


_MISSION = "Protéger le public en encadrant la pratique de l'audioprothèse au Québec."
_VISION = "Un Ordre reconnu pour la qualité des soins auditifs offerts à chaque personne."


def test_statements_in_a_table_headed_mission_vision_values(tmp_path):
    """A summary page laid out as a table whose header names the statements
    ("Mission | Vision | Valeurs"), each column holding its text; the values
    column lists one name a line."""
    data = [[["**Mission"], ["**Vision"], ["**Valeurs"]],
            [[_MISSION], [_VISION], ["Bienveillance", "Rigueur", "Collaboration"]]]
    out = _plan(_table_plan(tmp_path / "p.pdf", data, [190, 190, 124]))
    assert _statements(out) == [
        ("mission", None, _MISSION),
        ("vision", None, _VISION),
        ("value", "Bienveillance", None),
        ("value", "Rigueur", None),
        ("value", "Collaboration", None),
    ]


def test_statements_in_a_table_laid_out_by_rows(tmp_path):
    """The same summary laid out by rows: "Mission | text", "Vision | text",
    "Nos valeurs | Bienveillance · Rigueur · Collaboration"."""
    data = [[["**Mission"], [_MISSION]],
            [["**Vision"], [_VISION]],
            [["**Nos valeurs"], ["Bienveillance · Rigueur · Collaboration"]]]
    out = _plan(_table_plan(tmp_path / "p.pdf", data, [110, 394]))
    assert _statements(out) == [
        ("mission", None, _MISSION),
        ("vision", None, _VISION),
        ("value", "Bienveillance", None),
        ("value", "Rigueur", None),
        ("value", "Collaboration", None),
    ]


# --------------------------------------------------------------------------- codes before labels

def test_code_printed_before_an_indicator_label_names_its_objective(tmp_path):
    """Indicators numbered by their objective's code ("1.1 Indicateur : …"
    under objective 1.1): the number says which objective they measure, it is
    no code of theirs; an indicator numbered after its label ("Indicateur 2 :
    …") keeps its own code."""
    f = _flow()
    f.line("Orientation 1 : Soutenir la compétence des membres", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 : Moderniser la formation continue", BOLD, 10.5, lead=1.5)
    f.line("1.1 Indicateur : Nombre d'heures de formation suivies par membre")
    f.gap(4)
    f.line("Objectif 1.2 : Accompagner les nouveaux membres", BOLD, 10.5, lead=1.5)
    f.line("Indicateur 2 : Taux de participation au programme de mentorat")
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Soutenir la compétence des membres"
    o11, o12 = "Moderniser la formation continue", "Accompagner les nouveaux membres"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", o11, o1),
        ("indicator", None, "Nombre d'heures de formation suivies par membre", o11),
        ("objective", "1.2", o12, o1),
        ("indicator", "2", "Taux de participation au programme de mentorat", o12),
    ]


# --------------------------------------------------------------------------- ordinal labels

def test_level_labels_opened_by_an_ordinal_word(tmp_path):
    """Orientations announced by an ordinal word rather than a number
    ("Première orientation — …", "Deuxième orientation — …")."""
    f = _flow()
    f.line("Première orientation — Protéger le public", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 : Publier les décisions du conseil de discipline", BOLD, 10.5, lead=1.5)
    f.gap(6)
    f.line("Deuxième orientation — Valoriser la profession", BOLD, 13, lead=1.6)
    f.line("Objectif 2.1 : Faire connaître le rôle de l'audioprothésiste", BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1, o2 = "Protéger le public", "Valoriser la profession"
    assert _items(out) == [
        ("orientation", None, o1, None),
        ("objective", "1.1", "Publier les décisions du conseil de discipline", o1),
        ("orientation", None, o2, None),
        ("objective", "2.1", "Faire connaître le rôle de l'audioprothésiste", o2),
    ]


# --------------------------------------------------------------------------- a table of targets

_IND = ["Proportion des membres inspectés", "Délai moyen de traitement d'un signalement",
        "Nombre de formations en ligne offertes"]


def test_target_table_at_the_end_gives_its_targets_to_the_bodys_indicators(tmp_path):
    """The plan lists its numbered indicators under their objectives, then
    closes on a table of targets ("No | Indicateur | Cible 2025-2026 | Cible
    2026-2027") repeating each indicator by its number: the targets go to the
    indicators of the body, which are not listed twice."""
    f = _flow()
    f.line("Orientation 1 : Protéger le public", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 : Cibler l'inspection sur les risques", BOLD, 10.5, lead=1.5)
    f.line(f"Indicateur 1 : {_IND[0]}")
    f.line(f"Indicateur 2 : {_IND[1]}")
    f.gap(4)
    f.line("Objectif 1.2 : Offrir une formation continue accessible", BOLD, 10.5, lead=1.5)
    f.line(f"Indicateur 3 : {_IND[2]}")
    f.new_page()
    f.line("Tableau des cibles", BOLD, 14, lead=2.0)
    xs = (60.0, 110.0, 350.0, 450.0)
    for x, label in zip(xs, ("No", "Indicateur", "Cible 2025-2026", "Cible 2026-2027"), strict=True):
        f.at(x, f.y, label, BOLD, 9)
    f.gap(22)
    for row in (("1", _IND[0], "15 %", "20 %"), ("2", _IND[1], "60 jours", "45 jours"), ("3", _IND[2], "8", "12")):
        for x, text in zip(xs, row, strict=True):
            f.at(x, f.y, text, REG, 9)
        f.gap(20)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Protéger le public"
    o11, o12 = "Cibler l'inspection sur les risques", "Offrir une formation continue accessible"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", o11, o1),
        ("indicator", "1", _IND[0], o11),
        ("indicator", "2", _IND[1], o11),
        ("objective", "1.2", o12, o1),
        ("indicator", "3", _IND[2], o12),
    ]
    assert _targets(out) == [
        (_IND[0], "15 % (2025-2026)", "quantity", None, None, "15 %"),
        (_IND[0], "20 % (2026-2027)", "quantity", None, None, "20 %"),
        (_IND[1], "60 jours (2025-2026)", "quantity", None, None, "60 jours"),
        (_IND[1], "45 jours (2026-2027)", "quantity", None, None, "45 jours"),
        (_IND[2], "8 (2025-2026)", "quantity", None, None, "8"),
        (_IND[2], "12 (2026-2027)", "quantity", None, None, "12"),
    ]


# --------------------------------------------------------------------------- actions and a deadline

def _actions_plan(path):
    """Numbered objectives at the margin, each with an "ACTIONS" label set a
    little further in over its bulleted actions, and a deadline under the
    list ("Échéance : …"); the next objective is set back at the margin."""
    f = _flow()
    f.line("Orientation 1 : Encadrer les nouvelles pratiques", BOLD, 13, lead=1.6)
    f.line("1.1 Encadrer la télépratique en audioprothèse", BOLD, 10.5, lead=1.5)
    f.line("ACTIONS", BOLD, 9.5, x=72, lead=1.5)
    f.bullet("Publier des lignes directrices sur l'ajustement à distance", x=84, width=420)
    f.bullet("Former les inspecteurs aux dossiers de télépratique", x=84, width=420)
    f.line("Échéance : printemps 2026", x=72)
    f.gap(6)
    f.line("1.2 Réviser le règlement sur la tenue des dossiers", BOLD, 10.5, lead=1.5)
    f.line("ACTIONS", BOLD, 9.5, x=72, lead=1.5)
    f.bullet("Consulter les membres sur le projet de règlement", x=84, width=420)
    return f.save(path)


_O1 = "Encadrer les nouvelles pratiques"
_O11 = "Encadrer la télépratique en audioprothèse"
_O12 = "Réviser le règlement sur la tenue des dossiers"


def test_deadline_after_a_list_of_actions_is_the_objectives_target(tmp_path):
    """"Échéance : printemps 2026" printed under the bulleted actions: the
    deadline is the objective's, not its last action's."""
    out = _plan(_actions_plan(tmp_path / "p.pdf"))
    assert _targets(out) == [(_O11, "printemps 2026", "date", "2026-03-20", "2026-06-20", None)]


def test_numbered_objective_set_left_of_a_list_closes_it(tmp_path):
    """Objective 1.2, set back at the margin after the list of actions, is
    the next objective, not one more action of 1.1."""
    out = _plan(_actions_plan(tmp_path / "p.pdf"))
    assert _items(out) == [
        ("orientation", "1", _O1, None),
        ("objective", "1.1", _O11, _O1),
        ("action", None, "Publier des lignes directrices sur l'ajustement à distance", _O11),
        ("action", None, "Former les inspecteurs aux dossiers de télépratique", _O11),
        ("objective", "1.2", _O12, _O1),
        ("action", None, "Consulter les membres sur le projet de règlement", _O12),
    ]


# --------------------------------------------------------------------------- values

def test_values_in_cards_two_per_row(tmp_path):
    """Values printed as cards without rules, two per row: each name in bold
    over its description; read row by row, left then right."""
    f = _flow()
    f.line("Nos valeurs", BOLD, 14, lead=1.8)
    cards = [
        [(60.0, "Bienveillance", ["Nous accueillons chaque personne", "avec respect et écoute."]),
         (320.0, "Rigueur", ["Nos décisions reposent sur des", "faits et des normes claires."])],
        [(60.0, "Collaboration", ["Nous travaillons avec nos", "partenaires du réseau."]),
         (320.0, "Transparence", ["Nous rendons compte de nos", "choix au public."])],
    ]
    for row in cards:
        top = f.y
        for x, name, lines in row:
            f.at(x, top, name, BOLD, 11)
            for k, line in enumerate(lines):
                f.at(x, top - 16 - 13 * k, line, REG, 10)
        f.gap(16 + 13 * 2 + 18)
    path = f.save(tmp_path / "p.pdf")
    assert [t.ruled for t in extract(path, "t", "0" * 64).pages[0].tables] == [False]  # the cards make a grid
    out = _plan(path)
    assert _statements(out) == [
        ("value", "Bienveillance", "Nous accueillons chaque personne avec respect et écoute."),
        ("value", "Rigueur", "Nos décisions reposent sur des faits et des normes claires."),
        ("value", "Collaboration", "Nous travaillons avec nos partenaires du réseau."),
        ("value", "Transparence", "Nous rendons compte de nos choix au public."),
    ]


def _values_sentence_plan(path, sentence):
    f = _flow()
    f.line("Nos valeurs", BOLD, 14, lead=1.8)
    f.para(sentence)
    return f.save(path)


def test_values_named_in_a_sentence_after_agit_avec(tmp_path):
    """The values section is one sentence naming them after "agit avec"
    ("…, l'Ordre agit avec prudence, intégrité et respect.")."""
    out = _plan(_values_sentence_plan(tmp_path / "p.pdf", "Dans ses relations avec le public et les membres, "
                                      "l'Ordre agit avec prudence, intégrité et respect."))
    assert _statements(out) == [("value", "Prudence", None), ("value", "Intégrité", None),
                                ("value", "Respect", None)]


def test_values_named_in_a_short_sentence_after_agit_avec(tmp_path):
    """The same values in a sentence with no lead-in ("L'Ordre agit avec
    prudence, intégrité et respect.")."""
    out = _plan(_values_sentence_plan(tmp_path / "p.pdf", "L'Ordre agit avec prudence, intégrité et respect."))
    assert _statements(out) == [("value", "Prudence", None), ("value", "Intégrité", None),
                                ("value", "Respect", None)]


# --------------------------------------------------------------------------- targets

def test_target_from_a_season_on_is_an_open_span():
    """"à partir de l'automne 2026": from the first day of autumn, no end."""
    assert normalize_target("à partir de l'automne 2026") == {
        "kind": "date", "date_start": "2026-09-22", "date_end": None, "value": None}


def test_counted_noun_goes_on_after_d_apostrophe():
    """"3 campagnes d'information": the unit keeps its complement."""
    assert normalize_target("3 campagnes d'information") == {
        "kind": "quantity", "date_start": None, "date_end": None, "value": "3 campagnes d'information"}


def test_every_year_alone_counts_nothing():
    """"chaque année" with no number is neither a quantity nor a date."""
    assert normalize_target("chaque année") == {"kind": "other", "date_start": None, "date_end": None,
                                                "value": None}
