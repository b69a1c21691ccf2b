"""Persons and institutions (pipeline.entities.Recognizer) in the forms activity
reports print them: names broken across lines, elided surnames, CIUSSS names,
phrases that open like an institution's name without being one, and names
going on with a place after "à".

Most tests run the recognizer on a text; the name broken at its hyphen is
drawn in a report, since the lines of a table cell are what the pipeline
hands to the recognizer.
"""

from __future__ import annotations

import pytest
from pdfgen_reports import build, head, ruled

from pipeline.activities import extract as extract_activities
from pipeline.classify import classify
from pipeline.entities import Recognizer
from pipeline.layout import extract


def _find(text):
    """(kind, canonical name, printed form) of every mention in ``text``."""
    rec = Recognizer({}, "Ordre professionnel des sexologues du Québec", "OPSQ")
    return [(m["kind"], m["name"], m["mention"]) for m in rec.find(text)]


def _persons(text):
    return [name for kind, name, _ in _find(text) if kind == "person"]


def _institutions(text):
    return [(name, printed) for kind, name, printed in _find(text) if kind == "institution"]


# --------------------------------------------------------------------------- names across lines

def test_name_broken_at_its_hyphen_across_lines_is_one_person(tmp_path):
    """A participants cell too narrow for a compound surname: the line breaks
    after its hyphen ("Véronique Bélanger-" / "Morissette, avocate")."""
    hdr = ("Date", "Activité", "Participants")
    rows = [("15 novembre 2022", "Formation sur la déontologie en sexologie clinique",
             ["Véronique Bélanger-", "Morissette, avocate"])]
    story = [head("Formation continue"), ruled(hdr, rows, [100, 250, 154])]
    path = build(tmp_path / "r.pdf", "Rapport d'activités 2022-2023",
                 "Ordre professionnel des sexologues du Québec", story)
    doc = extract(path, "t", "0" * 64)
    out = extract_activities(doc, classify(doc))
    kinds = {m["entity_id"]: m["kind"] for m in out["mentions"]}
    persons = [(r["mention"], r["role"]) for r in out["activity_entities"] if kinds[r["entity_id"]] == "person"]
    assert persons == [("Véronique Bélanger-Morissette", "avocate")]


def test_first_name_ending_a_line_goes_on_with_the_surname_on_the_next():
    """A credit line whose first name ends the line ("Animation : Maxime" /
    "Rochefort, sexologue")."""
    assert _persons("Animation : Maxime\nRochefort, sexologue") == ["Maxime Rochefort"]


def test_first_name_ending_a_line_does_not_take_the_next_sentence():
    """A line that ends on a first name, the next line opening a sentence."""
    assert _persons("La rencontre a eu lieu avec Julie\nLe comité a ensuite siégé.") == []


# --------------------------------------------------------------------------- elided surnames

@pytest.mark.parametrize("name", ["Émilie O'Connor-Gagnon", "Julien Marcoux-D'Aoust"])
def test_surnames_with_an_elided_particle_are_whole(name):
    """Compound surnames with O' or D' ("O'Connor-Gagnon", "Marcoux-D'Aoust")."""
    assert _persons(f"Rencontre avec {name} au sujet du registre des membres.") == [name]


# --------------------------------------------------------------------------- CIUSSS

_CIUSSS = "Centre intégré universitaire de santé et de services sociaux"


@pytest.mark.parametrize("region", ["du Centre-Sud-de-l'Île-de-Montréal", "de l'Ouest-de-l'Île-de-Montréal"])
def test_ciusss_name_is_expanded_with_its_printed_form_as_mention(region):
    """A health network named by its acronym and an elided compound region."""
    printed = f"CIUSSS {region}"
    assert _institutions(f"Rencontre avec le {printed} au sujet des cliniques de santé sexuelle.") == [
        (f"{_CIUSSS} {region}", printed)]


# --------------------------------------------------------------------------- not institutions

@pytest.mark.parametrize("text", [
    "Le mémoire de l'Ordre sur le rôle des sexologues à l'école a été déposé.",
    "Un atelier de l'Ordre animé par deux membres du conseil a réuni 60 personnes.",
    "L'Assemblée générale annuelle des membres a eu lieu à Québec.",
    "Le Secrétariat de l'Ordre et des affaires juridiques a traité 40 demandes d'accès.",
    "Les décisions du Conseil pour toute la population sont publiées en ligne.",
])
def test_phrases_opening_with_a_head_word_are_not_institutions(text):
    """A head word ("Ordre", "Assemblée", "Secrétariat", "Conseil") followed
    by a preposition, a participle or the organisation's own unit."""
    assert _institutions(text) == []


def test_committee_of_the_national_assembly_stands_for_the_assembly():
    """A parliamentary committee ("Commission de … de l'Assemblée nationale")
    is the National Assembly."""
    text = "La Commission de l'économie et du travail de l'Assemblée nationale a entendu l'Ordre."
    assert _institutions(text) == [("Assemblée nationale du Québec", "Assemblée nationale")]


# --------------------------------------------------------------------------- "à" and a place

@pytest.mark.parametrize("text, expected", [
    ("Visite au Barreau de la Côte-Nord à Baie-Comeau pour la rentrée judiciaire.",
     "Barreau de la Côte-Nord"),
    ("Conférence à l'Université du Québec à Trois-Rivières devant les étudiants.",
     "Université du Québec à Trois-Rivières"),
    ("Conférence à l'Université du Québec à Rimouski sur la santé sexuelle.",
     "Université du Québec à Rimouski"),
])
def test_a_name_stops_before_a_place_unless_it_is_a_university(text, expected):
    """"Barreau de la Côte-Nord à Baie-Comeau" names the section, then the
    city; "Université du Québec à Trois-Rivières" is the university's name."""
    assert [name for name, _ in _institutions(text)] == [expected]
