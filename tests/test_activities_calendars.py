"""Activities of activity reports laid out as calendars by month, tables with
spanned or blank date cells, run-in titles over several lines, follow-up
meetings, sentences dated by a month or a season, entries stating the
report's own period, and yearless dates of a fiscal year.

Each test draws its own report (reportlab platypus, through the helpers of
``pdfgen_reports``) and checks the (title, sorted dates) of every activity in
reading order. Titles are compared tolerantly, as in test_activities: the
expected title must be contained in the extracted one.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from activity_results import day as _day
from activity_results import pairs as _pairs
from pdfgen_reports import BODY, BOLD, PageBreak, build, bullet, head, para, ruled
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pipeline.activities import extract as extract_activities
from pipeline.classify import classify
from pipeline.layout import extract

REPORT = "Rapport d'activités 2024-2025"
ORG = "Ordre des audioprothésistes du Québec"


def _run(path: Path, period=(2024, 2025)):
    doc = extract(path, "t", "0" * 64)
    cls = classify(doc)
    assert cls.doc_type == "activity_report"
    assert (cls.period_start, cls.period_end) == period
    return extract_activities(doc, cls)


def _span(start, end):
    return [(start, end)]


# --------------------------------------------------------------------------- calendars by month

def test_calendar_by_month_dates_bullets_by_their_day_alone(tmp_path):
    """The board's calendar: a heading per month ("Mars 2025"), then one
    bullet per event giving only its day(s): a day, two days, a range."""
    story = [
        head("Calendrier des activités"),
        head("Mars 2025"),
        bullet("12 — Rencontre avec les responsables du programme d'audioprothèse du cégep"),
        bullet("19 et 26 — Séances du comité de révision des normes de pratique"),
        head("Avril 2025"),
        bullet("Du 5 au 7 — Congrès annuel de l'Ordre à Trois-Rivières"),
        bullet("15 — Webinaire sur la tenue des dossiers"),
    ]
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, story))
    expected = [
        ("Rencontre avec les responsables du programme d'audioprothèse du cégep", _day("2025-03-12")),
        ("Séances du comité de révision des normes de pratique", _day("2025-03-19", "2025-03-26")),
        ("Congrès annuel de l'Ordre à Trois-Rivières", _span("2025-04-05", "2025-04-07")),
        ("Webinaire sur la tenue des dossiers", _day("2025-04-15")),
    ]
    assert _pairs(out, expected) == expected
    assert [a["title"] for a in out["activities"]] == [t for t, _ in expected]


# --------------------------------------------------------------------------- blank date cells

_HDR = ("Date", "Activité", "Lieu")
_W = [110, 284, 110]
_SAME_DAY = [
    ("9 avril 2024", ["**Atelier sur la tenue des dossiers"], "Québec"),
    ("", ["**Rencontre des responsables de stage"], "Québec"),
    ("", ["**Souper des nouveaux membres"], "Québec"),
    ("16 avril 2024", ["**Kiosque au salon de l'emploi"], "Laval"),
]
_SAME_DAY_EXPECTED = [
    ("Atelier sur la tenue des dossiers", _day("2024-04-09")),
    ("Rencontre des responsables de stage", _day("2024-04-09")),
    ("Souper des nouveaux membres", _day("2024-04-09")),
    ("Kiosque au salon de l'emploi", _day("2024-04-16")),
]


def test_date_cell_spanning_several_rows_dates_each_of_them(tmp_path):
    """A tour of the regions: one date cell merged over the three rows of
    the events held that day (a rowspan)."""
    table = ruled(_HDR, _SAME_DAY, _W, extra=[("SPAN", (0, 1), (0, 3))])
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, [head("Tournée régionale"), table]))
    assert _pairs(out, _SAME_DAY_EXPECTED) == _SAME_DAY_EXPECTED


def test_blank_date_cell_takes_the_date_of_the_row_above(tmp_path):
    """The same tour with the date left blank on the rows of the same day
    (each row keeps its own rules)."""
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, [head("Tournée régionale"), ruled(_HDR, _SAME_DAY, _W)]))
    assert _pairs(out, _SAME_DAY_EXPECTED) == _SAME_DAY_EXPECTED


_PAGE1 = [
    ("9 avril 2024", ["**Atelier sur la tenue des dossiers"], "Québec"),
    ("23 mai 2024", ["**Conférence publique sur l'audition", "Présentation des nouvelles normes"], "Sherbrooke"),
]


def test_blank_date_cell_after_the_page_break_takes_the_date_from_the_page_before(tmp_path):
    """A table broken by the page inside a row: the cut row's end opens the
    next page (no date, no title), then a row of the same day with its date
    left blank; the header is repeated."""
    page2 = [
        ("", ["sur l'entretien des aides auditives"], ""),
        ("", ["**Visite d'une clinique de Magog"], "Magog"),
        ("4 juin 2024", ["**Assemblée générale annuelle"], "Montréal"),
    ]
    story = [head("Activités"), ruled(_HDR, _PAGE1, _W), PageBreak(), ruled(_HDR, page2, _W)]
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, story, pages=2))
    expected = [
        ("Atelier sur la tenue des dossiers", _day("2024-04-09")),
        ("Conférence publique sur l'audition", _day("2024-05-23")),
        ("Visite d'une clinique de Magog", _day("2024-05-23")),
        ("Assemblée générale annuelle", _day("2024-06-04")),
    ]
    assert _pairs(out, expected) == expected
    assert [a["page"] for a in out["activities"]] == [1, 1, 2, 2]
    assert "sur l'entretien des aides auditives" in out["activities"][1]["description"]


def test_first_row_after_the_page_break_with_a_blank_date_is_an_activity_of_its_own(tmp_path):
    """A date cell spanning rows across the page break: the first row on the
    next page leaves the date blank and opens with its own bold title."""
    page2 = [
        ("", ["**Visite d'une clinique de Magog"], "Magog"),
        ("", ["**Rencontre avec les étudiants de l'Université de Sherbrooke"], "Sherbrooke"),
        ("4 juin 2024", ["**Assemblée générale annuelle"], "Montréal"),
    ]
    story = [head("Activités"), ruled(_HDR, _PAGE1, _W), PageBreak(), ruled(_HDR, page2, _W)]
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, story, pages=2))
    expected = [
        ("Atelier sur la tenue des dossiers", _day("2024-04-09")),
        ("Conférence publique sur l'audition", _day("2024-05-23")),
        ("Visite d'une clinique de Magog", _day("2024-05-23")),
        ("Rencontre avec les étudiants de l'Université de Sherbrooke", _day("2024-05-23")),
        ("Assemblée générale annuelle", _day("2024-06-04")),
    ]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- run-in titles

_NARROW = ParagraphStyle("narrow", parent=BODY, rightIndent=210)


def test_run_in_bold_title_over_two_lines_titles_the_paragraph(tmp_path):
    """A report set in a narrow column: the run-in title in bold fills two
    lines and ends on the third, where the paragraph's text goes on."""
    lead = ("Participation aux travaux du groupe interordres sur l'accès aux soins auditifs "
            "des personnes aînées en résidence privée.")
    rest = ("Le 14 novembre 2024, la présidente a présenté les constats de l'Ordre sur le "
            "dépistage de la perte auditive.")
    story = [head("Représentations"),
             Paragraph(f'<font name="{BOLD}">{escape(lead)}</font> {escape(rest)}', _NARROW)]
    path = build(tmp_path / "r.pdf", REPORT, ORG, story)
    doc = extract(path, "t", "0" * 64)
    (block,) = [b for b in doc.pages[0].blocks if b.text.startswith("Participation")]
    weights = [[w.bold for w in ln.words] for ln in block.lines]
    assert all(weights[0]) and all(weights[1]) and weights[2][0] and not weights[2][-1]  # two bold lines, then more
    out = _run(path)
    expected = [(lead.rstrip("."), _day("2024-11-14"))]
    assert _pairs(out, expected) == expected
    assert out["activities"][0]["title"] == lead.rstrip(".")


# --------------------------------------------------------------------------- follow-up meetings

def test_follow_up_meeting_told_in_the_next_sentence_dates_the_same_activity(tmp_path):
    """A meeting narrated in prose, its follow-up told in the sentence after
    ("Une rencontre de suivi a eu lieu le …")."""
    story = [
        head("Représentations"),
        para("Le 8 octobre 2024, la présidente a rencontré la sous-ministre adjointe aux services aux aînés "
             "au sujet du dépistage auditif. Une rencontre de suivi a eu lieu le 5 novembre 2024 avec son "
             "équipe."),
        para("Le 20 novembre 2024, l'Ordre a tenu une journée de formation sur les acouphènes."),
    ]
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, story))
    expected = [
        ("la présidente a rencontré la sous-ministre adjointe", _day("2024-10-08", "2024-11-05")),
        ("l'Ordre a tenu une journée de formation sur les acouphènes", _day("2024-11-20")),
    ]
    assert _pairs(out, expected) == expected


def test_follow_up_meeting_told_in_the_next_paragraph_dates_the_same_activity(tmp_path):
    """The same meeting, its follow-up told in a paragraph of its own ("Une
    seconde rencontre s'est tenue le …")."""
    story = [
        head("Représentations"),
        para("Le 8 octobre 2024, la présidente a rencontré la sous-ministre adjointe aux services aux aînés "
             "au sujet du dépistage auditif."),
        para("Une seconde rencontre s'est tenue le 3 décembre 2024 pour arrêter le calendrier des travaux."),
        para("Le 10 décembre 2024, l'Ordre a publié son avis sur la vente libre des aides auditives."),
    ]
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, story))
    expected = [
        ("la présidente a rencontré la sous-ministre adjointe", _day("2024-10-08", "2024-12-03")),
        ("l'Ordre a publié son avis sur la vente libre des aides auditives", _day("2024-12-10")),
    ]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- months and seasons

def test_sentences_opening_on_a_month_or_a_season_are_activities(tmp_path):
    """Prose that dates what the Ordre did by a month or a season only ("En
    novembre 2024, …", "À l'automne 2024, …"): each is an activity spanning
    that month or season."""
    story = [
        head("Communications"),
        para("En novembre 2024, l'Ordre a transmis à ses membres un sondage sur la pratique en milieu "
             "scolaire."),
        para("À l'automne 2024, une campagne sur la prévention de la perte auditive a été diffusée dans les "
             "médias régionaux."),
    ]
    out = _run(build(tmp_path / "r.pdf", REPORT, ORG, story))
    expected = [
        ("l'Ordre a transmis à ses membres un sondage", _span("2024-11-01", "2024-11-30")),
        ("une campagne sur la prévention de la perte auditive", _span("2024-09-22", "2024-12-31")),
    ]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- the report's own period

def test_list_entry_opening_with_the_reports_own_period_is_no_activity(tmp_path):
    """A report on four months whose list of documents opens one entry with
    the period it covers ("Du 1er janvier au 30 avril 2025 — …", presented to
    the board later): that entry is the report itself, no activity."""
    story = [
        head("Faits saillants"),
        bullet("Du 1er janvier au 30 avril 2025 — Bilan des inspections professionnelles, présenté le "
               "14 mai 2025 au conseil d'administration"),
        bullet("12 mars 2025 — Rencontre avec la Régie de l'assurance maladie du Québec"),
        bullet("2 avril 2025 — Lancement du guide sur la télépratique"),
    ]
    path = build(tmp_path / "r.pdf", "Rapport d'activités du 1er janvier au 30 avril 2025", ORG, story)
    out = _run(path, period=(2025, 2025))
    expected = [
        ("Rencontre avec la Régie de l'assurance maladie du Québec", _day("2025-03-12")),
        ("Lancement du guide sur la télépratique", _day("2025-04-02")),
    ]
    assert _pairs(out, expected) == expected


def test_dated_list_entry_giving_a_later_date_keeps_its_title(tmp_path):
    """A dated list whose entry tells a follow-up meeting at its end ("12
    mars 2025 — Rencontre …; une rencontre de suivi a eu lieu le 26 mars
    2025")."""
    story = [
        head("Faits saillants"),
        bullet("12 mars 2025 — Rencontre avec la Régie de l'assurance maladie du Québec; une rencontre de "
               "suivi a eu lieu le 26 mars 2025"),
        bullet("2 avril 2025 — Lancement du guide sur la télépratique"),
    ]
    path = build(tmp_path / "r.pdf", "Rapport d'activités du 1er janvier au 30 avril 2025", ORG, story)
    out = _run(path, period=(2025, 2025))
    expected = [
        ("Rencontre avec la Régie de l'assurance maladie du Québec", _day("2025-03-12", "2025-03-26")),
        ("Lancement du guide sur la télépratique", _day("2025-04-02")),
    ]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- fiscal year

def test_yearless_march_after_august_in_a_fiscal_year_report_is_the_next_year(tmp_path):
    """A report on the fiscal year 2023-2024 (April to March) gives two
    meetings without their year in one sentence: 17 August is 2023, and
    21 March, printed after it, is 2024."""
    story = [
        head("Comité de révision"),
        para("Le comité de révision s'est réuni le 17 août et le 21 mars pour étudier les demandes de "
             "révision des décisions du syndic."),
    ]
    out = _run(build(tmp_path / "r.pdf", "Rapport annuel 2023-2024", ORG, story), period=(2023, 2024))
    expected = [("Le comité de révision s'est réuni", _day("2023-08-17", "2024-03-21"))]
    assert _pairs(out, expected) == expected
