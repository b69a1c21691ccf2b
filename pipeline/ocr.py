"""OCR of pages without a text layer (scans, pages whose text is an image).

The page is rendered (pdfplumber / pypdfium2), turned upright when
Tesseract's orientation detection is sure of it, then read by Tesseract with
its French data. Each recognised word becomes a ``Word`` of the document
model, in PDF points, so OCR'd pages go through the same layout and
extraction as the others. Tesseract reports no fonts: a line's size is taken
from its height, and a word is bold when its ink is clearly denser than the
page's usual text.
"""

from __future__ import annotations

import os
import shutil
from functools import cache
from statistics import median
from typing import Any

from .document import BBox, Word
from .textnorm import normalize_text

LANG = "fra"
MIN_CONFIDENCE = 30


@cache
def unavailable_reason() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    try:
        import pytesseract
    except ImportError:
        return "OCR unavailable: the pytesseract package is not installed"
    if not shutil.which("tesseract"):
        return "OCR unavailable: tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-fra)"
    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # noqa: BLE001 - a broken install is reported, not raised
        return f"OCR unavailable: tesseract does not run ({type(exc).__name__})"
    if LANG not in langs:
        return "OCR unavailable: Tesseract's French data is missing (Debian: tesseract-ocr-fra)"
    return None


def _upright(img):
    """Rotate a page image by the angle Tesseract's orientation detection
    gives, when it is confident."""
    import pytesseract

    try:
        small = img.resize((max(1, img.width // 2), max(1, img.height // 2)))
        osd = pytesseract.image_to_osd(small, output_type=pytesseract.Output.DICT)
    except Exception:  # noqa: BLE001 - too little text to tell: keep as is
        return img
    angle = int(osd.get("rotate", 0))
    if angle and float(osd.get("orientation_conf", 0)) >= 2.0:
        return img.rotate(-angle, expand=True)
    return img


def page_words(page: Any, dpi: int = 300) -> tuple[list[Word], float, float]:
    """Words of one page read by OCR, with the page's (width, height) in
    points as the words are laid out (after turning the page upright)."""
    import pytesseract

    # Tesseract's own threads fight over the cores the workers already use:
    # one thread per call is several times faster here.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    img = page.to_image(resolution=dpi).original.convert("L")
    img = _upright(img)
    scale = 72.0 / dpi
    data = pytesseract.image_to_data(img, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT)
    ink = img.point(lambda v: 255 if v < 128 else 0).convert("1")  # dark pixels set
    items: list[dict[str, Any]] = []
    for i, text in enumerate(data["text"]):
        text = normalize_text(text or "").strip()
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            conf = -1.0
        if not text or conf < MIN_CONFIDENCE:
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        if w <= 0 or h <= 0:
            continue
        box = ink.crop((x, y, x + w, y + h))
        density = box.histogram()[-1] / float(w * h)
        items.append({"text": text, "box": (x, y, w, h), "density": density,
                      "line": (data["block_num"][i], data["par_num"][i], data["line_num"][i])})
    if not items:
        return [], img.width * scale, img.height * scale
    line_h: dict[tuple, float] = {}
    for it in items:
        line_h[it["line"]] = max(line_h.get(it["line"], 0.0), it["box"][3])
    usual = median(it["density"] for it in items if len(it["text"]) >= 3) if any(
        len(it["text"]) >= 3 for it in items) else 0.0
    words = []
    for it in items:
        x, y, w, h = it["box"]
        size = round(line_h[it["line"]] * scale * 0.8 * 2) / 2  # a line's box is ~1.25 x its font size
        bold = usual > 0 and len(it["text"]) >= 2 and it["density"] > 1.3 * usual
        words.append(Word(text=it["text"], bbox=BBox(x * scale, y * scale, (x + w) * scale, (y + h) * scale),
                          font="ocr", size=size, bold=bold, italic=False))
    return words, img.width * scale, img.height * scale
