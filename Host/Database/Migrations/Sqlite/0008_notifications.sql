-- Handlers are told: users' e-mail addresses and the notification outbox (rows written in the transaction of the
-- case action that causes them, delivered by a dispatcher that leases each row); the on-time rule's record of the
-- first instant a case's limit (case or step) went red; blocked attempts in the risk ledger.

ALTER TABLE users ADD COLUMN email TEXT NULL;

CREATE TABLE notifications (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    user_id TEXT NOT NULL,
    recipient TEXT NULL,
    case_id TEXT NOT NULL,
    task_id TEXT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT NULL,
    claimed_until INTEGER NULL,
    delivered_at INTEGER NULL,
    failed_at INTEGER NULL,
    last_error TEXT NULL
);
CREATE INDEX ix_notifications_pending ON notifications (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

ALTER TABLE cases ADD COLUMN late_at INTEGER NULL;
UPDATE cases SET late_at = (SELECT MIN(a.due_at) FROM alerts a WHERE a.case_id = cases.id AND a.level = 'red');

ALTER TABLE risk_events ADD COLUMN outcome TEXT NOT NULL DEFAULT 'recorded';
CREATE INDEX ix_risk_events_definition ON risk_events (definition_id, at);
