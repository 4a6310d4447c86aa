-- One row per resolved article: its near-duplicate fingerprint (NULL without text).
CREATE TABLE resolution_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published TEXT,   -- stated publication date; NULL when only inferred
    signature BYTEA,  -- MinHash signature: 128 uint32, little-endian
    shingles BYTEA    -- sorted unique uint32 shingle hashes
);
-- Listing positions are 62-bit keys (sitrep.store.base.listing_key), not row numbers.
ALTER TABLE incidents ALTER COLUMN position TYPE BIGINT;
