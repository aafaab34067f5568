"""Untrusted survey files are read in a child process with a time and memory limit.

A crafted file can crash a native reader (a segmentation fault in the SPSS
library), expand into gigabytes or parse for minutes. Reading it in a child
process confines all of that: a crash, a timeout or a limit becomes a
:class:`SurveyError` with a clear message, and the server and every other
session carry on. Children start from a ``forkserver`` (forking a threaded
Streamlit server is unsafe) that preloads the survey modules, so a child is
ready in milliseconds.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import resource
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import popen_forkserver, spawn
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerProcess
from typing import Any

from core.boundary import log_text, new_reference
from core.errors import SerreError
from core.survey.errors import SurveyError
from core.survey.ingest import SurveyResult, ingest
from core.survey.mapping import MappingFile
from core.survey.privacy import DEFAULT_THRESHOLD
from core.survey.reading import MAX_BYTES, preflight

LOGGER = logging.getLogger("serre.isolate")
START_METHOD = "forkserver"
PRELOAD = ["core.survey.preload"]
MAX_CHILDREN = 2  # concurrent readers on the whole server (the machine has 2 cores)
_children = threading.BoundedSemaphore(MAX_CHILDREN)
_setup = threading.Lock()
_launching = threading.Lock()
_context: Any = None


class _Popen(popen_forkserver.Popen):
    """The fork server's launcher without re-running the parent's ``__main__`` in the child.

    Under ``streamlit run`` the page script is ``__main__``; multiprocessing
    would execute it again in every child. The reader only needs importable
    functions, so the main-module entries are left out of the child's setup
    data. The standard launcher runs unchanged around that one filter.
    """

    def _launch(self, process_obj: Any) -> None:
        original = spawn.get_preparation_data

        def without_main(name: str) -> dict[str, Any]:
            data = original(name)
            for key in ("init_main_from_path", "init_main_from_name"):
                data.pop(key, None)
            return data

        with _launching:  # the filter is module-wide for the few milliseconds of a launch
            spawn.get_preparation_data = without_main
            try:
                super()._launch(process_obj)  # type: ignore[misc]  # typeshed omits _launch
            finally:
                spawn.get_preparation_data = original


class _ReaderProcess(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj: Any) -> _Popen:
        return _Popen(process_obj)


@dataclass(frozen=True)
class Limits:
    """What one child may use: wall-clock seconds and extra address space in bytes."""

    seconds: float = 20.0
    memory_bytes: int = 768 * 1024 * 1024


def context() -> Any:
    """The multiprocessing context (forkserver with the survey modules preloaded)."""
    global _context
    with _setup:
        if _context is None:
            ctx = mp.get_context(START_METHOD)
            ctx.set_forkserver_preload(PRELOAD)
            _context = ctx
    return _context


def warm_up() -> None:
    """Start the fork server and wait until it has preloaded, so no upload pays for it."""
    try:
        run_isolated(abs, 0)
    except SurveyError:
        LOGGER.warning("the survey reader could not be warmed up")


def _address_space() -> int:
    """This process's current virtual memory size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _apply_limits(limits: Limits) -> None:
    base = _address_space() or 512 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (base + limits.memory_bytes,) * 2)
    cpu = int(limits.seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child(conn: Connection, func: Callable[..., Any], args: tuple, limits: Limits) -> None:
    """Run ``func(*args)`` under the limits and send back one message."""
    try:
        _apply_limits(limits)
        message: tuple = ("ok", func(*args))
    except SerreError as exc:
        message = ("error", type(exc), exc.key, exc.params)
    except MemoryError:
        message = ("limit", "memory")
    except Exception:  # a bug or an unforeseen file: logged by the parent with a reference
        message = ("bug", traceback.format_exc(limit=30))
    try:
        conn.send((*message, _peak_mb()))
    except MemoryError:
        conn.send(("limit", "memory", _peak_mb()))
    conn.close()


def _stop(process: Any, now: bool) -> None:
    if now and process.is_alive():
        process.kill()
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join()


def _crash_error(exitcode: int | None, limits: Limits) -> SurveyError:
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return SurveyError("survey.too_slow", seconds=round(limits.seconds))
    return SurveyError("survey.reader_crashed", code=exitcode)


def run_isolated(func: Callable[..., Any], *args: Any, limits: Limits | None = None) -> Any:
    """``func(*args)`` in a child process; every failure there becomes a :class:`SurveyError`.

    ``func`` and its arguments must be picklable (a module-level function).
    """
    limits = limits or Limits()
    if not _children.acquire(timeout=limits.seconds):
        raise SurveyError("survey.busy")
    try:
        return _run(func, args, limits)
    finally:
        _children.release()


def _run(func: Callable[..., Any], args: tuple, limits: Limits) -> Any:
    ctx = context()
    reader, writer = ctx.Pipe(duplex=False)
    process = _ReaderProcess(target=_child, args=(writer, func, args, limits), daemon=True)
    started = time.monotonic()
    process.start()
    writer.close()
    message: tuple | None = None
    timed_out = False
    try:
        if reader.poll(limits.seconds):
            message = reader.recv()
        else:
            timed_out = True
    except (EOFError, OSError):
        message = None
    finally:
        _stop(process, now=timed_out or message is None)
        reader.close()
    elapsed = time.monotonic() - started
    if timed_out:
        LOGGER.warning("survey reader stopped after %.1f s", elapsed)
        raise SurveyError("survey.too_slow", seconds=round(limits.seconds))
    if message is None:
        LOGGER.warning("survey reader died with exit code %s", process.exitcode)
        raise _crash_error(process.exitcode, limits)
    LOGGER.info(
        "survey reader: %s in %.2f s, peak %.0f MB",
        message[0],
        elapsed,
        message[-1],
        extra={"peak_mb": message[-1], "seconds": elapsed},
    )
    return _outcome(message, limits)


def _outcome(message: tuple, limits: Limits) -> Any:
    kind = message[0]
    if kind == "ok":
        return message[1]
    if kind == "error":
        cls, key, params = message[1], message[2], message[3]
        raise cls(key, **params)
    if kind == "limit":
        raise SurveyError("survey.too_much_memory", limit=limits.memory_bytes // 2**20)
    reference = new_reference()
    log_text(reference, "survey reader", message[1])
    raise SurveyError("survey.reader_failed", ref=reference)


def ingest_isolated(
    data: bytes,
    filename: str = "upload.csv",
    mapping_file: MappingFile | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    limits: Limits | None = None,
    drop: tuple[str, ...] = (),
    keep: tuple[str, ...] = (),
    confirm_keep: bool = False,
) -> SurveyResult:
    """:func:`core.survey.ingest` in a child process: the way to read any untrusted file."""
    preflight(data, filename, MAX_BYTES)  # hostile headers are refused without a child
    args = (data, filename, mapping_file, threshold, MAX_BYTES, drop, keep, confirm_keep)
    return run_isolated(ingest, *args, limits=limits)
