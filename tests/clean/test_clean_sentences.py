from __future__ import annotations

import string

import pytest
from clean_helpers import Cleaner, clean_text
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean.normalise import normalise_chars
from sitrep.clean.sentences import paragraph_spans

ARTICLE = (
    "Shelling hits Sumy overnight\n"
    "\n"
    "Mr. Ivanenko said at 5 a.m. that the U.S. embassy was closed. Two people were hurt.\n"
    "\u00a0\n"
    "\u201cWe are ready,\u201d the mayor said \u2014 and the city\u2019s shelters opened.\n"
)


def test_title_is_first_sentence(clean: Cleaner) -> None:
    doc = clean(ARTICLE, title=True)
    title = doc.sentences[0]
    assert title.is_title
    assert title.text == "Shelling hits Sumy overnight"
    assert (title.line, title.paragraph) == (1, 0)
    assert not any(sent.is_title for sent in doc.sentences[1:])


def test_abbreviations_do_not_split(clean: Cleaner) -> None:
    texts = [sent.text for sent in clean(ARTICLE, title=True).sentences[1:]]
    assert texts == [
        "Mr. Ivanenko said at 5 a.m. that the U.S. embassy was closed.",
        "Two people were hurt.",
        '"We are ready," the mayor said - and the city\'s shelters opened.',
    ]


def test_lines_and_paragraphs(clean: Cleaner) -> None:
    doc = clean(ARTICLE, title=True)
    assert [(s.line, s.paragraph) for s in doc.sentences] == [(1, 0), (3, 1), (3, 1), (5, 2)]


def test_offsets_slice_the_raw_text(clean: Cleaner) -> None:
    doc = clean(ARTICLE, title=True)
    for sent in doc.sentences:
        assert normalise_chars(doc.article.text[sent.start : sent.end]) == sent.text


def test_body_start_skips_a_header(clean: Cleaner) -> None:
    text = " date 2023-05-01 Rockets hit Odesa. Three were injured.\n"
    doc = clean(text, body_start=len(" date 2023-05-01 "))
    assert [s.text for s in doc.sentences] == ["Rockets hit Odesa.", "Three were injured."]
    assert doc.sentences[0].start == 17


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("the town.later that day", "the town.later that day"),  # lowercase: no boundary
        ("hit the port inOdesa on Monday", "hit the port in Odesa on Monday"),
        ("It came asUkraine's allies met", "It came as Ukraine's allies met"),
        ("It did notsay how many", "It did not say how many"),
        ("hope for the citywhere people", "hope for the city where people"),
        ("so much, Ukraineand it has", "so much, Ukraine and it has"),
        ("wrote in a post\u201cKyiv stands", 'wrote in a post "Kyiv stands'),
        ("An iPhone at McDonald's, on YouTube", "An iPhone at McDonald's, on YouTube"),
        ("told MailOnline and DeSantis", "told MailOnline and DeSantis"),
        ("see www.example.com/inKyiv now", "see www.example.com/inKyiv now"),
        ("somewhere, nowhere, withstands", "somewhere, nowhere, withstands"),
        ("the thousands overkill", "the thousands overkill"),
    ],
)
def test_glued_words(raw: str, cleaned: str) -> None:
    (sent,) = clean_text(raw + "\n").sentences
    assert sent.text == cleaned


@pytest.mark.parametrize(
    ("raw", "sentences"),
    [
        ("It makes a difference.Seven died.", ["It makes a difference.", "Seven died."]),
        ("Peace in Europe.The talks failed.", ["Peace in Europe.", "The talks failed."]),
        ('He said "go."Then he left.', ['He said "go."', "Then he left."]),
        ("Mr.Shevchenko arrived.", ["Mr.Shevchenko arrived."]),
        ("Visit news.Example.org today.", ["Visit news.Example.org today."]),
    ],
)
def test_glued_sentence_ends_are_boundaries(raw: str, sentences: list[str]) -> None:
    assert [s.text for s in clean_text(raw + "\n").sentences] == sentences


def test_inserted_spaces_map_back() -> None:
    (sent,) = clean_text("Fires burned inObolon overnight\n").sentences
    space = sent.text.index("in Obolon") + 2
    assert sent.inserts == (space,)
    assert sent.raw_offset(space + 1) == sent.start + space  # the "O"
    assert sent.raw_offset(space - 1) == sent.start + space - 1


def test_hard_wrapped_text_joins_lines() -> None:
    text = (
        "Russian forces struck a grain terminal in the port\n"
        "of Izmail overnight, the regional governor said on\n"
        "Telegram, and two workers were injured in the fire\n"
        "that followed.\n"
        "\n"
        "Air defences shot down most of the drones that were\n"
        "launched from the south, the air force said later.\n"
    )
    assert len(paragraph_spans(text, 0)) == 2
    sentences = clean_text(text).sentences
    assert len(sentences) == 2
    assert sentences[0].text.endswith("that followed.")
    assert sentences[1].line == 6


def test_one_paragraph_per_line_when_not_wrapped() -> None:
    text = "A caption without a period\nAnother caption about Kyiv\nA third one here today\n"
    assert len(paragraph_spans(text, 0)) == 3


_GLUE_PIECES = st.sampled_from(
    [
        "Kyiv",
        "inObolon",
        "notsay",
        "citywhere",
        "Ukraineand",
        "difference.More",
        "Europe.The",
        "post\u201cKyiv",
        "\u201cquoted,\u201d",
        "Mr.",
        "U.S.",
        "a.m.",
        "2,000",
        "it\u2019s",
        "\u2014",
        "said.",
        "?",
        "\n",
        "\n\n",
        "\u00a0",
        "  ",
    ]
)
_WORDS = st.text(alphabet=string.ascii_letters + ".,'\" ", min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_GLUE_PIECES, _WORDS), min_size=1, max_size=40), st.booleans())
def test_cleaned_text_maps_back_to_raw(pieces: list[str], title: bool) -> None:
    text = "Title line\n" + " ".join(pieces) if title else " ".join(pieces)
    doc = clean_text(text, title=title)
    raw = doc.article.text
    previous_end = 0
    for sent in doc.sentences:
        assert previous_end <= sent.start < sent.end <= len(raw)
        previous_end = sent.end
        inserted = set(sent.inserts)
        for i, char in enumerate(sent.text):
            if i in inserted:
                assert char == " "
            else:
                assert normalise_chars(raw[sent.raw_offset(i)]) == char
        assert len(sent.text) == sent.end - sent.start + len(sent.inserts)
