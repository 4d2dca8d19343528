-- Organisation as data: departments (科室), posts (岗位) and who holds them; accounts: forced password change,
-- password history, lockout, idle sessions and an append-only security log.

CREATE TABLE departments (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    head_user_id TEXT NULL,
    leader_user_id TEXT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE posts (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

ALTER TABLE users ADD COLUMN department_id TEXT NULL;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at INTEGER NULL;
ALTER TABLE users ADD COLUMN locked_until INTEGER NULL;

CREATE TABLE password_history (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX ix_password_history_user ON password_history (user_id, id);

CREATE TABLE login_failures (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX ix_login_failures_user ON login_failures (user_id, at);

ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN password_change_only INTEGER NOT NULL DEFAULT 0;

CREATE TABLE security_log (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    user_id TEXT NULL,
    actor_id TEXT NULL,
    detail TEXT NOT NULL,
    remote_address TEXT NULL
);

CREATE TRIGGER security_log_no_update BEFORE UPDATE ON security_log
BEGIN SELECT RAISE(ABORT, 'security_log is append-only'); END;
CREATE TRIGGER security_log_no_delete BEFORE DELETE ON security_log
BEGIN SELECT RAISE(ABORT, 'security_log is append-only'); END;
