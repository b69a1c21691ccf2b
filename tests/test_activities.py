"""Activities of activity reports: entries, dates, persons and institutions, on
reports drawn by the test itself (ruled tables, cells listing several entries,
prose, dated lists).

Each test draws its own organisation and wording and checks the (title, sorted
dates) of every activity in reading order, and the persons and institutions
each activity names. Titles are compared tolerantly: the expected title must
be contained in the extracted one after whitespace collapse.
"""

from __future__ import annotations

from activity_results import day as _day
from activity_results import pairs as _pairs
from pdfgen_reports import PageBreak, Spacer, build, bullet, head, para, ruled

from pipeline.activities import extract as extract_activities
from pipeline.classify import classify
from pipeline.entities import canonicalize
from pipeline.layout import extract

REPORT = "Rapport d'activités 2022-2023"


def _run(path, period=(2022, 2023)):
    doc = extract(path, "t", "0" * 64)
    cls = classify(doc)
    assert cls.doc_type == "activity_report"
    assert (cls.period_start, cls.period_end) == period
    return extract_activities(doc, cls)


def _dates(out, aid):
    return sorted((d["date_start"], d["date_end"]) for d in out["activity_dates"]
                  if d["activity_id"] == aid)


def _names(out, aid, kind):
    """Canonical names (from the mentions, via entity_id) of the persons or
    institutions linked to one activity."""
    names = {m["entity_id"]: m["name"] for m in out["mentions"] if m["kind"] == kind}
    return {names[r["entity_id"]] for r in out["activity_entities"]
            if r["activity_id"] == aid and r["entity_id"] in names}


def _people(out, aid):
    return _names(out, aid, "person")


def _insts(out, aid):
    return _names(out, aid, "institution")


def _link(out, aid, name):
    """The activity_entities row of ``aid`` whose entity is named ``name``."""
    names = {m["entity_id"]: m["name"] for m in out["mentions"]}
    rows = [r for r in out["activity_entities"] if r["activity_id"] == aid
            and names.get(r["entity_id"]) == name]
    assert rows, f"{name!r} is not linked to {aid}"
    return rows[0]


def _ids(out):
    return [a["activity_id"] for a in out["activities"]]


# --------------------------------------------------------------------------- 1. two columns, 2 pages

def test_two_column_table_over_two_pages_with_dated_results_and_broken_row(tmp_path):
    hdr = ("ACTIVITÉS", "RÉSULTATS - SUIVIS")
    w = [250, 254]
    page1 = [
        (["14 septembre 2022", "**Rencontre sur l'accès aux services psychosociaux",
          "Julie Tremblay, T.S.", "Nicolas Bergeron, T.S."],
         ["• 05-10-2022 : Avis aux membres sur la tenue des dossiers en CLSC",
          "Une seconde rencontre est prévue au printemps."]),
        (["18, 23 et 30 novembre 2022", "**Groupe de travail sur la pratique autonome",
          "Karine Lapointe, T.S."],
         ["• 12-12-2022 : Publication d'une fiche sur la pratique autonome"]),
        (["Du 17 au 19 janvier 2023", "**Colloque sur l'intervention en protection de la jeunesse",
          "Mathieu Caron, T.S."],
         ["Trois ateliers ont été animés devant près de 400 participants."]),
        (["8 février 2023", "22 février 2023", "**Consultation sur le projet de règlement sur la "
          "formation continue obligatoire", "Julie Tremblay, T.S."],
         ["• 01-03-2023 : Commentaires transmis à l'Office des professions du Québec",
          "Les commentaires portent sur le nombre d'heures exigé, sur la reconnaissance des "
          "activités offertes par les employeurs et sur les modalités de dispense."]),
    ]
    page2 = [
        (["Sophie Gagné, T.S."],
         ["Un suivi sera fait auprès des membres au moyen de l'infolettre."]),
        (["15 mars 2023", "**Webinaire sur la tenue de dossiers numériques",
          "Anne-Marie Côté, T.S."],
         ["• 20-03-2023 : Avis aux membres sur la conservation des dossiers"]),
        (["29 mars 2023", "**Rencontre sur les stages en travail social",
          "Philippe Boucher, T.S."],
         ["Entente de stage renouvelée avec l'Université de Sherbrooke."]),
    ]
    intro = ("Le tableau suivant présente les activités de représentation menées par l'Ordre "
             "au cours de l'exercice, ainsi que les résultats et les suivis qui en découlent. ")
    story = [head("Représentations et suivis"), para(intro * 3), Spacer(1, 6),
             ruled(hdr, page1, w), PageBreak(), ruled(hdr, page2, w)]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des travailleurs sociaux et des thérapeutes "
                 "conjugaux et familiaux du Québec", story, pages=2)
    out = _run(path)

    expected = [
        ("Rencontre sur l'accès aux services psychosociaux", _day("2022-09-14", "2022-10-05")),
        ("Groupe de travail sur la pratique autonome",
         _day("2022-11-18", "2022-11-23", "2022-11-30", "2022-12-12")),
        ("Colloque sur l'intervention en protection de la jeunesse", [("2023-01-17", "2023-01-19")]),
        ("Consultation sur le projet de règlement sur la formation continue obligatoire",
         _day("2023-02-08", "2023-02-22", "2023-03-01")),
        ("Webinaire sur la tenue de dossiers numériques", _day("2023-03-15", "2023-03-20")),
        ("Rencontre sur les stages en travail social", _day("2023-03-29")),
    ]
    assert _pairs(out, expected) == expected
    ids = _ids(out)
    assert [a["page"] for a in out["activities"]] == [1, 1, 1, 1, 2, 2]
    assert all(a["section"] == "Représentations et suivis" for a in out["activities"])
    assert [_people(out, a) for a in ids] == [
        {"Julie Tremblay", "Nicolas Bergeron"}, {"Karine Lapointe"}, {"Mathieu Caron"},
        {"Julie Tremblay", "Sophie Gagné"}, {"Anne-Marie Côté"}, {"Philippe Boucher"}]
    assert [_insts(out, a) for a in ids] == [
        set(), set(), set(), {"Office des professions du Québec"}, set(),
        {"Université de Sherbrooke"}]
    # the broken row's second part is the merged row's description, not a new activity
    assert "infolettre" in (out["activities"][3]["description"] or "")
    # titles are split from persons: "Julie Tremblay, T.S." -> Julie Tremblay, role T.S.
    assert "T.S." in (_link(out, ids[0], "Julie Tremblay")["role"] or "")
    assert _link(out, ids[0], "Julie Tremblay")["mention"] == "Julie Tremblay"
    # the same person in two activities is one entity
    assert (_link(out, ids[0], "Julie Tremblay")["entity_id"]
            == _link(out, ids[3], "Julie Tremblay")["entity_id"])


# --------------------------------------------------------------------------- 2. four columns

def test_four_column_table_with_varied_date_forms_and_participants(tmp_path):
    hdr = ("Date", "Activité", "Participants", "Suivi")
    rows = [
        ("12 septembre 2022", "Rencontre sur les services aux élèves en difficulté",
         "Marc-André Gagnon, conseiller politique, MEQ", "Rencontre de suivi à prévoir"),
        ("Du 3 au 5 octobre 2022", "Congrès annuel des psychoéducateurs",
         "Membres du conseil d'administration", "Bilan présenté au conseil"),
        ("semaine du 14 novembre 2022", "Campagne de valorisation de la profession",
         "Geneviève Lessard, directrice des communications", "Portée de 85 000 personnes"),
        ("20.01.2023", "Groupe de travail sur la santé mentale des jeunes",
         "Ministère de la Santé et des Services sociaux (MSSS)", "Rapport déposé en mars"),
        ("7 février 2023", "Suivi du groupe de travail sur la santé mentale",
         ["Isabelle Fortin, MSSS", "Étienne Morin, Université Laval"], "Aucun"),
    ]
    story = [head("Représentations"),
             para("L'Ordre a participé aux activités suivantes au cours de l'exercice."),
             ruled(hdr, rows, [95, 160, 150, 99])]
    path = build(tmp_path / "r.pdf", REPORT,
                 "Ordre des psychoéducateurs et psychoéducatrices du Québec", story)
    out = _run(path)

    expected = [
        ("Rencontre sur les services aux élèves en difficulté", _day("2022-09-12")),
        ("Congrès annuel des psychoéducateurs", [("2022-10-03", "2022-10-05")]),
        ("Campagne de valorisation de la profession", [("2022-11-14", "2022-11-20")]),
        ("Groupe de travail sur la santé mentale des jeunes", _day("2023-01-20")),
        ("Suivi du groupe de travail sur la santé mentale", _day("2023-02-07")),
    ]
    assert _pairs(out, expected) == expected
    precisions = [sorted({d["precision"] for d in out["activity_dates"] if d["activity_id"] == a})
                  for a in _ids(out)]
    assert precisions == [["day"], ["span"], ["week"], ["day"], ["day"]]
    ids = _ids(out)
    assert [_people(out, a) for a in ids] == [
        {"Marc-André Gagnon"}, set(), {"Geneviève Lessard"}, set(),
        {"Isabelle Fortin", "Étienne Morin"}]
    msss = "Ministère de la Santé et des Services sociaux"
    assert [_insts(out, a) for a in ids] == [
        {"Ministère de l'Éducation"}, set(), set(), {msss}, {msss, "Université Laval"}]
    assert "conseiller politique" in (_link(out, ids[0], "Marc-André Gagnon")["role"] or "")
    assert "directrice des communications" in (_link(out, ids[2], "Geneviève Lessard")["role"] or "")
    assert _link(out, ids[0], "Ministère de l'Éducation")["mention"] == "MEQ"
    # the acronym and the full name defined with it are one entity
    assert (_link(out, ids[3], msss)["entity_id"] == _link(out, ids[4], msss)["entity_id"])
    assert _link(out, ids[4], msss)["mention"] == "MSSS"


# --------------------------------------------------------------------------- 3. plan columns

def test_strategy_action_activity_table_with_a_cell_listing_two_entries(tmp_path):
    hdr = ("Stratégies", "Actions", "Activités")
    s1 = "Stratégie 1 : Accroître la visibilité de la profession"
    s2 = "Stratégie 2 : Soutenir la compétence des membres"
    rows = [
        (s1, "Promouvoir le rôle de l'ergothérapeute auprès des décideurs",
         ["4 mai 2022", "**Rencontre avec le Protecteur du citoyen",
          "Discussion sur l'accès aux aides techniques.",
          "10 et 24 juin 2022", "**Kiosque au congrès de la Fédération des cégeps",
          "Plus de 300 visiteurs."]),
        ("", "Diffuser l'expertise des membres",
         ["19 septembre 2022", "**Lancement d'un balado sur la réadaptation",
          "Six épisodes diffusés."]),
        (s2, "Offrir de la formation continue",
         ["Du 6 au 8 février 2023", "**Formation sur l'éthique clinique",
          "Animée par Chantal Robitaille, erg."]),
    ]
    story = [head("Bilan du plan d'action"),
             para("Le tableau qui suit rend compte des activités réalisées pour chaque action "
                  "du plan d'action annuel."),
             ruled(hdr, rows, [150, 150, 204], extra=[("SPAN", (0, 1), (0, 2))])]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des ergothérapeutes du Québec", story)
    out = _run(path)

    expected = [
        ("Rencontre avec le Protecteur du citoyen", _day("2022-05-04")),
        ("Kiosque au congrès de la Fédération des cégeps", _day("2022-06-10", "2022-06-24")),
        ("Lancement d'un balado sur la réadaptation", _day("2022-09-19")),
        ("Formation sur l'éthique clinique", [("2023-02-06", "2023-02-08")]),
    ]
    assert _pairs(out, expected) == expected
    ctx = [a["plan_context"] or "" for a in out["activities"]]
    assert "Accroître la visibilité de la profession" in ctx[0]
    assert "Accroître la visibilité de la profession" in ctx[1]
    assert "Promouvoir le rôle de l'ergothérapeute" in ctx[1]
    assert "Accroître la visibilité de la profession" in ctx[2]
    assert "Diffuser l'expertise des membres" in ctx[2]
    assert "Soutenir la compétence des membres" in ctx[3]
    assert "Accroître la visibilité" not in ctx[3]
    ids = _ids(out)
    # each entry keeps its own details
    assert "aides techniques" in (out["activities"][0]["description"] or "")
    assert "300 visiteurs" not in (out["activities"][0]["description"] or "")
    assert [_insts(out, a) for a in ids] == [
        {"Protecteur du citoyen"}, {"Fédération des cégeps"}, set(), set()]
    assert [_people(out, a) for a in ids] == [set(), set(), set(), {"Chantal Robitaille"}]


# --------------------------------------------------------------------------- 4. prose

def test_prose_paragraphs_relative_dates_references_and_durations(tmp_path):
    story = [
        head("Représentations politiques"),
        para("Le 12 mai 2022, la présidente a rencontré Mme Sophie Bérubé, sous-ministre adjointe "
             "au ministère de l'Emploi et de la Solidarité sociale. Le lendemain, elle a participé "
             "à un webinaire de l'Université du Québec à Montréal."),
        para("Les travaux sur la refonte du règlement sur les normes de pratique se poursuivent "
             "depuis le 24 avril dernier."),
        para("La présentation a duré 30 minutes."),
        para("Le 8 novembre 2022, le directeur général a rencontré M. Olivier Lachance, président "
             "de la Fédération des chambres de commerce du Québec. Les échanges ont porté sur la "
             "reconnaissance des titres d'évaluateur."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des évaluateurs agréés du Québec", story)
    out = _run(path)

    expected = [
        ("la présidente a rencontré Mme Sophie Bérubé", _day("2022-05-12")),
        ("elle a participé à un webinaire", _day("2022-05-13")),
        ("le directeur général a rencontré M. Olivier Lachance", _day("2022-11-08")),
    ]
    assert _pairs(out, expected) == expected
    ids = _ids(out)
    assert [_people(out, a) for a in ids] == [{"Sophie Bérubé"}, set(), {"Olivier Lachance"}]
    assert [_insts(out, a) for a in ids] == [
        {"Ministère de l'Emploi et de la Solidarité sociale"},
        {"Université du Québec à Montréal"},
        {"Fédération des chambres de commerce du Québec"}]
    assert "sous-ministre adjointe" in (_link(out, ids[0], "Sophie Bérubé")["role"] or "")
    assert all(a["section"] == "Représentations politiques" for a in out["activities"])
    assert not any(d["date_start"].endswith("-04-24") for d in out["activity_dates"])
    assert "reconnaissance des titres" in (out["activities"][2]["description"] or "")


# --------------------------------------------------------------------------- 5. dated list

def test_bulleted_list_of_dated_publications(tmp_path):
    story = [
        head("Publications"),
        bullet("02-11-2022 : Mémoire – Projet de loi modernisant le régime de santé et de "
               "sécurité du travail"),
        bullet("27-01-2023 : Infolettre – Nouvelles règles de formation continue"),
        bullet("13-03-2023 : Communiqué – L'Ordre salue le budget provincial"),
        head("Vie associative"),
        para("L'assemblée générale annuelle a réuni 210 membres, un record de participation "
             "pour l'Ordre."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des chimistes du Québec", story)
    out = _run(path)

    expected = [
        ("Mémoire – Projet de loi modernisant le régime de santé et de sécurité du travail",
         _day("2022-11-02")),
        ("Infolettre – Nouvelles règles de formation continue", _day("2023-01-27")),
        ("Communiqué – L'Ordre salue le budget provincial", _day("2023-03-13")),
    ]
    assert _pairs(out, expected) == expected
    assert [a["section"] for a in out["activities"]] == ["Publications"] * 3
    assert all(not a["title"].startswith(("•", "0", "1", "2")) for a in out["activities"])


# --------------------------------------------------------------------------- 6. fiscal year

def test_dates_without_year_take_the_fiscal_year_of_the_report(tmp_path):
    hdr = ("Date", "Activité")
    rows = [
        ("15 mai", "Rencontre avec les producteurs maraîchers de la Montérégie"),
        ("3 octobre", "Journée d'information sur les pesticides"),
        ("15 février", "Séance de formation sur la fertilisation des sols"),
        ("20 et 27 mars", "Tournée des bureaux régionaux"),
    ]
    story = [head("Activités de l'exercice"),
             para("Les activités suivantes ont été tenues au cours de l'exercice financier."),
             ruled(hdr, rows, [120, 384])]
    path = build(tmp_path / "r.pdf", "Rapport annuel 2022-2023", "Ordre des agronomes du Québec",
                 story)
    out = _run(path)

    expected = [
        ("Rencontre avec les producteurs maraîchers de la Montérégie", _day("2022-05-15")),
        ("Journée d'information sur les pesticides", _day("2022-10-03")),
        ("Séance de formation sur la fertilisation des sols", _day("2023-02-15")),
        ("Tournée des bureaux régionaux", _day("2023-03-20", "2023-03-27")),
    ]
    assert _pairs(out, expected) == expected


# --------------------------------------------------------------------------- 7. canonical entities

def test_name_variants_and_acronyms_share_one_entity(tmp_path):
    hdr = ("Date", "Rencontre", "Participants")
    rows = [
        ("6 juin 2022", "Comité sur la ventilation mécanique à domicile",
         ["Jean-Luc Ouimet, inhalothérapeute", "Ministère de la Santé et des Services sociaux (MSSS)"]),
        ("14 septembre 2022", "Rencontre sur la pénurie d'inhalothérapeutes",
         ["Jean Luc Ouimet", "MSSS"]),
        ("9 novembre 2022", "Rencontre sur les soins à domicile", ["Jean-Luc Ouimet, MSSS"]),
    ]
    story = [head("Rencontres avec les partenaires"), ruled(hdr, rows, [90, 250, 164])]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre professionnel des inhalothérapeutes du Québec",
                 story)
    out = _run(path)

    expected = [
        ("Comité sur la ventilation mécanique à domicile", _day("2022-06-06")),
        ("Rencontre sur la pénurie d'inhalothérapeutes", _day("2022-09-14")),
        ("Rencontre sur les soins à domicile", _day("2022-11-09")),
    ]
    assert _pairs(out, expected) == expected
    ids = _ids(out)
    kinds = {m["entity_id"]: m["kind"] for m in out["mentions"]}
    per_act = [{r["entity_id"] for r in out["activity_entities"]
                if r["activity_id"] == a and kinds.get(r["entity_id"]) == "person"} for a in ids]
    assert all(len(p) == 1 for p in per_act), per_act
    assert per_act[0] == per_act[1] == per_act[2]
    inst = [{r["entity_id"] for r in out["activity_entities"]
             if r["activity_id"] == a and kinds.get(r["entity_id"]) == "institution"} for a in ids]
    assert all(len(i) == 1 for i in inst), inst
    assert inst[0] == inst[1] == inst[2]
    printed = {r["mention"] for r in out["activity_entities"] if r["entity_id"] in inst[0]}
    assert printed == {"Ministère de la Santé et des Services sociaux", "MSSS"}

    rows_ = canonicalize(out["mentions"])
    people = [r for r in rows_ if r["kind"] == "person"]
    insts = [r for r in rows_ if r["kind"] == "institution"]
    assert [(r["entity_id"], r["name"]) for r in people] == [(next(iter(per_act[0])), "Jean-Luc Ouimet")]
    assert "Jean Luc Ouimet" in (people[0]["aliases"] or "")
    assert [(r["entity_id"], r["name"], r["acronym"]) for r in insts] == [
        (next(iter(inst[0])), "Ministère de la Santé et des Services sociaux", "MSSS")]


# --------------------------------------------------------------------------- 8. not institutions

def test_committees_tables_and_forums_are_not_institutions(tmp_path):
    hdr = ("Date", "Événement", "Participants")
    rows = [
        ("4 octobre 2022", "Rencontre du Comité des usagers",
         ["Comité des usagers", "Nathalie Pelletier, présidente"]),
        ("18 octobre 2022", "Table de concertation jeunesse", ["Table de concertation jeunesse"]),
        ("1er décembre 2022", "Forum des partenaires en santé buccodentaire",
         ["Forum des partenaires", "Université Laval"]),
    ]
    story = [
        head("Concertation"),
        ruled(hdr, rows, [90, 250, 164]),
        head("Autres représentations"),
        para("Le 25 janvier 2023, la présidente a pris la parole au Forum des partenaires devant "
             "les membres du Comité des usagers et de la Table de concertation jeunesse."),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des denturologistes du Québec", story)
    out = _run(path)

    expected = [
        ("Rencontre du Comité des usagers", _day("2022-10-04")),
        ("Table de concertation jeunesse", _day("2022-10-18")),
        ("Forum des partenaires en santé buccodentaire", _day("2022-12-01")),
        ("la présidente a pris la parole au Forum des partenaires", _day("2023-01-25")),
    ]
    assert _pairs(out, expected) == expected
    bad = ("comite", "comité", "table", "forum")
    inst_mentions = [m for m in out["mentions"] if m["kind"] == "institution"]
    assert not [m for m in inst_mentions
                if any(w in (m["name"] + " " + m["mention"]).lower() for w in bad)]
    ids = _ids(out)
    assert [_insts(out, a) for a in ids] == [set(), set(), {"Université Laval"}, set()]
    assert [_people(out, a) for a in ids] == [{"Nathalie Pelletier"}, set(), set(), set()]


def test_dates_printed_after_the_title_or_only_in_the_follow_up(tmp_path):
    story = [
        head("Représentations"),
        ruled(("Activité", "Suivi"), [
            ("Rencontre avec le ministère des Transports – 12 octobre 2022", "Aucun suivi requis."),
            ("**Groupe de travail sur la relève**", ["La première réunion a eu lieu le 3 novembre 2022 "
                                                     "et a duré 90 minutes.",
                                                     "Le mandat court depuis le 1er septembre dernier."]),
        ], [260, 244]),
    ]
    path = build(tmp_path / "r.pdf", REPORT, "Ordre des urbanistes du Québec", story)
    out = _run(path)
    expected = [("Rencontre avec le ministère des Transports", _day("2022-10-12")),
                ("Groupe de travail sur la relève", _day("2022-11-03"))]  # not the reference, not a duration
    assert _pairs(out, expected) == expected
