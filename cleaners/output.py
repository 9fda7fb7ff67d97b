"""Where records go under clean/, and how they are written: atomically, deterministically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from cleaners.schema import CleanDocument, QuarantineRecord

QUARANTINE_DIR = "_quarantine"
STATE_DIR = "_state"
# Folders under clean/ that hold bookkeeping, not document records.
RESERVED = (QUARANTINE_DIR, STATE_DIR)


def record_path(clean_root: Path, record: CleanDocument | QuarantineRecord) -> Path:
    """Return where a record lives: clean/<input>.json, or clean/<input>/<record>.json."""
    base = clean_root / QUARANTINE_DIR if isinstance(record, QuarantineRecord) else clean_root
    src = record.source
    if src.record is None:
        return base / f"{src.path}.json"
    return base / src.path / f"{src.record}.json"


def render_json(data: object) -> str:
    """Serialise deterministically: sorted keys, two-space indent, UTF-8 kept."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_record(record: CleanDocument | QuarantineRecord) -> str:
    """Serialise a record as committed to clean/."""
    return render_json(record.model_dump(mode="json"))


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temp file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_record(clean_root: Path, record: CleanDocument | QuarantineRecord) -> Path:
    """Write one record atomically and return its path."""
    path = record_path(clean_root, record)
    write_atomic(path, render_record(record))
    return path
