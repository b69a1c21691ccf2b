"""Generic rules of the plan, activity and entity extractors, each checked on
a document drawn here: letter and roman codes after level labels, a table of
contents, a numbered section closing the plan part, values in a table or in
bold lines just larger than their text, a shaded header row over a ruled
table, code badges, a trailing "Enjeu E1" reference, shaded cells side by
side; bare months, run-in titles dated by a month, a month heading set over
its first entry, years inferred from the report's period; English names of
institutions and "l'Ordre pour" + verb.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from pdfgen import BOLD, REG, _canvas, _fonts
from pdfgen_plans import Flow, title_page, wrap
from pdfgen_reports import BODY, BULLET, build, head
from plan_results import items as _items
from plan_results import plan as _plan
from plan_results import statements as _statements
from plan_results import targets as _targets
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pipeline.activities import extract as extract_activities
from pipeline.classify import classify
from pipeline.dates import find_dates, period_hint
from pipeline.entities import Recognizer
from pipeline.layout import extract
from pipeline.textnorm import collapse_ws

PLAN = "Plan stratégique 2026-2030"
ORG = "Ordre des chimistes du Québec"


# --------------------------------------------------------------------------- helpers

def _flow(org=ORG):
    f = Flow()
    title_page(f, PLAN, org)
    return f


def _save_with_rects(flow, path, rects):
    """Like ``Flow.save``, with filled rectangles (page, x, y, w, h, grey)
    painted under the text."""
    c = _canvas(path, flow.size)
    for n, page in enumerate(flow.pages):
        for p, x, y, w, h, grey in rects:
            if p == n:
                c.setFillGray(grey)
                c.rect(x, y, w, h, stroke=0, fill=1)
        c.setFillGray(0)
        for x, y, text, font, size in page:
            c.setFont(font, size)
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


_TITLE = ParagraphStyle("gt", fontName=BOLD, fontSize=20, leading=25, spaceAfter=6)
_ORGS = ParagraphStyle("go", fontName=REG, fontSize=14, leading=18, spaceAfter=16)
_HEAD = ParagraphStyle("gh", fontName=BOLD, fontSize=14, leading=18, spaceBefore=6, spaceAfter=8)
_CELL = ParagraphStyle("gc", fontName=REG, fontSize=9.5, leading=12)
_HCELL = ParagraphStyle("ghc", parent=_CELL, fontName=BOLD)


def _platypus_plan(path, org, story):
    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1, leftMargin=54, rightMargin=54)
    doc.build([Paragraph(escape(PLAN), _TITLE), Paragraph(escape(org), _ORGS), *story])
    return path


# --------------------------------------------------------------------------- 1. letter and roman codes

def test_letter_codes_after_level_labels(tmp_path):
    """Orientations lettered ("Orientation A — …") and their objectives
    numbered by the letter ("Objectif A.1 — …")."""
    f = _flow()
    f.line("Orientation A — Garantir la sécurité des laboratoires", BOLD, 13, lead=1.6)
    f.line("Objectif A.1 — Inspecter les laboratoires d'analyse privés", BOLD, 10.5, lead=1.5)
    f.para("L'Ordre visitera chaque laboratoire au moins une fois durant le plan.")
    f.line("Objectif A.2 — Publier un guide sur la gestion des matières dangereuses", BOLD, 10.5, lead=1.5)
    f.gap(6)
    f.line("Orientation B — Moderniser la formation des chimistes", BOLD, 13, lead=1.6)
    f.line("Objectif B.1 — Offrir un parcours de formation en chimie verte", BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    oa, ob = "Garantir la sécurité des laboratoires", "Moderniser la formation des chimistes"
    assert _items(out) == [
        ("orientation", "A", oa, None),
        ("objective", "A.1", "Inspecter les laboratoires d'analyse privés", oa),
        ("objective", "A.2", "Publier un guide sur la gestion des matières dangereuses", oa),
        ("orientation", "B", ob, None),
        ("objective", "B.1", "Offrir un parcours de formation en chimie verte", ob),
    ]


def test_roman_numeral_after_axe_is_the_orientations_code(tmp_path):
    """Orientations named "Axe I : …", "Axe II : …"."""
    f = _flow()
    f.line("Axe I : Protéger le public", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 — Renforcer le contrôle des permis temporaires", BOLD, 10.5, lead=1.5)
    f.gap(6)
    f.line("Axe II : Valoriser l'expertise des chimistes", BOLD, 13, lead=1.6)
    f.line("Objectif 2.1 — Faire connaître la profession dans les cégeps", BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1, o2 = "Protéger le public", "Valoriser l'expertise des chimistes"
    assert _items(out) == [
        ("orientation", "I", o1, None),
        ("objective", "1.1", "Renforcer le contrôle des permis temporaires", o1),
        ("orientation", "II", o2, None),
        ("objective", "2.1", "Faire connaître la profession dans les cégeps", o2),
    ]


# --------------------------------------------------------------------------- 2. table of contents

def test_table_of_contents_page_gives_no_plan_item(tmp_path):
    """A table of contents listing the orientations without dot leaders nor
    page numbers on a page of its own, then the body."""
    f = _flow()
    f.line("Table des matières", BOLD, 14, lead=1.8)
    f.line("Mot de la présidente")
    f.line("Orientation A — Sécurité des laboratoires")
    f.line("Orientation B — Formation continue")
    f.line("Mise en œuvre du plan")
    f.new_page()
    f.line("Orientation A — Assurer la sécurité des laboratoires", BOLD, 13, lead=1.6)
    f.line("Objectif A.1 — Inspecter les laboratoires d'analyse privés", BOLD, 10.5, lead=1.5)
    f.gap(6)
    f.line("Orientation B — Soutenir la formation continue", BOLD, 13, lead=1.6)
    f.line("Objectif B.1 — Offrir des webinaires en chimie analytique", BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    oa, ob = "Assurer la sécurité des laboratoires", "Soutenir la formation continue"
    assert _items(out) == [
        ("orientation", "A", oa, None),
        ("objective", "A.1", "Inspecter les laboratoires d'analyse privés", oa),
        ("orientation", "B", ob, None),
        ("objective", "B.1", "Offrir des webinaires en chimie analytique", ob),
    ]
    assert all(r["page"] == 2 for r in out["plan_items"])


# --------------------------------------------------------------------------- 3. numbered section closes

def test_numbered_section_after_the_plan_part_closes_it(tmp_path):
    """Sections numbered "3. Orientations et objectifs", then "4. Suivi et
    reddition de comptes" set in the same size: section 4 is no item."""
    f = _flow()
    f.line("2. Notre démarche", BOLD, 14, lead=1.8)
    f.para("Le plan est le fruit d'une consultation menée auprès de 450 membres en 2025.")
    f.line("3. Orientations et objectifs", BOLD, 14, lead=1.8)
    f.line("Orientation 1 — Prévenir les risques chimiques", BOLD, 12, lead=1.6)
    f.line("Objectif 1.1 — Diffuser des fiches de prévention aux employeurs", BOLD, 10.5, lead=1.5)
    f.line("Objectif 1.2 — Former les inspecteurs aux nouvelles normes", BOLD, 10.5, lead=1.5)
    f.gap(6)
    f.line("4. Suivi et reddition de comptes", BOLD, 14, lead=1.8)
    f.para("Le conseil d'administration recevra chaque année un bilan de la mise en œuvre du plan, "
           "publié dans le rapport annuel de l'Ordre.")
    out = _plan(f.save(tmp_path / "p.pdf"))

    o1 = "Prévenir les risques chimiques"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", "Diffuser des fiches de prévention aux employeurs", o1),
        ("objective", "1.2", "Former les inspecteurs aux nouvelles normes", o1),
    ]


# --------------------------------------------------------------------------- 4. values in a table

_VALUES_ROWS = [
    ("Intégrité", "Nous agissons avec honnêteté dans chacune de nos décisions."),
    ("Équité", "Nous traitons chaque demande de permis selon les mêmes critères."),
    ("Ouverture", "Nous écoutons nos membres et nos partenaires du milieu industriel."),
]


def test_values_one_per_row_of_a_ruled_table(tmp_path):
    """"Nos valeurs" over a table "Valeur | Ce qu'elle signifie", one value a
    row: the header row is no value."""
    data = [[Paragraph("Valeur", _HCELL), Paragraph(escape("Ce qu'elle signifie"), _HCELL)]]
    data += [[Paragraph(escape(n), _CELL), Paragraph(escape(t), _CELL)] for n, t in _VALUES_ROWS]
    table = Table(data, colWidths=[130, 370])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = _platypus_plan(tmp_path / "p.pdf", ORG, [Paragraph("Nos valeurs", _HEAD), table])
    out = _plan(path)
    assert _statements(out) == [("value", n, t) for n, t in _VALUES_ROWS]


# --------------------------------------------------------------------------- 5. values in bold lines

_VALUES_LINES = [
    ("Compétence", "Nos membres maintiennent un haut niveau de connaissances scientifiques."),
    ("Responsabilité", "Nous assumons les conséquences de nos choix envers le public."),
    ("Collégialité", "Nous travaillons de concert avec les ordres du domaine de la santé."),
]


def test_values_named_in_bold_lines_just_smaller_than_the_heading(tmp_path):
    """"NOS VALEURS" in bold 10.5 pt, each name in bold 10 pt over its
    description in 9.3 pt."""
    f = _flow()
    f.line("NOS VALEURS", BOLD, 10.5, lead=1.8)
    for name, text in _VALUES_LINES:
        f.line(name, BOLD, 10, lead=1.4)
        f.para(text, REG, 9.3)
        f.gap(6)
    out = _plan(f.save(tmp_path / "p.pdf"))
    assert _statements(out) == [("value", n, t) for n, t in _VALUES_LINES]


# --------------------------------------------------------------------------- 6. shaded header row

_SHADED_ROWS = [
    ("Accroître le nombre d'inspections", "Nombre d'inspections réalisées par année", "120 inspections"),
    ("Réduire les délais de délivrance", "Délai moyen de délivrance d'un permis", "30 jours"),
]


def test_shaded_header_row_without_rules_over_a_ruled_table(tmp_path):
    """A header row shaded but not ruled ("Objectif | Indicateur | Cible")
    right above the GRID-ruled body rows."""
    data = [[Paragraph(h, _HCELL) for h in ("Objectif", "Indicateur", "Cible")]]
    data += [[Paragraph(escape(c), _CELL) for c in row] for row in _SHADED_ROWS]
    table = Table(data, colWidths=[190, 200, 110])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.75, 0.82, 0.9)),
                               ("GRID", (0, 1), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph(escape("Orientation 1 — Protéger le public"), _HEAD), table]
    out = _plan(_platypus_plan(tmp_path / "p.pdf", ORG, story))

    (o1, i1, _), (o2, i2, _) = _SHADED_ROWS
    assert _items(out) == [
        ("orientation", "1", "Protéger le public", None),
        ("objective", None, o1, "Protéger le public"),
        ("indicator", None, i1, o1),
        ("objective", None, o2, "Protéger le public"),
        ("indicator", None, i2, o2),
    ]
    assert [(t[0], t[1]) for t in _targets(out)] == [(i1, "120 inspections"), (i2, "30 jours")]


# --------------------------------------------------------------------------- 7. code badges

_ISSUES = [
    ("E1", "La sécurité des procédés industriels",
     "Les accidents chimiques récents rappellent l'importance d'une surveillance accrue."),
    ("E2", "La relève professionnelle",
     "Le départ à la retraite de nombreux membres crée une pénurie dans les régions."),
]


def _badges(f, gap=22.0):
    f.line("Nos enjeux", BOLD, 14, lead=1.8)
    for code, title, text in _ISSUES:
        top = f.y
        f.at(60, top, code, BOLD, 14)
        f.line(title, BOLD, 11, x=100, lead=1.5)
        f.lines(wrap(text, REG, 10.5, 420), REG, 10.5, x=100)
        f.gap(gap)


def test_code_badge_beside_a_title_codes_the_issue(tmp_path):
    """"Nos enjeux": each issue's code in large bold type ("E1", 14 pt) at
    the left of its bold title, a paragraph under the title."""
    f = _flow()
    _badges(f)
    out = _plan(f.save(tmp_path / "p.pdf"))
    assert _items(out) == [("issue", code, title, None) for code, title, _ in _ISSUES]


def test_code_badges_of_closely_set_issues(tmp_path):
    """The same issues set 12 pt apart."""
    f = _flow()
    _badges(f, gap=12.0)
    out = _plan(f.save(tmp_path / "p.pdf"))
    assert _items(out) == [("issue", code, title, None) for code, title, _ in _ISSUES]


# --------------------------------------------------------------------------- 8. trailing reference

def test_trailing_enjeu_reference_names_the_orientations_parent(tmp_path):
    """An orientation's title ending on the issue it answers ("… Enjeu E1")."""
    f = _flow()
    _badges(f)
    f.gap(6)
    f.line("Orientation 1 — Renforcer la prévention des accidents Enjeu E1", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 — Mettre à jour la norme sur l'entreposage", BOLD, 10.5, lead=1.5)
    out = _plan(f.save(tmp_path / "p.pdf"))

    e1, e2 = _ISSUES[0][1], _ISSUES[1][1]
    o1 = "Renforcer la prévention des accidents"
    assert _items(out) == [
        ("issue", "E1", e1, None),
        ("issue", "E2", e2, None),
        ("orientation", "1", o1, e1),
        ("objective", "1.1", "Mettre à jour la norme sur l'entreposage", o1),
    ]


# --------------------------------------------------------------------------- 9. shaded cells side by side

GAP9 = 10.0
_IND9 = ("Proportion des laboratoires inspectés ayant corrigé les écarts relevés lors de la visite "
         "précédente")


def _side_by_side(path, size, gap):
    """Objective 1.1, then two abutting shaded cells; the labels "Indicateur :"
    and "Cible :" in bold, the cell border halfway in the gap."""
    f = _flow()
    f.line("Orientation 1 — Protéger le public", BOLD, 13, lead=1.6)
    f.line("Objectif 1.1 — Suivre les laboratoires à risque", BOLD, 10.5, lead=1.5)
    f.gap(6)
    label = "Indicateur : "
    first_width = 36 * size - pdfmetrics.stringWidth(label, BOLD, size)
    words = wrap(_IND9, REG, size, first_width)
    lines = [words[0], " ".join(words[1:])]
    assert pdfmetrics.stringWidth(lines[1], REG, size) < first_width  # two lines in all
    x, top = 66.0, f.y
    f.at(x, top, label, BOLD, size)
    f.at(x + pdfmetrics.stringWidth(label, BOLD, size), top, lines[0], REG, size)
    f.at(x, top - 1.3 * size, lines[1], REG, size)
    end = x + pdfmetrics.stringWidth(label, BOLD, size) + pdfmetrics.stringWidth(lines[0], REG, size)
    f.at(end + gap, top, "Cible : ", BOLD, size)
    f.at(end + gap + pdfmetrics.stringWidth("Cible : ", BOLD, size), top, "85 %", REG, size)
    bottom, border = top - 1.3 * size * 2 - 4, end + gap / 2
    height = top + size + 4 - bottom
    rects = [(0, 60, bottom, border - 60, height, 0.9), (0, border, bottom, 552 - border, height, 0.9)]
    return _plan(_save_with_rects(f, path, rects))


@pytest.mark.parametrize("size", [8.5, 9.5])
def test_shaded_cells_side_by_side_split_the_indicator_from_its_target(tmp_path, size, gap=GAP9):
    """Two abutting shaded cells of one height: "Indicateur : …" wrapping
    over two lines on the left, "Cible : 85 %" on the right, a few points
    after the end of the indicator's first line."""
    out = _side_by_side(tmp_path / "p.pdf", size, gap)
    o1, o11 = "Protéger le public", "Suivre les laboratoires à risque"
    assert _items(out) == [
        ("orientation", "1", o1, None),
        ("objective", "1.1", o11, o1),
        ("indicator", None, _IND9, o11),
    ]
    assert [(t[0], t[1], t[5]) for t in _targets(out)] == [(_IND9, "85 %", "85 %")]


# --------------------------------------------------------------------------- reports

RORG = "Ordre des urbanistes du Québec"


def _run(path: Path, period):
    doc = extract(path, "t", "0" * 64)
    cls = classify(doc)
    assert cls.doc_type == "activity_report"
    assert (cls.period_start, cls.period_end) == period
    return extract_activities(doc, cls)


def _acts(out):
    """(title, sorted dates) of every activity in reading order."""
    return [(collapse_ws(a["title"] or ""),
             sorted((d["date_start"], d["date_end"]) for d in out["activity_dates"]
                    if d["activity_id"] == a["activity_id"]))
            for a in out["activities"]]


def _b(text):
    return f'<font name="{BOLD}">{escape(text)}</font>'


# --------------------------------------------------------------------------- 10. bare month in a list

def test_bullet_dated_by_a_bare_month_spans_the_month(tmp_path):
    """A list of communications, each entry dated before its bold title:
    "9 octobre", or the month alone ("Octobre")."""
    story = [
        head("Communications"),
        Paragraph(f"9 octobre&nbsp;&nbsp;&nbsp;{_b('Entrevue à la radio régionale')} — la présidente a "
                  "parlé de l'aménagement des quartiers.", BULLET, bulletText="•"),
        Paragraph(f"Octobre&nbsp;&nbsp;&nbsp;{_b('Série de balados')} — six épisodes sur la densification "
                  "des banlieues.", BULLET, bulletText="•"),
        Paragraph(f"21 novembre&nbsp;&nbsp;&nbsp;{_b('Entrevue au quotidien Le Soleil')} — sur le "
                  "logement abordable.", BULLET, bulletText="•"),
    ]
    out = _run(build(tmp_path / "r.pdf", "Rapport d'activités 2024", RORG, story), (2024, 2024))
    titles = [t for t, _ in _acts(out)]
    assert len(titles) == 3
    assert "Entrevue à la radio régionale" in titles[0]
    assert "Série de balados" in titles[1]
    assert "Entrevue au quotidien Le Soleil" in titles[2]
    assert [d for _, d in _acts(out)] == [
        [("2024-10-09", "2024-10-09")],
        [("2024-10-01", "2024-10-31")],
        [("2024-11-21", "2024-11-21")],
    ]


# --------------------------------------------------------------------------- 11. run-in title, month

def test_run_in_title_over_a_sentence_opening_on_a_month(tmp_path):
    """"Campagne d'information. En février, l'Ordre a diffusé …" in a report
    on the fiscal year 2023-2024: February is 2024."""
    run_in = _b("Campagne d'information.")
    story = [
        head("Communications"),
        Paragraph(f"{run_in} En février, l'Ordre a diffusé des capsules sur le rôle "
                  "de l'urbaniste dans la planification des municipalités.", BODY),
    ]
    out = _run(build(tmp_path / "r.pdf", "Rapport annuel 2023-2024", RORG, story), (2023, 2024))
    assert _acts(out) == [("Campagne d'information", [("2024-02-01", "2024-02-29")])]


# --------------------------------------------------------------------------- 12. month heading over entry

def test_month_heading_set_close_over_its_first_entry(tmp_path):
    """"Décembre 2023" in bold right above a run-in title on a line of its
    own ("Colloque sur les milieux de vie."), then the dated paragraph, all
    in one block."""
    f = Flow()
    title_page(f, "Rapport annuel 2023-2024", RORG)
    f.line("Représentations", BOLD, 13, lead=1.6)
    f.line("Décembre 2023", BOLD, 10.5)
    f.line("Colloque sur les milieux de vie.", BOLD, 10.5)
    f.para("Le 6 décembre, Mme Geneviève Tardif, urbaniste, a participé à une table ronde sur la "
           "revitalisation des noyaux villageois.")
    out = _run(f.save(tmp_path / "r.pdf"), (2023, 2024))
    assert _acts(out) == [("Colloque sur les milieux de vie", [("2023-12-06", "2023-12-06")])]


# --------------------------------------------------------------------------- 13. year inference

_CONSULT = ("Les 17 et 18 septembre, l'Ordre a pris part aux consultations sur l'habitation, à la lumière du "
            "rapport déposé le 14 mars 2023.")


def test_year_inference_ignores_a_date_before_the_reports_period():
    """A cited date of an earlier year ("déposé le 14 mars 2023") does not
    give its year to the yearless days printed before it."""
    spans = find_dates(_CONSULT, period_hint(2024, 2024))
    days = [(s.start, s.end) for s in spans if s.start.month == 9]
    assert sorted({d for pair in days for d in pair}) == [date(2024, 9, 17), date(2024, 9, 18)]
    assert [s.start for s in spans if s.start.month == 3] == [date(2023, 3, 14)]


def _consultations(tmp_path):
    story = [head("Représentations"), Paragraph(f"{_b('Consultations.')} {escape(_CONSULT)}", BODY)]
    return _run(build(tmp_path / "r.pdf", "Rapport d'activités 2024", RORG, story), (2024, 2024))


def test_activity_dated_by_yearless_days_beside_an_older_cited_date(tmp_path):
    """The run-in titled paragraph: its September days are of 2024."""
    ((title, dates),) = _acts(_consultations(tmp_path))
    assert title == "Consultations"
    assert [d for d in dates if d[0][5:7] == "09"] == [("2024-09-17", "2024-09-17"), ("2024-09-18", "2024-09-18")]


def test_cited_date_before_the_reports_period_is_no_date_of_the_activity(tmp_path):
    assert _acts(_consultations(tmp_path)) == [
        ("Consultations", [("2024-09-17", "2024-09-17"), ("2024-09-18", "2024-09-18")])]


# --------------------------------------------------------------------------- 14. entities

def _institutions(rec, text):
    """(canonical name, acronym, printed form) of every institution found in ``text``."""
    return [(m["name"], m["acronym"], m["mention"]) for m in rec.find(text) if m["kind"] == "institution"]


_ASFP = ("Le 3 mai 2024, la présidente a rencontré l'Association of Saskatchewan Forestry Professionals (ASFP) "
         "au sujet de la mobilité des professionnels.")


def test_english_name_with_its_acronym_is_an_institution(tmp_path):
    """An English name ("l'Association of … Professionals (ASFP)") in a
    French report: an institution, whose acronym the report defines."""
    f = Flow()
    title_page(f, "Rapport d'activités 2024", RORG)
    f.line("Représentations", BOLD, 13, lead=1.6)
    f.para(_ASFP)
    doc = extract(f.save(tmp_path / "r.pdf"), "t", "0" * 64)
    rec = Recognizer.for_document(doc, classify(doc))
    name = "Association of Saskatchewan Forestry Professionals"
    assert rec.acronyms.get("ASFP") == name
    assert _institutions(rec, _ASFP) == [(name, "ASFP", name), (name, "ASFP", "ASFP")]
    assert _institutions(rec, "Une seconde rencontre avec l'ASFP a eu lieu en juin.") == [(name, "ASFP", "ASFP")]
    assert _institutions(Recognizer({}, RORG, "OUQ"), _ASFP) == [(name, None, name)]


def test_ordre_pour_and_a_verb_is_no_institution():
    rec = Recognizer({}, RORG, "OUQ")
    text = ("Elle a présenté les mesures prises par l'Ordre pour accélérer la reconnaissance des diplômes "
            "obtenus à l'étranger.")
    names = [n for n, _, _ in _institutions(rec, text)]
    assert not [n for n in names if n.startswith("Ordre pour")]
    assert names == []
