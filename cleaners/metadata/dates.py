"""Parse one date string in common formats and languages into ISO 8601, without dateparser."""

from __future__ import annotations

import re
from datetime import date, datetime

# Month names of the dev and metadata pages' languages (en, de, fr, es, pt, it, nl, ru
# genitive and nominative, id), lowercased; prefixes of 3+ letters are accepted.
MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january janeiro januar janvier enero gennaio januari января январь",
        "february fevereiro februar février febrero febbraio februari февраля февраль",
        "march março märz mars marzo maret maart марта март",
        "april abril avril aprile апреля апрель",
        "may maio mai mayo maggio mei мая май",
        "june junho juni juin junio giugno juni июня июнь",
        "july julho juli juillet julio luglio juli июля июль",
        "august agosto août agustus augustus августа август",
        "september setembro septembre septiembre settembre сентября сентябрь",
        "october outubro oktober octobre octubre ottobre oktober октября октябрь",
        "november novembro novembre noviembre nopember ноября ноябрь",
        "december dezembro dezember décembre diciembre dicembre desember декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _num
        MONTHS.setdefault(_name[:3], _num)
MONTHS.update({"sept": 9, "okt": 10, "dez": 12, "mrt": 3, "mei": 5, "ago": 8, "set": 9})
_MONTH = r"(?P<mon>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
DATE_PATTERNS = (
    re.compile(
        r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)"
        r"(?:[T ](?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?"
        r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?"
    ),
    re.compile(
        r"(?P<year>(?:19|20)\d\d)\s*[年년./]\s*(?P<mon>[01]?\d)\s*[月월./]\s*(?P<day>[0-3]?\d)"
    ),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_DAY}\s*(?:de\s+)?{_MONTH},?\s*(?:de\s+)?{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s*{_YEAR}\b"),
)
# Every pattern above holds a year: a string without one needs no pattern run.
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
TIME = re.compile(
    r"\b(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?|\.(?P<mi2>[0-5]\d)(?=\s*(?:[ap]\.?m|[A-Z]{3})))"
    r"\s*(?P<ampm>[ap](?:\.\s?)?m\b\.?)?(?:\s*(?P<tz>Z\b|(?:UTC|GMT)[+-][01]?\d(?::?[0-5]\d)?\b|UTC|GMT|"
    r"[+-][01]\d:?[0-5]\d|[A-Z]{3,4}\b))?",
    re.IGNORECASE,
)
# Only zones with one meaning get an offset; others are left off rather than guessed.
ZONES = {
    "Z": "+00:00", "UTC": "+00:00", "GMT": "+00:00", "EDT": "-04:00", "EST": "-05:00",
    "CDT": "-05:00", "PDT": "-07:00", "PST": "-08:00", "MDT": "-06:00", "MSK": "+03:00",
    "CET": "+01:00", "CEST": "+02:00", "BST": "+01:00", "JST": "+09:00", "KST": "+09:00",
}  # fmt: skip


def parse_date(s: str) -> str | None:
    """Return the first date in a string as ISO 8601, with its time and zone if given."""
    found = find_date(s)
    return found[0] if found else None


def find_date(s: str) -> tuple[str, int, int] | None:
    """Return the ISO date found in a string with the span of its text, or None."""
    if not _YEAR_HINT.search(s):
        return None
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(s):
            day = _make_date(m)
            if day is None:
                continue
            start, end = m.span()
            iso = day.isoformat()
            if m.groupdict().get("h"):
                iso += f"T{int(m['h']):02d}:{int(m['mi']):02d}:{int(m['s'] or 0):02d}"
                if m["tz"]:
                    iso += ZONES.get(m["tz"].upper(), _offset(m["tz"]))
                return iso, start, end
            rest = s[end : end + 40]
            t = TIME.search(rest)
            if t is None or t.start() > 6:
                before = s[max(0, start - 20) : start]
                t = TIME.search(before)
                if t is not None and t.end() < len(before) - 4:
                    t = None
            if t is not None:
                iso += _format_time(t)
                end = end + t.end() if t.string is rest else end
            return iso, start, end
    return None


def _make_date(m: re.Match[str]) -> date | None:
    """Build a date from a match's year, month and day groups."""
    mon_text = m["mon"].casefold()
    mon = int(mon_text) if mon_text.isdigit() else MONTHS.get(mon_text, MONTHS.get(mon_text[:3]))
    if mon is None:
        return None
    try:
        return date(int(m["year"]), mon, int(m["day"]))
    except ValueError:
        return None


def _format_time(t: re.Match[str]) -> str:
    """Format a time match as ``THH:MM:SS`` plus its zone when unambiguous."""
    hour = int(t["h"])
    minute = int(t["mi"] or t["mi2"])
    ampm = (t["ampm"] or "").casefold().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return ""
    out = f"T{hour:02d}:{minute:02d}:{int(t['s'] or 0):02d}"
    zone = t["tz"]
    if zone:
        out += ZONES.get(zone.upper(), _offset(zone))
    return out


def _offset(zone: str) -> str:
    """Return a numeric offset as ``+HH:MM``, or '' for an unknown name.

    A zone written as an offset from GMT or UTC ("GMT+10" on Australian wire pages) is
    that offset, not GMT.
    """
    zone = re.sub(r"^(?:UTC|GMT)(?=[+-])", "", zone, flags=re.IGNORECASE)
    if re.fullmatch(r"[+-]\d{1,2}", zone):
        return f"{zone[0]}{int(zone[1:]):02d}:00"
    if zone[0] in "+-" and zone[1:].replace(":", "").isdigit():
        digits = zone[1:].replace(":", "")
        return f"{zone[0]}{digits[:2]}:{digits[2:]}"
    return ""


def is_valid_year(iso: str) -> bool:
    """Tell whether an ISO date falls in a plausible publication range."""
    return 1995 <= int(iso[:4]) <= datetime.now().year + 1
