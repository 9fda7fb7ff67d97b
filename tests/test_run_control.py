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


def test_a_torn_history_line_loses_only_itself(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    append_history(clean, RunFigures("a", 10, 0.1, 0.2))
    path = clean / "_state" / "runs.jsonl"
    path.write_bytes(path.read_bytes() + b'{"label": "torn", "do')  # killed mid-append
    append_history(clean, RunFigures("b", 12, 0.0, 0.3))
    assert [run.label for run in load_history(clean)] == ["a", "b"]


def test_records_a_killed_run_left_without_state_are_removed(tmp_path: Path) -> None:
    import json

    from cleaners.output import write_atomic

    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    text = "\n".join(
        f"Paragraph {i}: the council agreed the budget on Tuesday night." for i in range(6)
    )
    line = json.dumps({"url": "https://news.example.org/a", "text": text})
    export = raw / "x.jsonl"
    export.write_text(line + "\n" + line + "\n" + line + "\n", encoding="utf-8")
    clean_inputs([export], raw, clean, Config())
    assert sorted(p.name for p in (clean / "x.jsonl").iterdir()) == ["0.json", "1.json", "2.json"]
    # A later run was killed after writing records but before the state; then the export
    # shrank to one record. Its own leftovers and the old records both must go.
    (clean / "_state" / "inputs" / "x.jsonl.json").unlink()
    write_atomic(clean / "_quarantine" / "x.jsonl" / "1.json", "{}\n")
    export.write_text(line + "\n", encoding="utf-8")
    clean_inputs([export], raw, clean, Config())
    assert sorted(p.name for p in (clean / "x.jsonl").iterdir()) == ["0.json"]
    assert not list((clean / "_quarantine").rglob("*.json"))
