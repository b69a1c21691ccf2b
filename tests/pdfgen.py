"""Deterministic French test PDFs (good and broken) for the extraction test suite.

Each generator takes a ``pathlib.Path``, writes one file there and returns it; the
``*_EXPECTED`` / ``*_ROWS`` constants hold what a correct extraction should recover.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REG, BOLD = "DejaVuSans", "DejaVuSans-Bold"

Run = tuple[str, str, float, float]  # (text, font name, size, rise)


def _fonts() -> None:
    """Register the DejaVu fonts with reportlab (idempotent)."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name in (REG, BOLD):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def _canvas(target: Path | io.BytesIO, size: tuple[float, float] = letter,
            **kw: object) -> canvas.Canvas:
    """A deterministic canvas with the fonts registered."""
    _fonts()
    dest = str(target) if isinstance(target, Path) else target
    return canvas.Canvas(dest, pagesize=size, invariant=1, **kw)


def _runs(c: canvas.Canvas, x: float, y: float, runs: Sequence[Run]) -> None:
    """Draw consecutive text runs on one baseline (rise > 0 = superscript)."""
    for text, font, size, rise in runs:
        c.setFont(font, size)
        c.drawString(x, y + rise, text)
        x += pdfmetrics.stringWidth(text, font, size)


# 1. Single-column strategic plan (letter, 3 pages, hand-placed lines)
PLAN_HEADER = "ODNQ | Plan stratégique 2022-2025"
PLAN_EXPECTED: dict[str, object] = {
    "title": "Plan stratégique 2022-2025",
    "org": "Ordre des diététistes-nutritionnistes du Québec",
    "org_lines": ("Ordre des diététistes-nutritionnistes", "du Québec"),
    "acronym": "ODNQ", "period": (2022, 2025), "header": PLAN_HEADER, "page_count": 3,
    "footers": ("1", "2", "3"),  # page number alone, bottom right
    "headings": ("Notre mission", "Notre vision", "Nos valeurs", "ORIENTATION 1",
                 "Objectif 1.1", "Objectif 1.2", "ORIENTATION 2", "Objectif 2.1"),
    "dehyphenated": "professionnelle",  # drawn as "profes-" / "sionnelle" (page 2)
    "kept_hyphen": "main-d'œuvre",  # drawn as "main-" / "d'œuvre" (page 2)
    "ordinal": "1er janvier 2023",  # "er" is 7pt raised 4pt (page 3)
    "ligature_word": "financière", "ligature_raw": "\ufb01nancière",  # U+FB01 (page 3)
    "footnote_word": "engagement", "footnote_marker": "1",  # raised 7pt "1" (page 3)
    "footnote_text": "1 Adopté par le conseil d’administration le 8 décembre 2021.",
    "apostrophe_phrase": "l’Ordre",  # typographic apostrophe U+2019
    "guillemets": "« mieux manger, mieux vivre »",
}

_P = (REG, 11.0, 0.0)  # plain 11pt body run: (font, size, rise)
# Page items: "# X" = bold heading, "" = blank line, str = body line, list = runs.
_PLAN_PAGES: list[list[str | list[Run]]] = [
    ["# Notre mission",
     "L’Ordre des diététistes-nutritionnistes du Québec assure la protection",
     "du public en encadrant l’exercice de la nutrition clinique et en",
     "soutenant la compétence de ses quelque 3 300 membres.", "",
     "# Notre vision",
     "Un Ordre influent, reconnu pour son expertise et fidèle à sa devise",
     "« mieux manger, mieux vivre » auprès de la population québécoise."],
    ["# Nos valeurs",
     "Rigueur, transparence, collaboration et bienveillance guident nos",
     "décisions et nos relations avec les membres et le public.", "",
     "# ORIENTATION 1",
     "Renforcer la protection du public par une surveillance adaptée.",
     "# Objectif 1.1",
     "Moderniser l’inspection afin de favoriser l’excellence profes-",
     "sionnelle et la qualité des services offerts dans toutes les régions.",
     "# Objectif 1.2",
     "Documenter les besoins des établissements et la pénurie de main-",
     "d'œuvre qualifiée en nutrition clinique au Québec."],
    ["# ORIENTATION 2",
     "Assurer une gestion responsable et transparente de l’Ordre.",
     "# Objectif 2.1",
     "Consolider la santé \ufb01nancière de l’Ordre tout en maîtrisant la",
     [("hausse de la cotisation annuelle, gelée depuis le 1", *_P),
      ("er", REG, 7.0, 4.0), (" janvier 2023.", *_P)],
     [("Cet engagement", *_P), ("1", REG, 7.0, 4.0),
      (" sera suivi par le comité d’audit et de gouvernance.", *_P)]],
]


def plan_single_column(path: Path) -> Path:
    """3-page single-column strategic plan of the ODNQ (letter size)."""
    c = _canvas(path)
    width, height = letter
    for number, items in enumerate(_PLAN_PAGES, start=1):
        c.setFont(REG, 9)
        c.drawString(72, height - 30, PLAN_HEADER)
        c.drawRightString(width - 50, 30, str(number))
        y = height - 90
        if number == 1:
            c.setFont(BOLD, 24)
            c.drawString(72, height - 130, str(PLAN_EXPECTED["title"]))
            c.setFont(REG, 16)
            c.drawString(72, height - 165, "Ordre des diététistes-nutritionnistes")
            c.drawString(72, height - 185, "du Québec")
            y = height - 240
        for item in items:
            if isinstance(item, str) and item.startswith("# "):
                c.setFont(BOLD, 13)
                c.drawString(72, y - 8, item[2:])
                y -= 28
                continue
            if item:
                _runs(c, 72, y, [(item, *_P)] if isinstance(item, str) else item)
            y -= 15
        if number == 3:
            c.line(72, 70, 200, 70)
            c.setFont(REG, 8)
            c.drawString(72, 58, str(PLAN_EXPECTED["footnote_text"]))
        c.showPage()
    c.save()
    return path


# 2. Two text columns sharing baselines
TWO_COLUMN_HEADING = "Bilan des activités de l’Ordre des hygiénistes dentaires du Québec"
_LEFT = [
    "Le conseil a siégé six fois.", "Deux comités ont été créés.", "Le budget est adopté.",
    "La cotisation demeure stable.", "Un site Web est en ligne.", "Le registre a été modernisé.",
    "Trois guides ont été publiés.", "La formation est obligatoire.", "Les inspections augmentent.",
    "Un sondage a été mené.", "Les délais ont été réduits.", "Le colloque a eu lieu.",
    "Une entente a été signée.", "Le plan d’action est révisé.", "La gouvernance évolue.",
]
_RIGHT = [
    "Les plaintes ont diminué.", "Le syndic a traité 42 dossiers.", "Le conseil a statué.",
    "Une amende a été imposée.", "Deux radiations sont prononcées.", "Les membres sont informés.",
    "On compte 6 800 membres.", "Les permis ont été délivrés.", "Les usurpations sont suivies.",
    "Un avis public a été diffusé.", "Les stages sont encadrés.", "Le Bureau a été consulté.",
    "Une veille juridique est active.", "Les finances sont saines.", "Le rapport sera déposé.",
]
TWO_COLUMN_LEFT_LINES = [f"GAUCHE{i} {s}" for i, s in enumerate(_LEFT, start=1)]
TWO_COLUMN_RIGHT_LINES = [f"DROITE{i} {s}" for i, s in enumerate(_RIGHT, start=1)]
TWO_COLUMN_BOTTOM = ("BASDEPAGE Ce bilan sera présenté à l’assemblée générale annuelle des "
                     "membres, qui se tiendra à Montréal le 14 juin 2024.")
TWO_COLUMN_EXPECTED_ORDER = ([f"GAUCHE{i}" for i in range(1, 16)]
                             + [f"DROITE{i}" for i in range(1, 16)] + ["BASDEPAGE"])
TWO_COLUMN_X = ((50.0, 280.0), (320.0, 560.0))  # left and right column extents


def two_column_page(path: Path) -> Path:
    """One page: full-width heading, two aligned columns, full-width footer text."""
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(50, 740, TWO_COLUMN_HEADING)
    c.setFont(REG, 10)
    pairs = zip(TWO_COLUMN_LEFT_LINES, TWO_COLUMN_RIGHT_LINES, strict=True)
    for i, (left, right) in enumerate(pairs):
        y = 700 - 14 * i
        c.drawString(TWO_COLUMN_X[0][0], y, left)
        c.drawString(TWO_COLUMN_X[1][0], y, right)
    line, y = "", 460.0
    for word in TWO_COLUMN_BOTTOM.split():  # greedy wrap at full width (50..560)
        trial = f"{line} {word}".strip()
        if pdfmetrics.stringWidth(trial, REG, 10) > 510:
            c.drawString(50, y, line)
            line, y = word, y - 14
        else:
            line = trial
    c.drawString(50, y, line)
    c.showPage()
    c.save()
    return path


# 3. Ruled table spanning two A4 pages
RULED_TABLE_TITLE = "Rapport d'activités 2022-2023"
RULED_TABLE_ORG = ("Ordre des technologues en imagerie médicale, en radio-oncologie et "
                   "en électrophysiologie médicale du Québec")
RULED_TABLE_HEADER = ("Date", "Activité", "Participants")
_MSSS = "Ministère de la Santé et des Services sociaux (MSSS)"
_RULED_RAW: list[tuple[str, str, str]] = [
    ("12 mai 2022", "Rencontre sur la planification de la main-d'œuvre", _MSSS),
    ("3 et 17 juin 2022", "Comité de liaison sur la radioprotection", "Marie-Ève Tremblay, Dt.P."),
    ("21 juin 2022", "Consultation sur le projet de règlement", "Office des professions du Québec"),
    ("5 juillet 2022", "Table de concertation en imagerie", "Jean-François Gagnon, t.i.m."),
    ("Du 5 au 7 octobre 2022", "Colloque annuel<br/>Thème : l’imagerie de demain",
     "Membres du conseil d’administration"),
    ("13 octobre 2022", "Séance de travail sur la formation continue", "Cégep de Sainte-Foy"),
    ("20 octobre 2022", "Rencontre des ordres en santé", "Conseil interprofessionnel du Québec"),
    ("2 novembre 2022", "Dépôt d’un mémoire", "Commission parlementaire"),
    ("9 novembre 2022", "Rapport d’inspection", "Comité d’inspection professionnelle"),
    ("15 et 29 novembre 2022", "Groupe de travail sur la téléradiologie", _MSSS),
    ("6 décembre 2022", "Rencontre avec la présidente-directrice générale",
     "Centre intégré universitaire de santé et de services sociaux"),
    ("12 décembre 2022", "Webinaire sur la déontologie", "Nathalie Bouchard, avocate"),
    ("18 janvier 2023", "Comité sur l’accès à la profession", "Ministère de l’Immigration"),
    ("25 janvier 2023", "Rencontre sur les stages cliniques", "Université de Montréal"),
    ("1er février 2023", "Séance du conseil d’administration", "Administrateurs élus et nommés"),
    ("8 février 2023", "Audition devant le conseil de discipline", "Syndic adjoint"),
    ("Du 14 au 16 février 2023", "Formation en échographie", "Luc Pelletier, t.e.p.m."),
    ("22 février 2023", "Activités réservées : consultation", "Office des professions du Québec"),
    ("7 mars 2023", "Rencontre sur la pénurie de personnel", _MSSS),
    ("14 mars 2023", "Entrevue médiatique", "Radio-Canada"),
    ("21 et 28 mars 2023", "Comité de révision des normes de pratique", "Sophie Lavoie, t.r.o."),
    ("4 avril 2023", "Forum sur l’IA en imagerie", "Chercheurs et cliniciens"),
    ("18 avril 2023", "Rencontre des partenaires syndicaux", "Fédération de la santé du Québec"),
    ("2 mai 2023", "Assemblée des présidents des ordres", "Conseil interprofessionnel du Québec"),
    ("Du 24 au 26 mai 2023", "Congrès international", "Délégation de l’Ordre (4 personnes)"),
]
RULED_TABLE_ROWS: list[tuple[str, str, str]] = [
    tuple(" ".join(cell.replace("<br/>", " ").split()) for cell in row)  # type: ignore[misc]
    for row in _RULED_RAW
]


def ruled_table_report(path: Path) -> Path:
    """2-page A4 activity report with a GRID-ruled table (header repeated)."""
    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, leftMargin=50,
                            rightMargin=50, topMargin=60, bottomMargin=60,
                            title=RULED_TABLE_TITLE)
    title = ParagraphStyle("t", fontName=BOLD, fontSize=18, leading=22, spaceAfter=10)
    body = ParagraphStyle("b", fontName=REG, fontSize=10, leading=13, spaceAfter=6)
    cell = ParagraphStyle("c", fontName=REG, fontSize=9, leading=11)
    head = ParagraphStyle("h", parent=cell, fontName=BOLD)
    intro = ("Le présent rapport recense les principales activités de représentation et de "
             "concertation menées par l’Ordre entre le 1er avril 2022 et le 31 mars 2023, "
             "conformément à ses obligations de reddition de comptes.")
    data = [[Paragraph(h, head) for h in RULED_TABLE_HEADER]]
    data += [[Paragraph(escape(t).replace("&lt;br/&gt;", "<br/>"), cell) for t in row]
             for row in _RULED_RAW]
    table = Table(data, colWidths=[110, 215, 170], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    story = [Paragraph(escape(RULED_TABLE_TITLE), title),
             Paragraph(escape(RULED_TABLE_ORG), body)]
    story += [Paragraph(escape(intro), body)] * 4 + [Spacer(1, 12), table]
    doc.build(story)
    if doc.page != 2:
        raise RuntimeError(f"ruled_table_report: expected 2 pages, got {doc.page}")
    return path


# 4. Table without any rule (drawString at fixed x)
UNRULED_HEADER = ("ENJEUX", "ORIENTATIONS", "OBJECTIFS")
UNRULED_X = (50.0, 200.0, 400.0)
_UNRULED_CELLS: list[tuple[tuple[str, ...], ...]] = [  # each cell = its drawn lines
    (("Protection du public",), ("Renforcer l’inspection",), ("Inspecter 20 % des membres",)),
    (("Compétence des", "membres"), ("Actualiser la formation continue",),
     ("Offrir 12 webinaires", "par année")),
    (("Gouvernance",), ("Accroître la transparence du", "conseil d’administration"),
     ("Publier les procès-verbaux",)),
    (("Santé financière",), ("Maîtriser les dépenses",), ("Équilibrer le budget dès", "2024")),
    (("Communication",), ("Rejoindre la population",),
     ("Lancer une campagne sur", "les soins buccodentaires")),
]
UNRULED_ROWS: list[tuple[str, str, str]] = [
    tuple(" ".join(cell) for cell in row) for row in _UNRULED_CELLS  # type: ignore[misc]
]


def unruled_table_page(path: Path) -> Path:
    """One page with a 3-column table drawn as plain text, no lines at all."""
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(50, 740, "Synthèse des enjeux et des orientations 2023-2026")
    c.setFont(BOLD, 10)
    for x, text in zip(UNRULED_X, UNRULED_HEADER, strict=True):
        c.drawString(x, 700, text)
    y = 675.0
    c.setFont(REG, 10)
    for row in _UNRULED_CELLS:
        for x, lines in zip(UNRULED_X, row, strict=True):
            for k, line in enumerate(lines):
                c.drawString(x, y - 13 * k, line)
        y -= 13 * max(len(cell) for cell in row) + 12
    c.showPage()
    c.save()
    return path


# 5. Prose activity report (platypus paragraphs, 2 pages)
PROSE_TITLE = "Rapport annuel des activités 2021-2022"
PROSE_ORG = "Association des archivistes du Québec"
_MEETINGS = [
    ("12 mai 2022", "Jean Tremblay", "sous-ministre adjoint au ministère de l'Éducation"),
    ("3 juin 2022", "Isabelle Roy", "directrice générale des Archives nationales"),
    ("17 juin 2022", "Marc-André Côté", "conseiller au cabinet de la ministre de la Culture"),
    ("5 juillet 2022", "Hélène Gagnon", "présidente de la Fédération des milieux documentaires"),
    ("23 août 2022", "Pierre Bélanger", "secrétaire général de l'Université Laval"),
    ("8 septembre 2022", "Chantal Morin", "sous-ministre associée au Conseil du trésor"),
    ("29 septembre 2022", "François Lévesque", "maire de la Ville de Rimouski"),
    ("13 octobre 2022", "Julie Fortin", "commissaire à l'accès à l'information"),
    ("10 novembre 2022", "Robert Gauthier", "directeur des archives de la Ville de Montréal"),
    ("1er décembre 2022", "Sylvie Ouellet", "responsable des technologies au ministère"),
    ("19 janvier 2023", "Daniel Bergeron", "professeur à l'École des sciences de l'information"),
    ("16 février 2023", "Annie Pelletier", "directrice du Réseau des services d'archives"),
]
_TOPICS = [
    "la modernisation du calendrier de conservation des documents",
    "la formation initiale des archivistes et l'accès à la profession",
    "la numérisation des fonds d'archives régionaux",
    "le financement des services d'archives privées agréés",
    "la protection des renseignements personnels dans les archives",
    "la préservation à long terme des documents numériques",
]


def _prose_sentences() -> list[str]:
    out: list[str] = []
    for i, (date, who, role) in enumerate(_MEETINGS):
        out.append(f"Le {date}, la présidente a rencontré {who}, {role}.")
        out.append(f"Les échanges ont porté sur {_TOPICS[i % len(_TOPICS)]}, "
                   "un dossier prioritaire pour l'Association.")
    return out


PROSE_SENTENCES: list[str] = _prose_sentences()
PROSE_EXPECTED: dict[str, object] = {
    "title": PROSE_TITLE, "org": PROSE_ORG, "period": (2021, 2022), "page_count": 2,
    "footers": ("Page 1 de 2", "Page 2 de 2"), "sentences": PROSE_SENTENCES,
}


def prose_report(path: Path) -> Path:
    """2-page prose activity report built with platypus Paragraphs."""
    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1, title=PROSE_TITLE)

    def footer(c: canvas.Canvas, d: SimpleDocTemplate) -> None:
        c.saveState()
        c.setFont(REG, 9)
        c.drawRightString(letter[0] - 72, 40, f"Page {d.page} de 2")
        c.restoreState()

    title = ParagraphStyle("t", fontName=BOLD, fontSize=18, leading=22, spaceAfter=6)
    org = ParagraphStyle("o", fontName=REG, fontSize=13, leading=16, spaceAfter=18)
    head = ParagraphStyle("h", fontName=BOLD, fontSize=12, leading=15, spaceBefore=8, spaceAfter=6)
    body = ParagraphStyle("b", fontName=REG, fontSize=11, leading=15, spaceAfter=9)
    story = [Paragraph(escape(PROSE_TITLE), title), Paragraph(escape(PROSE_ORG), org),
             Paragraph("Représentations et rencontres", head)]
    for k in range(0, len(PROSE_SENTENCES), 2):
        if k == len(PROSE_SENTENCES) // 2:
            story.append(Paragraph("Suivi des dossiers institutionnels", head))
        story.append(Paragraph(escape(" ".join(PROSE_SENTENCES[k:k + 2])), body))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    if doc.page != 2:
        raise RuntimeError(f"prose_report: expected 2 pages, got {doc.page}")
    return path


# 6. Bad inputs
IMAGE_ONLY_TEXT = "Rapport d’activités 2022-2023 – document numérisé"
ENCRYPTED_USER_PASSWORD = "secret"
ENCRYPTED_OWNER_PASSWORD = "owner"


def _simple_pdf(target: Path | io.BytesIO, **kw: object) -> None:
    """A small two-page text PDF (used by truncated and encrypted variants)."""
    c = _canvas(target, **kw)
    for n in (1, 2):
        c.setFont(REG, 12)
        c.drawString(72, 700, f"Page {n} : document de l’Ordre des hygiénistes dentaires")
        for k in range(20):
            c.drawString(72, 670 - 16 * k, f"Ligne {k + 1} du rapport confidentiel, séance {n}.")
        c.showPage()
    c.save()


def empty_file(path: Path) -> Path:
    """A 0-byte file."""
    path.write_bytes(b"")
    return path


def html_as_pdf(path: Path) -> Path:
    """An HTML document saved under a .pdf name."""
    path.write_text("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                    "<title>Plan stratégique</title></head><body><h1>Plan stratégique "
                    "2022-2025</h1><p>Page introuvable.</p></body></html>\n", encoding="utf-8")
    return path


def png_as_pdf(path: Path) -> Path:
    """PNG image bytes saved under a .pdf name."""
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buf, format="PNG")
    path.write_bytes(buf.getvalue())
    return path


def truncated_pdf(path: Path) -> Path:
    """A valid reportlab PDF cut to its first 40 % of bytes."""
    buf = io.BytesIO()
    _simple_pdf(buf)
    path.write_bytes(buf.getvalue()[: int(len(buf.getvalue()) * 0.4)])
    return path


def encrypted_pdf(path: Path, user_password: str = ENCRYPTED_USER_PASSWORD) -> Path:
    """A PDF that needs ``user_password`` to open (owner password "owner")."""
    _simple_pdf(path, encrypt=StandardEncryption(
        userPassword=user_password, ownerPassword=ENCRYPTED_OWNER_PASSWORD))
    return path


def encrypted_pdf_no_user_password(path: Path) -> Path:
    """Encrypted with an owner password only: opens without any password."""
    return encrypted_pdf(path, user_password="")


def image_only_pdf(path: Path) -> Path:
    """A page holding only a raster image of rendered text (no text operators)."""
    img = Image.new("RGB", (1400, 200), "white")
    font = ImageFont.truetype(str(FONT_DIR / f"{REG}.ttf"), 48)
    ImageDraw.Draw(img).text((30, 70), IMAGE_ONLY_TEXT, fill="black", font=font)
    c = _canvas(path)
    c.drawImage(ImageReader(img), 50, 600, width=512, height=512 * 200 / 1400)
    c.showPage()
    c.save()
    return path


def zero_page_pdf(path: Path) -> Path:
    """A hand-written, syntactically valid PDF whose page tree is empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def garbage_pdf(path: Path, seed: int = 20240101, size: int = 4096) -> Path:
    """A PDF header followed by seeded random bytes."""
    path.write_bytes(b"%PDF-1.4\n" + random.Random(seed).randbytes(size))
    return path


# 7. Everything at once
GOOD_GENERATORS: dict[str, Callable[[Path], Path]] = {f.__name__: f for f in (
    plan_single_column, two_column_page, ruled_table_report, unruled_table_page, prose_report)}
BAD_GENERATORS: dict[str, Callable[[Path], Path]] = {f.__name__: f for f in (
    empty_file, html_as_pdf, png_as_pdf, truncated_pdf, encrypted_pdf,
    encrypted_pdf_no_user_password, image_only_pdf, zero_page_pdf, garbage_pdf)}


def make_all(dirpath: Path) -> dict[str, Path]:
    """Write every generated file into ``dirpath`` as ``<name>.pdf``."""
    dirpath = Path(dirpath)
    dirpath.mkdir(parents=True, exist_ok=True)
    return {name: gen(dirpath / f"{name}.pdf")
            for name, gen in {**GOOD_GENERATORS, **BAD_GENERATORS}.items()}
