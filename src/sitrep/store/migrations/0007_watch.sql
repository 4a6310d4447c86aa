-- Schema version 7: what `sitrep watch` has seen, and the alerts it raised (sitrep/watch/state.py).
-- Entries are marked seen only after their articles are stored, so a watcher killed
-- midway re-reads them and the store (keyed by content hash) skips what it has.

-- One row per watched source: its HTTP validators and its backoff after errors.
CREATE TABLE watch_sources (
    source TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked TEXT,             -- ISO time of the last poll
    errors INTEGER NOT NULL DEFAULT 0,   -- polls failed in a row
    retry_after TEXT,         -- ISO time before which the source is not polled again
    last_error TEXT
);

-- One row per entry of a source (feed entry id or link, listed URL, file and version).
-- status 'seen': done; 'retry': its full article could not be fetched yet.
CREATE TABLE watch_entries (
    source TEXT NOT NULL,
    entry TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    article_id TEXT,
    day TEXT NOT NULL,        -- the entry's publication day, else the day it was seen
    seen TEXT NOT NULL,
    PRIMARY KEY (source, entry)
);
CREATE INDEX watch_entries_day ON watch_entries (source, day);

-- Every alert raised, once (key), for delivery and the UI's "what's new" list.
CREATE TABLE watch_alerts (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    message TEXT NOT NULL,
    payload TEXT NOT NULL     -- JSON
);
CREATE INDEX watch_alerts_created ON watch_alerts (created);
