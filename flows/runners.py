"""Task runners for the flows: a process pool on one machine, or a Dask cluster beyond it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from prefect.client.orchestration import get_client
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner
from prefect_dask import DaskTaskRunner

# A Dask scheduler to send batches to ("tcp://host:8786"); unset means this machine only.
DASK_ADDRESS_ENV = "PAGEWASH_DASK_ADDRESS"
WORKERS_ENV = "PAGEWASH_WORKERS"


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


def default_dask_address() -> str | None:
    """Return the Dask scheduler runs use when not told: PAGEWASH_DASK_ADDRESS, else none."""
    return os.environ.get(DASK_ADDRESS_ENV) or None


@dataclass(frozen=True)
class Parallelism:
    """Where a run's batches go: ``workers`` processes here, or a Dask scheduler."""

    workers: int
    dask_address: str | None = None  # "tcp://host:8786", or "local" for a LocalCluster here

    def task_runner(self) -> Any:
        """Return a fresh task runner for these settings."""
        return make_task_runner(self.workers, self.dask_address)

    def describe(self) -> str:
        """Say where the batches run, for the run's log."""
        if self.dask_address == "local":
            return f"a local Dask cluster of {self.workers} worker processes"
        if self.dask_address:
            return f"the Dask cluster at {self.dask_address}"
        return f"{self.workers} worker process(es)" if self.workers > 1 else "this process"
