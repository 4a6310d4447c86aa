-- Schema version 1, shared by SQLite and PostgreSQL.
-- Dialect-specific parts (full-text search) are in 0001_initial.<dialect>.sql.
-- Column names avoid words reserved in either dialect (index, end).

CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    extractors TEXT NOT NULL DEFAULT '[]',  -- JSON list of extractor versions seen
    articles_new INTEGER NOT NULL DEFAULT 0,
    articles_skipped INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'  -- running | finished | interrupted
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,  -- hash of the normalised text
    source TEXT NOT NULL,
    record_id TEXT,
    title TEXT,
    published TEXT,
    published_basis TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    body_start INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    run_id TEXT REFERENCES runs (id)
);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    line INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    text TEXT NOT NULL,
    inserts TEXT NOT NULL DEFAULT '[]',
    boilerplate INTEGER NOT NULL DEFAULT 0,
    repeat_of INTEGER,
    is_title INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE place_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    surface TEXT NOT NULL,
    place TEXT NOT NULL,  -- JSON
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,  -- <article id>#r<idx>
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    date TEXT,
    date_inferred INTEGER NOT NULL DEFAULT 0,
    place_name TEXT,
    place_lat DOUBLE PRECISION,
    place_lon DOUBLE PRECISION,
    place_admin1 TEXT,
    place_precision TEXT,
    place_id TEXT,
    place_admin2 TEXT,
    place_country TEXT,
    place_parent TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    killed_value BIGINT,
    killed_qualifier TEXT,
    killed_low BIGINT,
    killed_high BIGINT,
    injured_value BIGINT,
    injured_qualifier TEXT,
    injured_low BIGINT,
    injured_high BIGINT,
    victims TEXT,
    weapon TEXT,
    targets TEXT NOT NULL DEFAULT '[]',
    actor TEXT,
    status TEXT NOT NULL,
    claimant TEXT,
    evidence TEXT NOT NULL DEFAULT '[]',
    extractor TEXT NOT NULL
);
CREATE INDEX reports_article ON reports (article_id);

CREATE TABLE figures (
    id TEXT PRIMARY KEY,  -- <article id>#f<idx>
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    metric TEXT NOT NULL,
    scope TEXT NOT NULL,
    side TEXT,
    value BIGINT,
    qualifier TEXT NOT NULL,
    low BIGINT,
    high BIGINT,
    claimant TEXT,
    since TEXT,
    as_of TEXT,
    evidence TEXT NOT NULL DEFAULT '[]',
    extractor TEXT NOT NULL
);
CREATE INDEX figures_article ON figures (article_id);
CREATE INDEX figures_metric ON figures (metric, scope);

CREATE TABLE failures (
    id TEXT PRIMARY KEY,
    run_id TEXT REFERENCES runs (id),
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    stage TEXT NOT NULL
);

-- The resolved layer: rebuilt by `replace_resolution` after each run.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    published TEXT
);

CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
);

CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    date TEXT,
    place_name TEXT,
    place_lat DOUBLE PRECISION,
    place_lon DOUBLE PRECISION,
    place_admin1 TEXT,
    place_precision TEXT,
    place_id TEXT,
    place_admin2 TEXT,
    place_country TEXT,
    place_parent TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    killed_value BIGINT,
    killed_qualifier TEXT,
    killed_low BIGINT,
    killed_high BIGINT,
    injured_value BIGINT,
    injured_qualifier TEXT,
    injured_low BIGINT,
    injured_high BIGINT,
    killed_range_low BIGINT,
    killed_range_high BIGINT,
    injured_range_low BIGINT,
    injured_range_high BIGINT,
    summary TEXT NOT NULL DEFAULT ''  -- searchable text: place, type, evidence
);
CREATE INDEX incidents_date ON incidents (date);

CREATE TABLE incident_reports (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (incident_id, report_id)
);

CREATE TABLE contradictions (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    metric TEXT,
    scope TEXT,
    incident_id TEXT,
    claims TEXT NOT NULL,  -- JSON: [{"kind", "id", "value", "qualifier", "claimant", "as_of"}]
    gap DOUBLE PRECISION,
    minor INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE inferred_dates (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published TEXT NOT NULL
);
