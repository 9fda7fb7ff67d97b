"""Drop photo credits, caption furniture and media-player notices."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key

# RT's "© Reuters / David Mercado", Guardian's "Photograph: Filip Singer/EPA" and
# "View image in fullscreen", BBC's "Image copyright ... Image caption".
CREDIT_START = re.compile(
    r"^(©|\(c\)|photo|photos|photo credit|photograph|picture|image|images|foto|fotos"
    r"|credit|source|imagem|фото|bild|gambar|illustration|video|getty images)\s*[:/©|]"
)
CREDIT_LINE = re.compile(
    r"^(view image in fullscreen|enlarge|enlarge this image|toggle caption|hide caption"
    r"|image caption|image copyright|media caption|media playback is unsupported on your device"
    r"|close dialogue|next image|previous image|play video|watch video|click to enlarge"
    r"|getty images|reuters|ap|afp|epa|shutterstock|istock|file photo|photos)$"
)
AGENCY_CREDIT = re.compile(
    r"(getty images|reuters|associated press|\bap photo|\bafp\b|\bepa\b|shutterstock|istock"
    r"|/ ?ap$|/ ?reuters$)"
)
MAX_CREDIT_WORDS = 12


def match_photo_credit(text: str) -> bool:
    """Tell whether a line is a photo credit or caption furniture."""
    key = line_key(text)
    if CREDIT_LINE.match(key):
        return True
    if count_words(text) > MAX_CREDIT_WORDS:
        return False
    low = text.casefold().strip()
    if CREDIT_START.match(low):
        return True
    return bool(AGENCY_CREDIT.search(low)) and not low.endswith((".", "!", "?"))
