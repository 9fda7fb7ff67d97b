"""A lock on an output folder, so overlapping runs never clean the same inputs twice."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cleaners.storage import is_local

LOCK_FILE = "_state/run.lock"
_POLL_SECONDS = 0.5


class FolderBusy(Exception):
    """Another run holds the folder's lock and did not let go in time."""


@contextmanager
def folder_lock(clean_root: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold an exclusive lock on clean_root for the run; wait up to wait_seconds for it.

    flock locks belong to the open file and go away when the process dies, so a crashed
    run never leaves the folder locked. Object stores have no such lock: a remote folder is
    locked on this machine only, and runs on several machines need the deployment's
    concurrency limit of one.
    """
    path = lock_path(clean_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, wait_seconds, path)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


def lock_path(clean_root: Path) -> Path:
    """Return the lock file of an output folder: inside it, or here for a remote folder."""
    if is_local(clean_root):
        return clean_root / LOCK_FILE
    key = hashlib.sha256(str(clean_root).encode()).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / "pagewash-locks" / key / LOCK_FILE


def _acquire(fd: int, wait_seconds: float, path: Path) -> None:
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = path.read_text(encoding="utf-8").strip() or "unknown"
                folder = path.parent.parent
                raise FolderBusy(f"{folder} is being cleaned by process {holder}") from None
            time.sleep(_POLL_SECONDS)
