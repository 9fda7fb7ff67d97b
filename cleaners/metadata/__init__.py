"""Metadata extractors: title, dates, authors, site, language."""
