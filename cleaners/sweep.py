"""Remove the temp files that runs killed in the middle of a write left under clean/."""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path

from cleaners.lock import lock_path
from cleaners.storage import is_local

log = logging.getLogger(__name__)

# write_atomic's temp files: ".<name>.<8 random chars from tempfile>.tmp" beside the target.
# DOTALL because a record's name comes from a raw file name, which may hold a newline.
TEMP_NAME = re.compile(r"\A\..+\.[a-z0-9_]{8}\.tmp\Z", re.DOTALL)


def sweep_temp_files(clean_root: Path) -> int:
    """Remove orphaned temp files under clean_root and return how many went.

    Call it only while holding the folder lock, before the run writes anything: the lock
    file was rewritten when the lock was taken, so a temp file no newer than it belongs to
    a run that has died. A newer one belongs to a writer still alive and is left alone.
    """
    if not is_local(clean_root):
        return 0  # an object store gets whole objects, never temp files (see write_atomic)
    try:
        taken = lock_path(clean_root).stat().st_mtime_ns
    except FileNotFoundError:
        return 0  # no lock file: the caller does not hold the lock, so touch nothing
    removed = 0
    for folder, _, names in os.walk(clean_root):
        for name in names:
            if TEMP_NAME.match(name) and _remove_if_older(Path(folder) / name, taken):
                removed += 1
    return removed


def _remove_if_older(path: Path, taken_ns: int) -> bool:
    try:
        info = path.lstat()
        # Only regular files: a symlink that happens to match is not ours to remove.
        if not stat.S_ISREG(info.st_mode) or info.st_mtime_ns > taken_ns:
            return False
        path.unlink()
    except FileNotFoundError:
        return False
    log.debug("removed orphaned temp file %s", path)
    return True
