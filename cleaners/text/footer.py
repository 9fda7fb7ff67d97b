"""Drop footer furniture: copyright notices, corporate links, back-to-top."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key

# "© 2026 Guardian News & Media Limited ... All rights reserved." and the corporate link
# columns ("contact us" on 66 of 181 dev pages, "about us" 50, "careers" 31).
# The word "copyright" is a notice only where one starts: at the line's start (not as
# in "Copyright law was updated ..."), after "image" or "subject to", before a year or a
# sign ("The copyright dispute ..." is a sentence).
COPYRIGHT = re.compile(
    r"©|ⓒ|\(c\)|^copyrights?\b(?! (law|laws|act|infringement|holders?|owners?|office|protection"
    r"|claims?|disputes?|cases?|lawsuits?|rules|terms?|reform|directive)\b)"
    r"|(image|photo|picture|subject to) copyright|copyright:? ?(©|\(c|\d{4})"
    r"|all rights reserved|todos os direitos|alle rechte"
)
FOOTER_LINE = re.compile(
    r"^(contact|contact us|about|about us|who we are|our team|careers|jobs|work with us"
    r"|site map|sitemap|faq|faqs|help|imprint|impressum|masthead|corrections|accessibility"
    r"|rss feeds?|powered by [\w .-]{1,40}|designed by [\w .-]{1,40}|theme by [\w .-]{1,40}"
    r"|fale conosco|quem somos|expediente|контакты|о проекте|kontakt|chi siamo|contatti"
    r"|tentang kami|kontak|hubungi kami|redaksi|pedoman media siber|all rights reserved"
    r"|nous contacter|contactez-nous|qui sommes-nous|mentions légales|contacto|quiénes somos"
    r"|aviso legal|お問い合わせ|会社概要|회사소개|고객센터)$"
)
MAX_FOOTER_WORDS = 40


def match_footer(text: str) -> bool:
    """Tell whether a line is footer furniture."""
    key = line_key(text)
    if FOOTER_LINE.match(key):
        return True
    return count_words(text) <= MAX_FOOTER_WORDS and bool(COPYRIGHT.search(key))
