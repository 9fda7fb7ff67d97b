"""Whether a name on the page is the site's own name rather than a person's."""

from __future__ import annotations

from cleaners.metadata.titles import fold

# A name this short may sit inside any domain by chance ("Ann" in "annarbor.com").
MIN_SQUASHED = 6


def names_site(name: str, site: str | None) -> bool:
    """Tell whether an author name is the site's own name, also as its domain.

    "El Colombiano" signs the stories of the site named "www.elcolombiano.com", and
    "Zone Société - ICI.Radio-Canada.ca" those of "ICI.Radio-Canada.ca".
    """
    if not site:
        return False
    if fold(name) == fold(site):
        return True
    key, site_key = squash(name), squash(site)
    return (len(key) >= MIN_SQUASHED and key in site_key) or (
        len(site_key) >= MIN_SQUASHED and site_key in key
    )


def squash(text: str) -> str:
    """Return a text's letters and digits only, case-folded."""
    return "".join(c for c in fold(text) if c.isalnum())
