"""Find the input files under raw/, and tell which of them must not be read."""

from __future__ import annotations

import os
from pathlib import Path

from cleaners.storage import is_local

# (quarantine reason, detail) of an input that is listed but never read.
Refusal = tuple[str, str]


def discover_inputs(raw_root: Path) -> list[Path]:
    """Return every input under raw_root, sorted; hidden files and folders are skipped.

    A symbolic link is listed like a file even when it leads out of raw/ or nowhere, and
    so is a folder that cannot be listed, so that they are quarantined (see
    ``check_input``) rather than dropped unseen. A link to a folder is never walked:
    inside raw/ that folder is walked anyway, outside it is not ours to read.
    """
    if not is_local(raw_root):
        return _discover_remote(raw_root)
    found: list[Path] = []

    def keep_unlistable(err: OSError) -> None:
        # A folder that cannot be listed is listed itself, to be quarantined as unreadable.
        if err.filename is not None and Path(err.filename) != raw_root:
            found.append(Path(err.filename))

    # followlinks=False: a linked folder is never walked.
    for folder, dirs, files in os.walk(raw_root, onerror=keep_unlistable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder)
        names = dirs + [f for f in files if not f.startswith(".")]
        found.extend(base / name for name in names if _is_input(base / name, raw_root))
    return sorted(found)


def check_input(path: Path, raw_root: Path) -> Refusal | None:
    """Return why an input must not be read (a link out of raw/, not a file), or None."""
    if not is_local(path):
        return None  # object stores have no links
    try:
        real = path.resolve(strict=False)
        root = raw_root.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a link loop, or raw/ itself gone
        return "unreadable", f"the path cannot be resolved ({exc})"
    if not real.is_relative_to(root):
        link = _link_text(path)
        return "outside_raw", f"the path leads out of the raw folder{link}; it is not read"
    if real.exists() and not real.is_file():
        return "unreadable", "the path is not a regular file"
    return None


def _discover_remote(raw_root: Path) -> list[Path]:
    found = []
    for path in raw_root.rglob("*"):
        rel = path.relative_to(raw_root)
        if not any(part.startswith(".") for part in rel.parts) and path.is_file():
            found.append(path)
    return sorted(found)


def _is_input(path: Path, raw_root: Path) -> bool:
    if not path.is_symlink():
        # FIFOs, sockets and devices are skipped: reading a FIFO would block the run.
        return path.is_file()
    refusal = check_input(path, raw_root)
    # A link to a folder or a FIFO inside raw/ is skipped like its target; a link that
    # leads out of raw/ or to nothing is listed, to be quarantined.
    return refusal is None or refusal[0] == "outside_raw" or not path.exists()


def _link_text(path: Path) -> str:
    try:
        return f" (a symbolic link to {os.readlink(path)!r})"
    except OSError:
        return " (through a linked folder)"
