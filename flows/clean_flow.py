"""The clean-pages flow: plan, learn site templates, clean batches in parallel, report."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.context import FlowRunContext
from prefect.runtime import flow_run
from prefect.states import Completed, Failed, State
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from cleaners.batch import (
    DocLines,
    add_survey,
    clean_inputs,
    load_profile,
    save_profile,
    survey_inputs,
)
from cleaners.config import Config, load_config
from cleaners.plan import plan_run, split_batches
from cleaners.report import BatchReport
from flows.artifacts import PROGRESS_KEY, publish_artifacts

DEFAULT_WORKERS = int(os.environ.get("PAGEWASH_WORKERS", "2"))


class ServerProcessPoolTaskRunner(ProcessPoolTaskRunner):
    """A process pool whose workers report to the flow's own API, even a temporary one.

    Spawned workers read PREFECT_API_URL from the environment; when it is unset (Prefect's
    embedded default) each would start a temporary server of its own and its task runs
    would never reach the server the flow run is on.
    """

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        """Point the workers at the running flow's API before the first task is sent."""
        context = FlowRunContext.get()
        if not os.environ.get("PREFECT_API_URL") and context is not None and context.client:
            os.environ["PREFECT_API_URL"] = str(context.client.api_url)
        return super().submit(*args, **kwargs)


def make_task_runner(workers: int) -> ProcessPoolTaskRunner | ThreadPoolTaskRunner:
    """Return a process pool over ``workers`` cores, or one thread when workers is 1."""
    if workers > 1:
        return ServerProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def run_name() -> str:
    """Name a run by what it cleans, when, and why."""
    params = flow_run.parameters
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")
    return f"clean {params.get('raw_dir', 'raw')}/ {stamp} ({params.get('trigger', 'manual')})"


@task(name="survey-batch", task_run_name="survey-batch-{batch_no}")
def survey_batch(batch_no: int, paths: list[str], raw_dir: str) -> list[DocLines]:
    """Read one batch of inputs and return the normalised lines of its text documents."""
    return survey_inputs([Path(p) for p in paths], Path(raw_dir))


@task(name="clean-batch", task_run_name="clean-batch-{batch_no}")
def clean_batch(
    batch_no: int, paths: list[str], raw_dir: str, clean_dir: str, config: Config, force: bool
) -> BatchReport:
    """Clean one batch of inputs into clean_dir; per-document errors become quarantine records."""
    logger = get_run_logger()
    clean_root = Path(clean_dir)
    profile = load_profile(clean_root)
    report = clean_inputs(
        [Path(p) for p in paths], Path(raw_dir), clean_root, config, profile, force
    )
    for where, reason, detail in report.quarantined:
        logger.warning("quarantined %s: %s (%s)", where, reason, detail)
    logger.info(
        "batch %d: %d inputs, %d documents, %d quarantined",
        batch_no,
        report.inputs_seen,
        report.docs_total,
        len(report.quarantined),
    )
    return report


@flow(name="clean-pages", flow_run_name=run_name, task_runner=make_task_runner(DEFAULT_WORKERS))
def clean_pages(
    raw_dir: str = "raw",
    clean_dir: str = "clean",
    batch_size: int = 200,
    force: bool = False,
    config_path: str | None = None,
    trigger: str = "manual",
    max_quarantine_share: float = 0.5,
) -> State:
    """Clean every new or changed input under raw_dir into clean_dir and publish a summary."""
    logger = get_run_logger()
    config = load_config(Path(config_path) if config_path else None, batch_size=batch_size)
    raw_root, clean_root = Path(raw_dir).resolve(), Path(clean_dir).resolve()
    if not raw_root.is_dir():
        return Failed(message=f"raw folder {raw_dir!r} does not exist")
    plan = plan_run(raw_root, clean_root, config, force)
    logger.info(
        "%d inputs found, %d to clean, %d current", plan.found, len(plan.todo), plan.current
    )
    batches = [[str(p) for p in b] for b in split_batches(plan.todo, config.batch_size)]
    report = BatchReport(inputs_seen=plan.current, inputs_skipped=plan.current)
    if batches:
        learn_templates(batches, str(raw_root), clean_root)
        report.merge(clean_all(batches, str(raw_root), str(clean_root), config, force))
    label = f"clean {raw_dir}/ ({trigger}): {report.docs_total} documents"
    publish_artifacts(report, plan.found, label)
    share = report.quarantine_share()
    if share > max_quarantine_share:
        return Failed(
            message=f"{share:.0%} of documents quarantined (limit {max_quarantine_share:.0%})"
        )
    return Completed(
        message=f"{sum(report.docs_out.values())} cleaned, {len(report.quarantined)} quarantined, "
        f"{plan.current} inputs current"
    )


def learn_templates(batches: list[list[str]], raw_dir: str, clean_root: Path) -> None:
    """Survey the batches in parallel and merge what they learn into the persisted profile."""
    profile = load_profile(clean_root)
    futures = [survey_batch.submit(i, b, raw_dir) for i, b in enumerate(batches)]
    for future in futures:
        add_survey(profile, future.result())
    save_profile(clean_root, profile)


def clean_all(
    batches: list[list[str]], raw_dir: str, clean_dir: str, config: Config, force: bool
) -> BatchReport:
    """Clean the batches in parallel, updating a progress artifact as they finish."""
    progress = create_progress_artifact(0.0, key=PROGRESS_KEY, description="batches cleaned")
    futures = [
        clean_batch.submit(i, b, raw_dir, clean_dir, config, force) for i, b in enumerate(batches)
    ]
    report = BatchReport()
    for done, future in enumerate(futures, start=1):
        report.merge(future.result())
        update_progress_artifact(progress, 100.0 * done / len(futures))
    return report
