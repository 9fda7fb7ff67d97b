"""Drop comment-section furniture."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key

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
# The comment form of WordPress and its plugins, whatever is glued around it: "Your email
# address will not be published. Required fields are marked *", "Save my name, email, and
# website in this browser for the next time I comment.", "This site uses Akismet to reduce
# spam.", "Notify me of follow-up comments by email.".
COMMENT_FORM = re.compile(
    r"email address will not be published|required fields are marked"
    r"|save my name, email,? and website|uses akismet to reduce spam"
    r"|notify me (of (follow-?up|new) (comments|posts)|via e-?mail if anyone answers)"
)
# The literal cores of COMMENT_FORM, for the chrome pre-check.
FORM_CUES = "not be published|required fields|save my name|akismet|notify me"
MAX_FORM_WORDS = 60
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
    key = line_key(text)
    if COMMENT_LINE.match(key):
        return True
    words = count_words(text)
    if words <= MAX_FORM_WORDS and COMMENT_FORM.search(key):
        return True
    return words <= MAX_HEADER_WORDS and bool(COMMENT_HEADER.match(text.casefold()))


def is_comment_control(text: str) -> bool:
    """Tell whether a line is a per-comment or per-post control, not a section header."""
    return bool(COMMENT_CONTROL.match(line_key(text)))
