"""Run control in the library: the folder lock, reprocessing selections, alert history."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from cleaners.batch import clean_inputs
from cleaners.config import Config
from cleaners.discover import discover_inputs
from cleaners.history import Limits, RunFigures, append_history, find_alerts, load_history
from cleaners.lock import FolderBusy, folder_lock
from cleaners.select import Selection, select_inputs
from tests.bad_inputs import write_bad_inputs
from tests.conftest import FIXTURES
from tests.lock_holder import hold_lock

SEED = FIXTURES / "text" / "000_e2191137fde1a18b.txt"


def start_holder(folder: Path, seconds: float) -> multiprocessing.process.BaseProcess:
    """Start a process that holds the folder lock for ``seconds``, once it holds it."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    other = ctx.Process(target=hold_lock, args=(str(folder), seconds, ready))
    other.start()
    assert ready.wait(120)
    return other


def test_lock_excludes_a_second_holder_and_frees_on_exit(tmp_path: Path) -> None:
    other = start_holder(tmp_path, 3.0)
    with pytest.raises(FolderBusy, match=str(other.pid)), folder_lock(tmp_path, wait_seconds=0.5):
        pass
    start = time.monotonic()
    with folder_lock(tmp_path, wait_seconds=30):  # waits for the other holder to finish
        assert time.monotonic() - start > 1.0
    other.join()


def test_lock_is_released_when_the_holder_dies(tmp_path: Path) -> None:
    other = start_holder(tmp_path, 60.0)
    other.kill()
    other.join()
    with folder_lock(tmp_path, wait_seconds=5):
        pass


def make_cleaned(tmp_path: Path) -> tuple[Path, Path]:
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    (raw / "text").mkdir(parents=True)
    shutil.copy(SEED, raw / "text" / "seed.txt")
    write_bad_inputs(raw, SEED.read_text(encoding="utf-8"))
    clean_inputs(discover_inputs(raw), raw, clean, Config())
    return raw, clean


def names(paths: list[Path]) -> list[str]:
    return sorted(p.name for p in paths)


def test_selection_by_glob_site_date_and_outcome(tmp_path: Path) -> None:
    raw, clean = make_cleaned(tmp_path)
    paths = discover_inputs(raw)

    def pick(**kwargs: object) -> list[str]:
        return names(select_inputs(paths, raw, clean, Selection(**kwargs), Config()))  # type: ignore[arg-type]

    assert pick(glob="text/*.txt") == ["seed.txt"]
    assert pick(glob="*.html*") == ["no-article.html", "truncated.html.gz"]
    assert pick(site="news.example.org") == ["export.jsonl"]
    quarantined = pick(quarantined_only=True)
    assert "seed.txt" not in quarantined and "empty.txt" in quarantined
    assert "export.jsonl" in quarantined  # one bad line is enough
    assert pick(outdated_only=True) == []
    assert len(
        names(select_inputs(paths, raw, clean, Selection(outdated_only=True), Config(min_words=3)))
    ) == len(paths)

    old = time.time() - 10 * 86400
    os.utime(raw / "text" / "seed.txt", (old, old))
    today = date.today()
    assert "seed.txt" not in pick(since=today)
    assert pick(until=date.fromtimestamp(old)) == ["seed.txt"]


def test_alerts_on_ceilings_and_jumps(tmp_path: Path) -> None:
    limits = Limits(max_quarantine_share=0.5, max_chrome_share=0.9, max_jump=0.2, min_docs=5)
    calm = [RunFigures(f"r{i}", 100, 0.02, 0.60) for i in range(5)]
    for run in calm:
        append_history(tmp_path, run)
    history = load_history(tmp_path)
    assert history == calm
    assert find_alerts(history, RunFigures("now", 100, 0.03, 0.62), limits) == []
    jump = find_alerts(history, RunFigures("now", 100, 0.30, 0.62), limits)
    assert len(jump) == 1 and "quarantine share jumped" in jump[0]
    ceiling = find_alerts(history, RunFigures("now", 100, 0.02, 0.95), limits)
    assert len(ceiling) == 1 and "chrome share" in ceiling[0]
    assert find_alerts(history, RunFigures("tiny", 2, 1.0, 1.0), limits) == []
