"""Split a dump into lines and glue back sentences that inline tags broke apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# BeautifulSoup's get_text("\n") ends a line at every inline tag, so a link inside a
# sentence becomes its own line ("... and its" / "electric Gran Turismo" / "is ...").
CONTINUATION_START = ",.;:!?)]}%”’»"
TERMINAL_MARKS = ".!?…。！？।؟\"'”’»)"


@dataclass(slots=True)
class Line:
    """One line of a dump, with whether a blank line came before it."""

    text: str
    blank_before: bool
    pieces: int = 1  # how many source lines were glued into this one
    first: int = 0  # the index of its first source line


def split_lines(text: str) -> list[Line]:
    """Split a dump into stripped non-empty lines, noting blank-line breaks."""
    lines: list[Line] = []
    blank = True
    for raw in text.splitlines():
        stripped = " ".join(raw.split())
        if not stripped:
            blank = True
            continue
        lines.append(Line(stripped, blank, 1, len(lines)))
        blank = False
    return lines


def merge_fragments(
    lines: list[Line],
    stoplist: frozenset[str],
    is_chrome: Callable[[str], object] | None = None,
) -> list[Line]:
    """Join lines that continue a sentence cut at an inline tag.

    A line that ``is_chrome`` names (a share bar, a cookie notice) continues no sentence,
    even after a fragment that ends in a stop word ("... HE" / "Share on Facebook").
    """
    merged: list[Line] = []
    for line in lines:
        if (
            merged
            and not line.blank_before
            and _continues(merged[-1], line.text, stoplist)
            and not (is_chrome is not None and is_chrome(line.text))
        ):
            prev = merged[-1]
            sep = "" if line.text[0] in CONTINUATION_START else " "
            merged[-1] = Line(
                prev.text + sep + line.text, prev.blank_before, prev.pieces + 1, prev.first
            )
        elif line.pieces == 1:
            merged.append(line)
        else:
            merged.append(Line(line.text, line.blank_before, 1, line.first))
    return merged


def _continues(prev: Line, text: str, stoplist: frozenset[str]) -> bool:
    """Tell whether ``text`` carries on the sentence that ``prev`` left open."""
    head = prev.text
    if head[-1] in TERMINAL_MARKS or head[-1] == ":":
        return text[0] in CONTINUATION_START[:3] and len(text) > 1 and prev.pieces > 1
    if text[0] in CONTINUATION_START:
        return True
    if text[0].islower():
        # ... a lowercase word, not a code that starts with a small letter ("a0Aa000")
        return (len(head) > 1 or head.isalpha()) and _mostly_letters(text)
    last = head.rsplit(None, 1)[-1].casefold()
    if last in stoplist and len(head.split()) >= 3:
        return True
    # A glued fragment that still has no end carries on into the next line, if it has a
    # word in it: a run of numbers and codes ("0 0 0 a00000 0Aa") is no sentence to finish.
    return prev.pieces > 1 and len(head.split()) >= 6 and _has_word(head)


def _mostly_letters(text: str) -> bool:
    """Tell whether some token of a text is mostly letters ("e-mail", not "a0Aa000")."""
    return any(2 * sum(c.isalpha() for c in token) > len(token) for token in text.split())


def _has_word(text: str) -> bool:
    """Tell whether a text holds a token of two or more letters and nothing else."""
    return any(len(token) > 1 and token.isalpha() for token in text.split())


_EDGE_PUNCT = " \t|•·-–—:;,.!?>»«<›‹/\\()[]{}*#+=~_\"'“”‘’…→←↓↑▼▲►◄❯❮"


@lru_cache(maxsize=8192)
def line_key(text: str) -> str:
    """Return a line casefolded, with edge punctuation and bullets stripped."""
    return " ".join(text.casefold().strip(_EDGE_PUNCT).split())


def count_words(text: str) -> int:
    """Return the number of whitespace-separated words in a line."""
    return len(text.split())


def split_words(text: str) -> list[str]:
    """Split a whitespace-separated vocabulary string into words."""
    return text.split()
