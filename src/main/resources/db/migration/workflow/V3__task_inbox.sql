-- The officials' inbox at scale (ADR 0005): one row per open task and department it waits at, kept by triggers on
-- the engine's candidate links and tasks (workflow.internal.InboxProjection installs them once the engine has
-- created its tables). Flowable's own task query walks every task of the installation in creation order and
-- probes its candidate links; with a million open tasks that costs in proportion to how small the department is.
create table workflow.task_inbox (
    task_id       text      not null,
    department    text      not null,
    -- the task definition key, or 'cosign' for a co-signing subtask (加签)
    step          text      not null,
    name          text,
    assignee      text,
    created_at    timestamp not null,
    -- the process's business key (a case number), or a subtask's category, which holds it
    business_key  text,
    primary key (task_id, department)
);
-- A department's queue, oldest first; at one step; claimed by one official. The task id breaks ties, so that a
-- page can continue after (created_at, task_id).
create index task_inbox_queue on workflow.task_inbox (department, created_at, task_id);
create index task_inbox_step on workflow.task_inbox (department, step, created_at, task_id);
create index task_inbox_assignee on workflow.task_inbox (department, assignee, created_at, task_id) where assignee is not null;
