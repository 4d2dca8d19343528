-- Indexes for the paged lists: each list reads one index range in its sort order (no full scan, no sort of the table).

-- Work list (待办): one range per post, most urgent first (due_at, entered_at, case_id, task_id); tasks without a limit
-- (due_at NULL) are read from the same index after the others.
CREATE INDEX ix_tasks_role_due ON tasks (role, due_at, entered_at, case_id, task_id);
DROP INDEX ix_tasks_role;
-- Supervision board: step limits by due instant, overall, per flow and per step.
CREATE INDEX ix_tasks_due_key ON tasks (due_at, case_id, task_id);
DROP INDEX ix_tasks_due;
CREATE INDEX ix_tasks_definition_due ON tasks (definition_id, due_at, case_id, task_id);
CREATE INDEX ix_tasks_step_due ON tasks (step_id, due_at, case_id, task_id);
-- Supervision board: case limits by due instant, overall and per flow.
CREATE INDEX ix_deadlines_due_key ON deadlines (due_at, case_id, "limit");
DROP INDEX ix_deadlines_due;
CREATE INDEX ix_deadlines_definition_due ON deadlines (definition_id, due_at, case_id, "limit");
-- The longest warning lead (due_at - warn_at), read with MAX() to bound the range of due instants a yellow card can have.
CREATE INDEX ix_tasks_warn_lead ON tasks ((due_at - warn_at));
CREATE INDEX ix_deadlines_warn_lead ON deadlines ((due_at - warn_at));

-- Case search, newest first: overall, by status, by flow.
CREATE INDEX ix_cases_started ON cases (started_at, id);
CREATE INDEX ix_cases_status_started ON cases (status, started_at, id);
CREATE INDEX ix_cases_definition_started ON cases (definition_id, started_at, id);
-- On-time rates: closed cases by month and flow, without reading the case rows.
CREATE INDEX ix_cases_closed ON cases (closed_at, definition_id, definition_version);

-- Alerts, newest first (by status there is ix_alerts_status (status, raised_at)).
CREATE INDEX ix_alerts_raised ON alerts (raised_at);

-- Risk ledger, newest first, per flow, per official and per level (overall there is ix_risk_events_at).
CREATE INDEX ix_risk_events_definition_at ON risk_events (definition_id, at);
CREATE INDEX ix_risk_events_actor_at ON risk_events (actor_id, at);
CREATE INDEX ix_risk_events_level_at ON risk_events (level, at);
