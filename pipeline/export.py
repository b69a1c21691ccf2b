"""Validated tables -> CSV, Parquet and one xlsx workbook, written atomically.

Every file is first written next to its destination under a temporary name,
then renamed over it: a crash leaves the previous outputs intact. Files are
byte-identical for identical tables (no timestamps inside).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from .schema import TABLES, validate

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_UMASK = os.umask(0)
os.umask(_UMASK)


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a run that was killed mid-write."""
    if folder.is_dir():
        for p in folder.glob(".*.tmp"):
            p.unlink(missing_ok=True)


def atomic_write(path: Path, data: bytes) -> bool:
    """Write bytes via a temporary file + rename; skip when unchanged. Returns True if written."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes files private; outputs are for sharing
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


# A spreadsheet reads a cell starting with one of these as a formula (OWASP
# "CSV injection"); such text cells are written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def csv_bytes(table: str, rows: list[dict[str, Any]]) -> bytes:
    """RFC 4180 (CRLF, quotes doubled), UTF-8 with BOM so spreadsheets read accents."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    cols = TABLES[table].column_names
    writer.writerow(cols)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in cols])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def arrow_table(table: str, rows: list[dict[str, Any]]):
    """The rows as a typed Arrow table."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    spec = TABLES[table]
    schema = pa.schema(
        [pa.field(c.name, types[c.type], nullable=not c.required) for c in spec.columns],
        metadata={"description": spec.description},
    )
    arrays = {c.name: [r.get(c.name) for r in rows] for c in spec.columns}
    return pa.Table.from_pydict(arrays, schema=schema)


def parquet_bytes(table: str, rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tbl = arrow_table(table, rows)
    sink = pa.BufferOutputStream()
    pq.write_table(tbl, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def xlsx_bytes(tables: dict[str, list[dict[str, Any]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.creator = "pipeline"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    for name, rows in tables.items():
        ws = wb.create_sheet(title=name[:31])
        cols = TABLES[name].column_names
        ws.append(cols)
        for row in rows:
            out = []
            for c in cols:
                v = row.get(c)
                if isinstance(v, str):
                    cell = WriteOnlyCell(ws, value=v)
                    cell.data_type = "s"  # text stays text, never a formula
                    v = cell
                out.append(v)
            ws.append(out)
    raw = io.BytesIO()
    wb.save(raw)
    return _zip_without_timestamps(raw.getvalue())


def _zip_without_timestamps(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _fix_core_dates(body)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def _fix_core_dates(body: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2000-01-01T00:00:00Z\g<3>", body)


def write_all(out_dir: Path, tables: dict[str, list[dict[str, Any]]],
              formats=("csv", "parquet", "xlsx", "datapackage", "duckdb")) -> list[Path]:
    """Validate every table, then write each file atomically. Returns the files changed."""
    typed = {name: validate(name, tables.get(name, [])) for name in TABLES}
    payloads: dict[Path, bytes] = {}
    for name, rows in typed.items():
        if "csv" in formats:
            payloads[out_dir / f"{name}.csv"] = csv_bytes(name, rows)
        if "parquet" in formats:
            payloads[out_dir / f"{name}.parquet"] = parquet_bytes(name, rows)
    if "xlsx" in formats:
        payloads[out_dir / "extraction.xlsx"] = xlsx_bytes(typed)
    if "datapackage" in formats:
        payloads[out_dir / "datapackage.json"] = datapackage_bytes()
    # Everything is rendered before the first rename: an error above writes nothing.
    changed = [p for p, data in payloads.items() if atomic_write(p, data)]
    if "duckdb" in formats:
        digest = hashlib.sha256(b"".join(csv_bytes(n, r) for n, r in typed.items())).hexdigest()
        if write_duckdb(out_dir / "extraction.duckdb", typed, digest):
            changed.append(out_dir / "extraction.duckdb")
    return changed


_SQL_TYPES = {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "DATE"}
_FRICTIONLESS_TYPES = {"string": "string", "int": "integer", "float": "number", "date": "date"}


def datapackage_bytes() -> bytes:
    """The Frictionless Data Package describing the CSV files: every table,
    column, type, description, primary and foreign keys."""
    import json

    from . import __version__

    resources = []
    for spec in TABLES.values():
        schema: dict[str, Any] = {
            "fields": [
                {"name": c.name, "type": _FRICTIONLESS_TYPES[c.type], "description": c.description,
                 **({"constraints": {"required": True}} if c.required else {}),
                 **({"constraints": {"required": c.required, "enum": list(c.enum)}} if c.enum else {})}
                for c in spec.columns
            ],
            "primaryKey": list(spec.primary_key),
        }
        if spec.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [col], "reference": {"resource": "" if table == spec.name else table, "fields": [ref]}}
                for col, table, ref in spec.foreign_keys
            ]
        resources.append({
            "name": spec.name, "path": f"{spec.name}.csv", "profile": "tabular-data-resource",
            "description": spec.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
            "schema": schema,
        })
    package = {
        "profile": "tabular-data-package",
        "name": "quebec-orders-plans-and-activity-reports",
        "title": "Strategic plans and activity reports of Quebec professional orders, as tables",
        "version": __version__,
        "resources": resources,
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_duckdb(path: Path, typed: dict[str, list[dict[str, Any]]], digest: str) -> bool:
    """The tables in one DuckDB file, with primary and foreign keys declared.
    A DuckDB file is not byte-stable, so it is rewritten only when the tables
    changed (their digest is kept in the file's ``_pipeline`` table)."""
    import duckdb

    if path.exists():
        try:
            with duckdb.connect(str(path), read_only=True) as con:
                if con.execute("SELECT digest FROM _pipeline").fetchone()[0] == digest:
                    return False
        except Exception:  # noqa: BLE001 - an old or broken file is simply rebuilt
            pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)  # duckdb creates the file itself
    try:
        con = duckdb.connect(tmp)
        try:
            for name in _duckdb_order():
                spec = TABLES[name]
                cols = [f'"{c.name}" {_SQL_TYPES[c.type]}{" NOT NULL" if c.required else ""}' for c in spec.columns]
                cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in spec.primary_key) + ")")
                for col, table, ref in spec.foreign_keys:
                    if table != name:  # DuckDB has no self-referencing keys (plan_items.parent_id)
                        cols.append(f'FOREIGN KEY ("{col}") REFERENCES {table} ("{ref}")')
                con.execute(f"CREATE TABLE {name} ({', '.join(cols)})")
                rows = typed.get(name, [])
                if rows:
                    src = arrow_table(name, rows)  # noqa: F841 - read by name in the SQL below
                    con.execute(f"INSERT INTO {name} SELECT * FROM src")
            con.execute("CREATE TABLE _pipeline (digest VARCHAR)")
            con.execute("INSERT INTO _pipeline VALUES (?)", [digest])
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return True


def _duckdb_order() -> list[str]:
    """Tables in an order where every referenced table comes first."""
    done: list[str] = []
    pending = list(TABLES)
    while pending:
        for name in pending:
            deps = {t for _, t, _ in TABLES[name].foreign_keys if t != name}
            if deps <= set(done):
                done.append(name)
                pending.remove(name)
                break
        else:
            raise ValueError(f"circular foreign keys among {pending}")
    return done
