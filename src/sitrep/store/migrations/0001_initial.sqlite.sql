-- Full-text search for SQLite: FTS5 tables filled by the store as it writes.
CREATE VIRTUAL TABLE sentence_search USING fts5(
    text, article_id UNINDEXED, idx UNINDEXED, tokenize = 'porter unicode61'
);
CREATE VIRTUAL TABLE incident_search USING fts5(
    summary, incident_id UNINDEXED, tokenize = 'porter unicode61'
);
