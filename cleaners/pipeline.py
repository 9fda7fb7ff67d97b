"""clean(raw, config) -> CleanDocument | QuarantineRecord, in a fixed stage order."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from pydantic import TypeAdapter

from cleaners import __version__
from cleaners.budget import DocTimeout, time_budget
from cleaners.config import Config
from cleaners.html import extract_html
from cleaners.metadata.language import detect_language
from cleaners.records import Extraction, RawDoc, ReadError
from cleaners.schema import CleanDocument, CleanerInfo, QuarantineRecord, RemovedItem, Source
from cleaners.text import clean_text
from cleaners.text.template import LineProfile

log = logging.getLogger(__name__)

Record = CleanDocument | QuarantineRecord
_WORD = re.compile(r"\w+")
# Scripts written without spaces: count characters, not \w+ runs, as words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
# A document's removals become RemovedItems in pydantic's core, read from the Removals'
# attributes: three times faster than a model_construct per item.
_REMOVED = TypeAdapter(list[RemovedItem])


def document_id(path: str, record: int | None) -> str:
    """Return the stable id of a document: a hash of its input path and record index."""
    key = path if record is None else f"{path}#{record}"
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def site_group(raw: RawDoc) -> str:
    """Return the group whose documents share a template: the host, else the folder."""
    if raw.url:
        host = urlsplit(raw.url).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    return "dir:" + str(PurePosixPath(raw.path).parent)


def count_words(text: str) -> int:
    """Count words, reading each CJK/kana/hangul/Thai character as one."""
    if not _UNSPACED.search(text):  # most bodies: one pass counts them
        return len(_WORD.findall(text))
    unspaced = len(_UNSPACED.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + unspaced


def profile_key(raw: RawDoc) -> str:
    """Return a document's key in a line profile; byte-identical copies count once."""
    return f"{raw.sha256}#{raw.record}"


def learn_profile(
    raws: Iterable[RawDoc | ReadError], profile: LineProfile | None = None
) -> LineProfile:
    """Add the lines of every text document to a per-site line profile."""
    profile = profile or LineProfile()
    for raw in raws:
        if isinstance(raw, RawDoc) and raw.kind == "text":
            profile.add_document(site_group(raw), profile_key(raw), raw.content)
    return profile


def clean_item(item: RawDoc | ReadError, config: Config, profile: LineProfile | None) -> Record:
    """Clean one read item, turning read errors and failures into quarantine records."""
    if isinstance(item, ReadError):
        return quarantine(
            item.path, item.sha256, item.format, item.record, item.reason, item.detail, config
        )
    if len(item.content) > config.max_doc_bytes:
        detail = f"the document is larger than the {config.max_doc_bytes:,}-byte budget"
        return quarantine(
            item.path, item.sha256, item.format, item.record, "too_large", detail, config
        )
    checker = profile.is_template_for(site_group(item), config) if profile else None
    try:
        with time_budget(config.max_doc_seconds):
            return clean_document(item, config, checker)
    except DocTimeout:
        detail = f"cleaning took longer than the {config.max_doc_seconds:g}-second budget"
        return quarantine(
            item.path, item.sha256, item.format, item.record, "timeout", detail, config
        )
    except Exception as exc:
        log.warning("cleaning %s#%s failed: %r", item.path, item.record, exc)
        detail = f"the cleaner failed: {type(exc).__name__}: {exc}"
        return quarantine(
            item.path, item.sha256, item.format, item.record, "cleaner_error", detail, config
        )


def clean_document(
    raw: RawDoc, config: Config, is_template: Callable[[str], bool] | None = None
) -> Record:
    """Extract, lift metadata, detect language and build the output record of one document."""
    if raw.kind == "html":
        extraction = extract_html(raw.content, raw.url, config)
    else:
        extraction = clean_text(raw.content, config, is_template)
    text = "\n\n".join(p.strip() for p in extraction.paragraphs if p.strip())
    words = count_words(text)
    if words < config.min_words:
        detail = (
            f"no article text found: {words} words left after cleaning (minimum {config.min_words})"
        )
        held = quarantine(
            raw.path, raw.sha256, raw.format, raw.record, "no_article", detail, config
        )
        meta = extraction.metadata
        found = {"title": meta.title or raw.title, "published": meta.published}
        return held.model_copy(update={**found, "authors": list(meta.authors)})
    return build_document(raw, extraction, text, words, config)


def build_document(
    raw: RawDoc, ex: Extraction, text: str, words: int, config: Config
) -> CleanDocument:
    """Assemble the output record from an extraction and the document's provenance."""
    meta = ex.metadata
    url = raw.url or meta.url
    site = meta.site or (urlsplit(url).hostname if url else None)
    return CleanDocument(
        id=document_id(raw.path, raw.record),
        url=url,
        source=Source(path=raw.path, sha256=raw.sha256, format=raw.format, record=raw.record),
        title=meta.title or raw.title,
        published=meta.published,
        modified=meta.modified,
        authors=meta.authors,
        site=site,
        language=detect_language(text) or meta.language,
        description=meta.description,
        tags=meta.tags,
        text=text,
        word_count=words,
        removed=_REMOVED.validate_python(ex.removed, from_attributes=True),
        cleaner=cleaner_info(config),
    )


def quarantine(
    path: str, sha: str, fmt: str, record: int | None, reason: str, detail: str, config: Config
) -> QuarantineRecord:
    """Build the quarantine record of an input that could not be cleaned."""
    return QuarantineRecord(
        id=document_id(path, record),
        source=Source.model_validate(
            {"path": path, "sha256": sha, "format": fmt, "record": record}
        ),
        reason=reason,
        detail=detail,
        cleaner=cleaner_info(config),
    )


def cleaner_info(config: Config) -> CleanerInfo:
    """Return the cleaner version and config hash stamped on every record."""
    return CleanerInfo(version=__version__, config_hash=config.hash())
