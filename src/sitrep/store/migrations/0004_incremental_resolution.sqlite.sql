-- One row per resolved article, with its shingles for exact near-duplicate Jaccard.
CREATE TABLE resolution_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published TEXT,  -- stated publication date; NULL when only inferred
    shingles BLOB    -- sorted unique uint32 shingle hashes, little-endian
);

-- The near-duplicate index over every resolved article's MinHash signature, kept as
-- sorted runs (see sitrep.resolve.lsh) that merge as they grow: loading it is a read.
CREATE TABLE resolution_signature_runs (
    id BIGINT PRIMARY KEY,
    article_ids TEXT NOT NULL,  -- JSON list: row r of the run is article_ids[r]
    keys BLOB NOT NULL,         -- sorted uint64 keys (place << 32 | value), little-endian
    rows BLOB NOT NULL          -- uint32 row of each key, little-endian
);
