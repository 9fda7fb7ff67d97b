"""Find the input files under raw/."""

from __future__ import annotations

from pathlib import Path


def discover_inputs(raw_root: Path) -> list[Path]:
    """Return every input file under raw_root, sorted; hidden files and folders are skipped."""
    found = []
    for path in raw_root.rglob("*"):
        rel = path.relative_to(raw_root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        found.append(path)
    return sorted(found)
