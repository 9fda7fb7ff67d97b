"""Drop advertisement labels and sponsor notices."""

from __future__ import annotations

import re

from cleaners.text.lines import line_key

# Ad slots leave their label behind ("Advertisement": 22 of 181 dev pages).
AD_LINE = re.compile(
    r"^(advertisement|advertisements|advertising|advertise|advertise with us|advertise here"
    r"|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content"
    r"|story continues below advertisement|article continues below|continue reading below"
    r"|scroll to continue with content|ads by \w+|ad choices|adchoices|publicidade|publicidad"
    r"|publicité|pubblicità|anzeige|werbung|реклама|iklan|skip ad|close ad|report this ad"
    r"|remove ads|content continues below)$"
)


def match_ad(text: str) -> bool:
    """Tell whether a line is an advertisement label."""
    return bool(AD_LINE.match(line_key(text)))
