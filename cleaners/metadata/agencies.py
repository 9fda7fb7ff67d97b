"""News agencies credited beside a writer ("Peter Maahn/SP-X", "Anna Berg, dpa")."""

from __future__ import annotations

import re

# Agency codes are short capitals ("AFP", "SP-X", "KNA"); these are the agencies that
# sign in lower or mixed case, so their names must be known.
AGENCY_NAMES = frozenset(
    {"dpa", "epd", "kna", "sid", "apa", "sda", "afp", "ap", "ansa", "efe", "reuters", "ddp",
     "dts", "ots", "ians", "pti", "ani", "ats", "belga", "anp", "tass", "xinhua", "jiji"}
)  # fmt: skip
AGENCY_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,4}(?:[-/&][A-Z0-9]{1,4})?$")


def is_agency(name: str) -> bool:
    """Tell whether a byline name is a news agency's code or name."""
    return name.casefold() in AGENCY_NAMES or AGENCY_CODE.match(name) is not None


def drop_agencies(names: list[str]) -> list[str]:
    """Drop agencies credited beside a named writer; an agency signing alone stays."""
    people = [n for n in names if not is_agency(n)]
    if any(len(n.split()) > 1 for n in people):
        return people
    return names
