-- Handlers are told: users' e-mail addresses and the notification outbox (rows written in the transaction of the
-- case action that causes them, delivered by a dispatcher that leases each row, FOR UPDATE SKIP LOCKED across
-- nodes); the on-time rule's record of the first instant a case's limit (case or step) went red; blocked attempts
-- in the risk ledger. Instants are UTC ticks.

ALTER TABLE users ADD COLUMN email text NULL;

CREATE TABLE notifications (
    id text NOT NULL PRIMARY KEY,
    kind text NOT NULL,
    channel text NOT NULL,
    user_id text NOT NULL,
    recipient text NULL,
    case_id text NOT NULL,
    task_id text NULL,
    subject text NOT NULL,
    body text NOT NULL,
    payload_json text NOT NULL,
    created_at bigint NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint NOT NULL DEFAULT 0,
    claimed_by text NULL,
    claimed_until bigint NULL,
    delivered_at bigint NULL,
    failed_at bigint NULL,
    last_error text NULL
);
CREATE INDEX ix_notifications_pending ON notifications (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

ALTER TABLE cases ADD COLUMN late_at bigint NULL;
UPDATE cases SET late_at = (SELECT MIN(a.due_at) FROM alerts a WHERE a.case_id = cases.id AND a.level = 'red');

ALTER TABLE risk_events ADD COLUMN outcome text NOT NULL DEFAULT 'recorded';
CREATE INDEX ix_risk_events_definition ON risk_events (definition_id, at);
