"""The pagewash command as users run it, in a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

SEED = FIXTURES / "text" / "000_e2191137fde1a18b.txt"
ROOT = Path(__file__).resolve().parent.parent
TITLE = (
    "Syrian ceasefire observed only by govt, militants prepare for offensive in Aleppo"
    " – Russian military"
)


def pagewash(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "flows.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)


def test_inspect_the_seed_gives_the_issue_record() -> None:
    done = pagewash("inspect", str(SEED))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["title"] == TITLE
    assert record["published"] == "2016-09-18T21:09:00"
    assert record["language"] == "en"
    text = record["text"]
    assert text.startswith("The ceasefire in Syria is only being observed by government troops")
    assert text.endswith("occupied by Islamic State militants.")
    assert "icon bookmark" not in text and "READ MORE" not in text
    rules = {item["rule"] for item in record["removed"]}
    assert {"icon_run", "related"} <= rules


def test_inspect_explain_names_each_removal() -> None:
    done = pagewash("inspect", str(SEED), "--explain")
    assert done.returncode == 0
    assert '[icon_run] "icon bookmark-bicon' in done.stdout
    assert '[related] "READ MORE:' in done.stdout


def test_inspect_explain_shows_the_model_score() -> None:
    done = pagewash("inspect", str(ROOT / "raw" / "text" / "rt-2019-lxml-dump.txt"), "--explain")
    assert done.returncode == 0
    assert re.search(r'\[short_line p=0\.\d\d\] "', done.stdout)
    assert '[icon_run] "icon bookmark' in done.stdout


def test_inspect_reports_a_quarantined_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = pagewash("inspect", str(empty))
    assert done.returncode == 1
    assert json.loads(done.stdout)["reason"] == "empty"
    assert pagewash("inspect", str(tmp_path / "missing.txt")).returncode == 2


@pytest.mark.slow
def test_clean_command_runs_the_flow(tmp_path: Path) -> None:
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    shutil.copy(SEED, raw / "seed.txt")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    cmd = [sys.executable, "-m", "flows.cli", "clean", str(raw), str(clean), "--workers", "1"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Completed: 1 cleaned, 0 quarantined" in done.stdout
    assert json.loads((clean / "seed.txt.json").read_text())["title"] == TITLE


def test_inspect_a_container_prints_one_json_array(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    body = json.dumps(
        {"url": "https://news.example.org/a", "text": SEED.read_text(encoding="utf-8")}
    )
    export.write_text(body + "\n{broken\n", encoding="utf-8")
    done = pagewash("inspect", str(export))
    records = json.loads(done.stdout)
    assert [r["source"]["record"] for r in records] == [0, 1]
    assert records[0]["title"] == TITLE and records[1]["reason"] == "bad_json"
