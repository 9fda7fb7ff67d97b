"""The clean-pages and reprocess-pages flows: plan, learn templates, clean batches, report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.runtime import flow_run
from prefect.states import Completed, Failed, State
from prefect.task_runners import TaskRunner

from cleaners.batch import (
    DocLines,
    add_survey,
    clean_batch_paths,
    load_profile,
    may_hold_text,
    save_profile,
    survey_batch_paths,
)
from cleaners.config import Config, load_config
from cleaners.history import Limits, append_history, figures_of, find_alerts, load_history
from cleaners.lock import FolderBusy, folder_lock
from cleaners.output import display_path
from cleaners.plan import plan_run, split_batches
from cleaners.report import BatchReport
from cleaners.select import Selection, select_inputs
from cleaners.storage import open_location
from cleaners.sweep import sweep_temp_files
from flows.artifacts import PROGRESS_KEY, publish_artifacts
from flows.runners import (
    Parallelism,
    default_dask_address,
    default_pool_mode,
    default_workers,
    run_batch,
)


def run_name() -> str:
    """Name a run by what it cleans, when, and why."""
    params = flow_run.parameters
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")
    trigger = params.get("trigger", "reprocess" if flow_run.flow_name == "reprocess-pages" else "")
    return f"clean {params.get('raw_dir', 'raw')}/ {stamp} ({trigger or 'manual'})"


@task(name="survey-batch", task_run_name="survey-batch-{batch_no}")
def survey_batch(batch_no: int, paths: list[str], raw_dir: str) -> list[DocLines]:
    """Read one batch of inputs and return the normalised lines of its text documents."""
    return run_batch(survey_batch_paths, paths, raw_dir)


@task(name="clean-batch", task_run_name="clean-batch-{batch_no}")
def clean_batch(
    batch_no: int, paths: list[str], raw_dir: str, clean_dir: str, config: Config, force: bool
) -> BatchReport:
    """Clean one batch of inputs into clean_dir; per-document errors become quarantine records."""
    logger = get_run_logger()
    report = run_batch(clean_batch_paths, paths, raw_dir, clean_dir, config, force)
    for where, reason, detail in report.quarantined:
        logger.warning("quarantined %s: %s (%s)", display_path(where), reason, detail)
    logger.info(
        "batch %d: %d inputs, %d documents, %d quarantined",
        batch_no,
        report.inputs_seen,
        report.docs_total,
        len(report.quarantined),
    )
    return report


@flow(name="clean-pages", flow_run_name=run_name)
def clean_pages(
    raw_dir: str = "raw",
    clean_dir: str = "clean",
    batch_size: int = 200,
    force: bool = False,
    config_path: str | None = None,
    trigger: str = "manual",
    max_quarantine_share: float = 0.5,
    max_chrome_share: float = 0.97,
    max_jump: float = 0.25,
    lock_wait_seconds: float = 0.0,
    workers: int | None = None,
    dask_address: str | None = None,
) -> State:
    """Clean every new or changed input under raw_dir into clean_dir and publish a summary.

    ``workers`` processes clean the batches (default: PAGEWASH_WORKERS, else the config's);
    ``dask_address`` sends them to a Dask scheduler instead, or to a LocalCluster if "local".
    """
    limits = Limits(max_quarantine_share, max_chrome_share, max_jump)
    request = RunRequest(raw_dir, clean_dir, batch_size, config_path, workers, dask_address)
    return run_clean(request, None, force, trigger, limits, lock_wait_seconds)


@flow(name="reprocess-pages", flow_run_name=run_name)
def reprocess_pages(
    raw_dir: str = "raw",
    clean_dir: str = "clean",
    glob: str | None = None,
    site: str | None = None,
    since: date | None = None,
    until: date | None = None,
    quarantined_only: bool = False,
    outdated_only: bool = False,
    force: bool = True,
    batch_size: int = 200,
    config_path: str | None = None,
    lock_wait_seconds: float = 60.0,
    workers: int | None = None,
    dask_address: str | None = None,
) -> State:
    """Clean again a chosen set of inputs: by glob, site, file date, or last outcome."""
    selection = Selection(glob, site, since, until, quarantined_only, outdated_only)
    request = RunRequest(raw_dir, clean_dir, batch_size, config_path, workers, dask_address)
    return run_clean(request, selection, force, "reprocess", Limits(), lock_wait_seconds)


@dataclass(frozen=True)
class RunRequest:
    """The folders, config and parallelism a run was asked for."""

    raw_dir: str
    clean_dir: str
    batch_size: int
    config_path: str | None
    workers: int | None
    dask_address: str | None

    def resolve(self) -> tuple[Config, Parallelism]:
        """Load the config and decide where the batches run."""
        config = load_config(
            Path(self.config_path) if self.config_path else None, batch_size=self.batch_size
        )
        workers = self.workers or default_workers(config.workers)
        dask = self.dask_address or default_dask_address()
        return config, Parallelism(max(1, workers), dask, default_pool_mode())


def run_clean(
    request: RunRequest,
    selection: Selection | None,
    force: bool,
    trigger: str,
    limits: Limits,
    lock_wait_seconds: float,
) -> State:
    """Run one cleaning pass under the folder lock and turn its outcome into a flow state."""
    logger = get_run_logger()
    raw_dir = request.raw_dir
    config, parallel = request.resolve()
    raw_root, clean_root = open_location(raw_dir), open_location(request.clean_dir)
    if not raw_root.is_dir():
        return Failed(message=f"raw folder {raw_dir!r} does not exist")
    try:
        with folder_lock(clean_root, lock_wait_seconds):
            swept = sweep_temp_files(clean_root)
            logger.info("swept %d temp files left by interrupted runs", swept)
            report, found = clean_selected(raw_root, clean_root, config, selection, force, parallel)
            label = f"clean {raw_dir}/ ({trigger}): {report.docs_total} documents"
            alerts = []
            # A reprocessing selection is a biased sample (often the quarantined inputs), so
            # only whole-folder runs feed the history and are judged against it.
            if selection is None and report.docs_total:
                figures = figures_of(report, label)
                alerts = find_alerts(load_history(clean_root), figures, limits)
                append_history(clean_root, figures)
    except FolderBusy as busy:
        logger.warning("skipped: %s", busy)
        return Completed(message=f"skipped: {busy}", name="Skipped")
    publish_artifacts(report, found, label)
    if alerts:
        for alert in alerts:
            logger.error("needs attention: %s", alert)
        return Failed(message="needs attention: " + "; ".join(alerts))
    return Completed(
        message=f"{sum(report.docs_out.values())} cleaned, {len(report.quarantined)} quarantined, "
        f"{report.inputs_skipped} inputs skipped"
    )


def clean_selected(
    raw_root: Path,
    clean_root: Path,
    config: Config,
    selection: Selection | None,
    force: bool,
    parallel: Parallelism,
) -> tuple[BatchReport, int]:
    """Plan the run, learn site templates, clean the batches; return the report and inputs found."""
    logger = get_run_logger()
    plan = plan_run(raw_root, clean_root, config, force or selection is not None)
    todo = plan.todo
    if selection is not None:
        todo = select_inputs(todo, raw_root, clean_root, selection, config)
    logger.info("%d inputs found, %d to clean", plan.found, len(todo))
    batches = [[str(p) for p in b] for b in split_batches(todo, config.batch_size)]
    skipped = plan.found - len(todo)
    report = BatchReport(inputs_seen=skipped, inputs_skipped=skipped)
    if batches:
        logger.info("%d batches on %s", len(batches), parallel.describe())
        with parallel.batch_pool(), parallel.task_runner() as runner:
            learn_templates(runner, batches, str(raw_root), clean_root)
            report.merge(clean_all(runner, batches, str(raw_root), str(clean_root), config, force))
    return report, plan.found


def learn_templates(
    runner: TaskRunner, batches: list[list[str]], raw_dir: str, clean_root: Path
) -> None:
    """Survey the batches in parallel and add what they find to the persisted profile.

    Only batches that can hold text documents are surveyed: pages and WARC captures have
    nothing to learn from, and a task costs a process-pool round trip.
    """
    with_text = [(i, b) for i, b in enumerate(batches) if any(may_hold_text(Path(p)) for p in b)]
    if not with_text:
        return
    profile = load_profile(clean_root)
    futures = [
        runner.submit(survey_batch, {"batch_no": i, "paths": b, "raw_dir": raw_dir})
        for i, b in with_text
    ]
    for future in futures:
        add_survey(profile, future.result())
    save_profile(clean_root, profile)


def clean_all(
    runner: TaskRunner,
    batches: list[list[str]],
    raw_dir: str,
    clean_dir: str,
    config: Config,
    force: bool,
) -> BatchReport:
    """Clean the batches in parallel, updating a progress artifact as they finish."""
    progress = create_progress_artifact(0.0, key=PROGRESS_KEY, description="batches cleaned")
    common = {"raw_dir": raw_dir, "clean_dir": clean_dir, "config": config, "force": force}
    futures = [
        runner.submit(clean_batch, {"batch_no": i, "paths": b, **common})
        for i, b in enumerate(batches)
    ]
    report = BatchReport()
    for done, future in enumerate(futures, start=1):
        report.merge(future.result())
        update_progress_artifact(progress, 100.0 * done / len(futures))
    return report
