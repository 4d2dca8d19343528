-- Closed cases counted per China-time month, flow and version as they close, so on-time rates read a few rows
-- rather than every closed case. Filled here from the cases already closed.
CREATE TABLE on_time_months (
    month text NOT NULL,
    definition_id text NOT NULL,
    definition_version integer NOT NULL,
    closed bigint NOT NULL,
    late bigint NOT NULL,
    PRIMARY KEY (month, definition_id, definition_version)
);
INSERT INTO on_time_months (month, definition_id, definition_version, closed, late)
SELECT to_char(to_timestamp((closed_at - 621355968000000000) / 10000000 + 28800) AT TIME ZONE 'UTC', 'YYYY-MM'), definition_id, definition_version,
       COUNT(*), COUNT(late_at)
FROM cases WHERE closed_at IS NOT NULL
GROUP BY 1, 2, 3;
