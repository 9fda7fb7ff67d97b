"""Sweeping the temp files a killed write leaves under clean/: only ours, only old ones."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleaners.lock import LOCK_FILE, folder_lock
from cleaners.sweep import TEMP_NAME, sweep_temp_files

ROOT = Path(__file__).resolve().parent.parent

# A process that dies inside write_atomic's write: past the file size limit the kernel sends
# SIGXFSZ, whose default action (which Python ignores unless told) ends the process on the spot.
DIE_MID_WRITE = """
import resource, signal, sys
from pathlib import Path
from cleaners.output import write_atomic
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
write_atomic(Path(sys.argv[1]), "x" * (4 << 20))
"""


def temp_like(folder: Path, target: str) -> Path:
    """Create an empty file named the way write_atomic names its temp file for target."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target}.", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(name)


def age(path: Path, seconds: float = 60.0) -> None:
    """Date a file's mtime back, as left by a run that died a while ago."""
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_a_write_killed_midway_leaves_a_temp_file_the_next_lock_holder_sweeps(
    tmp_path: Path,
) -> None:
    clean = tmp_path / "clean"
    target = clean / "text" / "a.txt.json"
    target.parent.mkdir(parents=True)
    target.write_text("old\n", encoding="utf-8")
    cmd = [sys.executable, "-c", DIE_MID_WRITE, str(target)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False, timeout=60)
    assert done.returncode == -signal.SIGXFSZ, done.stderr
    left = [p for p in target.parent.iterdir() if p != target]
    assert len(left) == 1 and TEMP_NAME.match(left[0].name), left
    assert left[0].stat().st_size == 1 << 20  # cut off mid-write
    assert target.read_text(encoding="utf-8") == "old\n"

    with folder_lock(clean):
        assert sweep_temp_files(clean) == 1
    assert sorted(target.parent.iterdir()) == [target]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_sweep_removes_only_temp_files_older_than_the_lock(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours\n", encoding="utf-8")
    orphans = [
        temp_like(clean, "a.txt.json"),
        temp_like(clean / "_state" / "inputs" / "exports", "x.jsonl.json"),
        temp_like(clean / "_state", "boilerplate.json"),
        temp_like(clean / "exports" / "x.jsonl", "3.json"),
        temp_like(clean / "_quarantine" / "bad", "odd\nname .txt.json"),
    ]
    kept = [
        clean / "a.txt.json",
        clean / ".gitkeep",
        clean / ".notes.tmp",  # hidden and .tmp, but not a temp file's name
        clean / "a.txt.json.abcd1234.tmp",  # not hidden
        clean / ".a.txt.json.ABCD1234.tmp",  # tempfile never uses capitals
        clean / ".a.txt.json.abcd123.tmp",  # seven characters, not eight
    ]
    for path in kept:
        path.write_text("{}\n", encoding="utf-8")
    link = clean / ".b.txt.json.abcd1234.tmp"
    link.symlink_to(outside)
    for path in [*orphans, *kept, link]:
        age(path)

    with folder_lock(clean):
        # Written after the lock was taken: a live writer's, however it got there.
        live = temp_like(clean / "html", "page.html.json")
        future = time.time() + 60
        os.utime(live, (future, future))
        assert sweep_temp_files(clean) == len(orphans)

    assert not any(path.exists() for path in orphans)
    assert all(path.exists() for path in [*kept, live, outside])
    assert link.is_symlink() and outside.read_text(encoding="utf-8") == "not ours\n"


def test_sweep_without_the_lock_file_removes_nothing(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    orphan = temp_like(clean, "a.txt.json")
    age(orphan)
    assert not (clean / LOCK_FILE).exists()
    assert sweep_temp_files(clean) == 0
    assert orphan.exists()


def test_sweep_leaves_a_remote_folder_alone() -> None:
    from upath import UPath

    clean = UPath("memory://pagewash-sweep-test/clean")
    orphan = clean / ".a.txt.json.abcd1234.tmp"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_text("{", encoding="utf-8")
    try:
        assert sweep_temp_files(clean) == 0
        assert orphan.exists()
    finally:
        clean.fs.rm("/pagewash-sweep-test", recursive=True)
