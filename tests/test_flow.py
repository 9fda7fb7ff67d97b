"""The real clean-pages flow on a temporary folder, on Prefect's embedded server."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from tests.bad_inputs import BAD_INPUTS, write_bad_inputs
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

SEED = FIXTURES / "text" / "000_e2191137fde1a18b.txt"


@pytest.fixture(scope="module")
def flow_api():
    from prefect.client.orchestration import get_client

    from flows.clean_flow import clean_pages

    return clean_pages, get_client


def latest_artifact(get_client, key: str):
    async def read():
        from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

        async with get_client() as client:
            found = await client.read_latest_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]))
            )
            return found[0]

    return asyncio.run(read())


def rows_by(artifact, column: str, scope: str | None = None) -> dict[str, dict]:
    import json

    data = artifact.data if isinstance(artifact.data, list) else json.loads(artifact.data)
    return {str(row[column]): row for row in data if scope is None or row["scope"] == scope}


def test_flow_cleans_skips_and_reports(tmp_path: Path, flow_api) -> None:
    clean_pages, get_client = flow_api
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    (raw / "text").mkdir(parents=True)
    shutil.copy(SEED, raw / "text" / "seed.txt")
    write_bad_inputs(raw, SEED.read_text(encoding="utf-8"))
    args = {
        "raw_dir": str(raw),
        "clean_dir": str(clean),
        "batch_size": 3,
        "max_quarantine_share": 1.0,
    }

    state = clean_pages(**args, return_state=True)
    assert state.is_completed(), state.message
    assert (clean / "text/seed.txt.json").exists()
    assert len(list((clean / "_quarantine").rglob("*.json"))) == len(BAD_INPUTS) + 1

    summary = rows_by(latest_artifact(get_client, "pagewash-summary"), "name")
    assert summary["all"]["docs_in"] == len(BAD_INPUTS) + 3
    assert summary["all"]["quarantined"] == len(BAD_INPUTS) + 1
    assert summary["text"]["docs_out"] == 1
    assert summary["news.example.org"]["docs_out"] == 1
    chrome = rows_by(latest_artifact(get_client, "pagewash-chrome"), "rule")
    assert chrome["icon_run"]["removed"] >= 1 and chrome["related"]["removed"] >= 1
    quarantine = rows_by(latest_artifact(get_client, "pagewash-quarantine"), "input")
    assert quarantine["bad/empty.txt"]["reason"] == "empty"

    again = clean_pages(**args, return_state=True)
    assert again.is_completed() and "inputs skipped" in again.message
    summary = rows_by(latest_artifact(get_client, "pagewash-summary"), "name")
    assert summary["all"]["inputs_cleaned"] == 0
    assert summary["all"]["inputs_skipped"] == summary["all"]["inputs_found"]

    forced = clean_pages(**args, force=True, return_state=True)
    assert forced.is_completed()
    summary = rows_by(latest_artifact(get_client, "pagewash-summary"), "name")
    assert summary["all"]["inputs_cleaned"] == summary["all"]["inputs_found"]


def test_flow_fails_visibly_when_quarantine_share_jumps(tmp_path: Path, flow_api) -> None:
    clean_pages, _ = flow_api
    raw = tmp_path / "raw"
    raw.mkdir()
    write_bad_inputs(raw, SEED.read_text(encoding="utf-8"))
    state = clean_pages(
        raw_dir=str(raw),
        clean_dir=str(tmp_path / "clean"),
        max_quarantine_share=0.2,
        return_state=True,
    )
    assert state.is_failed()
    assert "quarantine share" in state.message


def build_mixed_raw(raw: Path) -> None:
    """Write text, HTML, gzip and JSONL inputs from the fixtures, several per site."""
    (raw / "text").mkdir(parents=True)
    (raw / "html").mkdir()
    for i in range(3):
        shutil.copy(SEED, raw / "text" / f"seed-{i}.txt")
    for page in sorted((FIXTURES / "html").glob("*.html.gz")):
        shutil.copy(page, raw / "html" / page.name)
    write_bad_inputs(raw, SEED.read_text(encoding="utf-8"))


def outputs(clean: Path) -> dict[str, bytes]:
    """Return every output and state file, except the run history (it holds run times)."""
    return {
        p.relative_to(clean).as_posix(): p.read_bytes()
        for p in sorted(clean.rglob("*"))
        if p.is_file() and p.name != "runs.jsonl"
    }


def test_a_local_dask_cluster_gives_the_single_process_outputs_byte_for_byte(
    tmp_path: Path, flow_api
) -> None:
    from flows.clean_flow import clean_pages

    _, get_client = flow_api
    raw = tmp_path / "raw"
    build_mixed_raw(raw)
    common = {"raw_dir": str(raw), "batch_size": 2, "max_quarantine_share": 1.0}
    single = clean_pages(clean_dir=str(tmp_path / "single"), workers=1, **common, return_state=True)
    assert single.is_completed(), single.message
    cluster = clean_pages(
        clean_dir=str(tmp_path / "dask"),
        workers=2,
        dask_address="local",
        **common,
        return_state=True,
    )
    assert cluster.is_completed(), cluster.message
    summary = rows_by(latest_artifact(get_client, "pagewash-summary"), "name")
    assert summary["all"]["inputs_cleaned"] == summary["all"]["inputs_found"] >= 10
    expected, got = outputs(tmp_path / "single"), outputs(tmp_path / "dask")
    assert len(expected) >= 15
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
