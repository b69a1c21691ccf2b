"""Access to the language knowledge kept as data under ``models/``."""

from __future__ import annotations

import csv
import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

MODELS_DIR = Path(os.environ.get("PIPELINE_MODELS_DIR", Path(__file__).resolve().parent.parent / "models"))


@cache
def load_yaml(name: str) -> Any:
    with open(MODELS_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    with open(MODELS_DIR / name, encoding="utf-8", newline="") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh))


def models_digest() -> str:
    """Digest of every data file, so a change of knowledge invalidates caches."""
    h = hashlib.sha256()
    for p in sorted(MODELS_DIR.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            h.update(p.relative_to(MODELS_DIR).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()
