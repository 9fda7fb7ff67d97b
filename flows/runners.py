"""Task runners for the flows: a process pool on one machine, or a Dask cluster beyond it."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, TypeVar

from prefect.client.orchestration import get_client
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner
from prefect_dask import DaskTaskRunner

T = TypeVar("T")
# Imported once by the fork server, so each worker process starts with them loaded.
PRELOAD = ["cleaners.batch", "cleaners.pipeline", "cleaners.html", "cleaners.text"]
# How processes clean: "inside" the batch tasks (default), or as Prefect's process-pool tasks.
POOL_MODES = ("inside", "tasks")
_POOL: ProcessPoolExecutor | None = None

# A Dask scheduler to send batches to ("tcp://host:8786"); unset means this machine only.
DASK_ADDRESS_ENV = "PAGEWASH_DASK_ADDRESS"
WORKERS_ENV = "PAGEWASH_WORKERS"
POOL_MODE_ENV = "PAGEWASH_POOL_MODE"


def share_api_url() -> None:
    """Make processes started from here report to this process's Prefect API.

    New worker processes read PREFECT_API_URL from their environment; when it is unset
    (Prefect's embedded default) each would start a temporary server of its own, and its
    task runs would never reach the server the flow run is on.
    """
    if not os.environ.get("PREFECT_API_URL"):
        os.environ["PREFECT_API_URL"] = str(get_client().api_url)


class LocalProcessTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool, with its workers reporting to the flow's own API."""

    def __enter__(self) -> LocalProcessTaskRunner:
        share_api_url()
        super().__enter__()
        return self


class ClusterTaskRunner(DaskTaskRunner):
    """Prefect's Dask runner, with a local cluster's workers reporting to the flow's API."""

    def __enter__(self) -> ClusterTaskRunner:
        share_api_url()
        super().__enter__()
        return self


def make_task_runner(workers: int, dask_address: str | None = None) -> Any:
    """Return the runner for a flow: a Dask cluster if given, else a pool of ``workers``."""
    if dask_address == "local":
        return ClusterTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
        )
    if dask_address:
        return ClusterTaskRunner(address=dask_address)
    if workers > 1:
        return LocalProcessTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def default_workers(configured: int) -> int:
    """Return the worker count a run uses when not told: PAGEWASH_WORKERS, else the config's."""
    return int(os.environ.get(WORKERS_ENV) or configured)


def default_pool_mode() -> str:
    """Return how processes clean, from PAGEWASH_POOL_MODE: "inside" (default) or "tasks"."""
    mode = os.environ.get(POOL_MODE_ENV) or "inside"
    if mode not in POOL_MODES:
        raise ValueError(f"{POOL_MODE_ENV} must be one of {POOL_MODES}, not {mode!r}")
    return mode


def default_dask_address() -> str | None:
    """Return the Dask scheduler runs use when not told: PAGEWASH_DASK_ADDRESS, else none."""
    return os.environ.get(DASK_ADDRESS_ENV) or None


@dataclass(frozen=True)
class Parallelism:
    """Where a run's batches go: ``workers`` processes here, or a Dask scheduler.

    On one machine the batch tasks run on threads of the flow's process and each sends its
    batch to a pool of worker processes forked from a preloaded server ("inside"), or the
    tasks themselves run in Prefect's process pool ("tasks"), whose spawned workers each
    import Prefect and pagewash before their first batch.
    """

    workers: int
    dask_address: str | None = None  # "tcp://host:8786", or "local" for a LocalCluster here
    mode: str = "inside"

    def uses_inner_pool(self) -> bool:
        """Tell whether batch tasks hand their batches to worker processes of their own."""
        return self.workers > 1 and not self.dask_address and self.mode == "inside"

    def task_runner(self) -> Any:
        """Return a fresh task runner for these settings."""
        if self.uses_inner_pool():
            return ThreadPoolTaskRunner(max_workers=self.workers)
        return make_task_runner(self.workers, self.dask_address)

    def batch_pool(self) -> Any:
        """Return a context holding the worker processes batch tasks send batches to."""
        return batch_pool(self.workers) if self.uses_inner_pool() else nullcontext()

    def describe(self) -> str:
        """Say where the batches run, for the run's log."""
        if self.dask_address == "local":
            return f"a local Dask cluster of {self.workers} worker processes"
        if self.dask_address:
            return f"the Dask cluster at {self.dask_address}"
        if self.workers == 1:
            return "this process"
        way = "forked inside the batch tasks" if self.uses_inner_pool() else "as Prefect tasks"
        return f"{self.workers} worker processes ({way})"


@contextmanager
def batch_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Start worker processes for this run's batch tasks; they stop when the run ends."""
    global _POOL
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        _POOL = pool
        try:
            yield pool
        finally:
            _POOL = None


def run_batch(fn: Callable[..., T], *args: Any) -> T:
    """Run a batch function in this run's worker processes if it has them, else here."""
    pool = _POOL
    if pool is None:
        return fn(*args)
    return pool.submit(fn, *args).result()
