"""Render the evaluation set's HTML sources into PDFs.

Each ``src/<name>.html`` becomes ``<out>/<name>.pdf``, printed by headless
Chromium, or by LibreOffice Writer when the page asks for it with
``<meta name="render" content="libreoffice">`` (the two exporters real
plans and reports come from). ``gold/<name>.json`` is its answer key, in the
format of the reference corpus.

    python tests/evalset/build.py OUT_DIR [NAME ...]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
GOLD = HERE / "gold"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_RENDER = re.compile(r"<meta\s+name=[\"']render[\"']\s+content=[\"'](\w+)[\"']", re.I)


def renderer(html: Path) -> str:
    m = _RENDER.search(html.read_text(encoding="utf-8"))
    return m.group(1).lower() if m else "chromium"


def available(kind: str) -> bool:
    return (CHROMIUM if kind == "chromium" else SOFFICE) is not None


def render(html: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / f"{html.stem}.pdf"
    kind = renderer(html)
    if kind == "chromium":
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--disable-background-networking", "--disable-component-update", "--no-first-run",
                            f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.as_uri()],
                           check=True, capture_output=True, timeout=180)
    elif kind == "libreoffice":
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                            "--outdir", str(out_dir), str(html)],
                           check=True, capture_output=True, timeout=180)
    else:
        raise ValueError(f"{html.name}: unknown renderer {kind!r}")
    if not pdf.exists():
        raise RuntimeError(f"{html.name}: {kind} wrote no PDF")
    return pdf


def sources(names: list[str] | None = None) -> list[Path]:
    found = sorted(SRC.glob("*.html"))
    return [p for p in found if not names or p.stem in names]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    out = Path(argv[0])
    for html in sources(argv[1:]):
        print(render(html, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
