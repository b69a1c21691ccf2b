"""Plan items (hierarchy) and targets, on strategic plans drawn by the test itself.

Each test draws one layout with its own organisation, wording and numbering and
checks (kind, code, text, parent's text) of every plan item in reading order,
and (item's text, text, kind, date_start, date_end, value) of every target.
"""

from __future__ import annotations

from pdfgen import BOLD, REG, _canvas, _fonts
from pdfgen_plans import Flow, title_page, wrap
from plan_results import items as _items
from plan_results import plan as _plan
from plan_results import targets as _targets
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.classify import classify
from pipeline.layout import extract
from pipeline.plans import extract as extract_plan

# --------------------------------------------------------------------------- 1. brochure

def test_brochure_with_labelled_headings_and_bulleted_actions(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2023-2026", "Ordre des pharmaciens du Québec")
    f.line("Notre mission", BOLD, 14, lead=1.6)
    f.para("Veiller à la protection du public en encadrant l'exercice de la pharmacie et en "
           "soutenant la compétence des pharmaciens dans tous les milieux de pratique, qu'ils "
           "exercent en officine, en établissement de santé ou dans l'industrie.")
    f.gap(12)
    f.line("Orientations et objectifs", BOLD, 15, lead=1.8)
    f.line("Orientation 1 : Renforcer la sécurité des soins pharmaceutiques", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 : Réduire les erreurs liées aux préparations stériles", BOLD, 11.5, lead=1.5)
    f.line("Actions", BOLD, 11, lead=1.5)
    f.bullet("Réviser la norme sur les préparations magistrales stériles")
    f.bullet("Offrir une formation en ligne aux pharmaciens d'établissement")
    f.gap(4)
    f.line("Résultats attendus", BOLD, 11, lead=1.5)
    f.bullet("Une norme révisée adoptée par le conseil d'administration")
    f.bullet("Une baisse des déclarations d'incidents en pharmacie")
    f.gap(6)
    f.line("Objectif 1.2 : Mieux encadrer la prescription par les pharmaciens", BOLD, 11.5, lead=1.5)
    f.line("Actions", BOLD, 11, lead=1.5)
    f.bullet("Publier un guide sur l'ajustement des ordonnances")
    f.bullet("Inspecter en priorité les pharmacies à haut volume")
    f.gap(10)
    f.line("Orientation 2 : Accroître la transparence envers le public", BOLD, 13, lead=1.6)
    f.line("Objectif 2.1 : Faciliter l'accès aux décisions disciplinaires", BOLD, 11.5, lead=1.5)
    f.line("Actions", BOLD, 11, lead=1.5)
    f.bullet("Mettre en ligne un moteur de recherche des décisions")
    f.gap(4)
    f.line("Résultats attendus", BOLD, 11, lead=1.5)
    f.bullet("Un délai de publication des décisions réduit de moitié")
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Renforcer la sécurité des soins pharmaceutiques"
    o11 = "Réduire les erreurs liées aux préparations stériles"
    o12 = "Mieux encadrer la prescription par les pharmaciens"
    o2 = "Accroître la transparence envers le public"
    o21 = "Faciliter l'accès aux décisions disciplinaires"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", o11, o1),
        ("action", None, "Réviser la norme sur les préparations magistrales stériles", o11),
        ("action", None, "Offrir une formation en ligne aux pharmaciens d'établissement", o11),
        ("expected_result", None, "Une norme révisée adoptée par le conseil d'administration", o11),
        ("expected_result", None, "Une baisse des déclarations d'incidents en pharmacie", o11),
        ("objective", "1.2", o12, o1),
        ("action", None, "Publier un guide sur l'ajustement des ordonnances", o12),
        ("action", None, "Inspecter en priorité les pharmacies à haut volume", o12),
        ("orientation", "2", o2, None),
        ("objective", "2.1", o21, o2),
        ("action", None, "Mettre en ligne un moteur de recherche des décisions", o21),
        ("expected_result", None, "Un délai de publication des décisions réduit de moitié", o21),
    ]
    assert out["targets"] == []
    assert {r["page"] for r in out["plan_items"]} == {1}
    assert all(r["item_id"].startswith("t-") for r in out["plan_items"])


# --------------------------------------------------------------------------- 2. numbered outline

def test_numbered_outline_without_labels_two_levels(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2023-2026", "Ordre des infirmières et infirmiers du Québec")
    f.line("Le mot de la présidente", BOLD, 14, lead=1.6)
    f.para("Ce plan trace la voie des trois prochaines années. Il a été adopté par le conseil "
           "d'administration au terme d'une vaste consultation des membres, des étudiantes et "
           "des partenaires du réseau de la santé.")
    f.gap(12)
    f.line("Nos orientations stratégiques", BOLD, 15, lead=1.8)
    f.line("1. Valoriser l'expertise infirmière dans le réseau de la santé", BOLD, 11.5, lead=1.6)
    f.line("1.1 Promouvoir le rôle des infirmières praticiennes spécialisées")
    f.line("1.2 Soutenir l'intégration des infirmières formées à l'étranger")
    f.gap(6)
    f.line("2. Assurer la qualité des soins infirmiers", BOLD, 11.5, lead=1.6)
    f.line("2.1 Moderniser le programme de surveillance de l'exercice")
    f.line("2.2 Encadrer la pratique infirmière en soins à domicile")
    f.line("2.3 Renforcer la formation continue en santé mentale")
    out = _plan(f.save(tmp_path / "p.pdf"))

    a = "Valoriser l'expertise infirmière dans le réseau de la santé"
    b = "Assurer la qualité des soins infirmiers"
    assert _items(out) == [
        ("orientation", "1", a, None),
        ("objective", "1.1", "Promouvoir le rôle des infirmières praticiennes spécialisées", a),
        ("objective", "1.2", "Soutenir l'intégration des infirmières formées à l'étranger", a),
        ("orientation", "2", b, None),
        ("objective", "2.1", "Moderniser le programme de surveillance de l'exercice", b),
        ("objective", "2.2", "Encadrer la pratique infirmière en soins à domicile", b),
        ("objective", "2.3", "Renforcer la formation continue en santé mentale", b),
    ]
    assert out["targets"] == []


def test_numbered_outline_without_labels_three_levels(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2024-2027", "Ordre des sages-femmes du Québec")
    f.line("Enjeux, orientations et objectifs", BOLD, 15, lead=1.8)
    f.line("1. L'accès aux services de sage-femme", BOLD, 12.5, lead=1.6)
    f.line("1.1 Favoriser l'ouverture de maisons de naissance", BOLD, 11, lead=1.5)
    f.line("1.1.1 Documenter les besoins des régions éloignées", x=80)
    f.line("1.1.2 Collaborer avec les établissements pour recruter", x=80)
    f.line("1.2 Faire connaître la profession auprès des familles", BOLD, 11, lead=1.5)
    f.line("1.2.1 Diffuser une campagne d'information provinciale", x=80)
    f.gap(6)
    f.line("2. La qualité de l'exercice", BOLD, 12.5, lead=1.6)
    f.line("2.1 Actualiser les normes de pratique", BOLD, 11, lead=1.5)
    f.line("2.1.1 Réviser la norme sur le suivi postnatal", x=80)
    f.line("2.1.2 Publier des lignes directrices sur l'accouchement à domicile", x=80)
    out = _plan(f.save(tmp_path / "p.pdf"))

    i1, i2 = "L'accès aux services de sage-femme", "La qualité de l'exercice"
    o11 = "Favoriser l'ouverture de maisons de naissance"
    o12 = "Faire connaître la profession auprès des familles"
    o21 = "Actualiser les normes de pratique"
    assert _items(out) == [
        ("issue", "1", i1, None),
        ("orientation", "1.1", o11, i1),
        ("objective", "1.1.1", "Documenter les besoins des régions éloignées", o11),
        ("objective", "1.1.2", "Collaborer avec les établissements pour recruter", o11),
        ("orientation", "1.2", o12, i1),
        ("objective", "1.2.1", "Diffuser une campagne d'information provinciale", o12),
        ("issue", "2", i2, None),
        ("orientation", "2.1", o21, i2),
        ("objective", "2.1.1", "Réviser la norme sur le suivi postnatal", o21),
        ("objective", "2.1.2", "Publier des lignes directrices sur l'accouchement à domicile", o21),
    ]


# --------------------------------------------------------------------------- 3. unruled grid

_GRID_X = (50.0, 180.0, 330.0)  # ENJEUX | ORIENTATIONS | OBJECTIFS
_VALUE_X = 395.0  # value of "Indicateur :" / "Cible :" lines
_GRID_SIZE, _GRID_LEAD = 9.0, 11.5

# (issue lines, orientation lines, objective lines, indicator lines, target lines); page break = None
_GRID_ROWS = [
    (["L'accès à la justice", "pour tous"], ["1. Rendre les services", "juridiques plus accessibles"],
     ["1.1 Étendre le service de consultation gratuite"],
     ["Nombre de cliniques juridiques", "ouvertes en région"], ["Hiver 2025"]),
    ([], [], ["1.2 Simplifier le langage des formulaires"],
     ["Proportion de formulaires révisés"], ["Juin 2024"]),
    ([], ["2. Soutenir les justiciables", "non représentés"],
     ["2.1 Créer un guichet d'information dans", "chaque palais de justice"],
     ["Nombre de guichets en activité"], ["À partir de 2024"]),
    (["La compétence des", "membres"], ["3. Moderniser la formation", "continue obligatoire"],
     ["3.1 Offrir des formations sur l'intelligence", "artificielle"],
     ["Nombre de formations offertes"], ["Au moins 3 par année"]),
    None,
    ([], [], ["3.2 Revoir les règles de la période de", "référence"],
     ["Règlement modifié et approuvé"], ["2025-2026"]),
    ([], [], ["3.3 Accroître la participation au mentorat"],
     ["Nombre de jeunes avocats inscrits", "au programme de mentorat"],
     ["Augmentation de 15 % du nombre", "de mentorés d'ici mars 2026"]),
    (["La confiance du public", "envers la profession"], ["4. Renforcer la surveillance", "de l'exercice"],
     ["4.1 Réduire le délai de traitement des", "demandes d'enquête"],
     ["Délai moyen de traitement"], ["D'ici l'automne 2025"]),
    ([], [], ["4.2 Publier un bilan annuel de l'inspection"],
     ["Bilan diffusé sur le site Web"], ["En continu"]),
]


def _grid_pdf(path):
    c = _canvas(path)
    y = 0.0

    def header():
        nonlocal y
        c.setFont(BOLD, 10)
        for x, word in zip(_GRID_X, ("ENJEUX", "ORIENTATIONS", "OBJECTIFS"), strict=True):
            c.drawString(x, y, word)
        y -= 24

    def draw(x, y0, lines, font=REG):
        c.setFont(font, _GRID_SIZE)
        for k, t in enumerate(lines):
            c.drawString(x, y0 - _GRID_LEAD * k, t)

    c.setFont(BOLD, 22)
    c.drawString(50, 740, "Plan stratégique 2024-2027")
    c.setFont(REG, 14)
    c.drawString(50, 712, "Barreau du Québec")
    c.setFont(BOLD, 14)
    c.drawString(50, 670, "Synthèse du plan")
    y = 640.0
    header()
    for row in _GRID_ROWS:
        if row is None:
            c.showPage()
            y = 740.0
            header()
            continue
        issue, orient, obj, ind, tgt = row
        draw(_GRID_X[0], y, issue)
        draw(_GRID_X[1], y, orient)
        draw(_GRID_X[2], y, obj)
        yy = y - _GRID_LEAD * len(obj)
        c.setFont(REG, _GRID_SIZE)
        c.drawString(_GRID_X[2], yy, "Indicateur :")
        draw(_VALUE_X, yy, ind)
        yy -= _GRID_LEAD * len(ind)
        c.setFont(REG, _GRID_SIZE)
        c.drawString(_GRID_X[2], yy, "Cible :")
        draw(_VALUE_X, yy, tgt)
        yy -= _GRID_LEAD * len(tgt)
        y = min(yy, y - _GRID_LEAD * max(len(issue), len(orient))) - 14
    c.showPage()
    c.save()
    return path


def test_unruled_grid_over_two_pages_with_indicators_and_targets(tmp_path):
    out = _plan(_grid_pdf(tmp_path / "p.pdf"))
    i1, i2, i3 = "L'accès à la justice pour tous", "La compétence des membres", \
        "La confiance du public envers la profession"
    o1, o2, o3, o4 = ("Rendre les services juridiques plus accessibles",
                      "Soutenir les justiciables non représentés",
                      "Moderniser la formation continue obligatoire",
                      "Renforcer la surveillance de l'exercice")
    b11 = "Étendre le service de consultation gratuite"
    b12 = "Simplifier le langage des formulaires"
    b21 = "Créer un guichet d'information dans chaque palais de justice"
    b31 = "Offrir des formations sur l'intelligence artificielle"
    b32 = "Revoir les règles de la période de référence"
    b33 = "Accroître la participation au mentorat"
    b41 = "Réduire le délai de traitement des demandes d'enquête"
    b42 = "Publier un bilan annuel de l'inspection"
    n = dict([
        ("11", "Nombre de cliniques juridiques ouvertes en région"),
        ("12", "Proportion de formulaires révisés"),
        ("21", "Nombre de guichets en activité"),
        ("31", "Nombre de formations offertes"),
        ("32", "Règlement modifié et approuvé"),
        ("33", "Nombre de jeunes avocats inscrits au programme de mentorat"),
        ("41", "Délai moyen de traitement"),
        ("42", "Bilan diffusé sur le site Web")])
    assert _items(out) == [
        ("issue", None, i1, None),
        ("orientation", "1", o1, i1),
        ("objective", "1.1", b11, o1),
        ("indicator", None, n["11"], b11),
        ("objective", "1.2", b12, o1),
        ("indicator", None, n["12"], b12),
        ("orientation", "2", o2, i1),
        ("objective", "2.1", b21, o2),
        ("indicator", None, n["21"], b21),
        ("issue", None, i2, None),
        ("orientation", "3", o3, i2),
        ("objective", "3.1", b31, o3),
        ("indicator", None, n["31"], b31),
        ("objective", "3.2", b32, o3),
        ("indicator", None, n["32"], b32),
        ("objective", "3.3", b33, o3),
        ("indicator", None, n["33"], b33),
        ("issue", None, i3, None),
        ("orientation", "4", o4, i3),
        ("objective", "4.1", b41, o4),
        ("indicator", None, n["41"], b41),
        ("objective", "4.2", b42, o4),
        ("indicator", None, n["42"], b42),
    ]
    assert [r["page"] for r in out["plan_items"] if r["kind"] == "objective"] == [1, 1, 1, 1, 2, 2, 2, 2]
    assert _targets(out) == [
        (n["11"], "Hiver 2025", "date", "2025-01-01", "2025-03-19", None),
        (n["12"], "Juin 2024", "date", "2024-06-01", "2024-06-30", None),
        (n["21"], "À partir de 2024", "date", "2024-01-01", None, None),
        (n["31"], "Au moins 3 par année", "quantity", None, None, "3 par année"),
        (n["32"], "2025-2026", "date", "2025-04-01", "2026-03-31", None),
        (n["33"], "Augmentation de 15 % du nombre de mentorés d'ici mars 2026", "quantity",
         None, None, "15 %"),
        (n["41"], "D'ici l'automne 2025", "date", "2025-09-22", "2025-12-31", None),
        (n["42"], "En continu", "other", None, None, None),
    ]


# --------------------------------------------------------------------------- 4. ruled table

def test_ruled_table_objective_cells_spanning_indicator_rows(tmp_path):
    path = tmp_path / "p.pdf"
    _fonts()
    title = ParagraphStyle("t", fontName=BOLD, fontSize=22, leading=28)
    org = ParagraphStyle("o", fontName=REG, fontSize=14, leading=18)
    head = ParagraphStyle("h", fontName=BOLD, fontSize=13, leading=17)
    body = ParagraphStyle("b", fontName=REG, fontSize=10.5, leading=14)
    cell = ParagraphStyle("c", fontName=REG, fontSize=9.5, leading=12)
    hcell = ParagraphStyle("hc", fontName=BOLD, fontSize=10, leading=12)
    raw = [
        ("OS1 Accroître le nombre d'inspections professionnelles",
         "Nombre d'inspections réalisées", "Au moins 600 par année"),
        ("", "Délai de transmission des rapports d'inspection", "Au plus 10 jours ouvrables"),
        ("OS2 Encadrer l'usage du titre d'ingénieur",
         "Guide sur l'usage du titre publié", "31 mars 2025"),
        ("", "Nombre de signalements d'usurpation", "Diminution de 20 % d'ici 2026"),
        ("OS3 Informer le public sur le rôle de l'ingénieur",
         "Campagne de sensibilisation lancée", "Au plus tard en décembre 2024"),
        ("", "Nombre de visites de la page d'information", "Dès 2024-2025"),
    ]
    data = [[Paragraph(h, hcell) for h in ("Objectif", "Indicateur", "Cible")]]
    data += [[Paragraph(t, cell) if t else "" for t in row] for row in raw]
    table = Table(data, colWidths=[190, 170, 130])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("SPAN", (0, 1), (0, 2)), ("SPAN", (0, 3), (0, 4)), ("SPAN", (0, 5), (0, 6)),
    ]))
    story = [
        Paragraph("Plan stratégique 2023-2026", title),
        Paragraph("Ordre des ingénieurs du Québec", org), Spacer(1, 18),
        Paragraph("Ce plan fixe les priorités de l'Ordre pour protéger le public et soutenir "
                  "les ingénieurs dans un contexte de transition énergétique. Il sera suivi "
                  "chaque année par le conseil d'administration.", body), Spacer(1, 14),
        Paragraph("Orientation 2 : Renforcer la confiance envers le génie", head), Spacer(1, 10),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=letter, invariant=1).build(story)
    out = _plan(path)

    o2 = "Renforcer la confiance envers le génie"
    a = "Accroître le nombre d'inspections professionnelles"
    b = "Encadrer l'usage du titre d'ingénieur"
    c = "Informer le public sur le rôle de l'ingénieur"
    assert _items(out) == [
        ("orientation", "2", o2, None),
        ("objective", "OS1", a, o2),
        ("indicator", None, "Nombre d'inspections réalisées", a),
        ("indicator", None, "Délai de transmission des rapports d'inspection", a),
        ("objective", "OS2", b, o2),
        ("indicator", None, "Guide sur l'usage du titre publié", b),
        ("indicator", None, "Nombre de signalements d'usurpation", b),
        ("objective", "OS3", c, o2),
        ("indicator", None, "Campagne de sensibilisation lancée", c),
        ("indicator", None, "Nombre de visites de la page d'information", c),
    ]
    assert _targets(out) == [
        ("Nombre d'inspections réalisées", "Au moins 600 par année", "quantity", None, None,
         "600 par année"),
        ("Délai de transmission des rapports d'inspection", "Au plus 10 jours ouvrables",
         "quantity", None, None, "10 jours ouvrables"),
        ("Guide sur l'usage du titre publié", "31 mars 2025", "date", "2025-03-31", "2025-03-31", None),
        ("Nombre de signalements d'usurpation", "Diminution de 20 % d'ici 2026", "quantity",
         None, None, "20 %"),
        ("Campagne de sensibilisation lancée", "Au plus tard en décembre 2024", "date",
         "2024-12-01", "2024-12-31", None),
        ("Nombre de visites de la page d'information", "Dès 2024-2025", "date",
         "2024-04-01", "2025-03-31", None),
    ]


# --------------------------------------------------------------------------- 5. two columns

def test_two_text_columns_are_read_one_after_the_other(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2024-2028", "Ordre des psychologues du Québec")
    f.line("Axes et objectifs 2024-2028", BOLD, 15, lead=2.0)
    top = f.y
    width = 225.0
    columns = [
        (60.0, "Axe 1 : Protéger les personnes en situation de vulnérabilité", [
            "Objectif 1.1 : Encadrer la psychothérapie offerte à distance et par "
            "les plateformes numériques",
            "Objectif 1.2 : Intensifier l'inspection des psychologues en pratique privée",
            "Objectif 1.3 : Mieux informer le public sur le titre de psychothérapeute"]),
        (330.0, "Axe 2 : Soutenir la relève en psychologie", [
            "Objectif 2.1 : Réduire les délais d'obtention du permis pour les candidats "
            "diplômés hors Québec",
            "Objectif 2.2 : Accompagner les nouveaux membres durant leurs premières années "
            "d'exercice"]),
    ]
    for x, axis, objectives in columns:
        f.y = top
        f.lines(wrap(axis, BOLD, 11.5, width), BOLD, 11.5, x)
        f.gap(6)
        for obj in objectives:
            f.lines(wrap(obj, REG, 10, width), REG, 10, x)
            f.gap(8)
    out = _plan(f.save(tmp_path / "p.pdf"))

    a1 = "Protéger les personnes en situation de vulnérabilité"
    a2 = "Soutenir la relève en psychologie"
    assert _items(out) == [
        ("orientation", "1", a1, None),
        ("objective", "1.1", "Encadrer la psychothérapie offerte à distance et par les "
         "plateformes numériques", a1),
        ("objective", "1.2", "Intensifier l'inspection des psychologues en pratique privée", a1),
        ("objective", "1.3", "Mieux informer le public sur le titre de psychothérapeute", a1),
        ("orientation", "2", a2, None),
        ("objective", "2.1", "Réduire les délais d'obtention du permis pour les candidats "
         "diplômés hors Québec", a2),
        ("objective", "2.2", "Accompagner les nouveaux membres durant leurs premières années "
         "d'exercice", a2),
    ]


# --------------------------------------------------------------------------- 6. page break, hyphenation

def test_wrapped_items_hyphenation_and_list_continuing_on_next_page(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2024-2028", "Ordre des architectes du Québec")
    f.line("Présentation", BOLD, 14, lead=1.6)
    f.para("Le présent plan s'appuie sur les travaux menés avec les membres, les écoles "
           "d'architecture et les partenaires municipaux. Il précise les engagements de "
           "l'Ordre envers le public pour les quatre prochaines années et la manière dont "
           "leur avancement sera rendu public chaque année.")
    f.gap(14)
    f.line("Plan d'action 2024-2028", BOLD, 15, lead=1.8)
    f.line("Orientation 2 – Promouvoir une architecture de qualité", BOLD, 13, lead=1.6)
    f.lines(["Objectif 2.1 – Favoriser le dévelop-",
             "pement des compétences des architectes en matière de construction",
             "durable et de conservation du patrimoine bâti"], BOLD, 11)
    f.gap(6)
    f.line("Moyens", BOLD, 11, lead=1.5)
    f.bullet("Concevoir un parcours de formation continue sur le carbone intrinsèque des "
             "bâtiments, la réutilisation des structures existantes et la sobriété des "
             "matériaux, en partenariat avec les écoles d'architecture")
    f.bullet("Créer un répertoire public des projets exemplaires de rénovation")
    f.bullet("Recenser les pratiques de réemploi des matériaux dans les chantiers "
             "publics et en diffuser une synthèse annuelle")
    f.new_page()
    f.bullet("Reconnaître les formations offertes par les universités québécoises")
    f.bullet("Soutenir la recherche appliquée en conservation du patrimoine moderne")
    f.gap(10)
    f.lines(["Objectif 2.2 – Valoriser le rôle-conseil de l'architecte auprès des",
             "municipalités et des organismes publics"], BOLD, 11)
    f.gap(6)
    f.line("Moyens", BOLD, 11, lead=1.5)
    f.bullet("Publier une trousse d'information destinée aux élus municipaux")
    out = _plan(f.save(tmp_path / "p.pdf", header="OAQ | Plan stratégique 2024-2028", numbers=True))

    o2 = "Promouvoir une architecture de qualité"
    b1 = ("Favoriser le développement des compétences des architectes en matière de "
          "construction durable et de conservation du patrimoine bâti")
    b2 = ("Valoriser le rôle-conseil de l'architecte auprès des municipalités et des "
          "organismes publics")
    got = _items(out)
    assert got == [
        ("orientation", "2", o2, None),
        ("objective", "2.1", b1, o2),
        ("strategy", None, "Concevoir un parcours de formation continue sur le carbone "
         "intrinsèque des bâtiments, la réutilisation des structures existantes et la "
         "sobriété des matériaux, en partenariat avec les écoles d'architecture", b1),
        ("strategy", None, "Créer un répertoire public des projets exemplaires de rénovation", b1),
        ("strategy", None, "Recenser les pratiques de réemploi des matériaux dans les chantiers "
         "publics et en diffuser une synthèse annuelle", b1),
        ("strategy", None, "Reconnaître les formations offertes par les universités québécoises", b1),
        ("strategy", None, "Soutenir la recherche appliquée en conservation du patrimoine moderne", b1),
        ("objective", "2.2", b2, o2),
        ("strategy", None, "Publier une trousse d'information destinée aux élus municipaux", b2),
    ]
    assert [r["page"] for r in out["plan_items"]] == [1, 1, 1, 1, 1, 2, 2, 2, 2]
    assert not any("dévelop-" in r["text"] or "OAQ" in r["text"] for r in out["plan_items"])


# --------------------------------------------------------------------------- introduction, reports

def test_numbered_list_in_the_introduction_is_not_a_plan_item(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2025-2029", "Ordre des optométristes du Québec")
    f.line("Une démarche participative", BOLD, 14, lead=1.6)
    f.line("Le plan a été élaboré en trois étapes :")
    f.line("1. Consultation des membres et des partenaires du milieu de la santé", x=72)
    f.line("2. Analyse de l'environnement externe et des risques pour le public", x=72)
    f.line("3. Validation des priorités par le conseil d'administration", x=72)
    f.para("Plus de 800 optométristes ont répondu au sondage en ligne, et une vingtaine "
           "d'organismes ont été rencontrés au cours de l'automne.")
    f.gap(12)
    f.line("Nos orientations", BOLD, 14, lead=1.6)
    f.line("Orientation 1 : Améliorer l'accès aux soins oculovisuels", BOLD, 12.5, lead=1.6)
    f.line("Objectif 1.1 : Élargir le champ de pratique en santé oculaire", BOLD, 11, lead=1.5)
    f.line("Objectif 1.2 : Encourager la pratique dans les régions éloignées", BOLD, 11, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Améliorer l'accès aux soins oculovisuels"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", "Élargir le champ de pratique en santé oculaire", o1),
        ("objective", "1.2", "Encourager la pratique dans les régions éloignées", o1),
    ]


def test_plural_level_heading_with_the_plan_period_is_not_an_item(tmp_path):
    f = Flow()
    title_page(f, "Plan stratégique 2025-2030", "Ordre des dentistes du Québec")
    f.line("Orientations 2025-2030", BOLD, 15, lead=1.8)
    f.line("Orientation 1 : Prévenir les maladies buccodentaires", BOLD, 12.5, lead=1.6)
    f.line("Objectif 1.1 : Promouvoir le dépistage précoce chez les enfants", BOLD, 11, lead=1.5)
    f.line("Orientation 2 : Encadrer la dentisterie esthétique", BOLD, 12.5, lead=1.6)
    f.line("Objectif 2.1 : Clarifier les règles de publicité des traitements", BOLD, 11, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1, o2 = "Prévenir les maladies buccodentaires", "Encadrer la dentisterie esthétique"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", "Promouvoir le dépistage précoce chez les enfants", o1),
        ("orientation", "2", o2, None),
        ("objective", "2.1", "Clarifier les règles de publicité des traitements", o2),
    ]


def test_activity_report_has_no_plan_items(tmp_path):
    f = Flow()
    title_page(f, "Rapport annuel 2022-2023", "Ordre des orthophonistes et audiologistes du Québec")
    f.line("Suivi des orientations", BOLD, 14, lead=1.6)
    f.line("Orientation 1 : Améliorer l'accès aux services d'audiologie", BOLD, 12, lead=1.5)
    f.line("Objectif 1.1 : Réduire les listes d'attente en milieu scolaire", BOLD, 11, lead=1.5)
    f.line("Cible : Décembre 2023")
    f.para("Au cours de l'exercice, l'Ordre a tenu six rencontres avec le ministère de "
           "l'Éducation et publié deux avis sur les délais d'attente. Les activités de "
           "formation continue ont réuni plus de 900 participants lors des webinaires.")
    out = _plan(f.save(tmp_path / "p.pdf"), doc_type="activity_report")
    assert out == {"statements": [], "plan_items": [], "targets": []}


# --------------------------------------------------------------------------- period columns, centred cells

def test_period_columns_with_vertically_centred_cells_and_years_without_target(tmp_path):
    """A target cell centred in its row starts above the indicator it belongs
    to; a dash under a year says there is no target that year."""
    path = tmp_path / "p.pdf"
    _fonts()
    head = ParagraphStyle("h", fontName=BOLD, fontSize=13, leading=17)
    cell = ParagraphStyle("c", fontName=REG, fontSize=9, leading=11)
    hcell = ParagraphStyle("hc", fontName=BOLD, fontSize=8.5, leading=10)
    rows = [
        ("1. Taux de réponse des membres au sondage annuel sur les besoins de formation continue",
         "40 %", "45 %", "50 %"),
        ("2. Délai de traitement des demandes d'équivalence",
         "Mesure à établir au cours de l'année", "Réduction de 10 % par rapport à la mesure initiale", "–"),
        ("3. Nombre de capsules de formation diffusées", "4", "6", "8"),
    ]
    data = [[Paragraph(h, hcell) for h in ("INDICATEURS", "CIBLE 2025-2026", "CIBLE 2026-2027", "CIBLE 2027-2028")]]
    data += [[Paragraph(t, cell) for t in row] for row in rows]
    table = Table(data, colWidths=[200, 90, 90, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story = [Paragraph("Plan stratégique 2025-2028", head),
             Paragraph("Ordre des audioprothésistes du Québec", head), Spacer(1, 14),
             Paragraph("Objectif 2.3 : Soutenir le développement professionnel des membres", head),
             Spacer(1, 8), table]
    SimpleDocTemplate(str(path), pagesize=letter, invariant=1).build(story)
    out = _plan(path)
    obj = "Soutenir le développement professionnel des membres"
    i1 = "Taux de réponse des membres au sondage annuel sur les besoins de formation continue"
    i2 = "Délai de traitement des demandes d'équivalence"
    i3 = "Nombre de capsules de formation diffusées"
    assert _items(out) == [("objective", "2.3", obj, None), ("indicator", "1", i1, obj),
                           ("indicator", "2", i2, obj), ("indicator", "3", i3, obj)]
    got = [(item, text, kind, value) for item, text, kind, _, _, value in _targets(out)]
    assert got == [
        (i1, "40 % (2025-2026)", "quantity", "40 %"),
        (i1, "45 % (2026-2027)", "quantity", "45 %"),
        (i1, "50 % (2027-2028)", "quantity", "50 %"),
        (i2, "Mesure à établir au cours de l'année (2025-2026)", "date", None),
        (i2, "Réduction de 10 % par rapport à la mesure initiale (2026-2027)", "quantity", "10 %"),
        (i3, "4 (2025-2026)", "quantity", "4"),
        (i3, "6 (2026-2027)", "quantity", "6"),
        (i3, "8 (2027-2028)", "quantity", "8"),
    ]


# --------------------------------------------------------------------------- brochure typography

def test_letter_spaced_labels_side_bar_panels_and_label_value_columns(tmp_path):
    """A brochure exported from a web page: the level label set in spaced
    capitals ("O R I E N T A T I O N 2"), the mission in a panel with a
    coloured bar at its side, "Indicateur :" and "Cible :" as labels with
    their values in a second column, after a bulleted list of actions."""
    path = tmp_path / "p.pdf"
    c = _canvas(path)
    c.setFont(BOLD, 20)
    c.drawString(60, 740, "Plan stratégique 2024-2027")
    c.setFont(REG, 13)
    c.drawString(60, 718, "Ordre des hygiénistes dentaires du Québec")
    c.setFont(BOLD, 13)
    c.drawString(60, 680, "Notre mission")
    c.setFillColor(colors.HexColor("#0b6e69"))
    c.rect(60, 628, 4, 40, stroke=0, fill=1)  # the bar
    c.setStrokeColor(colors.HexColor("#dddddd"))
    c.rect(64, 628, 440, 40, stroke=1, fill=0)  # the panel's frame
    c.setFillColor(colors.black)
    c.setFont(REG, 10)
    c.drawString(74, 654, "Protéger le public en assurant la qualité des soins d'hygiène dentaire")
    c.drawString(74, 640, "offerts partout au Québec.")
    c.setFont(BOLD, 9)
    c.drawString(60, 600, "ORIENTATION 2", charSpace=3.2)
    c.setFont(BOLD, 13)
    c.drawString(60, 584, "Prévenir les maladies buccodentaires")
    c.setFont(BOLD, 10.5)
    c.drawString(60, 560, "Objectif 2.1 : Joindre les personnes aînées en résidence")
    c.setFont(BOLD, 8.5)
    c.drawString(60, 544, "ACTIONS")
    c.setFont(REG, 10)
    for k, text in enumerate(["Former les préposés aux soins de bouche", "Publier une trousse pour les résidences"]):
        c.drawString(64, 530 - 14 * k, "•")
        c.drawString(74, 530 - 14 * k, text)
    rows = [("Indicateur :", "Nombre de résidences visitées"), ("Cible :", "120 résidences d'ici 2026"),
            ("Indicateur :", "Date de diffusion de la trousse"), ("Cible :", "printemps 2025")]
    for k, (label, value) in enumerate(rows):
        y = 494 - 14 * k - (6 if k >= 2 else 0)
        c.setFont(BOLD, 9.5)
        c.drawString(70, y, label)
        c.setFont(REG, 9.5)
        c.drawString(150, y, value)
    c.showPage()
    c.save()
    doc = extract(path, "t", "0" * 64)
    cls = classify(doc)
    out = extract_plan(doc, cls)
    assert [(s["kind"], s["text"]) for s in out["statements"]] == [
        ("mission", "Protéger le public en assurant la qualité des soins d'hygiène dentaire offerts partout au Québec.")]
    o2, o21 = "Prévenir les maladies buccodentaires", "Joindre les personnes aînées en résidence"
    assert _items(out) == [
        ("orientation", "2", o2, None),
        ("objective", "2.1", o21, o2),
        ("action", None, "Former les préposés aux soins de bouche", o21),
        ("action", None, "Publier une trousse pour les résidences", o21),
        ("indicator", None, "Nombre de résidences visitées", o21),
        ("indicator", None, "Date de diffusion de la trousse", o21),
    ]
    assert _targets(out) == [
        ("Nombre de résidences visitées", "120 résidences d'ici 2026", "quantity", None, None, "120 résidences"),
        ("Date de diffusion de la trousse", "printemps 2025", "date", "2025-03-20", "2025-06-20", None),
    ]
