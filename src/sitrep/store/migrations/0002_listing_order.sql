-- Schema version 2: incidents.position is the listing order of `list_incidents`
-- (newest first, year-unknown dates after dated ones, undated last, ties in
-- resolve's order), computed by the store when it writes the resolution.
-- `ORDER BY position` then walks one index in both dialects, and the page after
-- a known incident is the range `position > its position` (keyset paging).

UPDATE incidents SET position = ranked.n
FROM (
    SELECT id, ROW_NUMBER() OVER (
        ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, position
    ) - 1 AS n
    FROM incidents
) AS ranked
WHERE incidents.id = ranked.id;

CREATE UNIQUE INDEX incidents_position ON incidents (position);

-- Indexes that end in position, so a filter on their first column reads its
-- matches already in listing order.  A date range becomes a position range
-- (positions follow dates), found from incidents_date alone.
DROP INDEX incidents_date;
CREATE INDEX incidents_date ON incidents (date, position);
CREATE INDEX incidents_event_type ON incidents (event_type, position);
CREATE INDEX incidents_sub_event_type ON incidents (sub_event_type, position);
