"""Write the published JSON Schemas under schema/ (run: python -m cleaners.schema_export)."""

from __future__ import annotations

from pathlib import Path

from cleaners.schema import dump_schema, json_schema, quarantine_schema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
DOCUMENT_SCHEMA = "clean-document.schema.json"
QUARANTINE_SCHEMA = "quarantine-record.schema.json"


def expected_files() -> dict[str, str]:
    """Return each schema file name with the text it must hold."""
    return {
        DOCUMENT_SCHEMA: dump_schema(json_schema()),
        QUARANTINE_SCHEMA: dump_schema(quarantine_schema()),
    }


def main() -> None:
    """Write the schema files."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in expected_files().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
