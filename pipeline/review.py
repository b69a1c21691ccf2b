"""A static review site: every extracted row drawn as a box on its PDF page.

``extracted/review/index.html`` lists the documents (status, type, counts,
warnings); ``extracted/review/<doc_id>.html`` shows each page as an image
with the rows of ``statements``, ``plan_items``, ``targets``, ``activities``,
``activity_dates`` and ``activity_entities`` as coloured boxes by kind, and
the rows in a side list: clicking a row scrolls to its box and highlights it,
hovering a box highlights its row, and a filter keeps the kinds one wants to
see. No server: the pages open from the file system.

Pages are rendered by pypdfium2 in an isolated worker (a hostile PDF can make
PDFium abort the process), once per document: the file names carry the
content-derived ``doc_id``, so an unchanged document is not rendered again.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from .export import atomic_write
from .isolation import Limits, run_isolated

DPI = 100
REVIEW_DIR = "review"
ROW_TABLES = ("statements", "plan_items", "targets", "activities", "activity_dates", "activity_entities")
COLORS = {
    "mission": "#1b9e77", "vision": "#1b9e77", "ambition": "#1b9e77", "value": "#66a61e",
    "issue": "#7570b3", "orientation": "#7570b3", "objective": "#d95f02", "strategy": "#e7298a",
    "action": "#e7298a", "expected_result": "#a6761d", "indicator": "#e6ab02", "target": "#666666",
    "activity": "#1f78b4", "date": "#33a02c", "person": "#e31a1c", "institution": "#6a3d9a",
}


def render_pages(path: str, doc_id: str, folder: str) -> dict[str, Any]:
    """Render every page of one PDF as PNG into ``folder/doc_id/``; returns
    {"pages": [[number, width_pt, height_pt], ...]}. Runs in a worker."""
    import pypdfium2 as pdfium

    out = Path(folder) / doc_id
    out.mkdir(parents=True, exist_ok=True)
    pdf = pdfium.PdfDocument(path)
    pages = []
    try:
        for i in range(len(pdf)):
            target = out / f"page-{i + 1}.png"
            page = pdf[i]
            if target.exists():
                w, h = page.get_size()
                if page.get_rotation() in (90, 270):
                    w, h = h, w
            else:
                img = page.render(scale=DPI / 72).to_pil()
                buf = _png(img)
                atomic_write(target, buf)
                w, h = img.width * 72 / DPI, img.height * 72 / DPI
            pages.append([i + 1, round(w, 2), round(h, 2)])
            page.close()
    finally:
        pdf.close()
    return {"pages": pages}


def _png(img) -> bytes:
    import io

    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _rows_of(tables: dict[str, list[dict[str, Any]]], doc_id: str) -> list[dict[str, Any]]:
    """The rows of one document that have a box, as the page needs them."""
    names = {e["entity_id"]: e for e in tables.get("entities", [])}
    titles = {a["activity_id"]: a["title"] for a in tables.get("activities", [])}
    out = []
    for table in ROW_TABLES:
        for r in tables.get(table, []):
            if r.get("doc_id") != doc_id or r.get("x0") is None or not r.get("page"):
                continue
            if table == "statements":
                kind, label = r["kind"], " — ".join(x for x in (r.get("name"), r.get("text")) if x)
            elif table == "plan_items":
                kind, label = r["kind"], ((r.get("code") or "") + " " + r["text"]).strip()
            elif table == "targets":
                kind, label = "target", f"{r['text']} → {r['kind']} {r.get('date_start') or ''} {r.get('value') or ''}"
            elif table == "activities":
                kind, label = "activity", r["title"]
            elif table == "activity_dates":
                end = "" if r["date_end"] == r["date_start"] else f" → {r['date_end']}"
                kind, label = "date", f"{r['date_start']}{end} ({r['precision']}) in « {titles.get(r['activity_id'], '')[:40]} »"
            else:
                ent = names.get(r["entity_id"], {})
                kind = ent.get("kind", "institution")
                label = f"{r['mention']} → {ent.get('name', '')}" + (f" ({r['role']})" if r.get("role") else "")
            out.append({"table": table, "kind": kind, "label": " ".join(str(label).split())[:300],
                        "page": int(r["page"]), "box": [r["x0"], r["top"], r["x1"], r["bottom"]]})
    return out


_CSS = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;height:100vh}
#side{width:34%;overflow:auto;border-right:1px solid #ccc;padding:8px;box-sizing:border-box}
#pages{flex:1;overflow:auto;background:#eee;padding:8px}
.page{position:relative;margin:0 auto 16px;background:#fff;box-shadow:0 0 4px #999}
.page img{display:block;width:100%}
.box{position:absolute;border:2px solid;opacity:.75;box-sizing:border-box}
.box.active,.box:hover{opacity:1;border-width:3px;background:rgba(255,235,59,.35)}
.row{padding:3px 4px;border-left:5px solid;margin:2px 0;cursor:pointer;font-size:13px}
.row.active{background:#fff59d}
.hidden{display:none}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px}
"""

_JS = """
const rows = JSON.parse(document.getElementById('data').textContent);
function activate(i, scroll) {
  document.querySelectorAll('.active').forEach(e => e.classList.remove('active'));
  const b = document.getElementById('box-' + i), r = document.getElementById('row-' + i);
  if (b) { b.classList.add('active'); if (scroll) b.scrollIntoView({block: 'center'}); }
  if (r) { r.classList.add('active'); if (!scroll) r.scrollIntoView({block: 'nearest'}); }
}
document.querySelectorAll('.row').forEach(r => r.addEventListener('click', () => activate(r.dataset.i, true)));
document.querySelectorAll('.box').forEach(b => b.addEventListener('mouseenter', () => activate(b.dataset.i, false)));
document.getElementById('filter').addEventListener('change', e => {
  const k = e.target.value;
  document.querySelectorAll('.row,.box').forEach(el => el.classList.toggle('hidden', k !== '' && el.dataset.kind !== k));
});
"""


def document_page(doc: dict[str, Any], pages: list[list[float]], rows: list[dict[str, Any]]) -> str:
    doc_id = doc["doc_id"]
    esc = html.escape
    kinds = sorted({r["kind"] for r in rows})
    side = [f"<h2>{esc(doc.get('title') or doc.get('file_name') or doc_id)}</h2>",
            f"<p><b>{esc(doc.get('file_name', ''))}</b> — {esc(str(doc.get('doc_type') or ''))}, "
            f"status <b>{esc(doc.get('status', ''))}</b>, {doc.get('pages') or 0} pages. "
            f"<a href='index.html'>all documents</a></p>"]
    for label, key in (("Error", "error"), ("Warnings", "warnings"), ("Pages read by OCR", "ocr_pages")):
        if doc.get(key):
            side.append(f"<p class='warn'><b>{label}:</b> {esc(str(doc[key]))}</p>")
    side.append("<label>Show <select id='filter'><option value=''>every kind</option>"
                + "".join(f"<option value='{esc(k)}'>{esc(k)}</option>" for k in kinds) + "</select></label>")
    for i, r in enumerate(rows):
        side.append(f"<div class='row' id='row-{i}' data-i='{i}' data-kind='{esc(r['kind'])}' "
                    f"style='border-color:{COLORS.get(r['kind'], '#333')}'>p.{r['page']} "
                    f"<b>{esc(r['kind'])}</b> {esc(r['label'])}</div>")
    body = []
    sizes = {int(p[0]): (p[1], p[2]) for p in pages}
    for number, (w, h) in sorted(sizes.items()):
        boxes = []
        for i, r in enumerate(rows):
            if r["page"] != number or not w or not h:
                continue
            x0, top, x1, bottom = r["box"]
            style = (f"left:{100 * x0 / w:.3f}%;top:{100 * top / h:.3f}%;width:{100 * (x1 - x0) / w:.3f}%;"
                     f"height:{100 * (bottom - top) / h:.3f}%;border-color:{COLORS.get(r['kind'], '#333')}")
            boxes.append(f"<div class='box' id='box-{i}' data-i='{i}' data-kind='{esc(r['kind'])}' "
                         f"title='{esc(r['label'])}' style='{style}'></div>")
        body.append(f"<div class='page' id='page-{number}' data-width='{w}' data-height='{h}' "
                    f"style='max-width:{w * 1.6:.0f}px'><img src='{doc_id}/page-{number}.png' "
                    f"alt='page {number}'>{''.join(boxes)}</div>")
    data = json.dumps([{"page": r["page"], "box": r["box"], "kind": r["kind"]} for r in rows]).replace("</", "<\\/")
    return ("<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
            f"<title>{esc(doc.get('file_name') or doc_id)} — review</title><style>{_CSS}</style></head><body>"
            f"<div id='side'>{''.join(side)}</div><div id='pages'>{''.join(body)}</div>"
            f"<script type='application/json' id='data'>{data}</script>"
            f"<script>{_JS}</script></body></html>\n")


def index_page(tables: dict[str, list[dict[str, Any]]], rendered: set[str]) -> str:
    esc = html.escape
    counts: dict[tuple[str, str], int] = {}
    for t in ROW_TABLES:
        for r in tables.get(t, []):
            counts[(r["doc_id"], t)] = counts.get((r["doc_id"], t), 0) + 1
    head = "".join(f"<th>{esc(h)}</th>" for h in ["document", "status", "type", "organization", "pages",
                                                  *ROW_TABLES, "error / warnings"])
    lines = []
    for d in tables["documents"]:
        name = esc(d.get("file_name") or d["doc_id"])
        link = f"<a href='{d['doc_id']}.html'>{name}</a>" if d["doc_id"] in rendered else name
        cells = [link, esc(d.get("status") or ""), esc(d.get("doc_type") or ""),
                 esc(d.get("organization_acronym") or d.get("organization") or ""), str(d.get("pages") or "")]
        cells += [str(counts.get((d["doc_id"], t), 0)) for t in ROW_TABLES]
        cells.append(esc(" | ".join(x for x in (d.get("error"), d.get("warnings")) if x)))
        lines.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return ("<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Extraction review</title>"
            f"<style>{_CSS} body{{display:block;padding:12px}}</style></head><body><h1>Extraction review</h1>"
            f"<table><tr>{head}</tr>{''.join(lines)}</table></body></html>\n")


def write_review(out_dir: Path, tables: dict[str, list[dict[str, Any]]], paths: dict[str, Path],
                 workers: int = 1) -> None:
    """The review site for every readable document of the batch."""
    folder = out_dir / REVIEW_DIR
    folder.mkdir(parents=True, exist_ok=True)
    docs = [d for d in tables["documents"] if d.get("status") in ("ok", "partial") and d["doc_id"] in paths]
    tasks = [(str(paths[d["doc_id"]]), d["doc_id"], str(folder)) for d in docs]

    def failure(task, reason):
        return {"error": reason}

    rendered: dict[str, list] = {}
    for task, res in run_isolated(tasks, "pipeline.review.render_pages", failure, workers=workers,
                                  limits=Limits(time_limit=300, memory_limit_mib=2048)):
        if "pages" in res:
            rendered[task[1]] = res["pages"]
    for d in docs:
        if d["doc_id"] in rendered:
            page = document_page(d, rendered[d["doc_id"]], _rows_of(tables, d["doc_id"]))
            atomic_write(folder / f"{d['doc_id']}.html", page.encode("utf-8"))
    atomic_write(folder / "index.html", index_page(tables, set(rendered)).encode("utf-8"))
    keep = {d["doc_id"] for d in tables["documents"]}
    for p in folder.iterdir():  # documents no longer in the batch
        stem = p.name.split(".")[0]
        if p.name != "index.html" and stem not in keep and not p.name.startswith("."):
            if p.is_dir():
                for f in p.iterdir():
                    f.unlink()
                p.rmdir()
            else:
                p.unlink()
