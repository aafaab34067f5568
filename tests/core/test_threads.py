"""Native thread pools stay at one thread once any work has started."""

from __future__ import annotations

from threadpoolctl import threadpool_info

from core.threads import one_native_thread


def test_every_native_pool_runs_one_thread_and_a_second_call_changes_nothing():
    one_native_thread()
    one_native_thread()
    pools = threadpool_info()
    assert pools, "numpy brings at least a BLAS pool"
    assert {pool["num_threads"] for pool in pools} == {1}
