"""The review site in a real browser (headless Chromium driven by Playwright):
every row has a box where its coordinates say, clicking a row highlights its
box, hovering a box highlights its row, the filter hides other kinds.
Screenshots are saved under test-artifacts/."""

from __future__ import annotations

import csv
import shutil

import pytest
from conftest import ROOT

from pipeline import runner

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium)")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    runner.run(ROOT / "raw_docs", out, progress=False)
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        docs = {r["file_name"]: r for r in csv.DictReader(fh)}
    return out, docs


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _rows(out, table, doc_id):
    with open(out / f"{table}.csv", encoding="utf-8-sig", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["doc_id"] == doc_id]


@pytest.mark.parametrize("name,table", [("opq_plan_strategique_2019_2022.pdf", "plan_items"),
                                        ("occoq_rapport_activites_covid19_2020.pdf", "activities")])
def test_boxes_sit_where_the_rows_say_and_respond(site, browser, name, table):
    out, docs = site
    doc_id = docs[name]["doc_id"]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto((out / "review" / f"{doc_id}.html").as_uri())
    page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    n_rows = page.locator(".row").count()
    assert n_rows == page.locator(".box").count() > 0
    # the review lists exactly the rows of the tables for this document
    assert n_rows == sum(len(_rows(out, t, doc_id)) for t in
                         ("statements", "plan_items", "targets", "activities", "activity_dates", "activity_entities"))
    target = _rows(out, table, doc_id)[3]
    label_part = (target.get("text") or target.get("title"))[:25]
    row = page.locator(".row", has_text=label_part).first
    i = row.get_attribute("data-i")
    row.click()
    box = page.locator(f"#box-{i}")
    assert "active" in box.get_attribute("class")
    pg = page.locator(f"#page-{target['page']}")
    img = pg.locator("img").bounding_box()
    w, h = float(pg.get_attribute("data-width")), float(pg.get_attribute("data-height"))
    got = box.bounding_box()
    expect = {"x": img["x"] + img["width"] * float(target["x0"]) / w,
              "y": img["y"] + img["height"] * float(target["top"]) / h,
              "width": img["width"] * (float(target["x1"]) - float(target["x0"])) / w}
    for k, v in expect.items():
        assert abs(got[k] - v) <= 2.5, (k, got, expect)
    assert 0 <= got["y"] <= 900  # scrolled into view
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review-{name.replace('.pdf', '')}.png"))
    other = page.locator(".box").nth(0 if i != "0" else 1)
    other.hover()
    assert "active" in page.locator(f"#row-{other.get_attribute('data-i')}").get_attribute("class")
    kind = row.get_attribute("data-kind")
    page.select_option("#filter", kind)
    hidden = page.locator(".box.hidden").count()
    assert hidden == page.locator(".box").count() - page.locator(f".box[data-kind='{kind}']").count()
    page.close()


def test_index_lists_every_document(site, browser):
    out, docs = site
    page = browser.new_page()
    page.goto((out / "review" / "index.html").as_uri())
    assert page.locator("table tr").count() == len(docs) + 1
    assert page.locator("a").count() == sum(1 for d in docs.values() if d["status"] in ("ok", "partial"))
    page.close()
