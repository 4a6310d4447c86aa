-- Schema version 9 (see 0009_sentence_text_once.sqlite.sql): PostgreSQL searches the
-- sentences' text column, so it keeps writing it; the column only becomes nullable, as in
-- SQLite.
ALTER TABLE sentences ALTER COLUMN text DROP NOT NULL;
