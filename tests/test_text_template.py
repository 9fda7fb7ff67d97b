"""LineProfile: distinct-document counting, thresholds, merge and JSON round-trip."""

from __future__ import annotations

import json

import pytest

from cleaners.config import Config
from cleaners.text.template import LineProfile, normalize_line

MENU = "Home\nWorld\nSubscribe to our newsletter\n"


def test_normalize_line_folds_case_digits_and_punctuation() -> None:
    assert normalize_line("  Posted: 12 Nov, 2019!  ") == "posted 00 nov 0000"
    assert normalize_line("HOME") == normalize_line("home.")


def test_same_document_added_twice_counts_once() -> None:
    profile = LineProfile()
    profile.add_document("site", "a", MENU + "Article A body.\nArticle A body.\n")
    profile.add_document("site", "a", MENU + "Article A body.\n")
    assert profile.group_size("site") == 1
    assert profile.doc_freq("site", "Home") == 1
    assert not profile.is_template_for("site", Config())("Home")


def test_line_in_two_documents_is_template_but_own_lines_are_not() -> None:
    profile = LineProfile()
    profile.add_document("site", "a", MENU + "Article A body.\n")
    profile.add_document("site", "b", MENU + "Article B body.\n")
    is_template = profile.is_template_for("site", Config())
    assert is_template("home") and is_template("Subscribe to our newsletter")
    assert not is_template("Article A body.")
    assert not profile.is_template_for("other", Config())("Home")


def test_large_group_uses_share_threshold() -> None:
    profile = LineProfile()
    for k in range(30):
        extra = "Rare line\n" if k < 3 else ""
        profile.add_document("site", f"d{k}", MENU + extra + f"Body {k}\n")
    is_template = profile.is_template_for("site", Config(df_share=0.2, df_large_group=20))
    assert is_template("Home")
    assert not is_template("Rare line")


def test_long_prose_line_protected_only_while_rare() -> None:
    prose = (
        "The minister said on Tuesday that the government would review the law after "
        "the court ruling, and that the changes would be put to parliament in the spring."
    )
    profile = LineProfile()
    for k in range(2):
        profile.add_document("site", f"d{k}", prose)
    assert not profile.is_template_for("site", Config())(prose)
    profile.add_document("site", "d2", prose)
    assert profile.is_template_for("site", Config())(prose)


def test_json_round_trip_and_merge() -> None:
    one, two = LineProfile(), LineProfile()
    one.add_document("site", "a", MENU)
    two.add_document("site", "b", MENU)
    restored = LineProfile.from_json(json.loads(json.dumps(one.to_json())))
    assert restored.to_json() == one.to_json()
    restored.merge(two)
    assert restored.doc_freq("site", "Home") == 2
    with pytest.raises(ValueError):
        restored.merge(two)
