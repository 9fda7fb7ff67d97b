"""Start and stop a one-machine pagewash service: Prefect server, work pool, deployments, worker.

`make serve` and `make stop` call this; the integration tests call it the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POOL = "pagewash-local"
HEALTH_TIMEOUT = 180.0
# Telemetry off and a quick worker poll: what a single machine wants.
QUIET_ENV = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_WORKER_QUERY_SECONDS": "5",
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "events,flow_runs",
}


def service_env(port: int, home: Path, root: Path = ROOT) -> dict[str, str]:
    """Return the environment for the server, the worker and the CLI calls that reach them."""
    env = dict(os.environ)
    env.update(QUIET_ENV)
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
        PREFECT_UI_API_URL=f"http://127.0.0.1:{port}/api",
        PAGEWASH_ROOT=str(root),
    )
    return env


def prefect(*args: str, env: dict[str, str], root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a prefect CLI command against the service and fail loudly if it fails."""
    cmd = [sys.executable, "-m", "prefect", *args]
    done = subprocess.run(cmd, env=env, cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def wait_healthy(port: int, timeout: float = HEALTH_TIMEOUT) -> None:
    """Wait until the server answers its health check."""
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}/api/health"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise TimeoutError(f"Prefect server on port {port} not healthy after {timeout:.0f}s")


def spawn(args: list[str], env: dict[str, str], log: Path, root: Path) -> int:
    """Start a long-running process in its own session, logging to a file; return its pid."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            args, env=env, cwd=root, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    return proc.pid


def start_server(port: int, home: Path, root: Path = ROOT) -> int:
    """Start `prefect server start` on 127.0.0.1:port, wait until healthy, return its pid."""
    env = service_env(port, home, root)
    server = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    pid = spawn([*server, "--port", str(port)], env, home / "run" / "server.log", root)
    try:
        wait_healthy(port)
    except BaseException:
        terminate(pid)
        raise
    return pid


def start(port: int, home: Path, root: Path = ROOT) -> None:
    """Start the server, create the pool, deploy prefect.yaml, start the worker."""
    env = service_env(port, home, root)
    run_dir = home / "run"
    (run_dir / "server.pid").parent.mkdir(parents=True, exist_ok=True)
    (run_dir / "server.pid").write_text(str(start_server(port, home, root)))
    prefect("work-pool", "create", POOL, "--type", "process", "--overwrite", env=env, root=root)
    prefect("--no-prompt", "deploy", "--all", env=env, root=root)
    if cron := env.get("PAGEWASH_CRON"):
        # The CLI's --cron replaces the schedule prefect.yaml gives this one deployment.
        override = ["--name", "clean-pages/scheduled", "--cron", cron, "--timezone", "UTC"]
        prefect("--no-prompt", "deploy", *override, env=env, root=root)
    worker = [sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL]
    pid = spawn(worker, env, run_dir / "worker.log", root)
    (run_dir / "worker.pid").write_text(str(pid))
    print(f"pagewash is served: UI http://127.0.0.1:{port}  (logs in {run_dir})")


def stop(home: Path) -> None:
    """Stop the worker first (it needs the API to exit cleanly), then the server."""
    for name in ("worker", "server"):
        pidfile = home / "run" / f"{name}.pid"
        if not pidfile.exists():
            continue
        pid = int(pidfile.read_text())
        terminate(pid)
        pidfile.unlink()
        print(f"stopped {name} (pid {pid})")


def terminate(pid: int, grace: float = 20.0) -> None:
    """Send SIGTERM to a process group, then SIGKILL if it is still there after the grace time."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.3)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    """Run `python -m flows.service start|stop`."""
    parser = argparse.ArgumentParser(prog="python -m flows.service")
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PAGEWASH_PORT", "4200")))
    parser.add_argument("--home", type=Path, default=ROOT / ".prefect")
    args = parser.parse_args(argv)
    if args.action == "start":
        start(args.port, args.home.resolve())
    else:
        stop(args.home.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
