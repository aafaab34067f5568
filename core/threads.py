"""Native thread pools (BLAS, OpenMP) held to one thread for the whole process.

Serre's matrix work is small and already split across cores by its own
threads (simulation chunks, one session per server thread). Native pools on
top only help an idle machine; on a busy one they spin against everything
else: with the dashboard's sessions and its prefetch, a recommendation took
3-11 s instead of 1.2-1.7 s. A per-call limit (a ``with`` block) is undone for
everyone when a concurrent caller leaves its block, so the limit is set once
and kept.
"""

from __future__ import annotations

import threading

from threadpoolctl import threadpool_limits

_lock = threading.Lock()
_held: list[object] = []


def one_native_thread() -> None:
    """Limit BLAS and OpenMP pools to one thread, once per process (cheap afterwards)."""
    if _held:
        return
    with _lock:
        if not _held:
            _held.append(threadpool_limits(limits=1))
