"""Table-driven tests for the plain-text chrome families: what must go, what must stay."""

from __future__ import annotations

import pytest

from cleaners.config import Config
from cleaners.text import clean_text
from cleaners.text.rules import match_chrome, might_be_chrome

MUST_GO = [
    (
        "icon_run",
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon",
    ),
    ("icon_run", "icon camera"),
    ("navigation", "Skip to main content"),
    ("navigation", "Home > World > Europe"),
    ("share", "Facebook"),
    ("share", "Share on Twitter"),
    ("share", "1,204 shares"),
    ("related", "READ MORE: 'Take a trip to Syria to see what it means'"),
    ("related", "Also on rt.com"),
    ("related", "You may also like"),
    (
        "related",
        "Related articles Storm alert: rivers burst banks across the north Rail strike: what"
        " it means for your commute Ministers meet unions as talks resume",
    ),
    ("related", "Leia também Governo anuncia novas regras para o transporte público"),
    ("ad", "Advertisement"),
    ("cookie", "This website uses cookies. Read our Privacy policy to find out more. Accept"),
    ("cookie", "Privacy Policy"),
    ("cookie", "We use cookies to improve your experience."),
    ("cookie", "Manage consent preferences"),
    ("subscribe", "Subscribe to our newsletter to get the stories others won't tell you"),
    ("subscribe", "Add to home screen"),
    ("photo_credit", "© Reuters / David Mercado"),
    ("photo_credit", "View image in fullscreen"),
    ("footer", "© 2019 Example Media Ltd. All rights reserved."),
    ("footer", "Contact us"),
    ("footer", "Mentions légales"),
    ("related", "À lire aussi"),
    ("related", "Noticias relacionadas"),
    ("cookie", "Politique de confidentialité"),
    ("subscribe", "Suscríbete"),
    ("navigation", "ニュース"),
    ("subscribe", "Stay up to date with Example Corp. Subscribe to our newsletter."),
    ("subscribe", "Do you rely on our reporting? Click here to support it."),
    (
        "cookie",
        "I agree to the processing of my personal data for the purpose of creating an account,"
        " in compliance with the Privacy Policy.",
    ),
    ("comments", "Your email address will not be published. Required fields are marked *"),
    (
        "comments",
        "Notify me via e-mail if anyone answers my comment. This site uses Akismet to reduce"
        " spam. Learn how your comment data is processed.",
    ),
    ("footer", "Copyright 2019 Example Media. Reproduction without permission is prohibited."),
    ("footer", "This document is subject to copyright."),
    ("footer", "<저작권자ⓒ 예시일보. 무단전재-재배포 금지>"),
    ("comments", "Leave a Reply"),
    ("comments", "Jane Roe on September 12, 2018 at 4:47 pm said:"),
    (
        "caption",
        "The latest case was reported after a hunter ate a rabbit Credit: Getty - Contributor",
    ),
    ("caption", "Traders work on the floor of the exchange, November 18, 2019. REUTERS/Jane Roe"),
    ("caption", "In this Dec. 3, 2018, file photo, a firefighter walks past a burned home."),
    (
        "caption",
        "Two ministers shake hands in Hanoi on Wednesday, Nov. 20, 2019. (AP Photo/Jane Roe)",
    ),
    ("caption", "3 of 4 A shopper looks at extension cords at a hardware store in Grass Valley"),
    ("caption", "Two ministers shake hands in Hanoi on Wednesday... more"),
    ("counted_list", "WordPress (53)"),
    ("counted_list", "Week 12 power rankings (133)"),
    ("counted_list", "What Did the Rebel Yell Sound Like? (4:22)"),
]

MUST_STAY = [
    "Share price: 45.5p (up 8.3% today)",
    "He also shared 2 Timothy 4 with the congregation.",
    "— Jane Doe (@janedoe) March 3, 2019",
    "DIRECTORS OF PHOTOGRAPHY",
    "“We will not back down,” she said.",
    "Two cups of flour",
    "The company said it would share more details about the plan next week.",
    "Readers can find more on the study in the journal Nature.",
    "The patient did not give her consent to the operation, the hospital said on Monday.",
    "Sales rose 5% in the quarter (see the chart below).",
    "The findings were published in the journal Nature [1].",
    "Photo: a family portrait from 1962, which the museum bought last year, is on show.",
    "The team won 3 of 4 games in November, the coach said after the match.",
    "Related coverage of the trial was banned by the judge until the verdict.",
    "You may also like the smaller model, which costs half as much.",
    "The copyright dispute over the song ended in court on Monday.",
    "Copyright law was updated by Congress in 1998.",
    "Readers can subscribe to the newsletter, she said.",
    "The union will vote on Friday. Join the protest, organisers wrote in an email.",
    "Support for the bill grew among voters. Its sponsors want a vote by May.",
    "The firm updated its privacy policy on Monday after the regulator's fine.",
    "The regulator said the company's privacy policy did not protect personal data.",
    "The bill would let users opt out of the sale of personal information.",
    "The report will not be published until the inquiry ends, the minister said.",
    "In this photo essay, our reporter returns to the town where she grew up.",
]


@pytest.mark.parametrize(("rule", "line"), MUST_GO)
def test_chrome_line_is_matched(rule: str, line: str) -> None:
    assert match_chrome(line) == rule


@pytest.mark.parametrize("line", MUST_STAY)
def test_look_alike_is_not_chrome(line: str) -> None:
    assert match_chrome(line) is None


BODY = (
    "The council approved the new budget on Monday after a long debate about schools.\n\n"
    "Members said that the plan would help families and that the cost was fair for all.\n\n"
    "{line}\n\n"
    "The mayor added that work on the first projects would start early in the spring.\n\n"
    "Opponents argued that the vote came too soon and that residents had not been heard.\n"
)


@pytest.mark.parametrize("line", MUST_STAY)
def test_look_alike_survives_inside_an_article(line: str) -> None:
    result = clean_text(BODY.format(line=line), Config())
    assert line in result.paragraphs
    assert not [r for r in result.removed if r.text == line]


def test_chrome_inside_an_article_is_removed_and_logged() -> None:
    result = clean_text(BODY.format(line="Advertisement"), Config())
    assert "Advertisement" not in result.paragraphs
    assert [r.rule for r in result.removed if r.text == "Advertisement"] == ["ad"]
    assert len(result.paragraphs) == 4


def test_second_copy_of_a_line_is_dropped_as_duplicate() -> None:
    caption = "Protesters gather outside the parliament building in the capital on Sunday"
    result = clean_text(BODY.format(line=caption) + "\n" + caption + "\n", Config())
    assert result.paragraphs.count(caption) == 1
    assert [r.rule for r in result.removed if r.text == caption] == ["duplicate"]


@pytest.mark.parametrize(("rule", "line"), MUST_GO)
def test_chrome_line_passes_the_quick_test(rule: str, line: str) -> None:
    assert might_be_chrome(line)
    assert might_be_chrome(line.upper())


def test_post_control_is_removed_but_does_not_end_the_article() -> None:
    # "Report" under an embedded post, unlike "Leave a reply", is no comment-section header.
    article = [p for p in BODY.format(line="").splitlines() if p]
    result = clean_text(BODY.format(line="Image Copyright @cityhall\nReport"), Config())
    assert [r.rule for r in result.removed if r.text == "Report"] == ["comments"]
    assert [p for p in result.paragraphs if p in article] == article
    header = clean_text(BODY.format(line="Leave a reply"), Config())
    assert [p for p in header.paragraphs if p in article] == article[:2]
