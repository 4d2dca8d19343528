-- Instants are UTC ticks (INTEGER): exact, ordered and comparable.
CREATE TABLE definitions (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    category TEXT NULL,
    status TEXT NOT NULL,
    json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    published_at INTEGER NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE cases (
    id TEXT NOT NULL PRIMARY KEY,
    definition_id TEXT NOT NULL,
    definition_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NULL,
    started_at INTEGER NOT NULL,
    started_by TEXT NOT NULL,
    closed_at INTEGER NULL,
    version INTEGER NOT NULL,
    state_json TEXT NOT NULL,
    history_count INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    -- The earliest timer the case wants (warning, overdue, deemed outcome, end of a notice); the scheduler reads this.
    next_timer_at INTEGER NULL
);
CREATE INDEX ix_cases_status ON cases (status, definition_id);
CREATE INDEX ix_cases_next_timer ON cases (next_timer_at);

CREATE TABLE tasks (
    case_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    step_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    entered_at INTEGER NOT NULL,
    -- The step's own time limit (环节时限): due and warning instants.
    due_at INTEGER NULL,
    warn_at INTEGER NULL,
    provisional INTEGER NOT NULL,
    PRIMARY KEY (case_id, task_id)
);
CREATE INDEX ix_tasks_due ON tasks (due_at);
CREATE INDEX ix_tasks_role ON tasks (role);

CREATE TABLE history (
    case_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    task_id TEXT NULL,
    step_id TEXT NULL,
    action_id TEXT NULL,
    opinion TEXT NULL,
    data_json TEXT NOT NULL,
    summary TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, sequence)
);

-- The case-level limits (法定时限, 承诺时限) of open cases; step limits are on their task rows.
CREATE TABLE deadlines (
    case_id TEXT NOT NULL,
    "limit" TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    duration TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    warn_at INTEGER NULL,
    provisional INTEGER NOT NULL,
    paused INTEGER NOT NULL,
    PRIMARY KEY (case_id, "limit")
);
CREATE INDEX ix_deadlines_due ON deadlines (due_at);

CREATE TABLE alerts (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL,
    case_title TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    task_key TEXT NOT NULL,
    step_id TEXT NULL,
    step_name TEXT NULL,
    "limit" TEXT NOT NULL,
    level TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    raised_at INTEGER NOT NULL,
    provisional INTEGER NOT NULL,
    status TEXT NOT NULL,
    acknowledged_by TEXT NULL,
    acknowledged_at INTEGER NULL
);
-- One alert per case, limit, step and level: a timer that fires twice changes nothing.
CREATE UNIQUE INDEX ux_alerts_once ON alerts (case_id, task_key, "limit", level);
CREATE INDEX ix_alerts_status ON alerts (status, raised_at);

CREATE TABLE risk_events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    risk_point_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    risk_text TEXT NOT NULL,
    check_name TEXT NOT NULL,
    step_id TEXT NOT NULL,
    step_name TEXT NOT NULL,
    task_id TEXT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at INTEGER NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX ix_risk_events_at ON risk_events (at);

CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    department TEXT NULL,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE calendars (
    year INTEGER NOT NULL PRIMARY KEY,
    json TEXT NOT NULL,
    source TEXT NOT NULL,
    loaded_at INTEGER NOT NULL,
    loaded_by TEXT NOT NULL
);
