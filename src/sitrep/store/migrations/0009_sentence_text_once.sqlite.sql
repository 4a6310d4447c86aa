-- Schema version 9: the article's text is stored once.  A sentence's text is NULL where
-- it reads back from the article (its span with a space at each insert; see
-- sitrep.store._codec.sentence_text), and the full-text index is contentless, keyed by
-- the sentence's id: the sentence, its copy in sentence_search_content and the
-- article held the words three times (15.2 KB/article beyond the text at 10,000
-- synthetic articles).  Rows written before keep their text.

CREATE TABLE sentences_v9 (
    id INTEGER PRIMARY KEY,  -- the key of sentence_search (VACUUM keeps it, unlike a rowid)
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    line INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    text TEXT,  -- NULL: the article's text of the span, with the inserts
    inserts TEXT NOT NULL DEFAULT '[]',
    boilerplate INTEGER NOT NULL DEFAULT 0,
    repeat_of INTEGER,
    is_title INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, idx)
);
INSERT INTO sentences_v9 (id, article_id, idx, start_char, end_char, line, paragraph,
                          text, inserts, boilerplate, repeat_of, is_title)
SELECT rowid, article_id, idx, start_char, end_char, line, paragraph,
       text, inserts, boilerplate, repeat_of, is_title
FROM sentences;
DROP TABLE sentences;
ALTER TABLE sentences_v9 RENAME TO sentences;

DROP TABLE sentence_search;
CREATE VIRTUAL TABLE sentence_search USING fts5(
    text, content = '', tokenize = 'porter unicode61'
);
INSERT INTO sentence_search (rowid, text) SELECT id, text FROM sentences;
