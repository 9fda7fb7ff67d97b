"""Counts a batch reports: documents per format, quarantine reasons, chrome per rule, quality."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleaners.schema import CleanDocument, QuarantineRecord

# A body shorter than this many words is counted as "very short" in the quality figures.
SHORT_BODY_WORDS = 80


@dataclass
class BatchReport:
    """What one batch (or a whole run, once merged) did; plain data, picklable."""

    inputs_seen: int = 0
    inputs_skipped: int = 0
    inputs_cleaned: int = 0
    docs_in: Counter[str] = field(default_factory=Counter)  # per format
    docs_out: Counter[str] = field(default_factory=Counter)  # per format
    quarantined: list[tuple[str, str, str]] = field(default_factory=list)  # (path, reason, detail)
    removed_lines: Counter[str] = field(default_factory=Counter)  # per rule
    removed_chars: Counter[str] = field(default_factory=Counter)  # per rule
    body_chars: int = 0
    short_bodies: int = 0
    no_title: int = 0
    no_date: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    sites: Counter[str] = field(default_factory=Counter)

    def add(self, record: CleanDocument | QuarantineRecord) -> None:
        """Count one record."""
        fmt = record.source.format
        self.docs_in[fmt] += 1
        if isinstance(record, QuarantineRecord):
            where = record.source.path + (
                "" if record.source.record is None else f"#{record.source.record}"
            )
            self.quarantined.append((where, record.reason, record.detail))
            return
        self.docs_out[fmt] += 1
        for item in record.removed:
            self.removed_lines[item.rule] += 1
            self.removed_chars[item.rule] += len(item.text)
        self.body_chars += len(record.text)
        self.short_bodies += record.word_count < SHORT_BODY_WORDS
        self.no_title += not record.title
        self.no_date += not record.published
        self.languages[record.language or "unknown"] += 1
        self.sites[record.site or "unknown"] += 1

    def merge(self, other: BatchReport) -> None:
        """Add another report's counts to this one."""
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if isinstance(mine, Counter):
                mine.update(value)
            elif isinstance(mine, list):
                mine.extend(value)
            else:
                setattr(self, name, mine + value)

    @property
    def reasons(self) -> Counter[str]:
        """Return how many documents went to quarantine for each reason."""
        return Counter(reason for _, reason, _ in self.quarantined)

    @property
    def docs_total(self) -> int:
        """Return the number of documents read."""
        return sum(self.docs_in.values())

    def quarantine_share(self) -> float:
        """Return the share of documents that went to quarantine."""
        return len(self.quarantined) / self.docs_total if self.docs_total else 0.0

    def chrome_share(self) -> float:
        """Return the share of characters removed as chrome, of body plus removed."""
        removed = sum(self.removed_chars.values())
        total = removed + self.body_chars
        return removed / total if total else 0.0
