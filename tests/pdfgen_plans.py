"""Small strategic-plan PDFs drawn line by line, for the plan-item tests.

A ``Flow`` places text lines from the top of a page down, wraps paragraphs to a
width, starts new pages, and draws everything with reportlab at ``save``.
"""

from __future__ import annotations

from pathlib import Path

from pdfgen import BOLD, REG, _canvas, _fonts
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics

TOP = 740.0


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` points."""
    _fonts()
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and pdfmetrics.stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


class Flow:
    """Lines placed on pages: (x, y, text, font, size) per page."""

    def __init__(self, size: tuple[float, float] = letter):
        self.size = size
        self.pages: list[list[tuple[float, float, str, str, float]]] = [[]]
        self.y = TOP

    def at(self, x: float, y: float, text: str, font: str = REG, size: float = 10.5) -> None:
        self.pages[-1].append((x, y, text, font, size))

    def line(self, text: str, font: str = REG, size: float = 10.5, x: float = 60.0,
             lead: float = 1.35) -> None:
        self.at(x, self.y, text, font, size)
        self.y -= size * lead

    def lines(self, texts: list[str], font: str = REG, size: float = 10.5, x: float = 60.0) -> None:
        for t in texts:
            self.line(t, font, size, x)

    def para(self, text: str, font: str = REG, size: float = 10.5, x: float = 60.0,
             width: float = 480.0) -> None:
        self.lines(wrap(text, font, size, width), font, size, x)

    def bullet(self, text: str, size: float = 10.5, x: float = 72.0, width: float = 440.0,
               mark: str = "•") -> None:
        """A bullet with a hanging indent: continuation lines start under the text."""
        indent = 12.0
        for k, t in enumerate(wrap(text, REG, size, width - indent)):
            if k == 0:
                self.at(x, self.y, mark, REG, size)
            self.at(x + indent, self.y, t, REG, size)
            self.y -= size * 1.35

    def gap(self, points: float = 8.0) -> None:
        self.y -= points

    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP

    def save(self, path: Path, header: str | None = None, numbers: bool = False) -> Path:
        c = _canvas(path, self.size)
        width, _ = self.size
        for n, page in enumerate(self.pages, start=1):
            if header:
                c.setFont(REG, 8)
                c.drawString(60, 770, header)
            if numbers:
                c.setFont(REG, 8)
                c.drawRightString(width - 50, 30, str(n))
            for x, y, text, font, size in page:
                c.setFont(font, size)
                c.drawString(x, y, text)
            c.showPage()
        c.save()
        return path


def title_page(flow: Flow, title: str, org: str) -> None:
    """Big bold title and the organisation's name at the top of page 1."""
    flow.line(title, BOLD, 22, lead=1.6)
    flow.line(org, REG, 14, lead=2.2)
