"""One frozen configuration object, with partial TOML overrides."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaners import __version__


@dataclass(frozen=True)
class Config:
    """Every knob of the cleaner; its hash decides whether an output is current."""

    # Documents whose cleaned body has fewer words than this are quarantined as "no_article".
    min_words: int = 20
    # Repeated-line (template) detection across documents of one site group.
    df_min_docs: int = 2  # a line seen in at least this many documents of a group is template...
    df_share: float = 0.2  # ...or in at least this share of the group, once the group is large
    df_large_group: int = 20  # group size from which df_share applies instead of df_min_docs
    # HTML extraction.
    html_favor_precision: bool = True
    # Budgets of one document: bigger ones are quarantined as "too_large" before parsing,
    # slower ones as "timeout", so no page can stall its batch or fill the memory.
    max_doc_bytes: int = 5_000_000
    max_doc_seconds: float = 30.0
    # Batching (does not change outputs, so it is left out of the hash).
    batch_size: int = 200
    workers: int = 2

    def hash(self) -> str:
        """Return a short hash of every setting that changes the output."""
        return _settings_hash(self)


_RUN_ONLY = {"batch_size", "workers"}


# Every record is stamped with the hash; a config is frozen, so it is worked out once.
@lru_cache(maxsize=16)
def _settings_hash(config: Config) -> str:
    """Hash the settings of a config that change the output, with the cleaner version."""
    data = {k: v for k, v in asdict(config).items() if k not in _RUN_ONLY}
    data["version"] = __version__
    blob = json.dumps(data, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Build a Config from defaults, an optional TOML file, then keyword overrides."""
    values: dict[str, Any] = {}
    if path is not None:
        with path.open("rb") as fh:
            values.update(tomllib.load(fh).get("pagewash", {}))
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Config)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"unknown config keys: {sorted(unknown)}")
    return replace(Config(), **values)
