"""Fuzzing: valid PDFs mutated at random (bytes flipped, spans deleted or
repeated, cut short) never make the pipeline raise out of a document's
isolation, and what it records stays valid against the schema.

CI runs a bounded number of examples; set FUZZ_EXAMPLES for a longer run
(the closing note of issue #6 quotes one of 10,000)."""

from __future__ import annotations

import os
from pathlib import Path

import pdfgen
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import runner
from pipeline.ingest import SourceFile
from pipeline.isolation import Limits, run_isolated
from pipeline.schema import TABLES, validate

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
LIMITS = Limits(time_limit=60, memory_limit_mib=3072)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from pipeline.entities import _nlp

    _nlp()  # loaded once here: the forked workers inherit it instead of loading it per example
    d = tmp_path_factory.mktemp("fuzz_seeds")
    return [pdfgen.plan_single_column(d / "plan.pdf").read_bytes(),
            pdfgen.ruled_table_report(d / "report.pdf").read_bytes()]


mutation = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
)


def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for kind, where, arg in ops:
        if not buf:
            break
        i = int(where * (len(buf) - 1))
        if kind == "flip":
            buf[i:i + len(arg)] = arg
        elif kind == "delete":
            del buf[i:i + arg]
        elif kind == "repeat":
            buf[i:i] = buf[i:i + arg]
        else:
            del buf[i:]
    return bytes(buf)


def _failure(task, reason):
    return runner.process_failure(SourceFile(Path(task[0]), Path(task[0]).name, task[2], 0, task[1]), reason)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
@given(which=st.integers(0, 1), ops=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_pdfs_never_escape_isolation_and_stay_valid(seeds, tmp_path, which, ops):
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(mutate(seeds[which], ops))
    task = (str(path), "f" * 16, "0" * 64)
    [(_, result)] = list(run_isolated([task], "pipeline.runner.process_document", _failure, limits=LIMITS))
    doc = dict(result["document"], file_name="fuzz.pdf")
    assert doc["status"] in ("ok", "partial", "failed")
    if doc["status"] == "failed":
        assert doc["error"]
    validate("documents", [doc])
    for name, rows in result["tables"].items():
        validate(name, rows)
    assert set(result["tables"]) <= set(TABLES)
