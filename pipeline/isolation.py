"""Per-document isolation: each document runs in a worker process with a time
limit and a memory limit.

PDFs are untrusted input: a crafted file can make a parser loop, recurse
deeply or inflate a stream to gigabytes. Workers are long-lived (the spaCy
model is loaded once per worker, not once per document); each one caps its
own address space (``RLIMIT_AS``), so an allocation past the limit fails as a
``MemoryError`` inside the document's own error handling. The parent watches
the clock: a document over its time limit has its worker killed and replaced,
and is recorded as failed. A worker that dies for any other reason (a
segfault in a native library, the kernel's OOM killer) is replaced too; its
document is recorded as failed with the reason, and the other documents are
unaffected.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

DEFAULT_TIME_LIMIT = 600.0  # seconds per document
DEFAULT_MEMORY_LIMIT = 2048  # MiB of address space per worker (a report with spaCy peaks near 800)


@dataclass(frozen=True)
class Limits:
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_limit_mib: int = DEFAULT_MEMORY_LIMIT


Task = tuple[str, str, str]  # path, doc_id, sha256
Failure = Callable[[Task, str], dict[str, Any]]


def _address_space() -> int:
    """This process's current virtual size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _set_memory_limit(mib: int) -> None:
    """Cap the address space at what the worker already has (a forked worker
    starts with its parent's) plus ``mib``."""
    if mib <= 0:
        return
    try:
        import resource

        limit = _address_space() + mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def _worker(conn: Connection, memory_mib: int, fn_name: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the batch stops
    _set_memory_limit(memory_mib)
    module_name, func_name = fn_name.rsplit(".", 1)
    import importlib

    fn = getattr(importlib.import_module(module_name), func_name)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            result = fn(*task)
        except MemoryError:
            result = {"__error__": f"memory limit exceeded ({memory_mib} MiB)"}
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, never raised here
            result = {"__error__": f"internal error: {type(exc).__name__}: {exc}"[:300]}
        try:
            conn.send(result)
        except MemoryError:
            conn.send({"__error__": f"memory limit exceeded ({memory_mib} MiB)"})


class _Slot:
    def __init__(self, ctx, memory_mib: int, fn_name: str):
        self.parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, memory_mib, fn_name), daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self.parent.close()


def _death_reason(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"worker process died on signal {name}{hint}"
    return f"worker process exited unexpectedly (exit code {code})"


def run_isolated(tasks: list[Task], fn_name: str, failure: Failure, workers: int = 1,
                 limits: Limits | None = None) -> Iterator[tuple[Task, dict[str, Any]]]:
    """Yield (task, result) for every task, in completion order. ``fn_name``
    is the dotted name of a function ``(path, doc_id, sha256) -> result``;
    ``failure(task, reason)`` builds the result of a document that could not
    finish."""
    limits = limits or Limits()
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pending = list(reversed(tasks))
    slots = [_Slot(ctx, limits.memory_limit_mib, fn_name) for _ in range(max(1, min(workers, len(tasks))))]
    try:
        while pending or any(s.task for s in slots):
            for i, s in enumerate(slots):
                if s.task is None and pending:
                    if not s.proc.is_alive():
                        s.kill()
                        slots[i] = s = _Slot(ctx, limits.memory_limit_mib, fn_name)
                    s.task, s.started = pending.pop(), time.monotonic()
                    try:
                        s.parent.send(s.task)
                    except (BrokenPipeError, OSError):
                        pass  # noticed below as a dead worker
            busy = [s for s in slots if s.task]
            ready = wait([s.parent for s in busy] + [s.proc.sentinel for s in busy], timeout=0.5)
            now = time.monotonic()
            for i, s in enumerate(slots):
                if s.task is None:
                    continue
                result: dict[str, Any] | None = None
                if s.parent in ready:
                    try:
                        result = s.parent.recv()
                    except (EOFError, OSError):
                        result = None
                    if result is not None and "__error__" in result:
                        result = failure(s.task, result["__error__"])
                    if result is None:
                        s.proc.join(timeout=5)
                        result = failure(s.task, _death_reason(s.proc))
                elif s.proc.sentinel in ready or not s.proc.is_alive():
                    s.proc.join(timeout=5)
                    result = failure(s.task, _death_reason(s.proc))
                elif now - s.started > limits.time_limit:
                    s.kill()
                    result = failure(s.task, f"time limit exceeded ({limits.time_limit:g} s)")
                if result is None:
                    continue
                task, s.task = s.task, None
                if not s.proc.is_alive() or s.parent.closed:
                    s.kill()
                    slots[i] = _Slot(ctx, limits.memory_limit_mib, fn_name) if pending else s
                yield task, result
    finally:
        for s in slots:
            try:
                if s.proc.is_alive() and not s.parent.closed:
                    s.parent.send(None)
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + 2
        for s in slots:
            s.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            if s.proc.is_alive():
                s.kill()


def peak_rss_mib() -> float:
    """Peak resident memory of this process and its finished children."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024.0 if os.name == "posix" else 0.0
