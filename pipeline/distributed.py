"""Scale-out: the per-document work on a Dask cluster.

A document's result is a pure function of its bytes and of the pipeline
version, so the bytes travel to the cluster (workers need no shared file
system), each worker runs the same isolated process as a local run (time and
memory limits), and the tables are assembled locally: the outputs are the
same, byte for byte, as a local run's. Point ``--scheduler`` at an existing
``dask.distributed`` scheduler (``tcp://host:8786``); without it a local
cluster is started.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import tempfile
from collections.abc import Iterator
from typing import Any

from .isolation import Limits, run_isolated


def process_bytes(data: bytes, doc_id: str, sha256: str, limits: Limits) -> dict[str, Any]:
    """One document on a worker: its bytes in a private temporary file, then
    the isolated per-document processing."""
    from .version import pipeline_version

    fd, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)

        def failure(task, reason):
            return {"document": {"doc_id": doc_id, "sha256": sha256, "pipeline_version": pipeline_version(),
                                 "status": "failed", "error": reason}, "tables": {}, "mentions": [], "timings": {}}

        # Dask's worker processes are daemonic, and multiprocessing refuses
        # children to daemons; the isolated child is ours to reap, so the flag
        # is lifted while it runs.
        from .entities import _nlp

        _nlp()  # loaded once per Dask worker; the isolated children inherit it
        me = mp.current_process()
        daemon = me._config.get("daemon", False)
        me._config["daemon"] = False
        try:
            [(_, result)] = list(run_isolated([(path, doc_id, sha256)], "pipeline.runner.process_document",
                                              failure, limits=limits))
        finally:
            me._config["daemon"] = daemon
        return result
    finally:
        os.unlink(path)


def run_on_dask(files: list, scheduler: str | None, workers: int, limits: Limits) -> Iterator[tuple[Any, dict]]:
    """Yield (source file, result) as the cluster finishes them."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {client.submit(process_bytes, f.path.read_bytes(), f.doc_id, f.sha256, limits,
                                 key=f"doc-{f.sha256}", pure=False): f for f in files}
        for fut in as_completed(futures):
            yield futures[fut], fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
