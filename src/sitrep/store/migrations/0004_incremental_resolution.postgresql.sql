-- Listing positions are 62-bit keys (sitrep.store.base.listing_key), not row numbers.
ALTER TABLE incidents ALTER COLUMN position TYPE BIGINT;
