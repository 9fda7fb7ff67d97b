"""Inputs and outputs on any fsspec filesystem: local folders, file:// and s3:// URLs."""

from __future__ import annotations

import os
import pathlib
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urlsplit

from upath import UPath

# Schemes read as this machine's own files; a one-letter "scheme" is a Windows drive.
_LOCAL_SCHEMES = ("", "file", "local")


def open_location(location: str | Path) -> Path:
    """Return a path object for a folder or file given as a local path or an fsspec URL.

    Local paths come back as plain resolved ``Path``s. Remote URLs come back as universal
    pathlib objects, which offer the same methods over fsspec (s3fs for ``s3://``); credentials
    and endpoints come from fsspec's usual configuration, e.g. ``FSSPEC_S3_ENDPOINT_URL``.
    """
    if isinstance(location, pathlib.Path) and not isinstance(location, UPath):
        return location.resolve()
    text = str(location)
    scheme = urlsplit(text).scheme
    if scheme in _LOCAL_SCHEMES or len(scheme) == 1:
        local = unquote(urlsplit(text).path) if scheme in ("file", "local") else text
        return Path(os.path.abspath(local))  # a link keeps its own name: never resolved
    return cast(Path, UPath(text))


def is_local(path: Path) -> bool:
    """Tell whether a path is on this machine's filesystem (so temp files and flock work)."""
    return isinstance(path, pathlib.Path)
