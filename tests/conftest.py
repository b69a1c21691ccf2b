from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import pdfgen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> dict[str, Path]:
    """Every generated PDF (good and bad), written once per test session."""
    return pdfgen.make_all(tmp_path_factory.mktemp("generated"))


@pytest.fixture(scope="session")
def extracted_docs(generated):
    from pipeline.layout import extract

    return {name: extract(path, name, "0" * 64) for name, path in generated.items()
            if name in pdfgen.GOOD_GENERATORS}
