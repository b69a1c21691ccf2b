"""Strategic plans (pipeline.plans.extract) in forms met in brochures: targets
printed at the end of their item, lists nested under list items, statements
labelled inline, values side by side, code prefixes and letter codes, and
level labels set in small type.

Each test draws its own plan and checks (kind, code, text, parent's text) of
every plan item in reading order, the targets, or the statements.
"""

from __future__ import annotations

from pdfgen import BOLD, REG
from pdfgen_plans import Flow, title_page
from plan_results import items as _items
from plan_results import plan as _plan
from plan_results import statements as _statements
from plan_results import targets as _targets

# --------------------------------------------------------------------------- inline targets

def test_target_printed_at_the_end_of_its_item(tmp_path):
    """A plan that prints each target after its item's text, after a dash
    ("… — Cible : 85 % en 2028") or in brackets ("(cible : printemps 2026)")."""
    f = Flow()
    title_page(f, "Plan stratégique 2024-2028", "Ordre des comptables professionnels agréés du Québec")
    f.line("Orientation 1 : Accompagner les membres dans leur pratique", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 : Accroître la satisfaction des membres envers les services — Cible : 85 % en 2028",
           BOLD, 10.5, lead=1.5)
    f.line("Objectif 1.2 : Publier un guide sur la pratique en cabinet (cible : printemps 2026)",
           BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Accompagner les membres dans leur pratique"
    o11 = "Accroître la satisfaction des membres envers les services"
    o12 = "Publier un guide sur la pratique en cabinet"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", o11, o1),
        ("objective", "1.2", o12, o1),
    ]
    assert _targets(out) == [
        (o11, "85 % en 2028", "quantity", None, None, "85 %"),
        (o12, "printemps 2026", "date", "2026-03-20", "2026-06-20", None),
    ]


# --------------------------------------------------------------------------- nested lists

def test_expected_results_listed_under_each_objective_bullet(tmp_path):
    """A list of objectives under an "Objectifs" label, each bullet followed
    by its own indented "Résultats attendus" list."""
    f = Flow()
    title_page(f, "Plan stratégique 2024-2027", "Ordre des traducteurs, terminologues et interprètes agréés du Québec")
    f.line("Orientation 2 : Faire reconnaître la valeur des langagiers agréés", BOLD, 13, lead=1.6)
    f.line("Objectifs", BOLD, 11, lead=1.5)
    f.bullet("Promouvoir le titre de traducteur agréé auprès des ministères")
    f.line("Résultats attendus", BOLD, 10.5, x=96, lead=1.5)
    f.bullet("Une campagne annuelle auprès des acheteurs publics", x=108, width=404)
    f.bullet("Une clause sur le titre dans les appels d'offres", x=108, width=404)
    f.bullet("Encadrer l'usage de la traduction automatique par les membres")
    f.line("Résultats attendus", BOLD, 10.5, x=96, lead=1.5)
    f.bullet("Une ligne directrice adoptée par le conseil", x=108, width=404)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o2 = "Faire reconnaître la valeur des langagiers agréés"
    a = "Promouvoir le titre de traducteur agréé auprès des ministères"
    b = "Encadrer l'usage de la traduction automatique par les membres"
    assert _items(out) == [
        ("orientation", "2", o2, None),
        ("objective", None, a, o2),
        ("expected_result", None, "Une campagne annuelle auprès des acheteurs publics", a),
        ("expected_result", None, "Une clause sur le titre dans les appels d'offres", a),
        ("objective", None, b, o2),
        ("expected_result", None, "Une ligne directrice adoptée par le conseil", b),
    ]


# --------------------------------------------------------------------------- statements

_AMBITION = "Être la référence québécoise en évaluation foncière, pour les municipalités comme pour les citoyens."
_MISSION = "Protéger le public en encadrant la pratique de l'évaluation immobilière."


def _summary_page(path, ambition_first):
    """A one-page summary: "AMBITION 2030" as a heading over its text, the
    mission and the values printed after their label on one line."""
    f = Flow()
    title_page(f, "Plan stratégique 2025-2030", "Ordre des évaluateurs agréés du Québec")

    def ambition():
        f.line("AMBITION 2030", BOLD, 14, lead=1.6)
        f.para(_AMBITION)
        f.gap(10)

    if ambition_first:
        ambition()
    f.para(f"Mission : {_MISSION}")
    f.gap(6)
    f.para("Nos valeurs : respect, équité et transparence.")
    f.gap(10)
    if not ambition_first:
        ambition()
    return f.save(path)


_SUMMARY = [
    ("ambition", None, _AMBITION),
    ("mission", None, _MISSION),
    ("value", "Respect", None),
    ("value", "Équité", None),
    ("value", "Transparence", None),
]


def test_statements_labelled_inline_and_an_ambition_headed_with_its_year(tmp_path):
    """The mission and values labelled inline ("Mission : …", "Nos valeurs :
    respect, équité et transparence."), then "AMBITION 2030" over its text."""
    out = _plan(_summary_page(tmp_path / "p.pdf", ambition_first=False))
    assert _statements(out) == _SUMMARY


def test_statements_labelled_inline_after_a_headed_statement(tmp_path):
    """The same summary with "AMBITION 2030" first: the inline labels that
    follow its paragraph open statements of their own."""
    out = _plan(_summary_page(tmp_path / "p.pdf", ambition_first=True))
    assert _statements(out) == _SUMMARY


def test_values_side_by_side_names_over_descriptions(tmp_path):
    """Values set in three columns without rules, each bold name over its
    description."""
    f = Flow()
    title_page(f, "Plan stratégique 2025-2028", "Ordre des urbanistes du Québec")
    f.line("Nos valeurs", BOLD, 14, lead=1.8)
    top = f.y
    columns = [
        (60.0, "Intégrité", ["Nous agissons avec", "honnêteté envers le", "public et les membres."]),
        (235.0, "Rigueur", ["Nos décisions reposent", "sur des faits et des", "analyses vérifiées."]),
        (410.0, "Ouverture", ["Nous écoutons les", "citoyens et les milieux", "de pratique."]),
    ]
    for x, name, lines in columns:
        f.at(x, top, name, BOLD, 11)
        for k, line in enumerate(lines):
            f.at(x, top - 16 - 13 * k, line, REG, 10)
    out = _plan(f.save(tmp_path / "p.pdf"))
    assert _statements(out) == [
        ("value", "Intégrité", "Nous agissons avec honnêteté envers le public et les membres."),
        ("value", "Rigueur", "Nos décisions reposent sur des faits et des analyses vérifiées."),
        ("value", "Ouverture", "Nous écoutons les citoyens et les milieux de pratique."),
    ]


# --------------------------------------------------------------------------- codes

def test_code_prefix_names_the_level_and_hangs_in_its_own_gutter(tmp_path):
    """Objectives coded "OBJ-1.1", "OBJ-1.2", each code set in a gutter of its
    own left of the objective's text."""
    f = Flow()
    title_page(f, "Plan stratégique 2024-2027", "Ordre des géologues du Québec")
    f.line("Orientation 1 : Assurer la qualité des travaux géologiques", BOLD, 13, lead=1.6)
    for code, text in (("OBJ-1.1", "Réviser les normes de signature des rapports"),
                       ("OBJ-1.2", "Inspecter les firmes de services environnementaux")):
        f.at(60, f.y, code, BOLD, 10.5)
        f.line(text, x=122)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Assurer la qualité des travaux géologiques"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "OBJ-1.1", "Réviser les normes de signature des rapports", o1),
        ("objective", "OBJ-1.2", "Inspecter les firmes de services environnementaux", o1),
    ]


def test_letter_codes_number_the_objectives_of_an_orientation(tmp_path):
    """Objectives lettered "A.", "B." under a labelled orientation."""
    f = Flow()
    title_page(f, "Plan stratégique 2024-2027", "Ordre des géologues du Québec")
    f.line("Orientation 2 : Faire connaître la profession", BOLD, 13, lead=1.6)
    f.line("A. Présenter la géologie aux élèves du secondaire")
    f.line("B. Diffuser une chronique sur les risques naturels")
    out = _plan(f.save(tmp_path / "p.pdf"))

    o2 = "Faire connaître la profession"
    assert _items(out) == [
        ("orientation", "2", o2, None),
        ("objective", "A", "Présenter la géologie aux élèves du secondaire", o2),
        ("objective", "B", "Diffuser une chronique sur les risques naturels", o2),
    ]


# --------------------------------------------------------------------------- small labels

def test_orientation_label_set_in_small_type_opens_the_plan_part(tmp_path):
    """After an introduction, the first orientation is announced by a small
    label ("ORIENTATION 1 :" at 8 pt) over its title in large bold type."""
    f = Flow()
    title_page(f, "Plan stratégique 2025-2029", "Ordre des chiropraticiens du Québec")
    f.line("Le mot du président", BOLD, 14, lead=1.6)
    f.para("Ce plan est le fruit d'une année de consultations auprès des membres, des patients et "
           "des partenaires du réseau de la santé. Il guidera l'Ordre jusqu'en 2029.")
    f.gap(14)
    f.line("ORIENTATION 1 :", BOLD, 8, lead=2.2)
    f.line("Renforcer la confiance du public", BOLD, 15, lead=1.6)
    f.line("Objectif 1.1 : Publier les résultats des inspections", BOLD, 10.5, lead=1.5)
    f.line("Objectif 1.2 : Simplifier le dépôt d'une demande d'enquête", BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Renforcer la confiance du public"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", "Publier les résultats des inspections", o1),
        ("objective", "1.2", "Simplifier le dépôt d'une demande d'enquête", o1),
    ]
