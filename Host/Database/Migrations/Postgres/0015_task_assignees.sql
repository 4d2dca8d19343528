-- The people a task is named to (approver rules, 会签), one row each, so a person's work list finds their named tasks by
-- an index rather than by searching every task's list of names. Filled here from the tasks already open.
CREATE TABLE task_assignees (
    user_id text NOT NULL,
    case_id text NOT NULL,
    task_id text NOT NULL,
    PRIMARY KEY (user_id, case_id, task_id)
);
CREATE INDEX ix_task_assignees_task ON task_assignees (case_id, task_id);
INSERT INTO task_assignees (user_id, case_id, task_id)
SELECT DISTINCT named.user_id, tasks.case_id, tasks.task_id
FROM tasks, unnest(string_to_array(trim(both ',' from tasks.assignees), ',')) AS named(user_id)
WHERE tasks.assignees IS NOT NULL AND named.user_id <> '';
