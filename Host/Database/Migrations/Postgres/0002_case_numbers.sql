-- Case numbers (案件编号) shown to officials and applicants: "<year>-<six digits>" in order of start.
ALTER TABLE cases ADD COLUMN case_no text NOT NULL DEFAULT '';

UPDATE cases SET case_no = numbered.case_no
FROM (SELECT id, year || '-' || lpad((row_number() OVER (PARTITION BY year ORDER BY started_at, id))::text, 6, '0') AS case_no
      FROM (SELECT id, started_at,
                   to_char(to_timestamp((started_at - 621355968000000000) / 10000000.0) AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY') AS year
            FROM cases) AS years) AS numbered
WHERE cases.id = numbered.id;

CREATE UNIQUE INDEX ux_cases_case_no ON cases (case_no);

ALTER TABLE alerts ADD COLUMN case_no text NOT NULL DEFAULT '';
UPDATE alerts SET case_no = (SELECT case_no FROM cases WHERE cases.id = alerts.case_id);
