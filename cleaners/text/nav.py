"""Drop navigation: menus, section names, skip links, breadcrumbs, switchers."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key, split_words

# Section and menu words seen as whole lines across news sites (Guardian, RT, SlashGear
# menus), plus the same words on Portuguese, Russian, German, Italian, Indonesian,
# French, Spanish, Japanese and Korean sites.
NAV_WORDS = frozenset(
    split_words(
        """home news business search video videos politics opinion sports sport entertainment
        more world tech technology menu sections science health travel culture lifestyle style
        food music movies tv books arts fashion economy markets money weather local national
        international us uk europe asia africa features reviews columns blog blogs podcasts
        podcast photos gallery galleries live latest trending popular archive archives topics
        categories category tags about contact login logout register account profile settings
        edition editions top previous next prev close open explore en es de fr pt it ru
        español english deutsch français português italiano início inicio notícias noticias
        главная новости startseite nachrichten beranda berita notizie menü меню поиск suche
        cerca pesquisar buscar cari accueil actualités actualité société monde économie
        rechercher recherche portada actualidad sociedad mundo deportes economía política
        opinión ホーム ニュース 検索 홈 뉴스 검색"""
    )
)
NAV_PHRASES = frozenset(
    """skip to content|skip to main content|skip to navigation|skip to footer|jump to navigation
    |main menu|toggle navigation|open menu|close menu|back to top|go to top|log in|sign in
    |sign out|sign up|my account|see all|view all|show more|load more|more stories
    |next article|previous article|next post|previous post|older posts|newer posts
    |us edition|uk edition|australia edition|international edition|search for
    |you are here|switch to|follow us|home page|homepage|menu mobile|mobile menu""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)
# "Home > World > Europe", "Home / News / Politics", "Home | About | Contact".
BREADCRUMB = re.compile(r"^[^\W\d][\w '&.-]{0,30}(\s*[>›»/|]\s*[^\W\d][\w '&.-]{0,30}){1,6}$")
MAX_NAV_WORDS = 4


def match_navigation(text: str) -> bool:
    """Tell whether a line is a menu entry, skip link, breadcrumb or switcher."""
    key = line_key(text)
    if key in NAV_PHRASES or key in NAV_WORDS:
        return True
    if count_words(text) <= 12 and BREADCRUMB.match(text) and any(s in text for s in ">›»|/"):
        parts = re.split(r"\s*[>›»/|]\s*", key)
        return sum(p in NAV_WORDS or p in NAV_PHRASES for p in parts) >= 1
    return False
