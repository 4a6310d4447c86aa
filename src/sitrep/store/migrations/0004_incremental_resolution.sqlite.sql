-- One row per resolved article: its near-duplicate fingerprint (NULL without text).
CREATE TABLE resolution_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published TEXT,   -- stated publication date; NULL when only inferred
    signature BLOB,   -- MinHash signature: 128 uint32, little-endian
    shingles BLOB     -- sorted unique uint32 shingle hashes
);
