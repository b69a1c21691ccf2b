"""Command line: ``python -m pipeline run IN --out OUT [--workers N]``,
``python -m pipeline bench IN``, ``python -m pipeline schema``.

Argument parsing, progress and exit codes only. Heavy modules are imported
after the no-change check, so a rerun with nothing to do returns at once.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .isolation import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT


def _unchanged(input_dir: Path, out_dir: Path) -> dict | None:
    """The previous run's manifest if no input file, no code and no data changed."""
    from .ingest import discover
    from .schema import TABLES
    from .version import pipeline_version

    try:
        manifest = json.loads((out_dir / ".manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("version") != pipeline_version() or manifest.get("input") != str(input_dir.resolve()):
        return None
    files = {p.relative_to(input_dir).as_posix(): p for p in discover(input_dir)}
    if set(files) != set(manifest.get("files", {})):
        return None
    for rel, p in files.items():
        st = p.stat()
        if manifest["files"][rel][:2] != [st.st_size, st.st_mtime_ns]:
            return None
    outputs = [out_dir / f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")]
    if not all(p.exists() for p in outputs + [out_dir / "extraction.xlsx"]):
        return None
    return manifest


def cmd_run(args: argparse.Namespace) -> int:
    input_dir, out_dir = Path(args.input_dir), Path(args.out)
    if not input_dir.is_dir():
        print(f"error: input folder not found: {input_dir}", file=sys.stderr)
        return 2
    if not args.force:
        manifest = _unchanged(input_dir, out_dir)
        if manifest is not None:
            print("nothing changed since the last run; outputs are up to date")
            print(manifest.get("summary", ""))
            return 1 if manifest.get("failed") else 0
    from .isolation import Limits
    from .runner import run

    limits = Limits(time_limit=args.time_limit, memory_limit_mib=args.memory_limit)
    try:
        summary = run(input_dir, out_dir, workers=args.workers, progress=not args.quiet, use_cache=not args.force,
                      limits=limits, review=not args.no_review, executor=args.executor,
                      scheduler=args.scheduler)
    except KeyboardInterrupt:
        print("\ninterrupted: the tables in the output folder are those of the previous run; "
              "documents finished so far are cached and the next run goes on from there", file=sys.stderr)
        return 130
    print(summary.render())
    return 1 if summary.failed else 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import main as bench_main

    return bench_main(Path(args.input_dir), workers=args.workers)


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import data_dictionary_markdown

    text = data_dictionary_markdown()
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="extract every PDF of a folder into tables")
    p.add_argument("input_dir")
    p.add_argument("--out", default="extracted", help="output folder (default: extracted)")
    p.add_argument("--workers", type=int, default=1, help="processes working in parallel")
    p.add_argument("--force", action="store_true", help="ignore the cache and redo every document")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--no-review", action="store_true", help="do not write the review site (extracted/review/)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where documents are processed: local worker processes, or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); without it --executor dask starts a local cluster")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"per-document time limit; a document over it is recorded as failed "
                        f"(default: {DEFAULT_TIME_LIMIT:g})")
    p.add_argument("--memory-limit", type=int, default=DEFAULT_MEMORY_LIMIT, metavar="MIB",
                   help=f"per-worker address-space limit in MiB; 0 for none (default: {DEFAULT_MEMORY_LIMIT})")
    p.set_defaults(func=cmd_run)
    b = sub.add_parser("bench", help="pages per second and peak memory, per stage")
    b.add_argument("input_dir", nargs="?", default="raw_docs")
    b.add_argument("--workers", type=int, default=1)
    b.set_defaults(func=cmd_bench)
    s = sub.add_parser("schema", help="print the data dictionary (Markdown)")
    s.add_argument("--output", help="write it to this file")
    s.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
