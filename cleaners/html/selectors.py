"""Named selectors for page chrome, as data: class/id tokens, tags, roles and attributes."""

from __future__ import annotations

# class/id tokens (split on "-", "_", spaces and camelCase) that mark one kind of chrome.
# A token matches exactly or as a prefix of a compound token ("sharebar", "socialicons").
# Share bars and follow buttons above/below news articles (addthis, sharethis widgets).
SHARE_TOKENS = ("share", "sharing", "social", "addthis", "sharethis", "sociallinks", "follow")
# "Related stories", "more from", "trending" rails and content-recommendation widgets.
RELATED_TOKENS = (
    "related",
    "recommended",
    "recommendation",
    "recirc",
    "trending",
    "popular",
    "mostread",
    "outbrain",
    "taboola",
    "morestories",
    "readmore",
    "readnext",
    "dontmiss",
    "seealso",
)
# Cookie and consent banners (GDPR dialogs on European news sites).
COOKIE_TOKENS = ("cookie", "cookies", "consent", "gdpr", "cmp")
# Newsletter sign-up and subscription prompts; "paywall" is deliberately absent because
# paywalled pages (financial news) wrap the article text itself in a "paywall" div.
SUBSCRIBE_TOKENS = ("newsletter", "subscribe", "subscription", "signup", "optin", "promo")
# Image captions and photo credits inside or beside the article.
PHOTO_CREDIT_TOKENS = ("caption", "credit", "credits", "figcaption", "photocredit")
# Advertising slots (dfp/gpt containers, sponsored blocks).
AD_TOKENS = ("ad", "ads", "advert", "advertisement", "adslot", "adunit", "dfp", "sponsored")
# Site menus, breadcrumbs and skip links.
NAVIGATION_TOKENS = ("nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "skip")
# Page footers and comment sections.
FOOTER_TOKENS = ("footer", "comments", "comment", "disqus")

# Rule name -> tokens, in the order rules are tried on one element.
TOKEN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cookie", COOKIE_TOKENS),
    ("subscribe", SUBSCRIBE_TOKENS),
    ("share", SHARE_TOKENS),
    ("related", RELATED_TOKENS),
    ("photo_credit", PHOTO_CREDIT_TOKENS),
    ("ad", AD_TOKENS),
    ("navigation", NAVIGATION_TOKENS),
    ("footer", FOOTER_TOKENS),
)

# Tokens that must never count as a prefix match: common words starting like a rule token.
# Drupal marks every node promoted to the front page "node-promoted", the article too.
PREFIX_EXCEPTIONS = frozenset(
    {"address", "adaptive", "additional", "admin", "advice", "shareholders", "menuitem", "promoted"}
)
# Rules whose tokens may match as a prefix of a compound token.
PREFIX_RULES = frozenset({"share", "related", "cookie", "subscribe", "photo_credit"})

# Tags that are chrome wherever they occur; rule name -> tags.
TAG_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("icon_run", ("svg", "symbol")),
    ("photo_credit", ("figcaption",)),
    ("navigation", ("nav",)),
    ("footer", ("footer",)),
    ("hidden", ("template", "noscript", "dialog")),
)

# ARIA roles that mark chrome.
ROLE_RULES = {
    "navigation": "navigation",
    "banner": "navigation",
    "contentinfo": "footer",
    "complementary": "related",
    "dialog": "cookie",
    "alertdialog": "cookie",
}

# Inline styles that hide an element from readers.
HIDDEN_STYLE = ("display:none", "visibility:hidden")

# Tags whose text is the article's own structure: a match inside these is never removed
# by a class/id token alone (e.g. <table class="share-prices">, <blockquote class="social">).
PROTECTED_TAGS = frozenset(
    {"html", "body", "main", "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "table"}
)
PROTECTED_TAGS |= {"ul", "ol", "li", "blockquote", "pre", "dl", "tr", "td", "th"}
