"""Validated tables -> CSV, Parquet and one xlsx workbook, written atomically.

Every file is first written next to its destination under a temporary name,
then renamed over it: a crash leaves the previous outputs intact. Files are
byte-identical for identical tables (no timestamps inside).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from .schema import TABLES, validate

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


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


def parquet_bytes(table: str, rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    spec = TABLES[table]
    schema = pa.schema(
        [pa.field(c.name, types[c.type], nullable=not c.required) for c in spec.columns],
        metadata={"description": spec.description},
    )
    arrays = {c.name: [r.get(c.name) for r in rows] for c in spec.columns}
    tbl = pa.Table.from_pydict(arrays, schema=schema)
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


def write_all(out_dir: Path, tables: dict[str, list[dict[str, Any]]], formats=("csv", "parquet", "xlsx")) -> list[Path]:
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
    # Everything is rendered before the first rename: an error above writes nothing.
    return [p for p, data in payloads.items() if atomic_write(p, data)]
