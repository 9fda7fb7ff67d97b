"""A Prefect API that does not answer stops `pagewash clean` at once, and nothing is lost.

The CLI runs for real, in a subprocess, against a closed port and against a server that
accepts connections but never answers; the health check itself is tried against a small
real HTTP server that answers as a healthy, a failing and a missing API would.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.preflight import ApiUnavailable, check_api
from tests.conftest import ROOT

# Generous: only Prefect's retry loop, minutes long, should break it.
FAIL_FAST_SECONDS = 30


def free_port() -> int:
    """Return a loopback port that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """Listen on a loopback port and never accept: connections hang, nothing answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield int(sock.getsockname()[1])


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Return every file and folder under a folder, with a file's sha256 and mtime."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder",
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
    }


def make_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Return a raw/ with two inputs and a clean/ holding an earlier run's output."""
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    (raw / "text").mkdir(parents=True)
    (raw / "text" / "a.txt").write_text("A story about a bridge. " * 40, encoding="utf-8")
    (raw / "page.html").write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    clean.mkdir()
    (clean / "earlier.json").write_text('{"kept": true}\n', encoding="utf-8")
    return raw, clean


def run_cli(raw: Path, clean: Path, api_url: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `pagewash clean RAW CLEAN` against api_url; return the result and its duration."""
    pagewash = Path(sys.executable).with_name("pagewash")
    command = [str(pagewash)] if pagewash.exists() else [sys.executable, "-m", "flows.cli"]
    env = {**os.environ, "PREFECT_API_URL": api_url}
    start = time.monotonic()
    done = subprocess.run(
        [*command, "clean", str(raw), str(clean)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done, time.monotonic() - start


@pytest.mark.parametrize("server", ["closed", "silent"])
def test_clean_fails_fast_and_says_what_to_do(
    tmp_path: Path, silent_port: int, server: str
) -> None:
    raw, clean = make_folders(tmp_path)
    before = (snapshot(raw), snapshot(clean))
    port = free_port() if server == "closed" else silent_port
    url = f"http://127.0.0.1:{port}/api"
    done, seconds = run_cli(raw, clean, url)
    print(f"{server} port: exit {done.returncode} after {seconds:.1f} s: {done.stderr.strip()}")
    assert done.returncode != 0
    assert seconds < FAIL_FAST_SECONDS
    message = done.stderr.strip().splitlines()[-1]
    assert message.startswith("pagewash: ") and url in message, done.stderr
    assert "make serve" in message and "unset PREFECT_API_URL" in message
    assert "Traceback" not in done.stderr
    assert (snapshot(raw), snapshot(clean)) == before


class HealthHandler(BaseHTTPRequestHandler):
    """Answer /api/health with the status the test server was given."""

    def do_GET(self) -> None:
        status = self.server.status if self.path == "/api/health" else 404  # type: ignore[attr-defined]
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def api_server() -> Iterator[ThreadingHTTPServer]:
    """Serve /api/health on a loopback port; set .status to change the answer."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), HealthHandler)
    server.status = 200  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_check_passes_an_answering_api(api_server: ThreadingHTTPServer) -> None:
    check_api(f"http://127.0.0.1:{api_server.server_port}/api/", timeout=5)
    api_server.status = 404  # type: ignore[attr-defined]
    check_api(f"http://127.0.0.1:{api_server.server_port}/api", timeout=5)  # Prefect says 404


def test_check_refuses_a_failing_api(api_server: ThreadingHTTPServer) -> None:
    api_server.status = 503  # type: ignore[attr-defined]
    with pytest.raises(ApiUnavailable, match="answered 503"):
        check_api(f"http://127.0.0.1:{api_server.server_port}/api", timeout=5)


def test_check_gives_up_on_silence_within_its_timeout(silent_port: int) -> None:
    start = time.monotonic()
    with pytest.raises(ApiUnavailable, match="did not answer within 1 s"):
        check_api(f"http://127.0.0.1:{silent_port}/api", timeout=1)
    assert time.monotonic() - start < 10
