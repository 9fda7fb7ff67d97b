"""Crash safety: SIGKILL a running `pagewash clean` at random points, then check what it left.

One real `prefect server start` serves every run. A reference clean of the same raw/ runs
once, uninterrupted, in another folder; its duration is the span the kill points are drawn
from (uniformly, seeded: PAGEWASH_CRASH_SEED repeats a run). Each kill takes the whole
process group, pool workers included, as a machine crash would. After each kill every JSON
file under clean/ must parse and every record must validate against the published schemas.

Runs go in chains, as a scheduler restarting after crashes would: each run resumes what the
killed one left (no --force), until one finishes before its kill point. That run must leave
clean/ byte-identical to the reference, every input written once, no temp file left over;
then the next chain starts from an empty clean/. After the last kill one uninterrupted run
ends the last chain the same way.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from cleaners.discover import discover_inputs
from cleaners.output import QUARANTINE_DIR, STATE_DIR
from cleaners.schema_export import SCHEMA_DIR
from cleaners.state import INPUTS_DIR
from cleaners.sweep import TEMP_NAME
from flows.service import ROOT, service_env, start_server, terminate
from tests.bad_inputs import write_bad_inputs
from tests.conftest import FIXTURES
from tests.test_service import free_port

pytestmark = pytest.mark.slow

KILLS = 20
MAX_ATTEMPTS = 3 * KILLS  # a guard: runs that finish before their kill point do not count
SEED_ENV = "PAGEWASH_CRASH_SEED"
CLEAN_OPTIONS = ["--workers", "2", "--batch-size", "5"]
PAGEWASH = Path(sys.executable).with_name("pagewash")
RUN_TIMEOUT = 180.0
REPORT = ROOT / "tests" / "artifacts" / "crash_report.json"
# Differ between any two histories by nature: the runs each folder saw, and the lock's pid.
VOLATILE = {f"{STATE_DIR}/runs.jsonl", f"{STATE_DIR}/run.lock"}
SWEPT = re.compile(r"swept (\d+) temp files")
SOURCE_CHANGED = (
    "pagewash's own code or schemas changed while this test ran (someone editing them?): "
    "outputs made before and after the edit differ; rerun it on a tree at rest"
)

# The raw/ folder: a folder per site, each with pages, a text dump and a JSON Lines export,
# so the exports fall in different batches; plus two repo samples and the bad inputs.
SITES = 2
RECORDS_PER_EXPORT = 12
SEED_TEXT = FIXTURES / "text" / "000_e2191137fde1a18b.txt"
# The repo's sample WARC and export: multi-record inputs of the other container format.
SAMPLES = ("warc/crawl-2019-11-20.warc.gz", "exports/scrape-2019-11-20.jsonl")


@dataclass
class Attempt:
    """One run of the kill loop: when it was to die, and what it left."""

    chain: int
    kill_at: float
    killed: bool
    ran_for: float
    json_checked: int
    temp_files_left: int

    def __post_init__(self) -> None:
        self.kill_at, self.ran_for = round(self.kill_at, 3), round(self.ran_for, 3)


@dataclass
class Expected:
    """What every finished chain must match, and what the checks need."""

    files: dict[str, bytes]  # the reference clean/, but its volatile files
    inputs: int
    validators: dict[str, Any]
    logs: Path
    rng: random.Random


@pytest.fixture(scope="module")
def server_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Start one real Prefect server for the module; yield the environment that reaches it."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    pid = start_server(port, home)
    try:
        yield service_env(port, home)
    finally:
        terminate(pid)


def build_raw(raw: Path) -> int:
    """Fill raw/ with fixture pages, text dumps, JSONL exports, the samples and bad inputs."""
    pages = [gzip.decompress(p.read_bytes()) for p in sorted((FIXTURES / "html").glob("*.gz"))]
    seed = SEED_TEXT.read_text(encoding="utf-8")
    for s in range(SITES):
        site = raw / f"site-{s}"
        site.mkdir(parents=True)
        for n, page in enumerate(pages):
            (site / f"page-{n}.html").write_bytes(page)
        shutil.copy(SEED_TEXT, site / "dump.txt")
        lines = []
        for r in range(RECORDS_PER_EXPORT):
            # Each text record on a host of its own, so no two share a site template.
            url = f"https://s{s}r{r}.example.org/story"
            if r % 3 == 2:
                lines.append(json.dumps({"url": url, "text": seed}))
            else:
                html = pages[r % len(pages)].decode("utf-8", errors="replace")
                lines.append(json.dumps({"url": url, "html": html}))
        lines.insert(RECORDS_PER_EXPORT // 2, '{"url": "https://x", "text": "cut')
        (site / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for sample in SAMPLES:
        (raw / sample).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "raw" / sample, raw / sample)
    write_bad_inputs(raw, seed)
    return len(discover_inputs(raw))


def start_clean(raw: Path, clean: Path, env: dict[str, str], log: Path) -> Any:
    """Start `pagewash clean` in a session of its own, so its whole group can be killed."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(PAGEWASH), "clean", str(raw), str(clean), *CLEAN_OPTIONS],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def run_clean(raw: Path, clean: Path, env: dict[str, str], log: Path) -> tuple[int, float, str]:
    """Run `pagewash clean` to the end; return its exit status, duration and output."""
    began = time.monotonic()
    proc = start_clean(raw, clean, env, log)
    try:
        code = proc.wait(timeout=RUN_TIMEOUT)
    finally:
        kill_group(proc)
    return code, time.monotonic() - began, log.read_text(encoding="utf-8", errors="replace")


def kill_group(proc: Any) -> None:
    """SIGKILL the process group of proc and wait until none of its processes is alive."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while live_members(proc.pid):
        assert time.monotonic() < deadline, f"group {proc.pid} outlived SIGKILL"
        time.sleep(0.05)


def live_members(pgid: int) -> list[int]:
    """Return the pids of the group's processes that are not zombies."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def load_validators() -> dict[str, Any]:
    """Return a JSON Schema validator per record kind, from the published schemas."""
    import jsonschema

    validators = {}
    for kind in ("clean-document", "quarantine-record"):
        schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validators[kind] = cls(schema)
    return validators


def check_outputs(clean: Path, validators: dict[str, Any]) -> tuple[int, list[str]]:
    """Parse every JSON file under clean/ and validate its records; return (files, temp files)."""
    checked = 0
    for path in sorted(clean.rglob("*.json")):
        rel = path.relative_to(clean)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as err:
            raise AssertionError(f"{rel} is not valid JSON after a kill: {err}") from None
        top = rel.parts[0]
        if top == STATE_DIR:
            if rel.parts[1] == INPUTS_DIR:
                assert set(data) == {
                    "path",
                    "sha256",
                    "config_hash",
                    "version",
                    "outputs",
                    "quarantined",
                }, rel
        else:
            kind = "quarantine-record" if top == QUARANTINE_DIR else "clean-document"
            errors = [e.message for e in validators[kind].iter_errors(data)]
            assert not errors, f"{rel}: {errors[:3]}"
        checked += 1
    temps = sorted(str(p.relative_to(clean)) for p in clean.rglob("*") if TEMP_NAME.match(p.name))
    return checked, temps


def snapshot(clean: Path) -> dict[str, bytes]:
    """Return every file under clean/ but the volatile ones, by path, with its bytes."""
    return {
        rel: path.read_bytes()
        for path in clean.rglob("*")
        if path.is_file() and (rel := path.relative_to(clean).as_posix()) not in VOLATILE
    }


def check_each_input_once(clean: Path, inputs: int) -> int:
    """Check every input has a state and every record belongs to exactly one; return records."""
    owners: dict[str, str] = {}
    states = sorted((clean / STATE_DIR / INPUTS_DIR).rglob("*.json"))
    assert len(states) == inputs
    for state in states:
        data = json.loads(state.read_text(encoding="utf-8"))
        for out in data["outputs"]:
            assert out not in owners, f"{out} written for {owners[out]} and {data['path']}"
            owners[out] = data["path"]
    records = {
        p.relative_to(clean).as_posix()
        for p in clean.rglob("*.json")
        if p.relative_to(clean).parts[0] != STATE_DIR
    }
    assert records == set(owners), f"orphans {records - set(owners)}, lost {set(owners) - records}"
    return len(records)


def count_swept(log: Path) -> int:
    """Return how many temp files a run's log says its sweep removed."""
    return sum(int(n) for n in SWEPT.findall(log.read_text(encoding="utf-8", errors="replace")))


def compare_trees(got: dict[str, bytes], want: dict[str, bytes]) -> None:
    """Assert two snapshots hold the same files with the same bytes, naming any difference."""
    missing, extra = sorted(want.keys() - got.keys()), sorted(got.keys() - want.keys())
    differ = sorted(k for k in want.keys() & got.keys() if want[k] != got[k])
    assert not (missing or extra or differ), f"missing {missing}, extra {extra}, differ {differ}"


def run_and_kill(
    raw: Path, clean: Path, env: dict[str, str], log: Path, kill_at: float
) -> tuple[bool, float]:
    """Start `pagewash clean`, kill its group at kill_at unless it ended; return (killed, s)."""
    began = time.monotonic()
    proc = start_clean(raw, clean, env, log)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=kill_at)
    kill_group(proc)
    killed = proc.returncode == -signal.SIGKILL
    if not killed:
        check_finished(proc.returncode, log.read_text(encoding="utf-8", errors="replace"))
    return killed, time.monotonic() - began


def check_finished(code: int, out: str) -> None:
    """Assert a run that was not killed ran its flow to a final state, not into a traceback.

    A run over what the kills left is a biased sample, so its figures may trip an alert
    (exit 1, "needs attention"); that is the flow judging the data, not a failure to run.
    """
    ended = re.search(r"^(Completed: |Failed: needs attention)", out, re.M)
    assert code in (0, 1) and ended, f"exit {code}:\n{out[-3000:]}"


def check_complete(clean: Path, expect: Expected) -> int:
    """Assert a finished chain left what the reference run made, and nothing else."""
    assert check_outputs(clean, expect.validators)[1] == [], "temp files left after a run"
    compare_trees(snapshot(clean), expect.files)
    return check_each_input_once(clean, expect.inputs)


def source_stamp() -> list[tuple[str, int]]:
    """Return the modification times of pagewash's own code and schemas."""
    files = [p for top in ("cleaners", "flows", "schema") for p in (ROOT / top).rglob("*")]
    return sorted((str(p), p.stat().st_mtime_ns) for p in files if p.suffix in (".py", ".json"))


def kill_in_chains(
    raw: Path, clean: Path, env: dict[str, str], span: float, expect: Expected
) -> tuple[list[Attempt], set[str], int]:
    """Kill runs at random points until KILLS kills; return attempts, temp files, records."""
    attempts: list[Attempt] = []
    seen_temps: set[str] = set()  # "<chain>:<path>", as a file may outlive several kills
    chain, verified = 0, 0
    while sum(a.killed for a in attempts) < KILLS:
        assert len(attempts) < MAX_ATTEMPTS, "too many runs finished before their kill point"
        kill_at = expect.rng.uniform(0, span)
        log = expect.logs / f"attempt-{len(attempts):02d}.log"
        killed, ran_for = run_and_kill(raw, clean, env, log, kill_at)
        checked, temps = check_outputs(clean, expect.validators) if clean.exists() else (0, [])
        seen_temps.update(f"{chain}:{t}" for t in temps)
        attempts.append(Attempt(chain, kill_at, killed, ran_for, checked, len(temps)))
        if not killed:
            verified += check_complete(clean, expect)
        outcome = "killed" if killed else "finished first, matches the reference"
        print(
            f"  {len(attempts):2d} chain {chain}: kill at {kill_at:5.2f} s: {outcome}; "
            f"{checked} JSON files valid, {len(temps)} temp files left"
        )
        if not killed:
            shutil.rmtree(clean)
            chain += 1
    return attempts, seen_temps, verified


def exercise(env: dict[str, str], tmp_path: Path, seed: int) -> dict[str, Any]:
    """Make the reference, kill runs in chains, finish the last one; return the figures."""
    raw, logs = tmp_path / "raw", tmp_path / "logs"
    logs.mkdir()
    inputs = build_raw(raw)
    raw_before = snapshot(raw)
    validators = load_validators()

    # The first run after the server starts is slower (cold caches, a fresh database), and
    # would stretch the span past what the runs under test take.
    (tmp_path / "empty").mkdir()
    run_clean(tmp_path / "empty", tmp_path / "warm-up", env, logs / "warm-up.log")
    reference = tmp_path / "reference"
    code, span, out = run_clean(raw, reference, env, logs / "reference.log")
    assert code == 0 and "Completed:" in out, out[-3000:]
    assert check_outputs(reference, validators)[1] == []
    expect = Expected(snapshot(reference), inputs, validators, logs, random.Random(seed))
    records = check_each_input_once(reference, inputs)
    print(f"reference run: {inputs} inputs, {records} records, {span:.1f} s (the kill span)")

    clean = tmp_path / "clean"
    attempts, seen_temps, verified = kill_in_chains(raw, clean, env, span, expect)
    code, final_span, out = run_clean(raw, clean, env, logs / "final.log")
    check_finished(code, out)
    verified += check_complete(clean, expect)
    assert snapshot(raw) == raw_before
    swept = sum(count_swept(log) for log in [*logs.glob("attempt-*.log"), logs / "final.log"])
    # A run killed halfway through its sweep removes files it never gets to report.
    assert swept <= len(seen_temps)

    kills = [a for a in attempts if a.killed]
    return {
        "seed": seed,
        "inputs": inputs,
        "records": records,
        "span_seconds": round(span, 2),
        "kills": len(kills),
        "kill_times": [round(a.kill_at, 2) for a in kills],
        "json_files_checked_after_kills": sum(a.json_checked for a in kills),
        "chains_completed": 1 + sum(not a.killed for a in attempts),
        "attempts": [asdict(a) for a in attempts],
        "final_run_seconds": round(final_span, 2),
        "records_verified": verified,
        "temp_files_seen_after_kills": len(seen_temps),
        "temp_files_swept": swept,
    }


def test_kills_at_random_points_lose_nothing_and_leave_nothing_partial(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    seed = int(os.environ.get(SEED_ENV) or random.randrange(2**32))
    print(f"\ncrash safety: seed {seed} (set {SEED_ENV}={seed} to repeat)")
    stamp = source_stamp()
    try:
        report = exercise(server_env, tmp_path, seed)
    except AssertionError as err:
        # Runs of this test span minutes; an edit to the cleaners meanwhile changes outputs.
        if source_stamp() != stamp:
            raise AssertionError(f"{err}\n{SOURCE_CHANGED}") from err
        raise
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"crash safety: {report['kills']} kills survived (at {report['kill_times']} s), "
        f"{report['json_files_checked_after_kills']} JSON files valid after them; "
        f"{report['chains_completed']} chains each completed byte-identical to the reference "
        f"({report['records_verified']} records verified); "
        f"{report['temp_files_seen_after_kills']} temp files seen after kills, "
        f"{report['temp_files_swept']} swept; report in {REPORT}"
    )
