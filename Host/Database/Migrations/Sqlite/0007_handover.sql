-- Hand-overs and supervision: the person a task is assigned to now (a transferee or an added signer), stand-ins
-- (委托) and the urges (督办) and escalations of every case, derived from the case state for the lists.

ALTER TABLE tasks ADD COLUMN assigned_to TEXT NULL;
CREATE INDEX ix_tasks_assigned ON tasks (assigned_to);

CREATE TABLE delegations (
    id TEXT NOT NULL PRIMARY KEY,
    principal_id TEXT NOT NULL,
    stand_in_id TEXT NOT NULL,
    posts TEXT NULL,
    from_at INTEGER NOT NULL,
    to_at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL,
    revoked_by TEXT NULL
);
CREATE INDEX ix_delegations_stand_in ON delegations (stand_in_id);
CREATE INDEX ix_delegations_principal ON delegations (principal_id);

CREATE TABLE urges (
    case_id TEXT NOT NULL,
    urge_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    task_id TEXT NULL,
    by_id TEXT NOT NULL,
    by_name TEXT NOT NULL,
    message TEXT NOT NULL,
    at INTEGER NOT NULL,
    reply_by INTEGER NOT NULL,
    addressed_to TEXT NULL,
    addressed_name TEXT NULL,
    answer TEXT NULL,
    answered_by_name TEXT NULL,
    answered_at INTEGER NULL,
    late INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_id, urge_id)
);
CREATE INDEX ix_urges_at ON urges (at);
CREATE INDEX ix_urges_addressed ON urges (addressed_to);
