"""The batch: per-document processing with a content-addressed cache, workers,
assembly of the tables, summary."""

from __future__ import annotations

import json
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import activities, classify, layout, ocr, plans
from .export import atomic_write, remove_stale_temporaries, write_all
from .ingest import SourceFile, ingest
from .isolation import Limits, run_isolated
from .resources import load_yaml
from .schema import TABLES
from .version import pipeline_version

DOC_TABLES = ("statements", "plan_items", "targets", "activities", "activity_dates", "activity_entities")
CACHE_DIR = ".cache"
MANIFEST = ".manifest.json"


@dataclass
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    processed: int = 0
    cached: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0

    @property
    def failed(self) -> int:
        return self.counts.get("failed", 0)

    def render(self) -> str:
        docs = sum(self.counts.values())
        parts = [f"{self.counts.get(s, 0)} {s}" for s in ("ok", "partial", "failed", "duplicate") if self.counts.get(s)]
        lines = [
            f"documents: {docs} ({', '.join(parts) or 'none'}); "
            f"{self.processed} processed, {self.cached} from cache; {self.pages} pages",
            "rows: " + ", ".join(f"{t} {n}" for t, n in self.rows.items()),
            f"time: {self.seconds:.1f} s",
        ]
        for name, err in self.failures:
            lines.append(f"  failed: {name}: {err}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- one document


def _stage(timings: dict[str, float], name: str, fn, *args):
    t0 = time.perf_counter()
    try:
        return fn(*args)
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0


def process_document(path: str, doc_id: str, sha256: str) -> dict[str, Any]:
    """All per-document work. Pure function of the file's bytes and the pipeline
    version; never raises: any failure becomes a documents row with its reason."""
    timings: dict[str, float] = {}
    base = {"doc_id": doc_id, "sha256": sha256, "pipeline_version": pipeline_version()}
    result: dict[str, Any] = {"document": base, "tables": {t: [] for t in DOC_TABLES}, "mentions": [],
                              "timings": timings}
    try:
        doc = _stage(timings, "layout", layout.extract, Path(path), doc_id, sha256)
    except layout.LayoutError as exc:
        base.update(status="failed", error=str(exc))
        return result
    except Exception as exc:  # a pdfminer bug on a hostile file: recorded, not raised
        base.update(status="failed", error=f"internal error while reading the PDF: {type(exc).__name__}: {exc}"[:300])
        return result
    base["pages"] = len(doc.pages)
    result["n_pages"] = len(doc.pages)
    warnings = list(doc.warnings)
    textless = [p.number for p in doc.pages if not p.has_text]
    ocr_pages = [p.number for p in doc.pages if p.ocr]
    base["ocr_pages"] = _page_ranges(ocr_pages) or None
    if ocr_pages:
        warnings.append(f"pages read by OCR: {_page_ranges(ocr_pages)}")
    if not doc.pages:
        base.update(status="failed", error="the PDF has no pages")
        return result
    no_ocr = ocr.unavailable_reason()
    if textless and no_ocr and any(p.image_count for p in doc.pages if not p.has_text):
        warnings.append(f"no text layer on pages {_page_ranges(textless)} (scanned?); {no_ocr}")
    if len(textless) == len(doc.pages):
        if no_ocr:
            base.update(status="partial", error=f"no text layer: all {len(doc.pages)} pages are images only "
                                                f"(scanned?); {no_ocr}", warnings=" | ".join(warnings) or None)
        elif doc.warnings:
            base.update(status="failed", error="no page could be read: " + "; ".join(doc.warnings[:3]),
                        warnings=" | ".join(warnings) or None)
        else:
            base.update(status="failed", error=f"no text found on any of the {len(doc.pages)} pages, "
                                               "even by OCR", warnings=" | ".join(warnings) or None)
        return result
    base["language"] = language_of(doc.text)
    try:
        cls = _stage(timings, "classify", classify.classify, doc)
        base.update(
            doc_type=cls.doc_type,
            genre=cls.genre,
            organization=cls.organization,
            organization_acronym=cls.organization_acronym,
            period_start=cls.period_start,
            period_end=cls.period_end,
            title=cls.title,
        )
        plan_rows = _stage(timings, "plans", plans.extract, doc, cls)
        act_rows = _stage(timings, "activities", activities.extract, doc, cls)
    except Exception as exc:
        base.update(status="failed", error=f"internal error: {type(exc).__name__}: {exc}"[:300])
        result["traceback"] = traceback.format_exc()
        return result
    for name in ("statements", "plan_items", "targets"):
        result["tables"][name] = plan_rows.get(name, [])
    for name in ("activities", "activity_dates", "activity_entities"):
        result["tables"][name] = act_rows.get(name, [])
    result["mentions"] = act_rows.get("mentions", [])
    stats = act_rows.get("stats", {})
    if stats.get("entities_seconds"):  # entity recognition runs inside the activities stage
        timings["activities"] -= stats["entities_seconds"]
        timings["entities"] = stats["entities_seconds"]
        result["nlp_words"] = stats["entities_words"]
    if textless and not no_ocr:
        warnings.append(f"pages without text, even by OCR: {_page_ranges(textless)}")
    elif textless and not any(w.startswith("no text layer") for w in warnings):
        warnings.append(f"pages without a text layer: {_page_ranges(textless)}")
    if base["language"] not in (None, "fr"):
        warnings.append(f"not a French document (looks {base['language']}): plan and activity rules are French")
    partial = bool(doc.warnings) or len(textless) * 3 > len(doc.pages)
    base.update(
        status="partial" if partial else "ok",
        error=("; ".join(warnings) if partial else None),
        warnings=" | ".join(warnings) or None,
    )
    return result


def _page_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    out: list[str] = []
    for n in sorted(numbers):
        if out and "-" not in out[-1].split(", ")[-1] and int(out[-1]) == n - 1:
            out[-1] = f"{out[-1]}-{n}"
        elif out and "-" in out[-1] and int(out[-1].split("-")[1]) == n - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def language_of(text: str) -> str | None:
    """fr, en, ... from the share of each language's commonest words
    (``models/languages.yaml``); None for too little text."""
    words = [w.strip(".,;:()«»\"'!?").lower() for w in text.split()[:5000]]
    words = [w for w in words if w]
    if len(words) < 30:
        return None
    counts = {lang: sum(1 for w in words if w in set(ws)) for lang, ws in load_yaml("languages.yaml").items()}
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    return lang if n >= 0.05 * len(words) else None


# --------------------------------------------------------------------------- cache


def _cache_path(out_dir: Path, sha: str) -> Path:
    return out_dir / CACHE_DIR / f"{sha}.json"


def _cache_get(out_dir: Path, sha: str) -> dict[str, Any] | None:
    p = _cache_path(out_dir, sha)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data["result"] if data.get("version") == pipeline_version() else None


def _cache_put(out_dir: Path, sha: str, result: dict[str, Any]) -> None:
    payload = json.dumps({"version": pipeline_version(), "result": result}, ensure_ascii=False, sort_keys=True)
    atomic_write(_cache_path(out_dir, sha), payload.encode("utf-8"))


def _prune_cache(out_dir: Path, keep: set[str]) -> None:
    d = out_dir / CACHE_DIR
    if d.is_dir():
        for p in d.glob("*.json"):
            if p.stem not in keep:
                p.unlink(missing_ok=True)


# --------------------------------------------------------------------------- batch


def run(input_dir: Path, out_dir: Path, workers: int = 1, progress: bool = True, use_cache: bool = True,
        limits: Limits | None = None, review: bool = True, executor: str = "local",
        scheduler: str | None = None) -> Summary:
    t0 = time.perf_counter()
    summary = Summary()
    remove_stale_temporaries(out_dir)
    remove_stale_temporaries(out_dir / CACHE_DIR)
    files = ingest(input_dir)
    results: dict[str, dict[str, Any]] = {}
    todo: list[SourceFile] = []
    for f in files:
        if f.duplicate_of is not None:
            continue
        cached = _cache_get(out_dir, f.sha256) if use_cache else None
        if cached is not None:
            results[f.sha256] = cached
            summary.cached += 1
        else:
            todo.append(f)
    if executor == "local" and workers > 1 and len(todo) > 1:
        from .entities import _nlp

        _nlp()  # loaded once here: the forked workers share it instead of loading it each
    for f, res in _execute(todo, workers, progress, limits, executor, scheduler):
        results[f.sha256] = res
        summary.processed += 1
        _cache_put(out_dir, f.sha256, res)
        for stage, secs in res.get("timings", {}).items():
            summary.timings[stage] = summary.timings.get(stage, 0.0) + secs
    tables = assemble(files, results)
    write_all(out_dir, tables)
    if review:
        from .review import write_review

        write_review(out_dir, tables, {f.doc_id: f.path for f in files if f.duplicate_of is None}, workers)
    _prune_cache(out_dir, {f.sha256 for f in files})
    for row in tables["documents"]:
        summary.counts[row["status"]] += 1
        summary.pages += row.get("pages") or 0
        if row["status"] == "failed":
            summary.failures.append((row["file_name"], row.get("error") or ""))
    summary.rows = {t: len(tables[t]) for t in TABLES}
    summary.seconds = time.perf_counter() - t0
    write_manifest(out_dir, input_dir, files, summary)
    return summary


def _execute(todo: list[SourceFile], workers: int, progress: bool, limits: Limits | None = None,
             executor: str = "local", scheduler: str | None = None):
    """Each document in an isolated worker process (time and memory limits)."""
    if not todo:
        return
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="doc", desc="extracting", leave=False)
    by_task = {(str(f.path), f.doc_id, f.sha256): f for f in todo}

    def failure(task, reason: str) -> dict[str, Any]:
        return process_failure(by_task[task], reason)

    try:
        if executor == "dask":
            from .distributed import run_on_dask

            done = ((f, res) for f, res in run_on_dask(todo, scheduler, workers, limits or Limits()))
        else:
            done = ((by_task[task], res) for task, res in run_isolated(
                list(by_task), "pipeline.runner.process_document", failure, workers=workers, limits=limits))
        for f, res in done:
            if bar:
                bar.set_postfix_str(f.rel[-40:])
                bar.update(1)
            yield f, res
    finally:
        if bar:
            bar.close()


def process_failure(f: SourceFile, error: str) -> dict[str, Any]:
    return {
        "document": {"doc_id": f.doc_id, "sha256": f.sha256, "pipeline_version": pipeline_version(),
                     "status": "failed", "error": error},
        "tables": {t: [] for t in DOC_TABLES},
        "mentions": [],
        "timings": {},
    }


def assemble(files: list[SourceFile], results: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Per-document results -> batch tables, in input order, ids made batch-unique."""
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    by_rel = {f.rel: f for f in files}
    for f in files:
        if f.duplicate_of is not None:
            first = by_rel[f.duplicate_of]
            src = results.get(first.sha256, {}).get("document", {})
            row = {k: src.get(k) for k in ("pages", "doc_type", "genre", "organization", "organization_acronym",
                                           "period_start", "period_end", "title")}
            row.update(doc_id=f.doc_id, file_name=f.rel, sha256=f.sha256, status="duplicate",
                       error=f"same content as {f.duplicate_of}; its rows are under doc_id {first.doc_id}",
                       pipeline_version=pipeline_version())
            tables["documents"].append(row)
            continue
        res = results[f.sha256]
        row = dict(res["document"])
        row["file_name"] = f.rel
        tables["documents"].append(row)
        for name in DOC_TABLES:
            tables[name].extend(res["tables"].get(name, []))
    from . import entities

    link_plan_items(tables)
    tables["entities"] = entities.canonicalize([m for f in files if f.duplicate_of is None
                                                for m in results[f.sha256].get("mentions", [])])
    return tables


def link_plan_items(tables: dict[str, list[dict[str, Any]]]) -> None:
    """A report laid out against a plan (strategy / action columns) links each
    activity to the plan item of the same organisation's plan in the batch
    whose text its plan context repeats, most specific level first."""
    from difflib import SequenceMatcher

    from .entities import fold

    org_of = {d["doc_id"]: (d.get("organization_acronym") or d.get("organization") or "") for d in tables["documents"]}
    items_by_org: dict[str, list[dict[str, Any]]] = {}
    for it in tables["plan_items"]:
        items_by_org.setdefault(org_of.get(it["doc_id"], ""), []).append(it)

    def norm(t: str) -> str:
        return " ".join(fold(t).replace(">", " ").split()).strip(" -.")

    for act in tables["activities"]:
        ctx = act.get("plan_context")
        candidates = items_by_org.get(org_of.get(act["doc_id"], ""), [])
        if not ctx or not candidates:
            continue
        best = None
        for level, part in enumerate(reversed([p for p in ctx.split(" > ") if p.strip()])):
            p = norm(part)
            for it in candidates:
                t = norm(it["text"])
                score = 1.0 if p == t else SequenceMatcher(None, p, t, autojunk=False).ratio()
                if score >= 0.85 and (best is None or (-level, score) > best[0]):
                    best = ((-level, score), it["item_id"])
            if best:
                break
        act["plan_item_id"] = best[1] if best else None


# --------------------------------------------------------------------------- manifest (fast no-op rerun)


def _stat_key(f: Path) -> list[Any]:
    st = f.stat()
    return [st.st_size, st.st_mtime_ns]


def write_manifest(out_dir: Path, input_dir: Path, files: list[SourceFile], summary: Summary) -> None:
    data = {
        "version": pipeline_version(),
        "input": str(input_dir.resolve()),
        "files": {f.rel: _stat_key(f.path) + [f.sha256] for f in files},
        "failed": summary.failed,
        "summary": summary.render(),
    }
    atomic_write(out_dir / MANIFEST, json.dumps(data, sort_keys=True, indent=1).encode("utf-8"))
