-- Full-text search for PostgreSQL: expression indexes over the text columns.
CREATE INDEX sentences_search ON sentences USING GIN (to_tsvector('english', text));
CREATE INDEX incidents_search ON incidents USING GIN (to_tsvector('english', summary));
