"""Where a run's batches go: worker counts from parameter, environment or config; Dask options."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

from flows.clean_flow import RunRequest
from flows.cli import build_parser
from flows.runners import (
    ClusterTaskRunner,
    LocalProcessTaskRunner,
    Parallelism,
    batch_pool,
    run_batch,
)


def request(tmp_path: Path, workers: int | None = None, dask: str | None = None) -> RunRequest:
    config = tmp_path / "pagewash.toml"
    if not config.exists():
        config.write_text("[pagewash]\nworkers = 3\n", encoding="utf-8")
    return RunRequest("raw", "clean", 50, str(config), workers, dask)


def test_workers_come_from_the_parameter_then_the_environment_then_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PAGEWASH_WORKERS", raising=False)
    monkeypatch.delenv("PAGEWASH_DASK_ADDRESS", raising=False)
    assert request(tmp_path).resolve()[1] == Parallelism(3, None)
    monkeypatch.setenv("PAGEWASH_WORKERS", "4")
    assert request(tmp_path).resolve()[1] == Parallelism(4, None)
    assert request(tmp_path, workers=1).resolve()[1] == Parallelism(1, None)
    config, _ = request(tmp_path).resolve()
    assert config.batch_size == 50


def test_a_dask_address_comes_from_the_parameter_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEWASH_DASK_ADDRESS", "tcp://10.0.0.5:8786")
    assert request(tmp_path).resolve()[1].dask_address == "tcp://10.0.0.5:8786"
    chosen = request(tmp_path, dask="tcp://127.0.0.1:8786").resolve()[1]
    assert chosen.dask_address == "tcp://127.0.0.1:8786"
    assert "127.0.0.1:8786" in chosen.describe()


def test_each_setting_picks_its_prefect_task_runner() -> None:
    assert isinstance(Parallelism(2).task_runner(), ThreadPoolTaskRunner)
    assert Parallelism(2).uses_inner_pool()
    assert isinstance(Parallelism(2, mode="tasks").task_runner(), LocalProcessTaskRunner)
    assert not Parallelism(2, mode="tasks").uses_inner_pool()
    assert not Parallelism(2, "local").uses_inner_pool()
    assert isinstance(Parallelism(2, "local").task_runner(), ClusterTaskRunner)
    assert isinstance(Parallelism(1, "tcp://h:8786").task_runner(), ClusterTaskRunner)
    assert Parallelism(1).describe() == "this process"


def test_the_command_line_takes_a_dask_address_or_a_local_cluster() -> None:
    parser = build_parser()
    args = parser.parse_args(["clean", "raw", "clean", "--dask-address", "tcp://h:8786"])
    assert args.dask_address == "tcp://h:8786" and args.dask is None and args.workers is None
    args = parser.parse_args(["clean", "raw", "clean", "--dask", "local", "--workers", "2"])
    assert args.dask == "local" and args.workers == 2
    with pytest.raises(SystemExit):
        parser.parse_args(["clean", "raw", "clean", "--dask", "tcp://h:8786"])


def pid_and_square(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def test_batch_functions_run_in_the_pool_while_it_is_open_and_here_after() -> None:
    with batch_pool(2):
        found = [run_batch(pid_and_square, i) for i in range(4)]
    assert [square for _, square in found] == [0, 1, 4, 9]
    assert all(pid != os.getpid() for pid, _ in found)
    assert run_batch(pid_and_square, 3) == (os.getpid(), 9)


def test_an_unknown_pool_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.runners import default_pool_mode

    monkeypatch.setenv("PAGEWASH_POOL_MODE", "threads")
    with pytest.raises(ValueError, match="PAGEWASH_POOL_MODE"):
        default_pool_mode()
    monkeypatch.setenv("PAGEWASH_POOL_MODE", "tasks")
    assert default_pool_mode() == "tasks"
