-- Hand-overs and supervision: the person a task is assigned to now (a transferee or an added signer), stand-ins
-- (委托) and the urges (督办) and escalations of every case, derived from the case state for the lists.

ALTER TABLE tasks ADD COLUMN assigned_to text NULL;
CREATE INDEX ix_tasks_assigned ON tasks (assigned_to);

CREATE TABLE delegations (
    id text NOT NULL PRIMARY KEY,
    principal_id text NOT NULL,
    stand_in_id text NOT NULL,
    posts text NULL,
    from_at bigint NOT NULL,
    to_at bigint NOT NULL,
    reason text NOT NULL,
    created_by text NOT NULL,
    created_at bigint NOT NULL,
    revoked_at bigint NULL,
    revoked_by text NULL
);
CREATE INDEX ix_delegations_stand_in ON delegations (stand_in_id);
CREATE INDEX ix_delegations_principal ON delegations (principal_id);

CREATE TABLE urges (
    case_id text NOT NULL,
    urge_id text NOT NULL,
    kind text NOT NULL,
    task_id text NULL,
    by_id text NOT NULL,
    by_name text NOT NULL,
    message text NOT NULL,
    at bigint NOT NULL,
    reply_by bigint NOT NULL,
    addressed_to text NULL,
    addressed_name text NULL,
    answer text NULL,
    answered_by_name text NULL,
    answered_at bigint NULL,
    late boolean NOT NULL DEFAULT false,
    PRIMARY KEY (case_id, urge_id)
);
CREATE INDEX ix_urges_at ON urges (at);
CREATE INDEX ix_urges_addressed ON urges (addressed_to);
