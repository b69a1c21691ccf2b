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
import re
import shutil
from functools import cache
from statistics import median
from typing import Any

from .document import BBox, Word
from .textnorm import normalize_text

LANG = "fra"
_RULE_NOISE = re.compile(r"[|\[\]{}_]+")  # a table rule or a speck read as a character
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


def _runs(mask, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of set pixels at least ``min_len`` long."""
    import numpy as np

    out = []
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    for r in np.nonzero(mask.sum(axis=1) >= min_len)[0]:
        starts = np.nonzero(diff[r] == 1)[0]
        ends = np.nonzero(diff[r] == -1)[0]
        for a, b in zip(starts, ends, strict=False):
            if b - a >= min_len:
                out.append((int(r), int(a), int(b)))
    return out


def rule_edges(img, dpi: int) -> list[dict[str, Any]]:
    """Table rules drawn on a scanned page, as pdfplumber-style edges in
    points: long straight runs of ink, horizontal and vertical (thickened a
    little first, so a slightly skewed scan keeps its lines whole)."""
    import numpy as np

    ink = np.asarray(img) < 128
    scale = 72.0 / dpi
    min_len = int(40 / scale)  # 40 pt
    edges: list[dict[str, Any]] = []
    pad = 2
    for orient, mask in (("h", ink), ("v", ink.T)):
        thick = mask.copy()
        for k in range(1, pad + 1):
            thick[k:] |= mask[:-k]
            thick[:-k] |= mask[k:]
        for r, a, b in _runs(thick, min_len):
            if orient == "h":
                e = {"x0": a * scale, "x1": b * scale, "top": r * scale, "bottom": r * scale}
            else:
                e = {"x0": r * scale, "x1": r * scale, "top": a * scale, "bottom": b * scale}
            e.update(orientation=orient, width=e["x1"] - e["x0"], height=e["bottom"] - e["top"], px=(r, a, b))
            edges.append(e)
    return edges


def _erase_rules(img, edges: list[dict[str, Any]]):
    """The page image with its table rules painted white: Tesseract reads the
    text of ruled tables far better without them."""
    import numpy as np
    from PIL import Image

    arr = np.asarray(img).copy()
    for e in edges:
        r, a, b = e["px"]
        if e["orientation"] == "h":
            arr[max(0, r - 1):r + 2, a:b] = 255
        else:
            arr[a:b, max(0, r - 1):r + 2] = 255
    return Image.fromarray(arr)


def page_words(page: Any, dpi: int = 300) -> tuple[list[Word], float, float]:
    """Words of one page read by OCR, with the page's (width, height) in
    points as the words are laid out (after turning the page upright)."""
    words, width, height, _ = read_page(page, dpi)
    return words, width, height


def read_page(page: Any, dpi: int = 300) -> tuple[list[Word], float, float, list[dict[str, Any]]]:
    """Words, page size in points, and the table rules seen on the image."""
    import pytesseract

    # Tesseract's own threads fight over the cores the workers already use:
    # one thread per call is several times faster here.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    img = page.to_image(resolution=dpi).original.convert("L")
    img = _upright(img)
    scale = 72.0 / dpi
    edges = rule_edges(img, dpi)
    clean = _erase_rules(img, edges) if edges else img
    data = pytesseract.image_to_data(clean, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT)
    ink = clean.point(lambda v: 255 if v < 128 else 0).convert("1")  # dark pixels set
    items: list[dict[str, Any]] = []
    for i, text in enumerate(data["text"]):
        text = normalize_text(text or "").strip()
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            conf = -1.0
        if not text or conf < MIN_CONFIDENCE or _RULE_NOISE.fullmatch(text):
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        if w <= 0 or h <= 0:
            continue
        box = ink.crop((x, y, x + w, y + h))
        density = box.histogram()[-1] / float(w * h)
        items.append({"text": text, "box": (x, y, w, h), "density": density,
                      "line": (data["block_num"][i], data["par_num"][i], data["line_num"][i])})
    for e in edges:
        del e["px"]
    if not items:
        return [], img.width * scale, img.height * scale, edges
    _fix_ordinals(items)
    # A line's size: its box height, snapped to the page's body size when
    # close to it (box heights vary with ascenders and descenders).
    heights: dict[tuple, list[int]] = {}
    for it in items:
        heights.setdefault(it["line"], []).append(it["box"][3])
    line_h = {k: float(median(v)) for k, v in heights.items()}  # a stray speck does not make a line big
    body = median(line_h.values())
    usual = median(it["density"] for it in items if len(it["text"]) >= 3) if any(
        len(it["text"]) >= 3 for it in items) else 0.0
    # Bold by line: most of its words inked clearly darker than the page's text.
    heavy: dict[tuple, list[bool]] = {}
    for it in items:
        heavy.setdefault(it["line"], []).append(usual > 0 and it["density"] > 1.3 * usual)
    bold_line = {k: sum(v) * 2 > len(v) for k, v in heavy.items()}
    # One vertical extent per line: on a slightly skewed scan the words of a
    # line drift up or down, and would otherwise be read as several lines.
    extent: dict[tuple, tuple[int, int]] = {}
    for it in items:
        _, y, _, h = it["box"]
        t, b = extent.get(it["line"], (y, y + h))
        extent[it["line"]] = (min(t, y), max(b, y + h))
    words = []
    for it in items:
        x, y, w, h = it["box"]
        top, bottom = extent[it["line"]]
        if bottom - top <= 1.6 * line_h[it["line"]]:  # drift, not two rows Tesseract took for one line
            y, h = top, bottom - top
        lh = line_h[it["line"]]
        lh = body if abs(lh - body) <= 0.25 * body else lh
        size = round(lh * scale * 1.35 * 2) / 2  # a word's box is ~0.75 x the font size
        words.append(Word(text=it["text"], bbox=BBox(x * scale, y * scale, (x + w) * scale, (y + h) * scale),
                          font="ocr", size=size, bold=bold_line[it["line"]], italic=False))
    return words, img.width * scale, img.height * scale, edges


def _fix_ordinals(items: list[dict[str, Any]]) -> None:
    """OCR reads the "1er" of a date as "ler" or "Ier": put it right when a
    month follows."""
    from .dates import _grammar

    months = _grammar()["lex"]["months"]
    for a, b in zip(items, items[1:], strict=False):
        if a["text"] in ("ler", "Ier", "1er", "l er", "ler,") and b["text"].lower().strip(".,") in months:
            a["text"] = "1er"
