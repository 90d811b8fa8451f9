-- What Flowable's task query sent for the inbox before ADR 0005 (taskCandidateGroup, ignoreAssigneeValue, oldest
-- first, one page of 200), as MyBatis wrote it; the engine's tables qualified for psql.
SELECT RES.* from workflow.ACT_RU_TASK RES WHERE exists(select LINK.ID_ from workflow.ACT_RU_IDENTITYLINK LINK where LINK.TYPE_ = 'candidate' and LINK.TASK_ID_ = RES.ID_ and ( ( LINK.GROUP_ID_ IN ( 'DEPT' ) ) ) ) order by RES.CREATE_TIME_ asc LIMIT 200 OFFSET 0;
