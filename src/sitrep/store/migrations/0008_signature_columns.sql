-- Schema version 8: the near-duplicate index keeps each run's MinHash signatures as they
-- are (4 bytes a place, one place a row), scanned run by run for the pending articles'
-- signatures (sitrep.resolve.lsh.agreeing_pairs), instead of sorted (place, value) keys
-- with the row of each (12 bytes a place, and the whole index held in memory to query).
-- The state is derived: the next ingest resolves the store again (its rules fingerprint
-- changed with the format), and the incidents keep their ids (incident_ids survives).
DROP TABLE resolution_signature_runs;
CREATE TABLE resolution_signature_runs (
    id BIGINT PRIMARY KEY,
    article_ids TEXT NOT NULL,  -- JSON list: column c of the run is article_ids[c]
    signatures BYTEA NOT NULL   -- uint32 little-endian, NUM_PERM rows of len(article_ids)
);
DELETE FROM resolution_meta;
