-- Baseline: a primary-key look-up of one task.
select * from workflow.act_ru_task where id_ = (select id_ from workflow.act_ru_task limit 1);
