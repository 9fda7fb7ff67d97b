"""Library-level runs: each input lands in clean/ or its quarantine; reruns skip; raw/ untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from cleaners.batch import add_survey, clean_inputs, survey_inputs
from cleaners.config import Config
from cleaners.discover import discover_inputs
from cleaners.plan import plan_run, split_batches
from cleaners.schema import CleanDocument, QuarantineRecord
from cleaners.text.template import LineProfile
from tests.bad_inputs import BAD_INPUTS, BAD_JSONL_LINE, write_bad_inputs
from tests.conftest import FIXTURES

SEED = FIXTURES / "text" / "000_e2191137fde1a18b.txt"


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(raw: Path, clean: Path, force: bool = False, config: Config | None = None):
    config = config or Config()
    paths = discover_inputs(raw)
    profile = add_survey(LineProfile(), survey_inputs(paths, raw))
    return clean_inputs(paths, raw, clean, config, profile, force)


def make_raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "text").mkdir(parents=True)
    shutil.copy(SEED, raw / "text" / "seed.txt")
    write_bad_inputs(raw, SEED.read_text(encoding="utf-8"))
    return raw


def test_bad_inputs_are_quarantined_with_reasons_and_the_run_completes(tmp_path: Path) -> None:
    raw, clean = make_raw(tmp_path), tmp_path / "clean"
    report = run(raw, clean)
    assert report.inputs_seen == len(BAD_INPUTS) + 2
    for name, (_, reason) in BAD_INPUTS.items():
        record = json.loads((clean / "_quarantine" / f"{name}.json").read_text())
        QuarantineRecord.model_validate(record)
        assert record["reason"] == reason, name
        assert record["detail"]
        assert not (clean / f"{name}.json").exists()
    bad_line = json.loads((clean / "_quarantine" / BAD_JSONL_LINE / "1.json").read_text())
    assert bad_line["reason"] == "bad_json"
    good_line = CleanDocument.model_validate_json((clean / BAD_JSONL_LINE / "0.json").read_text())
    assert good_line.url == "https://news.example.org/a"
    seed = CleanDocument.model_validate_json((clean / "text/seed.txt.json").read_text())
    assert seed.published == "2016-09-18T21:09:00"


def test_every_input_lands_in_exactly_one_place(tmp_path: Path) -> None:
    raw, clean = make_raw(tmp_path), tmp_path / "clean"
    run(raw, clean)
    for path in discover_inputs(raw):
        rel = path.relative_to(raw).as_posix()
        places = [
            clean / f"{rel}.json",
            clean / rel,
            clean / "_quarantine" / f"{rel}.json",
            clean / "_quarantine" / rel,
        ]
        assert any(p.exists() for p in places), rel
        assert not (
            (clean / f"{rel}.json").exists() and (clean / "_quarantine" / f"{rel}.json").exists()
        )


def test_raw_is_never_modified(tmp_path: Path) -> None:
    raw, clean = make_raw(tmp_path), tmp_path / "clean"
    before = snapshot(raw)
    run(raw, clean)
    run(raw, clean, force=True)
    assert snapshot(raw) == before


def test_rerun_skips_current_inputs_and_redoes_changed_ones(tmp_path: Path) -> None:
    raw, clean = make_raw(tmp_path), tmp_path / "clean"
    run(raw, clean)
    outputs = snapshot(clean)
    again = run(raw, clean)
    assert again.inputs_skipped == again.inputs_seen and again.inputs_cleaned == 0
    assert snapshot(clean) == outputs
    assert plan_run(raw, clean, Config()).todo == []

    (raw / "bad" / "empty.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    plan = plan_run(raw, clean, Config())
    assert [p.name for p in plan.todo] == ["empty.txt"]
    third = run(raw, clean)
    assert third.inputs_cleaned == 1
    # The input now cleans, so its old quarantine record is gone and a document replaced it.
    assert (clean / "bad/empty.txt.json").exists()
    assert not (clean / "_quarantine/bad/empty.txt.json").exists()


def test_a_config_change_makes_outputs_stale(tmp_path: Path) -> None:
    raw, clean = make_raw(tmp_path), tmp_path / "clean"
    run(raw, clean)
    changed = Config(min_words=5)
    assert len(plan_run(raw, clean, changed).todo) == len(discover_inputs(raw))


def test_output_is_deterministic_across_runs(tmp_path: Path) -> None:
    raw = make_raw(tmp_path)
    run(raw, tmp_path / "c1")
    run(raw, tmp_path / "c2")
    first = {k: v for k, v in snapshot(tmp_path / "c1").items() if not k.startswith("_state")}
    second = {k: v for k, v in snapshot(tmp_path / "c2").items() if not k.startswith("_state")}
    assert first == second


def test_split_batches_keeps_order_and_size() -> None:
    paths = [Path(str(i)) for i in range(7)]
    batches = split_batches(paths, 3)
    assert [len(b) for b in batches] == [3, 3, 1]
    assert [p for b in batches for p in b] == paths


def test_repeated_chrome_keeps_its_own_rule_name_in_batch_mode(tmp_path: Path) -> None:
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (raw / "a.txt").write_text(seed, encoding="utf-8")
    (raw / "b.txt").write_text(seed.replace("Konashenkov", "the spokesman"), encoding="utf-8")
    run(raw, clean)
    record = CleanDocument.model_validate_json((clean / "a.txt.json").read_text())
    rules = {item.rule for item in record.removed if item.text.startswith("icon bookmark")}
    assert rules == {"icon_run"}
