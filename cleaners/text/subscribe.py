"""Drop newsletter, subscription, membership and app prompts."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key

# RT's "Subscribe to RT newsletter to get stories ...", Guardian's "Support the
# Guardian" / "Sign up for our email", app prompts ("Add to home screen").
PROMPT_START = re.compile(
    r"^(subscribe|sign up|signup|register|join|get|enter|support|download|install|add to"
    r"|click here to|stay up to date|stay informed|stay connected"
    r"|become a (member|subscriber)|already a (member|subscriber)|assine|inscreva-se"
    r"|подпишитесь|abonnieren|iscriviti|berlangganan)\b"
)
PROMPT_CUE = re.compile(
    r"\b(newsletters?|subscribe|subscription|subscriber|inbox|email|e-mail|mailing list"
    r"|home screen|the app|our app|premium|membership|member|sign up|alerts|updates"
    r"|journalism|notifications|donate|donation|contribution|support (us|it)|make a difference"
    r"|up to date)\b"
)
# A prompt may follow a sentence on its line: "Stay up to date with Ascom. Subscribe to our
# newsletter.", "Do you rely on our reporting? Click here to support it." There only the
# openings that a report does not use count ("Join the protest, organisers wrote in an
# email." is news).
SENTENCE_START = re.compile(r"(?<=[.!?]) (?=\w)")
LATER_PROMPT = re.compile(
    r"^(subscribe|sign up|click here to|stay up to date|stay informed|become a (member|subscriber)"
    r"|support us|donate|assine|inscreva-se|подпишитесь|abonnieren|iscriviti|berlangganan)\b"
)
PROMPT_LINE = re.compile(
    r"^(subscribe|subscribe now|newsletter|newsletters|sign up|sign up now|join now"
    r"|email address|your email|your email address|enter your email|submit|send"
    r"|add to home screen|download the app|get the app|install|loading|please wait"
    r"|thank you for subscribing|you have successfully subscribed|s'abonner|abonnez-vous"
    r"|inscrivez-vous|suscríbete|suscribirse|regístrate)$"
)
MAX_PROMPT_WORDS = 25


def match_subscribe(text: str) -> bool:
    """Tell whether a line is a subscription, newsletter or app prompt."""
    key = line_key(text)
    if PROMPT_LINE.match(key):
        return True
    if count_words(text) > MAX_PROMPT_WORDS:
        return False
    if not PROMPT_CUE.search(key):
        return False
    if PROMPT_START.match(key):
        return True
    return any(LATER_PROMPT.match(key[m.end() :]) for m in SENTENCE_START.finditer(key))
