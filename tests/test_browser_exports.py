"""PDFs exported by a real browser (Chromium's print to PDF) from HTML
documents kept in tests/html/: other fonts, list bullets drawn as shapes,
tables with rules. The extraction must read them like the generated ones."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT

from pipeline import runner

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def _export(tmp_path, name):
    pdf = tmp_path / f"{name}.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", (ROOT / "tests" / "html" / f"{name}.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    res = runner.process_document(str(pdf), "b" * 16, "0" * 64)
    return res["document"], res["tables"], {m["entity_id"]: m for m in res["mentions"]}


def test_report_exported_by_chromium(tmp_path):
    doc, t, ents = _export(tmp_path, "rapport_pharmaciens")
    assert doc["doc_type"] == "activity_report" and (doc["period_start"], doc["period_end"]) == (2022, 2023)
    dates = {}
    for d in t["activity_dates"]:
        dates.setdefault(d["activity_id"], []).append(d["date_start"] if d["date_start"] == d["date_end"]
                                                      else f"{d['date_start']}/{d['date_end']}")
    got = [(a["title"], dates.get(a["activity_id"])) for a in t["activities"]]
    assert got == [
        ("Rencontre sur la pénurie de médicaments", ["2022-04-14"]),
        ("Comité de liaison avec les facultés", ["2022-05-03", "2022-05-17"]),
        ("Congrès annuel", ["2022-06-06/2022-06-08"]),
        ("Consultation sur le projet de loi 15", ["2022-09-21"]),
        ("Communiqué sur la vaccination en pharmacie", ["2022-10-12"]),  # a bullet drawn as a disc
        ("Avis aux membres sur les nouvelles activités professionnelles", ["2023-01-05"]),
    ]
    first = t["activities"][0]["activity_id"]
    names = {(ents[e["entity_id"]]["kind"], ents[e["entity_id"]]["name"]) for e in t["activity_entities"]
             if e["activity_id"] == first}
    assert names == {("person", "Julie Tremblay"), ("institution", "Ministère de la Santé et des Services sociaux")}


def test_plan_exported_by_chromium(tmp_path):
    doc, t, _ = _export(tmp_path, "plan_ergotherapeutes")
    assert doc["doc_type"] == "strategic_plan"
    got = [(i["kind"], i["code"], i["text"]) for i in t["plan_items"]]
    assert got == [
        ("orientation", "1", "Renforcer la qualité de la pratique"),
        ("objective", "1.1", "Moderniser l'inspection professionnelle"),
        ("indicator", None, "nombre d'inspections réalisées"),
        ("objective", "1.2", "Soutenir le développement des compétences"),
        ("indicator", None, "date de lancement du nouveau portail"),
        ("orientation", "2", "Accroître la visibilité de l'Ordre"),
        ("objective", "2.1", "Mieux faire connaître la profession"),
        ("action", None, "Lancer une campagne de sensibilisation"),
        ("action", None, "Publier un bulletin trimestriel"),
    ]
    targets = [(x["text"], x["kind"], x["date_start"], x["date_end"], x["value"]) for x in t["targets"]]
    assert targets == [("400 inspections par année", "quantity", None, None, "400 inspections par année"),
                       ("automne 2024", "date", "2024-09-22", "2024-12-31", None)]
