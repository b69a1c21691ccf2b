"""Activities of activity reports laid out as agendas, run-in paragraphs,
tables broken by a page, and newsletters; the report's own window of days.

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
from pdfgen import FONT_DIR
from pdfgen_plans import Flow, title_page
from pdfgen_reports import BODY, BOLD, REG, PageBreak, Spacer, build, head, para, ruled
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from pipeline.activities import extract as extract_activities
from pipeline.classify import classify
from pipeline.layout import extract

ITALIC = "DejaVuSans-Oblique"
if ITALIC not in pdfmetrics.getRegisteredFontNames():
    pdfmetrics.registerFont(TTFont(ITALIC, str(FONT_DIR / f"{ITALIC}.ttf")))

REPORT = "Rapport d'activités 2022-2023"
DATE_HEAD = ParagraphStyle("dh", fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3)


def _run(path: Path, period=(2022, 2023)):
    doc = extract(path, "t", "0" * 64)
    cls = classify(doc)
    assert cls.doc_type == "activity_report"
    assert (cls.period_start, cls.period_end) == period
    return extract_activities(doc, cls)


def _run_in(lead: str, rest: str, font: str = BOLD) -> Paragraph:
    """A paragraph opening with a run-in title in bold (or italics)."""
    return Paragraph(f'<font name="{font}">{escape(lead)}</font> {escape(rest)}', BODY)


def _date_head(text: str) -> Paragraph:
    return Paragraph(escape(text), DATE_HEAD)


# --------------------------------------------------------------------------- date headings

def test_date_heading_dates_the_paragraph_under_it_titled_by_its_run_in_lead(tmp_path):
    """The president's agenda: each day on a line of its own ("Jeudi 8
    septembre 2022"), the meeting told in the paragraph under it, which opens
    with its title set in italics or in bold."""
    story = [
        head("Agenda de la présidente"),
        _date_head("Jeudi 8 septembre 2022"),
        _run_in("Rencontre avec le Commissaire à la santé et au bien-être.",
                "La présidente a présenté les travaux de l'Ordre sur l'accès aux soins de première ligne.",
                font=ITALIC),
        _date_head("Mardi 18 octobre 2022"),
        _run_in("Colloque annuel.", "La présidente a animé l'atelier sur la collaboration "
                "interprofessionnelle devant les délégués des ordres du domaine de la santé."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des hygiénistes dentaires du Québec", story)
    out = _run(path)
    expected = [
        ("Rencontre avec le Commissaire à la santé et au bien-être", _day("2022-09-08")),
        ("Colloque annuel", _day("2022-10-18")),
    ]
    assert _pairs(out, expected) == expected
    assert [a["title"] for a in out["activities"]] == [t for t, _ in expected]


def test_date_heading_over_a_paragraph_whose_first_line_is_mostly_its_bold_title(tmp_path):
    """The same agenda where the bold run-in title fills most of the
    paragraph's first line, set close under its date heading."""
    story = [
        head("Agenda de la présidente"),
        _date_head("Jeudi 8 septembre 2022"),
        _run_in("Rencontre avec le Commissaire à la santé et au bien-être.",
                "La présidente a présenté les travaux de l'Ordre sur l'accès aux soins de première ligne.",
                font=ITALIC),
        _date_head("Mardi 18 octobre 2022"),
        _run_in("Colloque des ordres du domaine de la santé.",
                "La présidente a animé l'atelier sur la collaboration interprofessionnelle."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des hygiénistes dentaires du Québec", story)
    out = _run(path)
    expected = [
        ("Rencontre avec le Commissaire à la santé et au bien-être", _day("2022-09-08")),
        ("Colloque des ordres du domaine de la santé", _day("2022-10-18")),
    ]
    assert _pairs(out, expected) == expected


def test_date_heading_paragraph_without_a_run_in_lead_is_titled_by_its_first_sentence(tmp_path):
    """The same agenda where the paragraph under the date is plain text: its
    first sentence names the activity."""
    story = [
        head("Agenda de la présidente"),
        _date_head("Mercredi 16 novembre 2022"),
        para("La présidente a participé au forum régional de la Mauricie. Elle y a présenté le "
             "nouveau guide sur la tenue des dossiers devant une centaine de membres."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des hygiénistes dentaires du Québec", story)
    out = _run(path)
    expected = [("La présidente a participé au forum régional de la Mauricie", _day("2022-11-16"))]
    assert _pairs(out, expected) == expected
    assert out["activities"][0]["title"] == expected[0][0]


def test_later_meeting_told_under_a_date_heading_adds_its_date(tmp_path):
    """A paragraph under a date heading that tells a second meeting of the same
    activity ("Une seconde visite a eu lieu le 12 décembre 2022")."""
    story = [
        head("Agenda de la direction générale"),
        _date_head("Lundi 5 décembre 2022"),
        _run_in("Tournée des cliniques de l'Estrie.",
                "La directrice générale a visité trois cliniques de Sherbrooke et de Magog. "
                "Une seconde visite a eu lieu le 12 décembre 2022 à Granby."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des hygiénistes dentaires du Québec", story)
    out = _run(path)
    expected = [("Tournée des cliniques de l'Estrie", _day("2022-12-05", "2022-12-12"))]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- run-in paragraphs

def test_paragraph_under_a_bold_run_in_title_is_one_activity(tmp_path):
    """A report narrating each meeting in one paragraph that opens with its
    title in bold ("Rencontre avec … — Le 24 mai 2022, …"); later sentences
    give another date and "la veille" for the same activity."""
    story = [
        head("Représentations"),
        _run_in("Rencontre avec la Fédération des chambres immobilières du Québec",
                "— Le 24 mai 2022, la présidente a discuté de l'encadrement des inspections "
                "préachat avec les dirigeants de la Fédération. La veille, l'Ordre leur avait "
                "transmis un avis écrit sur le sujet. Le 2 juin 2022, un compte rendu a été "
                "remis aux administrateurs."),
        _run_in("Webinaire sur la norme de pratique",
                "— Le 15 septembre 2022, 320 membres ont suivi la présentation de la norme révisée."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des technologues professionnels du Québec", story)
    out = _run(path)
    expected = [
        ("Rencontre avec la Fédération des chambres immobilières du Québec",
         _day("2022-05-23", "2022-05-24", "2022-06-02")),
        ("Webinaire sur la norme de pratique", _day("2022-09-15")),
    ]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- tables

def test_dates_ending_a_page_and_the_bold_title_opening_the_next_make_one_activity(tmp_path):
    """An activity table broken by the page inside a row: the row's dates are
    the last lines of the page, its bold title and details open the next page
    under the repeated header."""
    hdr = ("ACTIVITÉS", "RÉSULTATS")
    w = [270, 234]
    page1 = [
        (["3 octobre 2022", "**Rencontre avec les responsables de la formation au cégep",
          "Hélène Bouchard, présidente"], ["Une entente de collaboration a été conclue."]),
        (["14 novembre 2022", "21 novembre 2022"], ""),
    ]
    page2 = [
        (["**Comité consultatif sur la formation des inspecteurs", "Louise Giguère, inspectrice"],
         ["Deux recommandations ont été adoptées."]),
        (["6 décembre 2022", "**Séance d'accueil des nouveaux membres", "Hélène Bouchard, présidente"],
         ["Quarante nouveaux membres étaient présents."]),
    ]
    intro = ("Le tableau suivant rend compte des activités de représentation de l'Ordre au cours de "
             "l'exercice et des résultats obtenus. ")
    story = [head("Représentations et résultats"), para(intro * 4), Spacer(1, 372),
             ruled(hdr, page1, w), PageBreak(), ruled(hdr, page2, w)]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des technologues professionnels du Québec", story, pages=2)
    out = _run(path)
    expected = [
        ("Rencontre avec les responsables de la formation au cégep", _day("2022-10-03")),
        ("Comité consultatif sur la formation des inspecteurs", _day("2022-11-14", "2022-11-21")),
        ("Séance d'accueil des nouveaux membres", _day("2022-12-06")),
    ]
    assert _pairs(out, expected) == expected
    assert [a["page"] for a in out["activities"]] == [1, 1, 2]


def test_follow_up_dates_in_the_results_column_count_only_inside_the_report_period(tmp_path):
    """A results column telling a later meeting of the activity (inside the
    period the report covers) and dates outside it (the meeting that opened
    the file, the next one planned), which are references, not meetings."""
    hdr = ("Date", "Activité", "Suivi")
    rows = [
        ("12 octobre 2022", "Rencontre avec la Régie du bâtiment du Québec",
         "Le dossier avait été ouvert lors de la rencontre tenue le 9 décembre 2021. Une rencontre de "
         "suivi a eu lieu à Québec le 30 novembre 2022; la prochaine est prévue pour le 15 janvier 2024."),
        ("8 février 2023", "Consultation sur les normes de sécurité des ascenseurs",
         "Les commentaires de l'Ordre ont été transmis le 22 février 2023."),
    ]
    story = [head("Représentations"), ruled(hdr, rows, [95, 179, 230])]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des technologues professionnels du Québec", story)
    out = _run(path)
    expected = [
        ("Rencontre avec la Régie du bâtiment du Québec", _day("2022-10-12", "2022-11-30")),
        ("Consultation sur les normes de sécurité des ascenseurs", _day("2023-02-08", "2023-02-22")),
    ]
    assert _pairs(out, expected) == expected


def test_dates_wrapped_to_the_start_of_a_results_line_are_not_dated_bullets(tmp_path):
    """The same results column, its text wrapping so that lines open with
    "novembre 2022", "février 2021" and "1er mars 2024"."""
    hdr = ("Date", "Activité", "Suivi")
    rows = [("12 octobre 2022", "Rencontre avec la Régie du bâtiment du Québec",
             "Une rencontre de suivi a eu lieu le 30 novembre 2022. Le règlement adopté le 14 février 2021 "
             "demeure en vigueur jusqu'au 1er mars 2024.")]
    story = [head("Représentations"), ruled(hdr, rows, [95, 190, 219])]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des technologues professionnels du Québec", story)
    out = _run(path)
    expected = [("Rencontre avec la Régie du bâtiment du Québec", _day("2022-10-12", "2022-11-30"))]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- the report's window

def test_prose_dated_before_the_window_in_the_title_or_stating_it_is_no_activity(tmp_path):
    """A quarterly report whose title gives its days ("1er avril au 30 juin
    2023"): a budget adopted on 28 March is a citation, and the sentence
    stating the period covered is no activity."""
    story = [
        head("Faits saillants du trimestre"),
        para("Le présent rapport couvre la période du 1er avril au 30 juin 2023."),
        para("Le 28 mars 2023, le conseil d'administration a adopté le budget de l'exercice, en "
             "hausse de 3 % sur celui de l'année précédente."),
        para("Le 16 mai 2023, la présidente a rencontré les représentants de l'Association des "
             "constructeurs de routes au sujet de la surveillance des chantiers."),
        para("Le 7 juin 2023, l'Ordre a tenu son assemblée générale annuelle à Lévis."),
    ]
    path = build(tmp_path / "r.pdf", "Rapport d'activités : 1er avril au 30 juin 2023",
                 "Ordre des technologues professionnels du Québec", story)
    out = _run(path, period=(2023, 2023))
    expected = [
        ("la présidente a rencontré les représentants", _day("2023-05-16")),
        ("l'Ordre a tenu son assemblée générale annuelle", _day("2023-06-07")),
    ]
    assert _pairs(out, expected) == expected


def test_dated_sentences_of_the_presidents_message_are_not_activities(tmp_path):
    """The report opens with the president's message, which recalls dated
    moments of the year; the activities are listed in a later section."""
    story = [
        head("Mot de la présidente"),
        para("Le 14 juin 2022, nos membres ont élu un conseil renouvelé. Le 3 novembre 2022, nous "
             "avons lancé la consultation sur notre prochain plan stratégique."),
        head("Représentations"),
        para("Le 20 septembre 2022, la présidente a rencontré la sous-ministre de la Famille au "
             "sujet de la formation des éducatrices."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des psychoéducateurs et psychoéducatrices du Québec", story)
    out = _run(path)
    expected = [("la présidente a rencontré la sous-ministre de la Famille", _day("2022-09-20"))]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- newsletters

def test_newsletter_whose_heading_names_the_board_activities_is_an_activity_report(tmp_path):
    """A members' newsletter without the genre in its title; a section heading
    says "Les activités du Bureau" while a small sidebar announces the next
    "séance ordinaire du Bureau" (a cue for minutes)."""
    f = Flow()
    title_page(f, "Le Trait d'union", "Ordre des administrateurs agréés du Québec")
    f.line("Volume 12, numéro 3 – automne 2023", REG, 10, lead=2.0)
    sidebar_y = f.y
    f.line("Les activités du Bureau", BOLD, 13, lead=1.6)
    f.para("Le 12 septembre 2023, le Bureau a adopté la politique de formation continue. Le "
           "26 octobre 2023, il a rencontré les responsables des programmes universitaires en "
           "gestion pour discuter de l'accès à la profession.", width=330)
    f.at(430, sidebar_y, "À l'agenda", BOLD, 9)
    f.at(430, sidebar_y - 12, "Prochaine séance ordinaire", REG, 9)
    f.at(430, sidebar_y - 24, "du Bureau : 7 décembre 2023", REG, 9)
    doc = extract(f.save(tmp_path / "n.pdf"), "t", "0" * 64)
    assert classify(doc).doc_type == "activity_report"
