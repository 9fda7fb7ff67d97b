"""pagewash cleaners: the pure library (readers, chrome removal, extraction, schema)."""

__version__ = "0.2.0"
