-- What an item yields (办理结果名称, the licences and documents of the national field set) and the words people use
-- for it (关键词): the search matches both (ADR 0025), so that 营业执照 finds 企业设立登记. Kept with each version.
alter table catalog.service_item
    add column keywords     text[] not null default '{}',
    add column result_names text[] not null default '{}';
