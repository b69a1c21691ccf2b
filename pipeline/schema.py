"""The output contract: every table, its columns, types, keys and meaning.

Writers (CSV, Parquet, xlsx), validation and the data dictionary
(``docs/data_dictionary.md``) are all derived from :data:`TABLES`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("ok", "partial", "failed", "duplicate")
DOC_TYPES = ("strategic_plan", "activity_report", "other")
GENRES = ("strategic_plan", "activity_report", "minutes", "other")
STATEMENT_KINDS = ("mission", "vision", "ambition", "value")
PLAN_KINDS = ("issue", "orientation", "objective", "strategy", "action", "expected_result", "indicator")
TARGET_KINDS = ("date", "quantity", "other")
PRECISIONS = ("day", "week", "month", "season", "year", "span")
ENTITY_KINDS = ("person", "institution")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # "string" | "int" | "float" | "date"
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, table, column)
    per_document: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, type_: str, description: str, required: bool = False, enum=None) -> Column:
    return Column(name, type_, description, required, tuple(enum) if enum else None)


DOC_ID = _c("doc_id", "string", "Stable document identifier: the first 16 hex digits of the file's SHA-256.", True)
PAGE = _c("page", "int", "1-based page number the row comes from.")
# Where on the page the row's text is: PDF points from the page's top-left corner.
BOX = (
    _c("x0", "float", "Left edge of the source text on the page, in PDF points."),
    _c("top", "float", "Top edge of the source text, in points from the top of the page."),
    _c("x1", "float", "Right edge of the source text, in PDF points."),
    _c("bottom", "float", "Bottom edge of the source text, in points from the top of the page."),
)

TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in [
        TableSpec(
            "documents",
            "One row per input file, whatever happened to it.",
            (
                DOC_ID,
                _c("file_name", "string", "File name in the input folder (relative path).", True),
                _c("sha256", "string", "SHA-256 of the file's bytes.", True),
                _c("pages", "int", "Number of pages (empty when the file could not be opened)."),
                _c("ocr_pages", "string", "Pages read by OCR (no text layer), e.g. \"1-4, 7\"."),
                _c("language", "string", "Language of the text (fr, en, ...), from its commonest words."),
                _c("doc_type", "string", "Kind of document.", enum=DOC_TYPES),
                _c("genre", "string", "Finer kind: the doc_type, or minutes for council minutes, agendas with "
                                      "resolutions and hearing transcripts (doc_type other).", enum=GENRES),
                _c("organization", "string", "Publishing organization, full name."),
                _c("organization_acronym", "string", "Its acronym, when known."),
                _c("period_start", "int", "First year the document covers."),
                _c("period_end", "int", "Last year the document covers."),
                _c("title", "string", "Title (PDF metadata, else the largest text of the first page)."),
                _c("status", "string", "ok, partial (some pages unreadable), failed, duplicate.", True, STATUSES),
                _c("error", "string", "Why the document failed or is partial; empty when ok."),
                _c("warnings", "string", "Non-fatal problems, joined with ' | '."),
                _c("pipeline_version", "string", "Version of the pipeline that produced the row.", True),
            ),
            ("doc_id",),
        ),
        TableSpec(
            "statements",
            "Mission, vision, ambition and values of strategic plans.",
            (
                DOC_ID,
                _c("statement_id", "string", "Stable identifier within the batch.", True),
                _c("kind", "string", "Statement kind.", True, STATEMENT_KINDS),
                _c("name", "string", "A value's name (empty for mission, vision, ambition)."),
                _c("text", "string", "Statement text, whitespace collapsed."),
                PAGE,
                *BOX,
            ),
            ("statement_id",),
            (("doc_id", "documents", "doc_id"),),
        ),
        TableSpec(
            "plan_items",
            "The hierarchy of a strategic plan: issues, orientations, objectives, ...",
            (
                DOC_ID,
                _c("item_id", "string", "Stable identifier within the batch.", True),
                _c("parent_id", "string", "item_id of the enclosing item."),
                _c("kind", "string", "Level of the item.", True, PLAN_KINDS),
                _c("code", "string", "Number as printed (\"1.1.2\", \"OS1\"), if any."),
                _c("text", "string", "Item text, cleaned.", True),
                PAGE,
                *BOX,
            ),
            ("item_id",),
            (("doc_id", "documents", "doc_id"), ("parent_id", "plan_items", "item_id")),
        ),
        TableSpec(
            "targets",
            "Targets (\"Cible\") of plan items, normalized to dates or quantities.",
            (
                DOC_ID,
                _c("target_id", "string", "Stable identifier within the batch.", True),
                _c("item_id", "string", "The plan item the target belongs to.", True),
                _c("text", "string", "Target as printed.", True),
                _c("kind", "string", "date, quantity or other.", True, TARGET_KINDS),
                _c("date_start", "date", "Start of the target's date span."),
                _c("date_end", "date", "End of the target's date span."),
                _c("value", "string", "Quantity as printed, without qualifiers."),
                PAGE,
                *BOX,
            ),
            ("target_id",),
            (("doc_id", "documents", "doc_id"), ("item_id", "plan_items", "item_id")),
        ),
        TableSpec(
            "activities",
            "Dated entries of activity reports: meetings, webinars, publications...",
            (
                DOC_ID,
                _c("activity_id", "string", "Stable identifier within the batch.", True),
                PAGE,
                *BOX,
                _c("section", "string", "Heading the activity sits under."),
                _c("plan_context", "string", "Plan strategy / action the report sets the activity against, as printed (\" > \" between levels)."),
                _c("plan_item_id", "string", "Plan item (strategy, action) the report links it to."),
                _c("title", "string", "Entry name as printed.", True),
                _c("description", "string", "Description or follow-up text."),
                _c("date_text", "string", "Dates as printed."),
            ),
            ("activity_id",),
            (("doc_id", "documents", "doc_id"), ("plan_item_id", "plan_items", "item_id")),
        ),
        TableSpec(
            "activity_dates",
            "Normalized dates of activities: one row per day or span.",
            (
                DOC_ID,
                _c("activity_id", "string", "The activity.", True),
                _c("date_start", "date", "First day.", True),
                _c("date_end", "date", "Last day (equal to date_start for a single day).", True),
                _c("precision", "string", "Granularity of the printed date.", True, PRECISIONS),
                _c("text", "string", "Date as printed."),
                PAGE,
                *BOX,
            ),
            ("activity_id", "date_start", "date_end"),
            (("activity_id", "activities", "activity_id"),),
        ),
        TableSpec(
            "entities",
            "Persons and institutions, one row per real-world entity across all documents.",
            (
                _c("entity_id", "string", "Stable identifier derived from the canonical name.", True),
                _c("kind", "string", "person or institution.", True, ENTITY_KINDS),
                _c("name", "string", "Canonical name.", True),
                _c("acronym", "string", "Acronym of an institution."),
                _c("aliases", "string", "Other printed forms, joined with ' | '."),
                _c("titles", "string", "Titles and roles of a person, joined with ' | '."),
            ),
            ("entity_id",),
            per_document=False,
        ),
        TableSpec(
            "activity_entities",
            "Mentions of entities in activities.",
            (
                DOC_ID,
                _c("activity_id", "string", "The activity.", True),
                _c("entity_id", "string", "The entity.", True),
                _c("mention", "string", "Text as printed.", True),
                _c("role", "string", "Role or title given in the mention."),
                PAGE,
                *BOX,
            ),
            ("activity_id", "entity_id", "mention"),
            (("activity_id", "activities", "activity_id"), ("entity_id", "entities", "entity_id")),
        ),
    ]
}


class SchemaError(ValueError):
    pass


def coerce(column: Column, value: Any) -> Any:
    """Python value of a cell as the schema types it (None for empty)."""
    if value is None or value == "":
        return None
    if column.type == "int":
        if isinstance(value, bool):
            raise SchemaError(f"{column.name}: boolean where an integer is expected")
        return int(value)
    if column.type == "float":
        if isinstance(value, bool):
            raise SchemaError(f"{column.name}: boolean where a number is expected")
        return round(float(value), 2)
    if column.type == "date":
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value)[:10])
    return str(value)


def validate(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Check and type every row; raise SchemaError on the first violation."""
    spec = TABLES[table]
    names = set(spec.column_names)
    typed_rows = []
    seen: set[tuple[Any, ...]] = set()
    for i, row in enumerate(rows):
        unknown = set(row) - names
        if unknown:
            raise SchemaError(f"{table} row {i}: unknown columns {sorted(unknown)}")
        typed = {}
        for col in spec.columns:
            try:
                v = coerce(col, row.get(col.name))
            except (TypeError, ValueError) as exc:
                raise SchemaError(f"{table} row {i}: {col.name}={row.get(col.name)!r}: {exc}") from exc
            if v is None and col.required:
                raise SchemaError(f"{table} row {i}: {col.name} is required")
            if v is not None and col.enum and v not in col.enum:
                raise SchemaError(f"{table} row {i}: {col.name}={v!r} not in {col.enum}")
            typed[col.name] = v
        key = tuple(typed[k] for k in spec.primary_key)
        if key in seen:
            raise SchemaError(f"{table} row {i}: duplicate key {key}")
        seen.add(key)
        typed_rows.append(typed)
    return typed_rows


def data_dictionary_markdown() -> str:
    out = ["# Data dictionary", "", "Generated from `pipeline/schema.py` (`python -m pipeline schema`). "
           "Every table is written as CSV (UTF-8 with BOM), Parquet and a sheet of `extraction.xlsx`.", ""]
    for spec in TABLES.values():
        out += [f"## {spec.name}", "", spec.description, "",
                f"Primary key: `{', '.join(spec.primary_key)}`."]
        if spec.foreign_keys:
            fks = "; ".join(f"`{c}` → `{t}.{tc}`" for c, t, tc in spec.foreign_keys)
            out.append(f"Foreign keys: {fks}.")
        out += ["", "| column | type | required | description |", "|---|---|---|---|"]
        for c in spec.columns:
            desc = c.description + (f" One of: {', '.join(c.enum)}." if c.enum else "")
            out.append(f"| {c.name} | {c.type} | {'yes' if c.required else ''} | {desc} |")
        out.append("")
    return "\n".join(out)
