"""A count sentence that names nobody takes the speaker its context gives it."""

from sitrep.config import load_settings
from sitrep.model import Article
from sitrep.runs.extraction import extract_articles


def _claimants(text: str) -> list[str | None]:
    settings = load_settings()
    article = Article(id="t1", text=text, source="test")
    doc = extract_articles([article], settings).docs[0]
    return [r.claimant.name if r.claimant else None for r in doc.reports if r.killed or r.injured]


def test_quote_over_two_sentences_takes_its_closing_speaker() -> None:
    text = (
        "A Russian missile struck an apartment block in Zhytomyr on Friday, 3 May 2024.\n\n"
        "\u201cAs of now, the attack has taken the lives of 14 residents.\n\n"
        "Thirty people were rescued,\u201d regional governor Vitalii Bunechko said on Telegram."
    )
    assert "Vitalii Bunechko" in _claimants(text)


def test_he_said_refers_to_the_last_named_person() -> None:
    text = (
        "Mayor Oleksandr Senkevych said Russian drones hit Mykolaiv on 4 May 2024.\n\n"
        "Three people were killed and 11 were injured in the attack, he said."
    )
    assert _claimants(text) == ["Oleksandr Senkevych"]


def test_source_line_attributes_the_story() -> None:
    text = (
        "Russian forces shelled Nikopol on 5 May 2024, killing two people.\n\n"
        "Source: Serhii Lysak, Head of Dnipropetrovsk Oblast Military Administration, on Telegram\n\n"
        "Details: Seven more residents were injured."
    )
    assert set(_claimants(text)) == {"Serhii Lysak"}


def test_hearsay_takes_no_speaker_from_the_sentence_before() -> None:
    text = (
        "Ukraine's General Staff said its forces repelled 40 attacks on 6 May 2024. "
        "The shelling of Kherson is reported to have killed at least 3 people on 6 May 2024."
    )
    assert _claimants(text) == [None]
