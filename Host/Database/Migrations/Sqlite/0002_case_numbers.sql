-- Case numbers (案件编号) shown to officials and applicants: "<year>-<six digits>" in order of start.
ALTER TABLE cases ADD COLUMN case_no TEXT NOT NULL DEFAULT '';

UPDATE cases SET case_no =
    strftime('%Y', (started_at - 621355968000000000) / 10000000, 'unixepoch', '+8 hours') || '-' ||
    printf('%06d', (SELECT COUNT(*) FROM cases AS earlier
                    WHERE strftime('%Y', (earlier.started_at - 621355968000000000) / 10000000, 'unixepoch', '+8 hours')
                        = strftime('%Y', (cases.started_at - 621355968000000000) / 10000000, 'unixepoch', '+8 hours')
                      AND (earlier.started_at < cases.started_at OR (earlier.started_at = cases.started_at AND earlier.id <= cases.id))));

CREATE UNIQUE INDEX ux_cases_case_no ON cases (case_no);

ALTER TABLE alerts ADD COLUMN case_no TEXT NOT NULL DEFAULT '';
UPDATE alerts SET case_no = (SELECT case_no FROM cases WHERE cases.id = alerts.case_id);
