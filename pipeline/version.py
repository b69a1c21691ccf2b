"""The pipeline version that keys the cache: release number + digest of the code
and of the language data, so any change to either redoes the documents."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__
from .resources import models_digest


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    h = hashlib.sha256()
    for p in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update(models_digest().encode())
    return f"{__version__}+{h.hexdigest()[:12]}"
