"""``make bench``: throughput per stage and peak memory, against pdfplumber alone.

Each measurement runs in its own process so that peak memory (ru_maxrss) is
that of the measured work only.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def part_reference(input_dir: Path) -> dict:
    """pdfplumber alone: open every PDF and extract the words of every page."""
    t0 = time.perf_counter()
    import pdfplumber

    from .ingest import discover

    startup = time.perf_counter() - t0
    pages = words = 0
    t1 = time.perf_counter()
    for path in discover(input_dir):
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    words += len(page.extract_words())
                    pages += 1
                    page.close()
        except Exception:
            continue
    return {"startup": startup, "seconds": time.perf_counter() - t1, "pages": pages, "words": words,
            "peak_mib": _peak_mib()}


def part_pipeline(input_dir: Path) -> dict:
    """The whole per-document pipeline, in process, no cache, then the export."""
    t0 = time.perf_counter()
    import duckdb  # noqa: F401  (imports are start-up, not per-page work)
    import openpyxl  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    from . import entities, runner
    from .export import write_all
    from .ingest import ingest

    entities._nlp()  # the spaCy model: loaded once per process
    startup = time.perf_counter() - t0
    stages: dict[str, float] = {}
    t1 = time.perf_counter()
    files = ingest(input_dir)
    stages["ingest"] = time.perf_counter() - t1
    results = {}
    pages = nlp_words = 0
    for f in files:
        if f.duplicate_of is None:
            res = runner.process_document(str(f.path), f.doc_id, f.sha256)
            results[f.sha256] = res
            pages += res.get("n_pages", 0)
            nlp_words += res.get("nlp_words", 0)
            for k, v in res["timings"].items():
                stages[k] = stages.get(k, 0.0) + v
    t2 = time.perf_counter()
    tables = runner.assemble(files, results)
    with tempfile.TemporaryDirectory() as tmp:
        write_all(Path(tmp), tables)
    stages["export"] = time.perf_counter() - t2
    return {"startup": startup, "seconds": time.perf_counter() - t1, "pages": pages, "stages": stages,
            "nlp_words": nlp_words, "peak_mib": _peak_mib()}


def _sub(part: str, input_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "pipeline.bench", part, str(input_dir)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _timed_cli(input_dir: Path, out_dir: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(input_dir), "--out", str(out_dir), "--quiet", *extra],
                   check=False, capture_output=True)
    return time.perf_counter() - t0


def main(input_dir: Path, workers: int = 1) -> int:
    ref = _sub("reference", input_dir)
    pipe = _sub("pipeline", input_dir)
    pages = max(pipe["pages"], 1)
    ref_pps = ref["pages"] / ref["seconds"] if ref["seconds"] else float("inf")
    print(f"benchmark on {input_dir}: {pages} pages; machine: {os.cpu_count()} cores")
    print()
    print(f"{'stage':<22}{'seconds':>10}{'pages/s':>12}")
    for stage, secs in pipe["stages"].items():
        pps = pages / secs if secs > 0 else float("inf")
        print(f"{stage:<22}{secs:>10.3f}{pps:>12.1f}")
    total_pps = pages / pipe["seconds"]
    print(f"{'pipeline total':<22}{pipe['seconds']:>10.3f}{total_pps:>12.1f}")
    print(f"{'pdfplumber words only':<22}{ref['seconds']:>10.3f}{ref_pps:>12.1f}")
    ent = pipe["stages"].get("entities", 0.0)
    if ent > 0:
        print(f"entities (spaCy NER + gazetteers): {pipe['nlp_words']} words in {ent:.2f} s = "
              f"{pipe['nlp_words'] / ent:.0f} words/s")
    print()
    print(f"ratio pipeline / pdfplumber alone (pages per second): {total_pps / ref_pps:.2f}  (goal: >= 0.50)")
    print(f"one-time start-up (imports, models): pipeline {pipe['startup']:.2f} s, pdfplumber {ref['startup']:.2f} s")
    print(f"peak memory (RSS): pipeline {pipe['peak_mib']:.0f} MiB, pdfplumber alone {ref['peak_mib']:.0f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cold = _timed_cli(input_dir, out)
        warm = _timed_cli(input_dir, out)
        print()
        print(f"CLI first run {cold:.2f} s; rerun with nothing changed {warm:.2f} s "
              f"({100 * warm / cold:.1f} % of the first run; goal < 10 %)")
        for n in sorted({1, 2, workers}):
            secs = _timed_cli(input_dir, Path(tmp) / f"w{n}", "--workers", str(n), "--no-review")
            print(f"CLI, {n} worker{'s' if n > 1 else ''} (isolated processes, no review site): {secs:.2f} s = "
                  f"{pages / secs:.1f} pages/s")
    return 0


if __name__ == "__main__":
    part, folder = sys.argv[1], Path(sys.argv[2])
    result = part_reference(folder) if part == "reference" else part_pipeline(folder)
    print(json.dumps(result))
