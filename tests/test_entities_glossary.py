"""Institutions (pipeline.entities.Recognizer) named through a list of
acronyms, by the opening of a known name, or by a name whose words a rule
must not cut short or run on.

The list of acronyms is drawn in a report, since the recognizer learns it
from the document's lines (``Recognizer.for_document``); the other tests run
the recognizer on a text.
"""

from __future__ import annotations

import pytest
from pdfgen import BOLD, REG
from pdfgen_plans import Flow, title_page

from pipeline.classify import classify
from pipeline.entities import Recognizer
from pipeline.layout import extract

REPORT = "Rapport d'activités 2024-2025"
ORG = "Ordre des ergothérapeutes du Québec"


def _institutions(rec, text):
    """(canonical name, printed form) of every institution found in ``text``."""
    return [(m["name"], m["mention"]) for m in rec.find(text) if m["kind"] == "institution"]


def _bare():
    """A recognizer that knows only the gazetteer and the organisation."""
    return Recognizer({}, ORG, "OEQ")


def _for(path):
    doc = extract(path, "t", "0" * 64)
    return Recognizer.for_document(doc, classify(doc))


# --------------------------------------------------------------------------- list of acronyms

_SIGLES = [
    ("ARIHQ", "Association des ressources intermédiaires d'hébergement du Québec"),
    ("RPCU", "Regroupement provincial des comités des usagers"),
    ("ROCL", "Regroupement des organismes communautaires de Lanaudière"),
]


def _sigles_report(path, dash):
    """A report opening with its list of acronyms ("Sigles"): each acronym in
    bold, its name beside it at a tab stop (or after a dash on the same
    run of text), then the report's text, which uses the acronyms alone."""
    f = Flow()
    title_page(f, REPORT, ORG)
    f.line("Sigles", BOLD, 13, lead=1.6)
    for acr, name in _SIGLES:
        if dash:
            f.line(f"{acr} – {name}")
        else:
            f.at(60, f.y, acr, BOLD, 10.5)
            f.line(name, REG, 10.5, x=130)
    f.gap(12)
    f.line("Représentations", BOLD, 13, lead=1.6)
    f.para("Le 4 juin 2024, la présidente a rencontré l'ARIHQ et le RPCU au sujet de l'évaluation des "
           "besoins des usagers en ressource intermédiaire.")
    return f.save(path)


_TEXT = "Le 4 juin 2024, la présidente a rencontré l'ARIHQ et le RPCU au sujet des usagers; le ROCL était invité."


@pytest.mark.parametrize("dash", [False, True], ids=["beside", "dash"])
def test_acronym_listed_beside_its_name_in_a_list_of_acronyms_names_the_institution(tmp_path, dash):
    """The report never spells the names out with their acronym in brackets;
    its "Sigles" page sets each acronym beside its name. A later bare
    "ARIHQ" is the association it names there."""
    rec = _for(_sigles_report(tmp_path / "r.pdf", dash))
    assert _institutions(rec, _TEXT) == [(name, acr) for acr, name in _SIGLES]
    assert _institutions(_bare(), _TEXT) == []  # learnt from the list, not from the gazetteer


# --------------------------------------------------------------------------- openings of known names

def test_name_opening_exactly_one_known_name_is_that_institution():
    """A commission named by the first words of its long name ("la
    Commission des droits"): the one known institution whose name opens so."""
    text = "La présidente a écrit à la Commission des droits au sujet de l'accès aux services."
    assert _institutions(_bare(), text) == [
        ("Commission des droits de la personne et des droits de la jeunesse", "Commission des droits")]


def test_minister_named_by_the_opening_of_the_ministry_the_report_names(tmp_path):
    """A report that names the ministry in full with its acronym once, then
    speaks of "le ministre de l'Environnement"."""
    full = ("Ministère de l'Environnement, de la Lutte contre les changements climatiques, de la Faune et "
            "des Parcs")
    f = Flow()
    title_page(f, REPORT, ORG)
    f.line("Représentations", BOLD, 13, lead=1.6)
    f.para(f"L'Ordre a déposé un mémoire auprès du {full} (MELCCFP) sur la qualité de l'air intérieur.")
    rec = _for(f.save(tmp_path / "r.pdf"))
    assert rec.acronyms.get("MELCCFP") == full
    text = "Le 12 février 2025, la présidente a rencontré le ministre de l'Environnement."
    assert _institutions(rec, text) == [(full, "ministre de l'Environnement")]


# --------------------------------------------------------------------------- where a name ends

def test_centre_named_with_aux_and_a_lower_case_word_is_whole():
    """"Centre d'aide aux victimes d'actes criminels de Laval": "aux" before
    a common noun goes on with the name, up to the region."""
    text = "Rencontre avec le Centre d'aide aux victimes d'actes criminels de Laval sur le consentement."
    assert _institutions(_bare(), text) == [
        ("Centre d'aide aux victimes d'actes criminels de Laval",
         "Centre d'aide aux victimes d'actes criminels de Laval")]


def test_au_sujet_de_ends_a_name():
    """"… de Lanaudière au sujet du financement": the name stops before
    "au sujet de"."""
    text = ("La présidente a rencontré le Regroupement des organismes communautaires de Lanaudière au sujet "
            "du financement des services.")
    assert _institutions(_bare(), text) == [
        ("Regroupement des organismes communautaires de Lanaudière",
         "Regroupement des organismes communautaires de Lanaudière")]
