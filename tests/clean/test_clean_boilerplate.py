from __future__ import annotations

import pytest
from clean_helpers import clean_text

from sitrep.clean.boilerplate import boilerplate_lines, boilerplate_score


@pytest.mark.parametrize(
    "sentence",
    [
        "Your gift keeps our reporters in the field.",
        "Please donate today to help families who have lost everything.",
        "Subscribe to our newsletter for the latest updates.",
        "Sign up to receive our morning briefing in your inbox.",
        "Leave a comment",
        "Comments",
        "Share this article",
        "Source link",
        "More to follow...",
        "Advertisement",
        "Read more",
        "Photo credit: Jane Doe",
        "Make your cheque payable to the Winter Relief Fund.",
        "Readers of the Evening Post have always given generously.",
        "We believe independent journalism should be free for everyone.",
        "The Guardian is funded by its readers.",
        "Join the conversation in our comment section",
    ],
)
def test_boilerplate_sentences(sentence: str) -> None:
    assert boilerplate_score(sentence) >= 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The UN launched an appeal for $1.7bn in aid for Ukraine.",
        "Donations of blood were urgently needed at the city hospital, officials said.",
        "She told MailOnline: 'I woke up in a shower of glass.",
        '"We will rebuild our city," the mayor told reporters.',
        "Russian forces shelled the town of Izium on Tuesday, killing three civilians.",
        "Make no mistake: the offensive has stalled, analysts said.",
        "Comments by the defence minister drew criticism in Moscow.",
        "Readers in Kyiv queued for newspapers on Monday morning.",
    ],
)
def test_news_sentences_are_not_boilerplate(sentence: str) -> None:
    assert boilerplate_score(sentence) < 2


def test_appeal_context_flags_weaker_rhetoric() -> None:
    text = (
        "Missiles struck Lviv on Friday, killing two people.\n"
        "Nobody can fail to be moved by these heartbreaking scenes.\n"
        "Please donate to our winter appeal today.\n"
        "Your donation buys blankets and stoves.\n"
        "Make your cheque payable to Winter Relief.\n"
    )
    assert boilerplate_lines(clean_text(text)) == [2, 3, 4, 5]
    # Without the appeal around it, the emotive sentence is news.
    assert boilerplate_lines(clean_text(text.split("Please")[0])) == []


def test_fragment_glued_to_news_is_split_off() -> None:
    text = "Your support makes all the difference.Three people died in Sumy, officials said.\n"
    doc = clean_text(text)
    assert [(s.text, s.boilerplate) for s in doc.sentences] == [
        ("Your support makes all the difference.", True),
        ("Three people died in Sumy, officials said.", False),
    ]
    assert boilerplate_lines(doc) == []


def test_paragraph_of_appeals_is_boilerplate() -> None:
    text = (
        "Shelling continued in Kherson overnight.\n"
        "At this moment we need reporters on the ground. Your donation makes it possible. "
        "It all helps us stay free.\n"
    )
    doc = clean_text(text)
    assert [s.boilerplate for s in doc.sentences] == [False, True, True, True]
    assert boilerplate_lines(doc) == [2]


def test_title_is_never_boilerplate() -> None:
    doc = clean_text("Comments\nShelling continued in Kherson overnight.\n", title=True)
    assert not doc.sentences[0].boilerplate
