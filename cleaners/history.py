"""Our record of past runs, to tell a jump in quarantine or chrome share from the usual."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cleaners.output import STATE_DIR, write_atomic
from cleaners.report import BatchReport
from cleaners.storage import is_local

HISTORY_FILE = "runs.jsonl"
# Runs compared against: enough to smooth noise, few enough to follow a slow drift.
WINDOW = 10


@dataclass(frozen=True)
class Limits:
    """When a run needs a person's attention."""

    max_quarantine_share: float = 0.5  # absolute ceiling on quarantined / documents
    max_chrome_share: float = 0.97  # absolute ceiling on removed chars / all chars
    max_jump: float = 0.25  # rise over the mean of recent runs that counts as a jump
    min_docs: int = 5  # runs smaller than this are too noisy to judge by shares


@dataclass(frozen=True)
class RunFigures:
    """The figures of one run that later runs are compared with."""

    label: str
    docs: int
    quarantine_share: float
    chrome_share: float


def figures_of(report: BatchReport, label: str) -> RunFigures:
    """Return the comparable figures of a run."""
    return RunFigures(label, report.docs_total, report.quarantine_share(), report.chrome_share())


def load_history(clean_root: Path) -> list[RunFigures]:
    """Read past runs' figures, oldest first; damaged lines are skipped."""
    path = clean_root / STATE_DIR / HISTORY_FILE
    runs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    for line in lines:
        try:
            runs.append(RunFigures(**json.loads(line)))
        except (ValueError, TypeError):
            continue
    return runs


def append_history(clean_root: Path, figures: RunFigures) -> None:
    """Add a run's figures to the history (runs hold the folder lock, so appends don't race)."""
    path = clean_root / STATE_DIR / HISTORY_FILE
    line = json.dumps(asdict(figures), sort_keys=True) + "\n"
    if not is_local(path):
        # Object stores cannot append: write the whole (small) history again.
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        write_atomic(path, old + line)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as fh:
        # A run killed mid-append leaves a torn last line: end it so this one stays whole.
        size = fh.seek(0, os.SEEK_END)
        if size:
            fh.seek(size - 1)
            if fh.read(1) != b"\n":
                line = "\n" + line
        fh.write(line.encode("utf-8"))


def find_alerts(history: list[RunFigures], now: RunFigures, limits: Limits) -> list[str]:
    """Return why this run needs attention: a share past its ceiling or a jump over recent runs."""
    if now.docs < limits.min_docs:
        return []
    alerts = []
    checks = (
        ("quarantine", now.quarantine_share, limits.max_quarantine_share, "quarantine_share"),
        ("chrome", now.chrome_share, limits.max_chrome_share, "chrome_share"),
    )
    recent = [r for r in history if r.docs >= limits.min_docs][-WINDOW:]
    for name, value, ceiling, attr in checks:
        if value > ceiling:
            alerts.append(f"{name} share {value:.0%} is past the limit of {ceiling:.0%}")
        elif recent:
            usual = sum(getattr(r, attr) for r in recent) / len(recent)
            if value - usual > limits.max_jump:
                alerts.append(f"{name} share jumped to {value:.0%} from a usual {usual:.0%}")
    return alerts
