"""A child process that holds a folder lock, for the lock tests (kept tiny to spawn fast)."""

from __future__ import annotations

import time
from multiprocessing.synchronize import Event
from pathlib import Path

from cleaners.lock import folder_lock


def hold_lock(clean: str, seconds: float, ready: Event) -> None:
    """Hold the lock on ``clean`` for ``seconds`` after signalling ``ready``."""
    with folder_lock(Path(clean)):
        ready.set()
        time.sleep(seconds)
