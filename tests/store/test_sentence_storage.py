"""The article's text is stored once: a sentence that reads back from it keeps no text."""

from __future__ import annotations

import datetime as dt

from store_samples import article

from sitrep.config import Settings
from sitrep.model import Document, Sentence
from sitrep.store import SqlStore, open_store
from sitrep.store import _codec as codec
from sitrep.store.backends import connect
from sitrep.store.schema import migrate

TEXT = "Shelling hit Kharkiv.Two people were killed\nOfficials said \u201cfive\u201d were hurt in Izium"


def _doc() -> Document:
    art = article(TEXT, "Outlet A", dt.date(2024, 5, 1), "a.txt")
    first_end = TEXT.index("\n")
    second = first_end + 1
    sentences = (
        # A glued sentence end: a space inserted after "Kharkiv." (position 21 of the text).
        Sentence(0, 0, first_end, "Shelling hit Kharkiv. Two people were killed", 1, 0, (21,)),
        # Curly quotes normalised: not the article's characters, so the row keeps its text.
        Sentence(1, second, len(TEXT), 'Officials said "five" were hurt in Izium', 2, 1),
    )
    return Document(article=art, sentences=sentences)


def test_sentence_text_is_the_span_with_its_inserts() -> None:
    doc = _doc()
    assert codec.sentence_text(TEXT, doc.sentences[0]) == doc.sentences[0].text
    assert codec.sentence_text(TEXT, doc.sentences[1]) != doc.sentences[1].text


def test_a_sentence_that_reads_back_from_its_article_round_trips(store: SqlStore) -> None:
    doc = _doc()
    store.write_document(doc, None)
    rows = store.db.query("SELECT idx, text FROM sentences ORDER BY idx")
    if store.db.dialect == "sqlite":  # PostgreSQL searches the text column: it keeps it
        assert [r["text"] for r in rows] == [None, doc.sentences[1].text]
    assert store.get_document(doc.article.id) == doc
    assert store.load_documents([doc.article.id]) == [doc]
    assert [s for _, s in store.search_sentences("people killed")] == [doc.sentences[0]]
    assert [s for _, s in store.search_sentences("officials hurt")] == [doc.sentences[1]]


def test_a_version_8_database_keeps_its_sentences_and_their_search(settings: Settings) -> None:
    doc = _doc()
    db = connect(settings.db)
    migrate(db, up_to=8)
    row = codec.article_row(doc.article, None)
    db.execute(codec.insert_sql("articles", row), list(row.values()))
    for sent in doc.sentences:  # version 8 kept every sentence's text
        sent_row = codec.sentence_row(doc.article.id, sent)
        db.execute(codec.insert_sql("sentences", sent_row), list(sent_row.values()))
        if db.dialect == "sqlite":
            db.execute(
                "INSERT INTO sentence_search (article_id, idx, text) VALUES (?, ?, ?)",
                (doc.article.id, sent.index, sent.text),
            )
    db.close()
    with open_store(settings) as store:
        assert store.get_document(doc.article.id) == doc
        assert [s for _, s in store.search_sentences("people killed")] == [doc.sentences[0]]
