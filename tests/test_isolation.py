"""Per-document isolation: a worker that dies, hangs or runs out of memory
costs only its own document; the others finish, in any number of workers."""

from __future__ import annotations

import os
import signal
import time

from pipeline.isolation import Limits, run_isolated


def behave(path: str, doc_id: str, sha: str) -> dict:
    """A stand-in for the per-document work, misbehaving on request."""
    if doc_id == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if doc_id == "hang":
        time.sleep(60)
    if doc_id == "hog":
        blob = bytearray(4 * 1024 ** 3)  # over the limit below
        return {"size": len(blob)}
    if doc_id == "raise":
        raise ValueError("bad document")
    return {"ok": doc_id, "pid": os.getpid()}


LIMITS = Limits(time_limit=5, memory_limit_mib=512)


def _run(tasks, workers):
    return dict(run_isolated(tasks, "test_isolation.behave", lambda t, why: {"failed": why},
                             workers=workers, limits=LIMITS))


def test_misbehaving_documents_fail_alone_and_workers_are_replaced():
    tasks = [("p", name, "s") for name in ("a", "die", "b", "hang", "c", "hog", "d", "raise", "e")]
    for workers in (1, 2):
        got = {t[1]: r for t, r in _run(tasks, workers).items()}
        assert {k for k, v in got.items() if "ok" in v} == {"a", "b", "c", "d", "e"}
        assert "died on signal SIGKILL" in got["die"]["failed"]
        assert got["hang"]["failed"] == "time limit exceeded (5 s)"
        assert "memory limit exceeded" in got["hog"]["failed"]
        assert "ValueError: bad document" in got["raise"]["failed"]
