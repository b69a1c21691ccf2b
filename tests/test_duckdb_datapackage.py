"""extracted/extraction.duckdb answers the README's queries with its keys
declared and holding; extracted/datapackage.json describes every table."""

from __future__ import annotations

import json
import re

import duckdb
import pytest
from conftest import ROOT

from pipeline import runner
from pipeline.schema import TABLES


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("db")
    runner.run(ROOT / "raw_docs", out, progress=False)
    return out


def _readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## DuckDB", 1)[1]
    return [q.strip() for q in re.findall(r"```sql\n(.*?)```", block, re.S)]


def test_keys_are_declared_and_hold(out):
    with duckdb.connect(str(out / "extraction.duckdb"), read_only=True) as con:
        kinds = con.execute("SELECT table_name, constraint_type FROM information_schema.table_constraints").fetchall()
        assert ("activity_entities", "FOREIGN KEY") in kinds and ("targets", "FOREIGN KEY") in kinds
        for name, spec in TABLES.items():
            assert (name, "PRIMARY KEY") in kinds
            for col, table, ref in spec.foreign_keys:  # every reference resolves
                orphans = con.execute(
                    f"SELECT count(*) FROM {name} c LEFT JOIN {table} p ON c.{col} = p.{ref} "
                    f"WHERE c.{col} IS NOT NULL AND p.{ref} IS NULL").fetchone()[0]
                assert orphans == 0, (name, col)
        assert con.execute("SELECT count(*) FROM activities").fetchone()[0] > 0


def test_readme_queries_run(out):
    queries = _readme_queries()
    assert len(queries) >= 3
    with duckdb.connect(str(out / "extraction.duckdb"), read_only=True) as con:
        for q in queries:
            rows = con.execute(q).fetchall()
            assert rows, q


def test_datapackage_describes_every_table(out):
    pkg = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["profile"] == "tabular-data-package"
    res = {r["name"]: r for r in pkg["resources"]}
    assert set(res) == set(TABLES)
    for name, spec in TABLES.items():
        fields = res[name]["schema"]["fields"]
        assert [f["name"] for f in fields] == spec.column_names
        assert all(f["description"] for f in fields)
        assert res[name]["schema"]["primaryKey"] == list(spec.primary_key)
        assert (out / res[name]["path"]).exists()
