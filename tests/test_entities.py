from __future__ import annotations

from pipeline.entities import canonicalize, entity_id, name_key


def test_spelling_variants_share_one_entity_with_aliases():
    rows = canonicalize([
        {"kind": "person", "name": "Jean-Luc DeSerres", "titles": ["c.o."]},
        {"kind": "person", "name": "Jean Luc De Serres"},
        {"kind": "person", "name": "Jean-Luc DeSerres"},
        {"kind": "institution", "name": "Ministère de la Famille", "acronym": "MFA"},
    ])
    people = [r for r in rows if r["kind"] == "person"]
    assert len(people) == 1
    assert people[0]["name"] == "Jean-Luc DeSerres" and people[0]["aliases"] == "Jean Luc De Serres"
    assert people[0]["titles"] == "c.o."
    inst = [r for r in rows if r["kind"] == "institution"][0]
    assert inst["acronym"] == "MFA" and inst["aliases"] == "MFA"


def test_entity_ids_are_stable_and_kind_specific():
    assert entity_id("person", name_key("A B")) == entity_id("person", name_key("a-b"))
    assert entity_id("person", "x") != entity_id("institution", "x")
    assert entity_id("person", "x").startswith("P") and entity_id("institution", "x").startswith("I")
