-- Schema version 4: the state that lets `sitrep ingest` resolve only what is new
-- (see sitrep/store/resolution.py).  Every table here is derived: clearing them
-- makes the next ingest resolve the whole store again.

-- What the state was built with (the resolve rules' fingerprint); another value
-- means the state is stale and the resolution is rebuilt.
CREATE TABLE resolution_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Binary columns are declared BYTEA, PostgreSQL's type; SQLite keeps bytes as a BLOB under
-- any declared type.

-- One row per resolved article, with its shingles for exact near-duplicate Jaccard.
CREATE TABLE resolution_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published TEXT,  -- stated publication date; NULL when only inferred
    shingles BYTEA   -- sorted unique uint32 shingle hashes, little-endian
);

-- The near-duplicate index over every resolved article's MinHash signature, kept as
-- sorted runs (see sitrep.resolve.lsh) that merge as they grow: loading it is a read.
CREATE TABLE resolution_signature_runs (
    id BIGINT PRIMARY KEY,
    article_ids TEXT NOT NULL,  -- JSON list: row r of the run is article_ids[r]
    keys BYTEA NOT NULL,        -- sorted uint64 keys (place << 32 | value), little-endian
    rows BYTEA NOT NULL         -- uint32 row of each key, little-endian
);

-- One row per resolved report: the cells that block incident candidates, and the
-- component (reports linked by compatibility) the report belongs to.
CREATE TABLE resolution_reports (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    published TEXT,  -- the article's stated date, against which the report's day is read
    admin1 TEXT,     -- normalised admin-1; NULL when the report can join no other
    day TEXT,        -- full date; NULL when its year is unknown
    month_day TEXT,  -- MM-DD
    component TEXT NOT NULL
);
CREATE INDEX resolution_reports_day ON resolution_reports (admin1, day);
CREATE INDEX resolution_reports_month_day ON resolution_reports (admin1, month_day);
CREATE INDEX resolution_reports_component ON resolution_reports (component);

-- One row per resolved figure: its series, its effective day and its contradiction.
CREATE TABLE resolution_claims (
    figure_id TEXT PRIMARY KEY REFERENCES figures (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    metric TEXT NOT NULL,
    scope TEXT NOT NULL,
    side TEXT NOT NULL,
    published TEXT,  -- the article's stated or inferred date the claim was read against
    day TEXT,
    contradiction_id TEXT
);
CREATE INDEX resolution_claims_series ON resolution_claims (metric, scope, side, day);
CREATE INDEX resolution_claims_contradiction ON resolution_claims (contradiction_id);
CREATE INDEX resolution_claims_article ON resolution_claims (article_id);

-- Lookups from a record to what holds it, for updating the resolved layer in place.
CREATE INDEX incident_reports_report ON incident_reports (report_id);
CREATE INDEX story_articles_article ON story_articles (article_id);
CREATE INDEX contradictions_incident ON contradictions (incident_id);

-- Contradictions list in id order; a dense position cannot be kept up to date in place.
ALTER TABLE contradictions DROP COLUMN position;
