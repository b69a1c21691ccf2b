"""Deterministic hostile / imperfect PDF inputs (huge, damaged, bombs, scans, batches).

Each generator takes a ``pathlib.Path``, writes one file there and returns it (except
``mixed_batch``, which writes a whole directory). Hand-written PDFs use the standard
Helvetica fonts with WinAnsiEncoding, so their French text is extractable as is.

Warning: ``decompression_bomb_pdf`` and ``decompression_bomb_image_pdf`` inflate to
about 2 GiB, and ``deeply_nested*_pdf`` defeat recursive parsers: open them only in
a subprocess with a memory limit and a timeout.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
from pdfgen import (
    BOLD,
    REG,
    _canvas,
    _fonts,
    _simple_pdf,
    empty_file,
    encrypted_pdf,
    garbage_pdf,
    zero_page_pdf,
)
from PIL import Image, ImageChops, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

# --- Hand-written PDFs ------------------------------------------------------------
HAND_TITLE = "Rapport annuel 2022-2023"
HAND_ORG = "Ordre des hygiénistes dentaires du Québec"
HAND_LINES = (
    "Le conseil d’administration s’est réuni six fois au cours de l’exercice.",
    "Les états financiers ont été adoptés le 14 juin 2023 à Montréal.",
)


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) with ``\\ ( )`` escaped."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _text_ops(lines: Sequence[str] = (HAND_TITLE, HAND_ORG, *HAND_LINES),
              x: float = 72, y: float = 720) -> bytes:
    """Content-stream operators: first line bold 18pt (/F2), the others 11pt (/F1)."""
    ops = [b"BT /F2 18 Tf %g %g Td %s Tj ET" % (x, y, _pdf_string(lines[0]))]
    ops.append(b"BT /F1 11 Tf 15 TL %g %g Td" % (x, y - 30))
    ops += [_pdf_string(line) + b" Tj T*" for line in lines[1:]]
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def _stream(entries: bytes, data: bytes) -> bytes:
    """A stream object body with a correct /Length."""
    return (b"<< " + entries + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")


def _assemble(objects: Sequence[bytes], info: int | None = None) -> bytes:
    """Objects numbered 1..n (1 = catalog) + a correct xref table and trailer
    (with ``/Info info 0 R`` if given)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, b"/Info %d 0 R " % info if info else b"", xref)
    return bytes(out)


def _one_page_pdf(path: Path, contents: Sequence[bytes], resources_extra: bytes = b"",
                  extra_objects: Sequence[bytes] = (), page_extra: bytes = b"",
                  info: int | None = None) -> Path:
    """Letter page; objects 1-5 = catalog, pages, page, /F1, /F2; then the content
    streams (6, 7, ...) and then ``extra_objects`` (numbered after the contents)."""
    first = 6
    refs = b" ".join(b"%d 0 R" % (first + k) for k in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + refs
        + b"] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> " + resources_extra + b" >> "
        + page_extra + b">>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        *contents, *extra_objects]
    path.write_bytes(_assemble(objects, info))
    return path


# --- 1. Many pages ----------------------------------------------------------------
_MANY_PHRASES = (
    "le conseil d’administration a adopté le budget de fonctionnement",
    "le comité d’inspection professionnelle a visité douze établissements",
    "la formation continue obligatoire a été offerte en ligne aux membres",
    "le syndic a reçu et traité plusieurs demandes d’enquête",
    "l’Ordre a participé à une consultation de l’Office des professions",
    "les délais de traitement des demandes de permis ont été réduits",
    "une campagne d’information a été diffusée auprès du public québécois",
)


def many_pages_pdf(path: Path, pages: int = 500) -> Path:
    """``pages`` pages (default 500) of French text: heading, 25 lines, page footer."""
    c = _canvas(path, pageCompression=1)
    width, height = letter
    for n in range(1, pages + 1):
        c.setFont(BOLD, 14)
        c.drawString(72, height - 72, f"Section {n} – Bilan détaillé des activités")
        c.setFont(REG, 10)
        for k in range(25):
            phrase = _MANY_PHRASES[(n + k) % len(_MANY_PHRASES)]
            c.drawString(72, height - 110 - 22 * k, f"{n}.{k + 1} En {2000 + n % 24}, {phrase}.")
        c.setFont(REG, 9)
        c.drawRightString(width - 72, 40, f"Page {n} de {pages}")
        c.showPage()
    c.save()
    return path


# --- 2. Broken xref ---------------------------------------------------------------
BROKEN_XREF_FIRST_LINE = "Page 1 : document de l’Ordre des hygiénistes dentaires"


def broken_xref_pdf(path: Path, shift: int = 37, startxref_shift: int | None = None) -> Path:
    """pdfgen's 2-page French PDF with every xref offset and the ``startxref`` value
    off by ``shift`` bytes (as if bytes had been lost before the table). pdfminer
    (its fallback object scan) and pdfium both recover the text. ``startxref_shift``
    moves ``startxref`` separately: -100 lands inside the last object, where
    pdfminer 20260107 raises PSEOF (pdfplumber: PdfminerException) but pdfium
    still recovers."""
    buf = io.BytesIO()
    _simple_pdf(buf)
    data = bytearray(buf.getvalue())
    table = data.rindex(b"\nxref\n") + 1
    for m in re.finditer(rb"(\d{10}) (\d{5}) n", bytes(data[table:])):
        start = table + m.start(1)
        data[start:start + 10] = b"%010d" % (int(m.group(1)) + shift)
    m = re.search(rb"startxref\s+(\d+)", bytes(data[table:]))
    assert m is not None and int(m.group(1)) == table
    wrong = table + (shift if startxref_shift is None else startxref_shift)
    data[table + m.start(1):table + m.end(1)] = b"%d" % wrong
    path.write_bytes(bytes(data))
    return path


# --- 3. Decompression bombs ---------------------------------------------------------
def _adler32_repeat(byte: int, n: int) -> int:
    """Adler-32 of ``bytes([byte]) * n`` in closed form (no 2 GiB buffer needed)."""
    a = (1 + n * byte) % 65521
    b = (n + byte * (n * (n + 1) // 2)) % 65521
    return (b << 16) | a


def _flate_bomb(byte: int, chunk_size: int, count: int) -> bytes:
    """Data for ``/Filter [/FlateDecode /FlateDecode]`` inflating to
    ``bytes([byte]) * chunk_size * count``.

    The inner zlib stream is what ``compressobj(9)`` produces when fed ``count``
    chunks with a Z_FULL_FLUSH after each: a full flush resets the deflate state, so
    every chunk yields the same bytes and one is computed then repeated (2 GiB would
    otherwise take ~7 s). Deflate cannot exceed ~1032:1, so 2 GiB needs ~2 MB: the
    inner stream is deflated once more (outer layer, < 10 KB).
    """
    chunk = bytes([byte]) * chunk_size
    co = zlib.compressobj(9)
    first = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    header, tail = first[:-len(block)], co.flush(zlib.Z_FINISH)
    assert first.endswith(block) and len(header) == 2
    tail = tail[:-4] + struct.pack(">I", _adler32_repeat(byte, chunk_size * count))
    outer = zlib.compressobj(9)
    parts = [outer.compress(header)]
    parts += [outer.compress(block) for _ in range(count)]
    parts += [outer.compress(tail), outer.flush()]
    return b"".join(parts)


BOMB_CONTENT_SIZE = 2048 * (1 << 20)  # 2 GiB of spaces
BOMB_IMAGE_SIDE = 46000  # 46000 x 46000 8-bit gray = 2 116 000 000 bytes of zeros


def decompression_bomb_pdf(path: Path) -> Path:
    """One page: a small text content stream, then a second content stream whose
    double FlateDecode inflates to 2 GiB of spaces (file ~ 10 KB)."""
    bomb = _flate_bomb(0x20, 1 << 20, 2048)
    return _one_page_pdf(path, [
        _stream(b"", _text_ops()),
        _stream(b"/Filter [/FlateDecode /FlateDecode]", bomb)])


def decompression_bomb_image_pdf(path: Path) -> Path:
    """One page: a little text and a 46000 x 46000 DeviceGray image XObject (drawn
    200 x 200 pt) whose double FlateDecode inflates to ~1.97 GiB of zeros."""
    side = BOMB_IMAGE_SIDE
    bomb = _flate_bomb(0, side * 23, side // 23)  # 23 rows per chunk, 2000 chunks
    ops = b"q 200 0 0 200 72 300 cm /Im1 Do Q\n" + _text_ops()
    image = _stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                    b"/BitsPerComponent 8 /ColorSpace /DeviceGray "
                    b"/Filter [/FlateDecode /FlateDecode]" % (side, side), bomb)
    return _one_page_pdf(path, [_stream(b"", ops)], b"/XObject << /Im1 7 0 R >>", [image])


# --- 4. Deep nesting --------------------------------------------------------------
def _nested_pdf(path: Path, nested: bytes, where: str) -> Path:
    """Text page with ``/Nested <nested>`` in the page /Resources ("resources"), in a
    /Text annotation of the page ("annot") or in the document /Info ("info", what
    pdfplumber's ``PDF.metadata`` decodes recursively)."""
    text = [_stream(b"", _text_ops())]
    entry = b"/Nested " + nested
    if where == "resources":
        return _one_page_pdf(path, text, entry)
    if where == "annot":
        return _one_page_pdf(path, text, page_extra=b"/Annots [7 0 R] ", extra_objects=[
            b"<< /Type /Annot /Subtype /Text /Rect [500 700 520 720] /Contents "
            + _pdf_string("Note") + b" " + entry + b" >>"])
    if where == "info":
        return _one_page_pdf(path, text, info=7, extra_objects=[
            b"<< /Title " + _pdf_string(HAND_TITLE) + b" " + entry + b" >>"])
    raise ValueError(f"where must be resources, annot or info, not {where!r}")


def deeply_nested_pdf(path: Path, depth: int = 100_000, where: str = "resources") -> Path:
    """Valid text page plus ``/Nested [[[...]]]``, ``depth`` deep (see ``_nested_pdf``)."""
    return _nested_pdf(path, b"[" * depth + b"]" * depth, where)


def deeply_nested_dict_pdf(path: Path, depth: int = 100_000, where: str = "resources") -> Path:
    """Valid text page plus ``/Nested << /A << /A ... null >> >>``, ``depth`` deep."""
    return _nested_pdf(path, b"<< /A " * depth + b"null" + b" >>" * depth, where)


# --- 5. English document ------------------------------------------------------------
ENGLISH_TITLE = "Annual Report 2022-2023"
ENGLISH_ORG = "Ontario College of Social Workers"
_EN_MEETINGS = [
    ("May 12, 2022", "John Whitfield", "Assistant Deputy Minister of Health"),
    ("June 3, 2022", "Sarah Chen", "Chief Executive Officer of the Ontario Hospital Association"),
    ("June 17, 2022", "Michael Brennan", "policy advisor to the Minister of Children"),
    ("July 5, 2022", "Laura Martin", "President of the Canadian Association of Social Workers"),
    ("August 23, 2022", "David Okafor", "Dean of the Faculty of Social Work, University of Toronto"),
    ("September 8, 2022", "Emily Stewart", "Registrar of the College of Nurses of Ontario"),
    ("September 29, 2022", "Robert Gallagher", "Mayor of the City of Thunder Bay"),
    ("October 13, 2022", "Karen Singh", "Information and Privacy Commissioner of Ontario"),
    ("November 10, 2022", "Thomas Wright", "Director of the Fairness Commissioner's office"),
    ("December 1, 2022", "Patricia Hall", "Executive Director of the Ontario Association of Social Workers"),
    ("January 19, 2023", "James Morrison", "Professor at the School of Social Work, McMaster University"),
    ("February 16, 2023", "Angela Russo", "Director of Professional Practice at a Toronto hospital"),
]
_EN_TOPICS = [
    "the modernization of the registration process for internationally educated applicants",
    "entry-to-practice competencies and the supervision of new graduates",
    "the complaints and discipline process and its timelines",
    "continuing competence requirements for registered members",
    "the protection of personal health information in social work records",
    "access to mental health services in rural and northern communities",
]
ENGLISH_SENTENCES: list[str] = []
for _i, (_date, _who, _role) in enumerate(_EN_MEETINGS):
    ENGLISH_SENTENCES.append(f"On {_date}, the Registrar met {_who}, {_role}.")
    ENGLISH_SENTENCES.append(f"Discussions focused on {_EN_TOPICS[_i % len(_EN_TOPICS)]}, "
                             "a priority for the College.")
ENGLISH_EXPECTED: dict[str, object] = {
    "title": ENGLISH_TITLE, "org": ENGLISH_ORG, "period": (2022, 2023), "page_count": 2,
    "footers": ("Page 1 of 2", "Page 2 of 2"), "sentences": ENGLISH_SENTENCES,
}


def english_pdf(path: Path) -> Path:
    """2-page English annual report (platypus) of the Ontario College of Social Workers."""
    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1, title=ENGLISH_TITLE)

    def footer(c: canvas.Canvas, d: SimpleDocTemplate) -> None:
        c.saveState()
        c.setFont(REG, 9)
        c.drawRightString(letter[0] - 72, 40, f"Page {d.page} of 2")
        c.restoreState()

    title = ParagraphStyle("t", fontName=BOLD, fontSize=18, leading=22, spaceAfter=6)
    org = ParagraphStyle("o", fontName=REG, fontSize=13, leading=16, spaceAfter=18)
    head = ParagraphStyle("h", fontName=BOLD, fontSize=12, leading=15, spaceBefore=8, spaceAfter=6)
    body = ParagraphStyle("b", fontName=REG, fontSize=11, leading=15, spaceAfter=9)
    story = [Paragraph(escape(ENGLISH_TITLE), title), Paragraph(escape(ENGLISH_ORG), org),
             Paragraph("Meetings and Representations", head)]
    for k in range(0, len(ENGLISH_SENTENCES), 2):
        if k == len(ENGLISH_SENTENCES) // 2:
            story.append(Paragraph("Follow-up on Regulatory Files", head))
        story.append(Paragraph(escape(" ".join(ENGLISH_SENTENCES[k:k + 2])), body))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    if doc.page != 2:
        raise RuntimeError(f"english_pdf: expected 2 pages, got {doc.page}")
    return path


# --- 6-7. Scans -------------------------------------------------------------------
def _scan_pages(src_pdf: Path, dpi: int, skew: float, noise: bool, seed: int,
                ) -> list[tuple[Image.Image, tuple[float, float]]]:
    """Grayscale renderings of every page (slightly skewed, lightly soiled) + page size."""
    pages = []
    doc = pdfium.PdfDocument(str(src_pdf))
    try:
        for index in range(len(doc)):
            page = doc[index]
            size = page.get_size()
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if skew:
                img = img.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
            if noise:
                rng = random.Random(seed + index)
                w, h = img.size
                # smooth "paper" texture: coarse noise (0..7) upscaled, subtracted
                coarse = Image.frombytes("L", (w // 16 + 1, h // 16 + 1),
                                         rng.randbytes((w // 16 + 1) * (h // 16 + 1)))
                paper = coarse.point(lambda v: v >> 5).resize((w, h), Image.Resampling.BILINEAR)
                img = ImageChops.subtract(img, paper)
                draw = ImageDraw.Draw(img)  # sparse dust specks
                for _ in range(w * h // 20000):
                    x, y = rng.randrange(w), rng.randrange(h)
                    draw.rectangle((x, y, x + rng.randrange(2), y + rng.randrange(2)),
                                   fill=rng.randrange(40, 160))
            pages.append((img, size))
    finally:
        doc.close()
    return pages


def _write_scan(path: Path, pages: Sequence[tuple[Image.Image, tuple[float, float]]],
                rotate: int = 0) -> Path:
    """Image-only PDF, one JPEG (q85, DCTDecode) filling each page, no text layer.
    With ``rotate`` (multiple of 90) the image is stored turned ``rotate`` degrees
    counter-clockwise on a swapped MediaBox and the page gets ``/Rotate rotate`` (a
    clockwise display rotation), so viewers show it upright."""
    c = _canvas(path, size=pages[0][1])
    for img, (width, height) in pages:
        c.setPageSize((width, height))  # displayed size: reportlab swaps the MediaBox
        c.setPageRotation(rotate)       # itself when /Rotate is 90 or 270
        if rotate % 180:
            width, height = height, width
        if rotate % 360:
            img = img.rotate(rotate, expand=True)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=85)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    return path


def scanned_twin(src_pdf: Path, path: Path, dpi: int = 200, skew: float = 0.3,
                 noise: bool = True, seed: int = 1234) -> Path:
    """A 'scan' of ``src_pdf``: same page count and sizes, pages are grayscale JPEGs
    (rotated ``skew`` degrees, light seeded noise), no text layer."""
    return _write_scan(path, _scan_pages(src_pdf, dpi, skew, noise, seed))


def rotated_scan(src_pdf: Path, path: Path, dpi: int = 200, rotate: int = 90,
                 skew: float = 0.3, noise: bool = True, seed: int = 1234) -> Path:
    """Like ``scanned_twin`` but each image is stored sideways (turned 90 degrees
    counter-clockwise, landscape MediaBox) and the page carries /Rotate 90: viewers
    (pdfium) display it upright, with the source's page size."""
    return _write_scan(path, _scan_pages(src_pdf, dpi, skew, noise, seed), rotate=rotate)


# --- 8. Mixed batch ---------------------------------------------------------------
def _pdf_text(text: str) -> bytes:
    """A PDF text string: literal if ASCII, else UTF-16BE hex with BOM."""
    if text.isascii():
        return _pdf_string(text)
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _retitled(src: Path, data: bytes, variant: int) -> bytes:
    """``data`` plus an incremental update replacing /Info with a copy whose /Title
    gets " (variante N)". Falls back to a trailing "%variant N" comment when the file
    has no classic trailer (xref streams) or is encrypted."""
    marks = list(re.finditer(rb"startxref\s+(\d+)", data))
    trailer_at = data.rfind(b"trailer")
    if not marks or trailer_at < 0 or trailer_at > marks[-1].start():
        return data + b"\n%%variant %d\n" % variant
    trailer = data[trailer_at:marks[-1].start()]
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    if size is None or root is None or b"/Encrypt" in trailer:
        return data + b"\n%%variant %d\n" % variant
    doc = pdfium.PdfDocument(str(src))
    try:
        meta = doc.get_metadata_dict(skip_empty=True)
    finally:
        doc.close()
    meta["Title"] = f"{meta.get('Title') or src.stem} (variante {variant})"
    info = b" ".join(b"/%s %s" % (k.encode(), _pdf_text(v)) for k, v in sorted(meta.items()))
    num = int(size.group(1))
    ident = re.search(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]", trailer)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    obj_at = len(out)
    out += b"%d 0 obj\n<< %s >>\nendobj\n" % (num, info)
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (num, obj_at)
    out += b"trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d %s >>\n" % (
        num + 1, root.group(1), num, int(marks[-1].group(1)), ident.group(0) if ident else b"")
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _bad_nul(path: Path, i: int) -> Path:
    path.write_bytes(b"\x00" * (512 * (i + 1)))
    return path


def _bad_html(path: Path, i: int) -> Path:
    path.write_text("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                    f"<title>Erreur 404</title></head><body><h1>Page introuvable</h1>"
                    f"<p>Le document demandé (réf. {i}) n’existe plus.</p></body></html>\n",
                    encoding="utf-8")
    return path


def _bad_png(path: Path, i: int) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30 + i, 30)).save(buf, format="PNG")
    path.write_bytes(buf.getvalue())
    return path


def _bad_truncated(path: Path, i: int) -> Path:
    buf = io.BytesIO()
    _simple_pdf(buf)
    data = buf.getvalue()
    path.write_bytes(data[: int(len(data) * (0.25 + 0.03 * (i % 20)))])
    return path


def _bad_broken_header(path: Path, i: int) -> Path:
    rng = random.Random(777 + i)
    path.write_bytes(b"%PDF-" + bytes(rng.randrange(128, 256) for _ in range(64))
                     + b"\r\n<< /Junk " + rng.randbytes(1024) + b"\n")
    return path


def _with_comment(gen: Callable[[Path], Path]) -> Callable[[Path, int], Path]:
    def make(path: Path, i: int) -> Path:
        gen(path)
        with path.open("ab") as fh:
            fh.write(b"%%variant %d\n" % i)
        return path
    return make


_BAD_KINDS: list[tuple[str, Callable[[Path, int], Path]]] = [
    ("empty", lambda p, i: empty_file(p)),
    ("nul_bytes", _bad_nul),
    ("html", _bad_html),
    ("png", _bad_png),
    ("truncated", _bad_truncated),
    ("garbage", lambda p, i: garbage_pdf(p, seed=20240101 + i)),
    ("encrypted", _with_comment(encrypted_pdf)),
    ("zero_page", _with_comment(zero_page_pdf)),
    ("broken_header", _bad_broken_header),
]


def mixed_batch(dirpath: Path, good_sources: Sequence[Path], n_good: int = 20,
                n_bad: int = 20) -> tuple[list[Path], list[Path]]:
    """``n_good`` valid PDFs (``good_sources`` cycled, each retitled "... (variante N)"
    by an incremental update, so all SHA-256 differ, also from the sources) and ``n_bad`` unusable files (kinds of ``_BAD_KINDS``
    cycled; only the 0-byte ones can be identical). Returns (good_paths, bad_paths)."""
    dirpath = Path(dirpath)
    dirpath.mkdir(parents=True, exist_ok=True)
    good: list[Path] = []
    for i in range(n_good):
        src = Path(good_sources[i % len(good_sources)])
        target = dirpath / f"good_{i:02d}_{src.stem}.pdf"
        target.write_bytes(_retitled(src, src.read_bytes(), i + 1))
        good.append(target)
    bad: list[Path] = []
    for i in range(n_bad):
        kind, gen = _BAD_KINDS[i % len(_BAD_KINDS)]
        if kind == "empty" and i >= len(_BAD_KINDS):  # a second 0-byte file would be a duplicate
            kind, gen = "nul_bytes", _bad_nul
        bad.append(gen(dirpath / f"bad_{i:02d}_{kind}.pdf", i))
    return good, bad


HOSTILE_GENERATORS: dict[str, Callable[[Path], Path]] = {f.__name__: f for f in (
    many_pages_pdf, broken_xref_pdf, decompression_bomb_pdf, decompression_bomb_image_pdf,
    deeply_nested_pdf, deeply_nested_dict_pdf, english_pdf)}
