from __future__ import annotations

import pytest
from pdfgen import PLAN_EXPECTED, PROSE_EXPECTED, RULED_TABLE_ORG

from pipeline.classify import _years_in, acronym_fits, classify, doc_type_of


def test_plan_type_organization_acronym_and_period(extracted_docs):
    c = classify(extracted_docs["plan_single_column"])
    assert c.doc_type == "strategic_plan"
    assert c.organization == PLAN_EXPECTED["org"]
    assert c.organization_acronym == PLAN_EXPECTED["acronym"]
    assert (c.period_start, c.period_end) == PLAN_EXPECTED["period"]


def test_prose_report_is_an_activity_report(extracted_docs):
    c = classify(extracted_docs["prose_report"])
    assert c.doc_type == "activity_report"
    assert c.organization == PROSE_EXPECTED["org"]
    assert (c.period_start, c.period_end) == tuple(PROSE_EXPECTED["period"])


def test_table_report_type_and_organization(extracted_docs):
    c = classify(extracted_docs["ruled_table_report"])
    assert c.doc_type == "activity_report"
    assert c.organization == " ".join(RULED_TABLE_ORG.split())
    assert (c.period_start, c.period_end) == (2022, 2023)


def test_two_column_bilan_is_a_report(extracted_docs):
    assert classify(extracted_docs["two_column_page"]).doc_type == "activity_report"


def test_acronym_letters_are_content_word_initials():
    assert acronym_fits("OCCOQ", "Ordre des conseillers et conseillères d'orientation du Québec")
    assert acronym_fits("OTSTCFQ", "Ordre des travailleurs sociaux et des thérapeutes conjugaux et familiaux du Québec")
    assert not acronym_fits("MSSS", "Ordre des psychologues du Québec")


def test_period_forms():
    assert _years_in("Plan stratégique Vision 20-23", True) == (2020, 2023)
    assert _years_in("Rapport (mars à juin 2020)", False) == (2020, 2020)
    assert _years_in("Suivi du plan 2020-2023 — juin à octobre 2021", False) == (2021, 2021)
    assert _years_in("Rapport annuel 2021-2022", False) == (2021, 2022)
    assert _years_in("Plan d'action 2019–2022", True) == (2019, 2022)
    assert _years_in("Rapport de novembre 2021 à mars 2022", False) == (2021, 2022)
    assert _years_in("Sans date", True) is None


def test_fiscal_years_span_of_a_plan():
    assert _years_in("Plan stratégique 2024-2025 à 2027-2028", True) == (2024, 2028)


@pytest.mark.parametrize("title", ["Rapport de la présidente – mai à août 2022", "Bilan des communications 2022-2023",
                                   "Rapport du directeur général 2023", "Activités de représentation 2021-2022"])
def test_report_titles_that_name_no_activities(title):
    from pipeline.document import Document
    assert doc_type_of(Document("d", "f.pdf", "0"), title) == "activity_report"


def test_organization_printed_in_capitals_takes_the_case_of_the_text(tmp_path):
    from pdfgen import _canvas

    from pipeline.layout import extract

    c = _canvas(tmp_path / "p.pdf")
    c.setFont("DejaVuSans", 10)
    c.drawString(60, 760, "ORDRE DES AUDIOPROTHÉSISTES DU QUÉBEC")
    c.setFont("DejaVuSans-Bold", 20)
    c.drawString(60, 730, "Plan stratégique 2025-2028")
    c.setFont("DejaVuSans", 10)
    c.drawString(60, 700, "L'Ordre des audioprothésistes du Québec présente ses orientations.")
    c.showPage()
    c.save()
    cls = classify(extract(tmp_path / "p.pdf", "d", "0" * 64))
    assert cls.organization == "Ordre des audioprothésistes du Québec"
