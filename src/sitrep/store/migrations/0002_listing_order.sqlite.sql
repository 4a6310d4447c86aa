-- The incident search index is keyed by listing position (FTS rowid = incidents.position):
-- a match yields positions straight from the index, with no lookup of a stored id column.
DROP TABLE incident_search;
CREATE VIRTUAL TABLE incident_search USING fts5(summary, tokenize = 'porter unicode61');
INSERT INTO incident_search (rowid, summary) SELECT position, summary FROM incidents;
