"""Inputs and outputs on other storage through fsspec URLs: s3:// on moto's server, file://."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaners.batch import clean_inputs
from cleaners.config import Config
from cleaners.plan import plan_run
from cleaners.storage import is_local, open_location
from tests.conftest import FIXTURES, ROOT

SEED = FIXTURES / "text" / "000_e2191137fde1a18b.txt"
BUCKET = "pagewash-test"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """Start moto's S3-compatible server on a free loopback port, with one bucket."""
    port = free_port()
    server = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    assert server, "moto[server] is part of the dev extra"
    proc = subprocess.Popen(
        [server, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(endpoint, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def s3(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point fsspec's S3 filesystem at the moto server and give each test a fresh prefix."""
    import fsspec

    for key, value in CREDENTIALS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setitem(fsspec.config.conf, "s3", {"endpoint_url": s3_endpoint})
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    if not fs.exists(BUCKET):
        fs.mkdir(BUCKET)
    prefix = f"{BUCKET}/run-{time.monotonic_ns()}"
    yield prefix
    fs.rm(prefix, recursive=True)


def build_raw(raw: Path) -> None:
    """Write a text dump, two HTML pages (one gzipped), a JSONL export and a bad input."""
    (raw / "text").mkdir(parents=True)
    (raw / "html").mkdir()
    shutil.copy(SEED, raw / "text" / "seed.txt")
    pages = sorted((FIXTURES / "html").glob("*.html.gz"))
    shutil.copy(pages[0], raw / "html" / "a.html.gz")
    (raw / "html" / "b.html").write_bytes(gzip.decompress(pages[1].read_bytes()))
    line = json.dumps({"url": "https://news.example.org/a", "text": SEED.read_text("utf-8")})
    (raw / "export.jsonl").write_text(line + "\n{broken\n", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")


def upload(local: Path, url: str) -> None:
    """Copy a local folder to a remote prefix, file by file."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    for path in sorted(local.rglob("*")):
        if path.is_file():
            fs.pipe(f"{root}/{path.relative_to(local).as_posix()}", path.read_bytes())


def remote_files(url: str) -> dict[str, bytes]:
    """Return every object under a remote prefix by its relative name."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    names = [p for p in fs.find(root) if not p.endswith("/")]
    return {p[len(root) + 1 :]: fs.cat_file(p) for p in names}


def local_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def clean_with_library(raw_url: str, clean_url: str) -> tuple[int, int]:
    """Plan and clean like a run does; return (inputs cleaned, inputs skipped)."""
    raw, clean = open_location(raw_url), open_location(clean_url)
    config = Config()
    plan = plan_run(raw, clean, config)
    report = clean_inputs(plan.todo, raw, clean, config)
    return report.inputs_cleaned, plan.current


def test_urls_open_as_local_paths_or_fsspec_paths(tmp_path: Path) -> None:
    assert open_location(f"file://{tmp_path}") == tmp_path.resolve()
    assert open_location(str(tmp_path)) == tmp_path.resolve()
    assert is_local(open_location(f"file://{tmp_path}"))
    remote = open_location("s3://bucket/raw")
    assert not is_local(remote) and str(remote) == "s3://bucket/raw"


def test_file_urls_clean_like_plain_folders(tmp_path: Path) -> None:
    build_raw(tmp_path / "raw")
    assert clean_with_library(f"file://{tmp_path}/raw", f"file://{tmp_path}/via-url") == (5, 0)
    assert clean_with_library(str(tmp_path / "raw"), str(tmp_path / "plain")) == (5, 0)
    assert local_files(tmp_path / "via-url") == local_files(tmp_path / "plain")


def test_s3_inputs_and_outputs_match_a_local_run_and_reruns_skip(tmp_path: Path, s3: str) -> None:
    build_raw(tmp_path / "raw")
    upload(tmp_path / "raw", f"s3://{s3}/raw")
    assert clean_with_library(str(tmp_path / "raw"), str(tmp_path / "clean")) == (5, 0)

    assert clean_with_library(f"s3://{s3}/raw", f"s3://{s3}/clean") == (5, 0)
    expected = local_files(tmp_path / "clean")
    got = remote_files(f"s3://{s3}/clean")
    assert len(expected) >= 10
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
    assert clean_with_library(f"s3://{s3}/raw", f"s3://{s3}/clean") == (0, 5)


@pytest.mark.slow
def test_pagewash_clean_runs_the_flow_on_s3(tmp_path: Path, s3: str, s3_endpoint: str) -> None:
    build_raw(tmp_path / "raw")
    upload(tmp_path / "raw", f"s3://{s3}/raw")
    assert clean_with_library(str(tmp_path / "raw"), str(tmp_path / "clean")) == (5, 0)
    env = {
        **os.environ,
        **CREDENTIALS,
        "FSSPEC_S3_ENDPOINT_URL": s3_endpoint,
        "PREFECT_HOME": str(tmp_path / "prefect"),
    }
    cmd = [sys.executable, "-m", "flows.cli", "clean", f"s3://{s3}/raw", f"s3://{s3}/clean"]
    done = subprocess.run(
        [*cmd, "--workers", "2", "--batch-size", "2"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    got = remote_files(f"s3://{s3}/clean")
    expected = local_files(tmp_path / "clean")
    records = {n for n in expected if not n.startswith("_state/")}
    assert records <= set(got)
    assert [n for n in records if got[n] != expected[n]] == []
