"""Shared test set-up: isolate Prefect before anything imports it, and locate shared data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Prefect reads these at import: keep test runs out of the developer's ~/.prefect and offline.
_PREFECT_HOME = tempfile.mkdtemp(prefix="pagewash-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared, skipping the test when it is not beside the repo."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop Prefect's temporary server while output capture is still open.

    Left to its atexit hook, the server logs its shutdown to a stream pytest has already
    closed, which prints a harmless but alarming traceback.
    """
    import sys

    server_module = sys.modules.get("prefect.server.api.server")
    if server_module is None:
        return
    # Flush queued logs and events first: once the server is gone they would be retried
    # against a closed port for a minute before the process could exit.
    from prefect._internal.concurrency.services import QueueService

    QueueService.drain_all(timeout=30)
    for server in list(server_module.SubprocessASGIServer._instances.values()):
        server.stop()


# Property tests (tests/test_properties.py) scale their budgets by the loaded profile's
# max_examples: Hypothesis' default gives the quick run, HYPOTHESIS_PROFILE=fuzz (make fuzz)
# fifty times more.
def _load_hypothesis_profile() -> None:
    """Register the pagewash Hypothesis profiles and load the one HYPOTHESIS_PROFILE names."""
    from hypothesis import Phase, settings
    from hypothesis.database import DirectoryBasedExampleDatabase

    database = DirectoryBasedExampleDatabase(str(ROOT / ".pytest_cache" / "hypothesis"))
    # No explain phase: after a failure it reruns examples under sys.settrace, which on
    # Python 3.11 made one failing property test run for over ten minutes instead of
    # failing in seconds. The shrunk failing example is still reported.
    phases = tuple(phase for phase in Phase if phase is not Phase.explain)
    # `make test` (and CI) tries the same examples on every run, so a rare failing input
    # cannot turn one run red and the next green; `make fuzz` draws new ones each time and
    # keeps what fails in the example database, under .pytest_cache.
    settings.register_profile("pagewash", phases=phases, derandomize=True, database=None)
    settings.register_profile(
        "fuzz", phases=phases, max_examples=5_000, database=database, derandomize=False
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "pagewash"))


_load_hypothesis_profile()
