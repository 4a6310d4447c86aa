-- Schema version 5: a report's numbers carry their own time (as_of, the day the
-- article states them), and a report that updates an earlier toll without dating
-- the attack is marked a follow-up (resolution may join it to an incident up to
-- a week earlier; see sitrep/resolve/matching.py).
ALTER TABLE reports ADD COLUMN as_of TEXT;
ALTER TABLE reports ADD COLUMN followup INTEGER NOT NULL DEFAULT 0;
