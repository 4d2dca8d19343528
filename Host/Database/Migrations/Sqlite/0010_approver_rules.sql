-- Approver rules: a task named to people (an approver rule or 会签) is listed for them, not for a post;
-- 抄送: the posts a case was copied to, for their "抄送我的" list. Both are derived from the case state.

ALTER TABLE tasks ADD COLUMN assignees TEXT NULL;

CREATE TABLE case_cc (
    case_id TEXT NOT NULL,
    post TEXT NOT NULL,
    task_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    cc_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, post, task_id)
);
CREATE INDEX ix_case_cc_post ON case_cc (post, cc_at);
