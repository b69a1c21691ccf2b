"""The typed intermediate document model that every stage reads and writes.

Everything is a frozen dataclass so stages cannot mutate what an earlier stage
produced: a stage returns new values (``dataclasses.replace``) instead.
Coordinates are PDF points, origin at the top-left of the page (pdfplumber's
convention): ``top`` grows downwards.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def as_row(self) -> dict[str, float]:
        """The x0, top, x1, bottom columns of an output row."""
        return {"x0": round(self.x0, 2), "top": round(self.top, 2), "x1": round(self.x1, 2),
                "bottom": round(self.bottom, 2)}

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def contains_center(self, other: BBox, tol: float = 1.0) -> bool:
        cx, cy = (other.x0 + other.x1) / 2, (other.top + other.bottom) / 2
        return (
            self.x0 - tol <= cx <= self.x1 + tol and self.top - tol <= cy <= self.bottom + tol
        )

    @staticmethod
    def enclosing(boxes: list[BBox]) -> BBox:
        out = boxes[0]
        for b in boxes[1:]:
            out = out.union(b)
        return out

    def rounded(self) -> BBox:
        return BBox(round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))


@dataclass(frozen=True)
class Word:
    text: str
    bbox: BBox
    font: str = ""
    size: float = 0.0
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]
    bbox: BBox
    text: str  # words joined with a space only where the PDF shows a gap

    @property
    def size(self) -> float:
        """Dominant font size (by characters)."""
        weights: dict[float, int] = {}
        for w in self.words:
            weights[w.size] = weights.get(w.size, 0) + len(w.text)
        return max(weights, key=lambda s: (weights[s], s)) if weights else 0.0

    @property
    def bold(self) -> bool:
        letters = sum(len(w.text) for w in self.words)
        bold = sum(len(w.text) for w in self.words if w.bold)
        return letters > 0 and bold * 2 > letters


@dataclass(frozen=True)
class Block:
    """A run of lines read together: a paragraph, a heading, a list item."""

    lines: tuple[Line, ...]
    bbox: BBox
    text: str  # lines joined, line-break hyphenation undone

    @property
    def size(self) -> float:
        return self.lines[0].size if self.lines else 0.0

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    bbox: BBox | None
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Table:
    page: int
    bbox: BBox
    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    ruled: bool = True
    continued: bool = False  # first row continues the table of the previous page

    def rows(self) -> list[list[str]]:
        grid = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            grid[c.row][c.col] = c.text
        return grid


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    blocks: tuple[Block, ...] = ()  # in reading order, tables excluded
    tables: tuple[Table, ...] = ()
    removed: tuple[str, ...] = ()  # running headers, footers, page numbers
    has_text: bool = True
    image_count: int = 0
    ocr: bool = False  # the page's words were read by OCR
    order: tuple[tuple[str, int], ...] = ()  # ("block"|"table", index) in reading order


@dataclass(frozen=True)
class Document:
    doc_id: str
    file_name: str
    sha256: str
    pages: tuple[Page, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def iter_items(self):
        """Blocks and tables of every page, in reading order."""
        for page in self.pages:
            order = page.order or tuple(("block", i) for i in range(len(page.blocks)))
            for kind, i in order:
                yield page, (page.blocks[i] if kind == "block" else page.tables[i])

    @property
    def text(self) -> str:
        parts: list[str] = []
        for _, item in self.iter_items():
            if isinstance(item, Block):
                parts.append(item.text)
            else:
                parts.extend(" | ".join(r) for r in item.rows())
        return "\n".join(parts)


@dataclass(frozen=True)
class Classification:
    doc_type: str = "other"  # strategic_plan, activity_report, other
    genre: str = "other"  # the doc_type, or a finer kind of "other" (minutes)
    organization: str | None = None
    organization_acronym: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    title: str | None = None
    language: str | None = None


def to_jsonable(obj: Any) -> Any:
    return asdict(obj)
