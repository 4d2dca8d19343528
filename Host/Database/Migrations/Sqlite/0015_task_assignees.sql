-- The people a task is named to (approver rules, 会签), one row each, so a person's work list finds their named tasks by
-- an index rather than by searching every task's list of names. Filled here from the tasks already open.
CREATE TABLE task_assignees (
    user_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    PRIMARY KEY (user_id, case_id, task_id)
);
CREATE INDEX ix_task_assignees_task ON task_assignees (case_id, task_id);
INSERT OR IGNORE INTO task_assignees (user_id, case_id, task_id)
WITH RECURSIVE named(case_id, task_id, rest, user_id) AS (
    SELECT case_id, task_id, substr(assignees, 2), NULL FROM tasks WHERE assignees IS NOT NULL
    UNION ALL
    SELECT case_id, task_id, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1) FROM named WHERE instr(rest, ',') > 0
)
SELECT user_id, case_id, task_id FROM named WHERE user_id IS NOT NULL AND user_id <> '';
