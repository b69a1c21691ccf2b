"""Plan extraction of a generated PDF and its rows in a form tests compare:
shared by the plan test modules."""

from __future__ import annotations

from pipeline.classify import classify
from pipeline.layout import extract
from pipeline.plans import extract as extract_plan


def plan(path, doc_type="strategic_plan"):
    doc = extract(path, "t", "0" * 64)
    cls = classify(doc)
    assert cls.doc_type == doc_type
    return extract_plan(doc, cls)


def items(out):
    """(kind, code, text, parent's text) of each plan item, in reading order."""
    by_id = {r["item_id"]: r for r in out["plan_items"]}
    return [(r["kind"], r["code"], r["text"],
             by_id[r["parent_id"]]["text"] if r["parent_id"] else None)
            for r in out["plan_items"]]


def targets(out):
    """(item's text, text, kind, date_start, date_end, value) of each target."""
    by_id = {r["item_id"]: r for r in out["plan_items"]}
    return [(by_id[t["item_id"]]["text"] if t["item_id"] in by_id else None, t["text"], t["kind"],
             t["date_start"], t["date_end"], t["value"]) for t in out["targets"]]


def statements(out):
    return [(s["kind"], s["name"], s["text"]) for s in out["statements"]]
