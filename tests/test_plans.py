"""Statements of strategic plans, on plans drawn by the test itself."""

from __future__ import annotations

from pdfgen import BOLD, REG, _canvas, _runs

from pipeline.classify import classify
from pipeline.layout import extract
from pipeline.plans import extract as extract_plan


def _draw(path, lines):
    """lines: (text | [runs], font, size) from the top; None = blank line."""
    c = _canvas(path)
    y = 740.0
    for entry in lines:
        if entry is None:
            y -= 14
            continue
        text, font, size = entry
        if isinstance(text, list):
            _runs(c, 60, y, text)
        else:
            c.setFont(font, size)
            c.drawString(60, y, text)
        y -= size * 1.35
    c.showPage()
    c.save()
    return path


def _statements(path):
    doc = extract(path, "t", "0" * 64)
    return extract_plan(doc, classify(doc))["statements"]


def test_uppercase_headings_and_bold_value_names_with_descriptions(tmp_path):
    pdf = _draw(tmp_path / "p.pdf", [
        ("Planification stratégique 2023-2026", BOLD, 20), None,
        ("MISSION", BOLD, 14),
        ("Encadrer la pratique des hygiénistes dentaires afin", REG, 10.5),
        ("de protéger le public.", REG, 10.5), None,
        ("VISION", BOLD, 14),
        ("Un ordre de référence en santé buccodentaire.", REG, 10.5), None,
        ("VALEURS", BOLD, 14),
        ("Bienveillance", BOLD, 11.5),
        ("Nous agissons avec égard envers chacun.", REG, 10.5),
        ("Transparence", BOLD, 11.5),
        ("Nos décisions sont expliquées et publiques.", REG, 10.5), None,
        ("ORIENTATIONS", BOLD, 14),
        ("Moderniser l'inspection professionnelle.", REG, 10.5),
    ])
    rows = _statements(pdf)
    got = [(r["kind"], r["name"], r["text"]) for r in rows]
    assert got == [
        ("mission", None, "Encadrer la pratique des hygiénistes dentaires afin de protéger le public."),
        ("vision", None, "Un ordre de référence en santé buccodentaire."),
        ("value", "Bienveillance", "Nous agissons avec égard envers chacun."),
        ("value", "Transparence", "Nos décisions sont expliquées et publiques."),
    ]
    assert [r["statement_id"] for r in rows] == ["t-s001", "t-s002", "t-s003", "t-s004"]
    assert all(r["page"] == 1 and r["doc_id"] == "t" for r in rows)


def test_values_listed_inline(tmp_path):
    pdf = _draw(tmp_path / "p.pdf", [
        ("Plan stratégique 2021-2024", BOLD, 20), None,
        ("Notre ambition", BOLD, 15),
        ("Être un leader de la qualité des soins.", REG, 11), None,
        ("Nos valeurs", BOLD, 15),
        ("Respect, équité, innovation et solidarité.", REG, 11),
    ])
    got = [(r["kind"], r["name"], r["text"]) for r in _statements(pdf)]
    assert got == [
        ("ambition", None, "Être un leader de la qualité des soins."),
        ("value", "Respect", None), ("value", "Équité", None),
        ("value", "Innovation", None), ("value", "Solidarité", None),
    ]


def test_value_name_in_bold_after_a_lead_in(tmp_path):
    pdf = _draw(tmp_path / "p.pdf", [
        ("Plan stratégique 2022-2025", BOLD, 20), None,
        ("Valeurs", BOLD, 15),
        ([("Nous travaillons avec ", REG, 10, 0), ("Audace", BOLD, 12, 0)], None, 12),
        ("En proposant des solutions nouvelles.", REG, 10.5),
        ([("Nous travaillons avec ", REG, 10, 0), ("Loyauté", BOLD, 12, 0)], None, 12),
        ("Envers le public et la profession.", REG, 10.5),
    ])
    got = [(r["name"], r["text"]) for r in _statements(pdf)]
    assert got == [("Audace", "En proposant des solutions nouvelles."),
                   ("Loyauté", "Envers le public et la profession.")]


def test_reports_have_no_statements(extracted_docs):
    doc = extracted_docs["prose_report"]
    assert extract_plan(doc, classify(doc))["statements"] == []


def test_values_listed_as_name_colon_description_items(tmp_path):
    pdf = _draw(tmp_path / "v.pdf", [
        ("Plan stratégique 2023-2026", BOLD, 20), None, ("Nos valeurs", BOLD, 14),
        ("• Respect : nous traitons chaque personne avec égard.", REG, 10.5), None,
        ("• Transparence – nos décisions sont expliquées.", REG, 10.5), None,
        ("• Rigueur : nos avis reposent sur les données probantes.", REG, 10.5), None,
        ("ORIENTATIONS", BOLD, 14), ("Moderniser l'inspection.", REG, 10.5),
    ])
    got = [(r["kind"], r["name"], r["text"]) for r in _statements(pdf)]
    assert got == [
        ("value", "Respect", "nous traitons chaque personne avec égard."),
        ("value", "Transparence", "nos décisions sont expliquées."),
        ("value", "Rigueur", "nos avis reposent sur les données probantes."),
    ]


def test_values_named_in_a_sentence_and_described_in_the_next_paragraph(tmp_path):
    pdf = _draw(tmp_path / "p.pdf", [
        ("Plan stratégique 2024-2028", BOLD, 20), None,
        ("Notre mission", BOLD, 14),
        ("Protéger le public en encadrant l'exercice de la podiatrie.", REG, 10.5), None,
        ("Nos valeurs", BOLD, 14),
        ("Les valeurs qui guident l'Ordre sont l'intégrité, la collaboration et l'équité.", REG, 10.5), None,
        ("L'intégrité se traduit par des décisions impartiales. La collaboration", REG, 10.5),
        ("unit l'Ordre à ses partenaires. Enfin, l'équité assure un traitement juste.", REG, 10.5), None,
        ("Ces valeurs orientent toutes nos actions.", REG, 10.5), None,
        ("ORIENTATIONS", BOLD, 14),
    ])
    got = [(r["kind"], r["name"], r["text"]) for r in _statements(pdf)]
    assert got == [
        ("mission", None, "Protéger le public en encadrant l'exercice de la podiatrie."),
        ("value", "Intégrité", "L'intégrité se traduit par des décisions impartiales."),
        ("value", "Collaboration", "La collaboration unit l'Ordre à ses partenaires."),
        ("value", "Équité", "Enfin, l'équité assure un traitement juste."),
    ]


def test_values_after_an_introductory_sentence_as_name_dash_description(tmp_path):
    pdf = _draw(tmp_path / "p.pdf", [
        ("Plan stratégique 2024-2027", BOLD, 20), None,
        ("Nos valeurs", BOLD, 14),
        ("Trois valeurs guident nos décisions et nos relations avec le public.", REG, 10.5), None,
        ([("Équité", BOLD, 10.5, 0), (" – Nous traitons chaque demande avec impartialité.", REG, 10.5, 0)], REG, 10.5), None,
        ([("Rigueur", BOLD, 10.5, 0), (" – Nos décisions reposent sur des faits.", REG, 10.5, 0)], REG, 10.5), None,
        ([("Ouverture", BOLD, 10.5, 0), (" – Nous écoutons nos membres et nos partenaires.", REG, 10.5, 0)], REG, 10.5),
        None, ("ORIENTATIONS", BOLD, 14),
    ])
    got = [(r["kind"], r["name"], r["text"]) for r in _statements(pdf)]
    assert got == [
        ("value", "Équité", "Nous traitons chaque demande avec impartialité."),
        ("value", "Rigueur", "Nos décisions reposent sur des faits."),
        ("value", "Ouverture", "Nous écoutons nos membres et nos partenaires."),
    ]
