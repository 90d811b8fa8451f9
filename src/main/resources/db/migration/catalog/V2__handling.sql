-- How an item is handled, kept with each version: the application form (JSON, see FormDefinition), the approval
-- process model, and for joint approval (并联审批) the departments that review in parallel, the lead first.
alter table catalog.service_item
    add column form_definition   jsonb,
    add column process_key       text   not null default 'standardApproval',
    add column joint_departments text[] not null default '{}';
