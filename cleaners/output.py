"""Where records go under clean/, and how they are written: atomically, deterministically."""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import tempfile
from pathlib import Path

import orjson

from cleaners.schema import CleanDocument, QuarantineRecord
from cleaners.storage import is_local

QUARANTINE_DIR = "_quarantine"
STATE_DIR = "_state"
# Folders under clean/ that hold bookkeeping, not document records.
RESERVED = (QUARANTINE_DIR, STATE_DIR)
# Longest file name most filesystems take, in bytes; an input named near it gets a record
# name over it once ".json" is added.
NAME_MAX = 255
_HASH_CHARS = 16
# A lone surrogate: a file-name byte that is not UTF-8, as os.fsdecode keeps it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_RECORD_NAME = re.compile(r"\d+\.json")
_RESERVED_HEAD = re.compile(r"_+(?:state|quarantine)")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class UnsafeOutputPath(ValueError):
    """A record path that would land outside the clean folder."""


def record_path(clean_root: Path, record: CleanDocument | QuarantineRecord) -> Path:
    """Return where a record lives: clean/<input>.json, or clean/<input>/<record>.json.

    The name keeps the input's own bytes (a non-UTF-8 byte included); a path that would
    resolve outside its folder, clean_root or its quarantine (``..``, an absolute name, a
    linked folder), is refused.
    """
    quarantined = isinstance(record, QuarantineRecord)
    base, rel = record_home(clean_root, record.source.path, quarantined)
    number = record.source.record
    path = single_record_path(base, rel) if number is None else base / rel / f"{number}.json"
    require_inside(base, path)
    return path


def record_home(clean_root: Path, path: str, quarantined: bool) -> tuple[Path, str]:
    """Return the folder an input's records go under, and the input's name inside it."""
    if quarantined:
        return clean_root / QUARANTINE_DIR, path
    return clean_root, escape_reserved(path)


def single_record_path(base: Path, rel: str) -> Path:
    """Return the record of a one-document input: its name plus .json, fitted to NAME_MAX."""
    folder, name = os.path.split(rel)
    return base / folder / fit_name(name, ".json")


def existing_outputs(clean_root: Path, rel: str) -> set[str]:
    """Return the records on disk that an input named ``rel`` can have made, relative names.

    Its single record (clean or quarantined) and the numbered records of its container
    folders: what a run killed before it saved the input's state may have left.
    """
    found: set[str] = set()
    for quarantined in (False, True):
        base, name = record_home(clean_root, rel, quarantined)
        candidates = [single_record_path(base, name)]
        container = base / name
        if container.is_dir():
            candidates += [p for p in container.iterdir() if _RECORD_NAME.fullmatch(p.name)]
        for path in candidates:
            if path.is_file():
                found.add(path.relative_to(clean_root).as_posix())
    return found


def escape_reserved(rel: str) -> str:
    """Add an underscore to a leading _state/_quarantine folder (and to any escaped one).

    An input under raw/_state/ would otherwise write its record among clean/'s own state
    files; the mapping stays one-to-one, since raw/__state/ becomes clean/___state/.
    """
    head, sep, rest = rel.partition("/")
    if sep and _RESERVED_HEAD.fullmatch(head):
        return f"_{head}/{rest}"
    return rel


def require_inside(folder: Path, path: Path) -> None:
    """Raise UnsafeOutputPath unless path, links and ``..`` resolved, lies under folder."""
    if is_local(folder) and is_local(path):
        root, target = os.path.realpath(folder), os.path.realpath(path)
        inside = os.path.commonpath([root, target]) == root and target != root
    else:  # an object store: no links, so the names alone decide
        root, target = str(folder).rstrip("/"), str(path)
        rest = target[len(root) + 1 :] if target.startswith(root + "/") else ""
        inside = bool(rest) and not posixpath.normpath(rest).startswith(("..", "/"))
    if not inside:
        raise UnsafeOutputPath(f"refusing to write {display_path(str(path))!r}: outside {root!r}")


def fit_name(name: str, suffix: str) -> str:
    """Return name + suffix, shortened with a hash of the name when too long for a file name."""
    if len(os.fsencode(name + suffix)) <= NAME_MAX:
        return name + suffix
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:_HASH_CHARS]
    tail = f"~{digest}{suffix}"
    return shorten(name, NAME_MAX - len(tail)) + tail


def shorten(name: str, max_bytes: int) -> str:
    """Cut a file name to at most max_bytes encoded bytes, at a character boundary."""
    size = 0
    for index, char in enumerate(name):
        size += len(os.fsencode(char))
        if size > max_bytes:
            return name[:index]
    return name


def render_json(data: object) -> str:
    """Serialise deterministically: sorted keys, two-space indent, UTF-8 kept.

    A lone surrogate (a non-UTF-8 byte of a file name, as os.fsdecode keeps it) is
    written as its JSON escape, ``\\udcff``: the file stays valid UTF-8, and json.loads
    then os.fsencode give back the exact bytes of the name.
    """
    try:
        # orjson writes the same bytes as json.dumps below, about ten times faster.
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"
    except TypeError:
        pass  # a lone surrogate, which orjson refuses
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def display_path(path: str) -> str:
    """Return a path fit for logs and artifacts: odd bytes as \\xNN, controls escaped.

    Log handlers that send JSON (Prefect's) refuse a lone surrogate, and a newline in a
    name would split a log line; the record itself keeps the exact name (render_json).
    """
    return _UNPRINTABLE.sub(_escape_char, path)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte os.fsdecode kept as a surrogate
    return match.group().encode("unicode_escape").decode("ascii")


def render_record(record: CleanDocument | QuarantineRecord) -> str:
    """Serialise a record as committed to clean/."""
    return render_json(record.model_dump(mode="json"))


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temp file in the same folder and a rename.

    On an object store a single PUT is already all-or-nothing (an object appears only when
    its upload completes), and a rename would be a copy, so the object is written directly.
    """
    if not is_local(path):
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temp name is cut so that it fits beside a record whose name is at the limit.
    prefix = f".{shorten(path.name, NAME_MAX - 32)}."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
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
