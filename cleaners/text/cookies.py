"""Drop cookie banners, consent prompts and privacy-law notices."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key

# "This website uses cookies. Read RT Privacy policy to find out more." (RT),
# "Do not sell or share my personal information" (Guardian), consent buttons.
COOKIE_CUE = re.compile(
    r"\b(cookies?|gdpr|consent|do not sell|personal information|privacy settings)\b"
)
# Privacy-law wording that counts only beside a second cue: an article may mention a
# privacy policy, a notice names two of these ("I agree to the processing of my personal
# data ... in compliance with the Privacy Policy").
LEGAL_CUE = re.compile(
    r"\b(personal data|privacy policy|data protection|terms of (?:use|service))\b"
)
# A notice speaks to the reader ("your data", "we use", "I agree"); a news report on
# privacy law does not ("The regulator said the company's privacy policy ..."). Only
# cookie banners go without it ("This website uses cookies to improve the experience"),
# and buttons and links, too short for a sentence ("Manage consent preferences").
READER = re.compile(r"\b(you|your|we|our|us|i|my|me)\b")
MAX_BUTTON_WORDS = 6
COOKIE_CONTEXT = re.compile(
    r"\b(use|uses|using|used|accept|accepts|policy|settings|consent|agree|continue|browsing"
    r"|experience|preferences|manage|opt[ -]out|sell|share|learn more|find out more)\b"
)
POLICY_LINE = re.compile(
    r"^(privacy|privacy policy|privacy notice|privacy statement|cookie policy|cookies policy"
    r"|cookie settings|cookies settings|manage cookies|accept cookies|accept all|accept"
    r"|reject all|i accept|i agree|agree|got it|ok|okay|allow cookies|allow all|dismiss"
    r"|terms of use|terms of service|terms and conditions|terms & conditions|terms"
    r"|legal|legal notice|your privacy rights|ad choices|do not sell my personal information"
    r"|do not sell or share my personal information|política de privacidade"
    r"|política de privacidad|datenschutz|datenschutzerklärung|privacy e cookie"
    r"|политика конфиденциальности|kebijakan privasi|politique de confidentialité"
    r"|gestion des cookies|tout accepter|tout refuser|política de cookies|aceptar todas"
    r"|aceptar|accepter|プライバシーポリシー|개인정보처리방침)$"
)
MAX_BANNER_WORDS = 70


def match_cookie(text: str) -> bool:
    """Tell whether a line is a cookie banner or a privacy link."""
    key = line_key(text)
    if POLICY_LINE.match(key):
        return True
    words = count_words(text)
    if words > MAX_BANNER_WORDS:
        return False
    if words > MAX_BUTTON_WORDS and "cookie" not in key and not READER.search(key):
        return False
    cues = set(COOKIE_CUE.findall(key))
    if len(cues) + len(set(LEGAL_CUE.findall(key))) > 1:
        return True
    # One cue needs a context word of its own: "consent" alone is also plain prose ("she
    # did not give her consent to the operation").
    return bool(cues) and bool(COOKIE_CONTEXT.search(COOKIE_CUE.sub(" ", key)))
