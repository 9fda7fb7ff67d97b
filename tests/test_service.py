"""The service as users meet it: a real `prefect server start`, deployments, a worker, the UI.

Starts everything with flows.service (what `make serve` runs) on a free loopback port and a
temporary PREFECT_HOME, triggers scheduled-style and manual runs through the API, and
checks states, artifacts by key, written files, overlapping runs, and the UI in Chromium.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from flows.service import ROOT, start, stop
from tests.bad_inputs import BAD_INPUTS, write_bad_inputs
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

SEED = FIXTURES / "text" / "000_e2191137fde1a18b.txt"
ARTIFACTS_DIR = ROOT / "tests" / "artifacts"
RUN_TIMEOUT = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Service:
    port: int
    home: Path

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a coroutine function against this server's API."""
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: self.api}):
            return asyncio.run(fn(*args, **kwargs))

    def run(self, deployment: str, parameters: dict[str, Any], wait: bool = True) -> Any:
        from prefect.deployments import run_deployment
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: self.api}):
            return run_deployment(
                deployment, parameters=parameters, timeout=RUN_TIMEOUT if wait else 0
            )


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    home = tmp_path_factory.mktemp("prefect-home")
    svc = Service(free_port(), home)
    try:
        start(svc.port, home, ROOT)
        yield svc
    finally:
        stop(home)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("data")
    raw, clean = base / "raw", base / "clean"
    (raw / "text").mkdir(parents=True)
    shutil.copy(SEED, raw / "text" / "seed.txt")
    write_bad_inputs(raw, SEED.read_text(encoding="utf-8"))
    shutil.copy(next((FIXTURES / "html").glob("*.html.gz")), raw / "page.html.gz")
    return raw, clean


async def artifacts_of(flow_run_id: Any) -> dict[str, Any]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    async with get_client() as client:
        found = await client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    return {a.key: a for a in found if a.key}


async def read_run(flow_run_id: Any) -> Any:
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        return await client.read_flow_run(flow_run_id)


def table(artifact: Any) -> list[dict[str, Any]]:
    return artifact.data if isinstance(artifact.data, list) else json.loads(artifact.data)


def total_row(artifacts: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in table(artifacts["pagewash-summary"]) if r["scope"] == "total")


def test_scheduled_run_cleans_and_reports(service: Service, folders: tuple[Path, Path]) -> None:
    raw, clean = folders
    # Half the test inputs are broken on purpose, so the alert ceiling is raised here.
    params = {"raw_dir": str(raw), "clean_dir": str(clean), "max_quarantine_share": 0.9}
    run = service.run("clean-pages/scheduled", params)
    assert run.state.is_completed(), run.state.message
    assert "(scheduled)" in run.name and "scheduled" in run.tags

    found = len(BAD_INPUTS) + 3
    artifacts = service.call(artifacts_of, run.id)
    assert {
        "pagewash-summary",
        "pagewash-quality",
        "pagewash-quarantine",
        "pagewash-chrome",
    } <= set(artifacts)
    total = total_row(artifacts)
    assert total["inputs_found"] == found and total["inputs_cleaned"] == found
    assert total["quarantined"] == len(BAD_INPUTS) + 1
    reasons = {r["input"]: r["reason"] for r in table(artifacts["pagewash-quarantine"])}
    assert reasons["bad/empty.txt"] == "empty" and reasons["bad/export.jsonl#1"] == "bad_json"
    quality = {r["figure"]: r["value"] for r in table(artifacts["pagewash-quality"])}
    assert 0 < quality["chrome_share_of_chars"] < 1
    assert (clean / "text/seed.txt.json").exists() and (clean / "page.html.gz.json").exists()

    again = service.run("clean-pages/scheduled", params)
    assert again.state.is_completed()
    assert total_row(service.call(artifacts_of, again.id))["inputs_cleaned"] == 0


def test_manual_reprocess_of_quarantined_inputs(
    service: Service, folders: tuple[Path, Path]
) -> None:
    raw, clean = folders
    run = service.run(
        "reprocess-pages/reprocess",
        {"raw_dir": str(raw), "clean_dir": str(clean), "quarantined_only": True},
    )
    assert run.state.is_completed(), run.state.message
    assert "manual" in run.tags and "(reprocess)" in run.name
    total = total_row(service.call(artifacts_of, run.id))
    assert total["inputs_cleaned"] == len(BAD_INPUTS) + 1  # every bad file plus the export


def test_overlapping_runs_clean_each_input_once(
    service: Service, folders: tuple[Path, Path]
) -> None:
    raw, clean = folders
    for i in range(3):
        shutil.copy(SEED, raw / "text" / f"new-{i}.txt")
    params = {
        "raw_dir": str(raw),
        "clean_dir": str(clean),
        "force": False,
        "lock_wait_seconds": 240,
    }
    first = service.run("reprocess-pages/reprocess", params, wait=False)
    second = service.run("reprocess-pages/reprocess", params, wait=False)
    finished = []
    for created in (first, second):
        finished.append(service.call(wait_final, created.id))
    assert all(r.state.is_completed() for r in finished), [r.state for r in finished]
    cleaned = [total_row(service.call(artifacts_of, r.id))["inputs_cleaned"] for r in finished]
    assert sorted(cleaned) == [0, 3]
    leftovers = [p for p in clean.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    for path in clean.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


async def wait_final(flow_run_id: Any) -> Any:
    for _ in range(RUN_TIMEOUT):
        run = await read_run(flow_run_id)
        if run.state and run.state.is_final():
            return run
        await asyncio.sleep(1)
    raise TimeoutError(f"flow run {flow_run_id} did not finish")


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1600,1000",
    "--virtual-time-budget=20000",
]


def browse(url: str, tmp_path: Path, action: str) -> str:
    """Render a UI page in headless Chromium and return its DOM (or write a screenshot)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    profile = tmp_path / f"chromium-{abs(hash(url + action))}"
    cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", action, url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    return done.stdout


def test_ui_shows_the_run_and_its_summary(
    service: Service, folders: tuple[Path, Path], tmp_path: Path
) -> None:
    raw, clean = folders
    run = service.run(
        "clean-pages/scheduled", {"raw_dir": str(raw), "clean_dir": str(clean), "force": True}
    )
    assert run.state.is_completed()
    summary = service.call(artifacts_of, run.id)["pagewash-summary"]
    total = total_row(service.call(artifacts_of, run.id))
    base = f"http://127.0.0.1:{service.port}"
    pages = {
        f"{base}/runs/flow-run/{run.id}": [run.name, "Completed"],
        f"{base}/artifacts/artifact/{summary.id}": [
            "inputs_cleaned",
            " ".join(str(total[k]) for k in ("docs_in", "docs_out", "quarantined", "inputs_found")),
        ],
    }
    for url, expected in pages.items():
        text = " ".join(browse(url, tmp_path, "--dump-dom").split())
        text = _visible_text(text)
        missing = [e for e in expected if e not in text]
        if missing:
            ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
            shot = ARTIFACTS_DIR / f"ui-{url.rsplit('/', 1)[-1]}.png"
            browse(url, tmp_path, f"--screenshot={shot}")
            pytest.fail(f"{url} lacks {missing}; screenshot in {shot}")


def _visible_text(dom: str) -> str:
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", dom)).split())
