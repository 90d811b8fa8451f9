-- What WorkflowManagement.departmentTasks sends now (ADR 0005).
select task_id, business_key, step, name, department, assignee, created_at from workflow.task_inbox where department = 'DEPT' order by created_at, task_id limit 200;
