"""Small activity-report PDFs built with reportlab platypus, for the activity tests.

A report is a title page header (big bold title, organisation's name) followed
by a story of headings, paragraphs, bullets and GRID-ruled tables. Table cells
are written as lists of lines: a line starting with ``**`` is drawn bold.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pdfgen import BOLD, REG, _fonts
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_fonts()  # paragraphs need the fonts registered when they are created

TITLE = ParagraphStyle("t", fontName=BOLD, fontSize=20, leading=25, spaceAfter=6)
ORG = ParagraphStyle("o", fontName=REG, fontSize=14, leading=18, spaceAfter=16)
HEAD = ParagraphStyle("h", fontName=BOLD, fontSize=13, leading=17, spaceBefore=8, spaceAfter=8)
BODY = ParagraphStyle("b", fontName=REG, fontSize=10.5, leading=14, spaceAfter=8)
BULLET = ParagraphStyle("bl", parent=BODY, leftIndent=18, bulletIndent=6, spaceAfter=4,
                        bulletFontName=REG)
CELL = ParagraphStyle("c", fontName=REG, fontSize=9, leading=11.5)
BCELL = ParagraphStyle("bc", parent=CELL, fontName=BOLD)
HCELL = ParagraphStyle("hc", parent=CELL, fontName=BOLD, fontSize=9.5)


def title(text: str) -> Paragraph:
    return Paragraph(escape(text), TITLE)


def org(text: str) -> Paragraph:
    return Paragraph(escape(text), ORG)


def head(text: str) -> Paragraph:
    return Paragraph(escape(text), HEAD)


def para(text: str) -> Paragraph:
    return Paragraph(escape(text), BODY)


def bullet(text: str) -> Paragraph:
    return Paragraph(escape(text), BULLET, bulletText="•")


def cell(lines: str | list[str]) -> list[Paragraph] | str:
    """One table cell: each line is a paragraph; "**text" is drawn bold."""
    if isinstance(lines, str):
        lines = [lines] if lines else []
    if not lines:
        return ""
    return [Paragraph(escape(t[2:]), BCELL) if t.startswith("**") else Paragraph(escape(t), CELL)
            for t in lines]


def ruled(header: tuple[str, ...], rows: list[tuple[str | list[str], ...]], widths: list[float],
          extra: list[tuple] | None = None) -> Table:
    """A GRID-ruled table with a grey header row (repeated on a page break)."""
    data = [[Paragraph(escape(h), HCELL) for h in header]]
    data += [[cell(c) for c in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                               *(extra or [])]))
    return table


def build(path: Path, title_text: str, org_text: str, story: list, pages: int | None = None) -> Path:
    """Write the report; ``pages`` checks the number of pages drawn."""
    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1, leftMargin=54, rightMargin=54,
                            topMargin=60, bottomMargin=60)
    doc.build([title(title_text), org(org_text), *story])
    if pages is not None and doc.page != pages:
        raise RuntimeError(f"{path.name}: expected {pages} pages, got {doc.page}")
    return path


__all__ = ["BOLD", "REG", "PageBreak", "Spacer", "build", "bullet", "cell", "head", "org", "para",
           "ruled", "title"]
