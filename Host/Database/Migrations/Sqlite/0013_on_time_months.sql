-- Closed cases counted per China-time month, flow and version as they close, so on-time rates read a few rows
-- rather than every closed case. Filled here from the cases already closed.
CREATE TABLE on_time_months (
    month TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    definition_version INTEGER NOT NULL,
    closed INTEGER NOT NULL,
    late INTEGER NOT NULL,
    PRIMARY KEY (month, definition_id, definition_version)
);
INSERT INTO on_time_months (month, definition_id, definition_version, closed, late)
SELECT strftime('%Y-%m', (closed_at - 621355968000000000) / 10000000 + 28800, 'unixepoch'), definition_id, definition_version,
       COUNT(*), COUNT(late_at)
FROM cases WHERE closed_at IS NOT NULL
GROUP BY 1, 2, 3;
