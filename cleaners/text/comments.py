"""Drop comment-section furniture."""

from __future__ import annotations

import re

from cleaners.text.lines import line_key

# Guardian's "632 comments" / "Sign in or create your Guardian account to join the
# discussion"; WordPress's "Leave a Reply" / "You must be logged in to post a comment".
COMMENT_LINE = re.compile(
    r"^(\d+ )?(comments?|replies|reply|responses?)( \(\d+\)| \d+)?$"
    r"|^(leave a (reply|comment)|add a comment|post a comment|write a comment|join the discussion"
    r"|show comments|view comments|hide comments|be the first to comment|no comments yet"
    r"|comments are closed|share your thoughts|report|report abuse|reply to this comment"
    r"|cancel reply|post comment|submit comment|what do you think|comentários|comentar"
    r"|deixe um comentário|deixe seu comentário|комментарии|kommentare|commenti"
    r"|tinggalkan komentar|komentar)$"
    r"|^(you must be logged in|sign in or create|log in to comment|login to comment)\b"
)
# Controls repeated on every comment or embedded post ("Reply", "Report" under a quoted
# tweet): chrome, but unlike a section header they do not mean the article has ended.
COMMENT_CONTROL = re.compile(
    r"^(report|report abuse|reply|replies|reply to this comment|cancel reply)$"
)
# A comment header: "Milan Griffes on September 12, 2018 at 4:47 pm said:".
COMMENT_HEADER = re.compile(r"^.{1,80}\b(said|says|wrote|writes|disse|schrieb|scrive|написал)\s*:$")
MAX_HEADER_WORDS = 16


def match_comments(text: str) -> bool:
    """Tell whether a line is comment-section furniture."""
    if COMMENT_LINE.match(line_key(text)):
        return True
    return len(text.split()) <= MAX_HEADER_WORDS and bool(COMMENT_HEADER.match(text.casefold()))


def is_comment_control(text: str) -> bool:
    """Tell whether a line is a per-comment or per-post control, not a section header."""
    return bool(COMMENT_CONTROL.match(line_key(text)))
