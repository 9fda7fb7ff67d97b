"""Drop share bars, social links, follow prompts and social counters."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key, split_words

# Share and follow widgets print one network name a line (84 of 181 dev pages show a
# bare "facebook"); "Share" is followed by a count line on Guardian pages.
SOCIAL_WORDS = frozenset(
    split_words(
        """facebook twitter instagram email e-mail youtube linkedin pinterest share reddit print
        whatsapp telegram tumblr vk vkontakte ok odnoklassniki flipboard pocket messenger
        snapchat tiktok weibo wechat line xing mix rss feed tweet pin google+ gplus mail
        compartilhar compartir partager teilen condividi bagikan поделиться"""
    )
)
# "Share on Facebook", "Share this article", "Post to Facebook", "Follow RT on".
SHARE_START = re.compile(
    r"^(share|tweet|post|pin|send|email|e-mail|follow|like)( (it|this|us|the story|the article"
    r"|this (story|article|post|page|video)|on|via|to|with)\b.*)?$"
)
SHARE_PHRASES = re.compile(
    r"^(read or share this story|chat with us in facebook messenger|opens in (a )?new window"
    r"|share (this|the) (story|article|post|page)|click to share.*|share via.*|copy link"
    r"|get short url|copied|link copied|share this)$"
)
# RefinedWeb's social counter: an optional prefix, a number, then likes/shares/...
SOCIAL_COUNTER = re.compile(
    r"^\W*\d[\d,.]*\s*[kmb]?\s*(likes?|shares?|comments?|retweets?|reposts?|quotes?"
    r"|bookmarks?|upvotes?|downvotes?|downloads?|views?|followers?)\W*$"
)
MAX_SHARE_WORDS = 8


def match_share(text: str) -> bool:
    """Tell whether a line is a share button, social link or counter."""
    key = line_key(text)
    if key in SOCIAL_WORDS or SOCIAL_COUNTER.match(key) or SHARE_PHRASES.match(key):
        return True
    if count_words(text) > MAX_SHARE_WORDS:
        return False
    words = key.replace("/", " ").replace(",", " ").split()
    if words and all(w in SOCIAL_WORDS for w in words):
        return True
    if SHARE_START.match(key):
        return any(w in SOCIAL_WORDS for w in words[1:]) or len(words) <= 3
    return False
