"""Scans: a text PDF rendered to images (a "scan" with a slight skew and
noise) goes through OCR and the same extraction; what comes out must be at
least 90 % of what its text twin gives (F1 of the twin's rows)."""

from __future__ import annotations

from difflib import SequenceMatcher

import pdfgen
import pdfgen_hostile as hostile
import pytest

from pipeline import ocr, runner

pytestmark = pytest.mark.skipif(ocr.unavailable_reason() is not None, reason=str(ocr.unavailable_reason()))


def _same(a: str, b: str) -> bool:
    a, b = " ".join((a or "").split()).casefold(), " ".join((b or "").split()).casefold()
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


def _f1(gold: list, got: list, same) -> float:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for k, o in enumerate(got):
            if k not in used and same(g, o):
                used.add(k)
                tp += 1
                break
    if not gold and not got:
        return 1.0
    p, r = tp / max(len(got), 1), tp / max(len(gold), 1)
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _run(path):
    res = runner.process_document(str(path), "t" * 16, "0" * 64)
    return res["document"], res["tables"]


def _dates(tables):
    by: dict[str, set] = {}
    for d in tables["activity_dates"]:
        by.setdefault(d["activity_id"], set()).add((d["date_start"], d["date_end"]))
    return by


@pytest.mark.parametrize("name", ["plan_single_column", "ruled_table_report", "prose_report"])
def test_scan_extracts_at_least_90_percent_of_its_text_twin(tmp_path, name):
    text_pdf = getattr(pdfgen, name)(tmp_path / f"{name}.pdf")
    scan_pdf = hostile.scanned_twin(text_pdf, tmp_path / f"{name}_scan.pdf")
    doc_t, t = _run(text_pdf)
    doc_s, s = _run(scan_pdf)
    assert doc_s["ocr_pages"] and doc_s["status"] == "ok", doc_s
    assert doc_s["doc_type"] == doc_t["doc_type"]
    figures = {}
    if t["plan_items"] or t["statements"]:
        figures["plan_items"] = _f1([(r["kind"], r["text"]) for r in t["plan_items"]],
                                    [(r["kind"], r["text"]) for r in s["plan_items"]],
                                    lambda a, b: a[0] == b[0] and _same(a[1], b[1]))
        figures["statements"] = _f1([(r["kind"], r["text"]) for r in t["statements"]],
                                    [(r["kind"], r["text"]) for r in s["statements"]],
                                    lambda a, b: a[0] == b[0] and _same(a[1], b[1]))
    if t["activities"]:
        dt, ds = _dates(t), _dates(s)
        gold = [(r["title"], frozenset(dt.get(r["activity_id"], ()))) for r in t["activities"]]
        got = [(r["title"], frozenset(ds.get(r["activity_id"], ()))) for r in s["activities"]]
        figures["activities"] = _f1(gold, got, lambda a, b: _same(a[0], b[0]) or (a[1] == b[1] and a[1]))
        figures["activity_dates"] = _f1([d for _, ds_ in gold for d in ds_], [d for _, ds_ in got for d in ds_],
                                        lambda a, b: a == b)
    assert figures and all(v >= 0.9 for v in figures.values()), figures


def test_scan_with_a_rotated_page_box_is_read_upright(tmp_path):
    text_pdf = pdfgen.prose_report(tmp_path / "prose.pdf")
    scan_pdf = hostile.rotated_scan(text_pdf, tmp_path / "prose_rotated.pdf")
    _, t = _run(text_pdf)
    doc_s, s = _run(scan_pdf)
    assert doc_s["ocr_pages"] and doc_s["doc_type"] == "activity_report", doc_s
    got = [r["title"] for r in s["activities"]]
    assert _f1([r["title"] for r in t["activities"]], got, _same) >= 0.9, got
