-- Schema version 6: incident ids minted once and kept (see sitrep/store/incident_ids.py).
-- Unlike the resolution state of version 4, these tables are not derived: they
-- survive a rebuild of the resolved layer, so permalinks and exported ids do too.

-- Every incident id ever minted.  A live id names a row of `incidents`; an id whose
-- incident was merged into another redirects to it; `minted` orders ids by age
-- (the oldest id of merging incidents survives).
CREATE TABLE incident_ids (
    id TEXT PRIMARY KEY,
    minted BIGINT NOT NULL,  -- the generation (one per write of incidents) that minted it
    origin TEXT,             -- key of the incident's first report when the id was minted
    redirect TEXT            -- the id of the incident it was merged into; NULL otherwise
);
CREATE INDEX incident_ids_redirect ON incident_ids (redirect);

-- The id of each report's incident, as last written: where the next resolution
-- of that report's component looks for the ids to keep.
CREATE TABLE incident_memberships (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL
);
CREATE INDEX incident_memberships_incident ON incident_memberships (incident_id);

-- One counter: the last generation used.
CREATE TABLE incident_id_generation (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

-- The incidents of an older store keep the ids they have.
INSERT INTO incident_ids (id, minted, origin, redirect)
SELECT i.id, 0, (SELECT r.report_id FROM incident_reports r
                 WHERE r.incident_id = i.id ORDER BY r.position LIMIT 1), NULL
FROM incidents i;
INSERT INTO incident_memberships (report_id, incident_id)
SELECT report_id, MIN(incident_id) FROM incident_reports GROUP BY report_id;
INSERT INTO incident_id_generation (name, value) VALUES ('last', 0);
