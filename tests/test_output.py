"""Output records: schema drift, validation, deterministic and atomic writes, paths."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaners.config import Config
from cleaners.output import record_path, render_record, write_atomic, write_record
from cleaners.pipeline import quarantine
from cleaners.schema import CleanDocument, CleanerInfo, Source
from cleaners.schema_export import SCHEMA_DIR, expected_files

ARTICLE_TEXT = "\n".join(
    f"Paragraph {i}: the council agreed the {topic} after a long debate on {day} night."
    for i, (topic, day) in enumerate(
        [
            ("budget", "Monday"),
            ("school plan", "Tuesday"),
            ("new bus routes", "Wednesday"),
            ("park repairs", "Thursday"),
            ("library hours", "Friday"),
            ("water rates", "Saturday"),
        ]
    )
)

ROOT = Path(__file__).resolve().parent.parent


def make_doc(path: str = "a/b.txt", record: int | None = None) -> CleanDocument:
    return CleanDocument(
        id="x",
        url=None,
        source=Source(path=path, sha256="0" * 64, format="text", record=record),
        title="T",
        published="2016-09-18T21:09:00",
        modified=None,
        authors=["Ann Lee"],
        site=None,
        language="en",
        description=None,
        tags=[],
        text="One.\n\nTwo.",
        word_count=2,
        removed=[],
        cleaner=CleanerInfo(version="0", config_hash="h"),
    )


def test_committed_schema_matches_the_model() -> None:
    for name, text in expected_files().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} drifted: run `make schema` and commit it"


def test_schema_requires_the_documented_fields() -> None:
    schema = json.loads((SCHEMA_DIR / "clean-document.schema.json").read_text())
    fields = (
        "schema_version id url source title published modified authors site language "
        "description tags text word_count removed cleaner"
    )
    for field in fields.split():
        assert field in schema["properties"], field


def test_model_rejects_unknown_fields_and_bad_formats() -> None:
    data = make_doc().model_dump()
    with pytest.raises(ValueError):
        CleanDocument.model_validate({**data, "extra": 1})
    with pytest.raises(ValueError):
        CleanDocument.model_validate({**data, "source": {**data["source"], "format": "pdf"}})


def test_render_is_deterministic_with_sorted_keys() -> None:
    text = render_record(make_doc())
    assert text == render_record(make_doc())
    keys = list(json.loads(text))
    assert keys == sorted(keys)


def test_record_paths_for_files_containers_and_quarantine(tmp_path: Path) -> None:
    assert record_path(tmp_path, make_doc("a/b.txt")) == tmp_path / "a/b.txt.json"
    assert record_path(tmp_path, make_doc("e.jsonl", 3)) == tmp_path / "e.jsonl/3.json"
    q = quarantine("e.jsonl", "s", "jsonl", 2, "bad_json", "line 3 is not JSON", Config())
    assert record_path(tmp_path, q) == tmp_path / "_quarantine/e.jsonl/2.json"


def test_write_record_roundtrips_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = write_record(tmp_path, make_doc())
    assert CleanDocument.model_validate_json(path.read_text()) == make_doc()
    assert [p.name for p in path.parent.iterdir()] == ["b.txt.json"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_outputs_of_the_sample_inputs_validate_against_the_published_schemas(
    tmp_path: Path,
) -> None:
    import jsonschema

    from cleaners.batch import clean_inputs
    from cleaners.discover import discover_inputs

    raw = ROOT / "raw"
    clean_inputs(discover_inputs(raw), raw, tmp_path, Config())
    schemas = {name: json.loads((SCHEMA_DIR / name).read_text()) for name in expected_files()}
    checked = 0
    for path in tmp_path.rglob("*.json"):
        if "_state" in path.parts:
            continue
        kind = "quarantine-record" if "_quarantine" in path.parts else "clean-document"
        jsonschema.validate(json.loads(path.read_text()), schemas[f"{kind}.schema.json"])
        checked += 1
    assert checked >= len(discover_inputs(raw))


def test_inputs_under_folders_named_like_clean_state_get_their_own_records(
    tmp_path: Path,
) -> None:
    from cleaners.output import escape_reserved

    assert escape_reserved("_state/inputs/a.txt") == "__state/inputs/a.txt"
    assert escape_reserved("__state/a.txt") == "___state/a.txt"
    assert escape_reserved("_quarantine/a.txt") == "__quarantine/a.txt"
    assert escape_reserved("news/_state/a.txt") == "news/_state/a.txt"
    assert escape_reserved("_state.txt") == "_state.txt"
    raw = tmp_path / "raw"
    for name in ("_state/inputs/a.txt", "a.txt"):
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text(ARTICLE_TEXT, encoding="utf-8")
    clean = tmp_path / "clean"
    from cleaners.batch import clean_inputs
    from cleaners.config import Config
    from cleaners.plan import plan_run

    report = clean_inputs(plan_run(raw, clean, Config()).todo, raw, clean, Config())
    assert report.inputs_cleaned == 2 and not report.quarantined
    assert (clean / "__state/inputs/a.txt.json").is_file()
    assert (clean / "a.txt.json").is_file()
    state = json.loads((clean / "_state/inputs/a.txt.json").read_text(encoding="utf-8"))
    assert state["path"] == "a.txt"
