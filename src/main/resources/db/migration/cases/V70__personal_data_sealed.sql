-- Personal data in cases is sealed at rest (issue 9, finding 15): form answers, drafts, uploaded files and the data
-- of licences used as materials hold ID numbers and phones. Each is SM4-GCM encrypted with the platform's field key
-- (FieldProtection), bound to its row (table, row id and column as associated data); the first byte names the key
-- version. The clear columns stay only for rows written before this version: a start-up step of the cases module
-- seals them and empties the clear column (docs/adr/0016).
alter table cases.case_file add column form_sealed bytea;
alter table cases.case_file alter column form_data drop not null;
alter table cases.case_file add constraint case_file_form_present check (form_data is not null or form_sealed is not null);

alter table cases.draft add column form_sealed bytea;
alter table cases.draft alter column form_data drop not null;
alter table cases.draft add constraint draft_form_present check (form_data is not null or form_sealed is not null);

alter table cases.upload add column content_sealed bytea;
alter table cases.upload alter column content drop not null;
alter table cases.upload add constraint upload_content_present check (content is not null or content_sealed is not null);

alter table cases.case_material add column licence_data_sealed bytea;

-- The start-up step finds what is left to seal without reading every row.
create index case_file_unsealed on cases.case_file (number) where form_data is not null;
create index draft_unsealed on cases.draft (applicant_id) where form_data is not null;
create index upload_unsealed on cases.upload (id) where content is not null;
create index case_material_unsealed on cases.case_material (number) where licence_data is not null;
-- After a rotation of the field key it finds the values of an older key version (the first byte) the same way.
create index case_file_sealed_version on cases.case_file ((get_byte(form_sealed, 0))) where form_sealed is not null;
create index draft_sealed_version on cases.draft ((get_byte(form_sealed, 0))) where form_sealed is not null;
create index upload_sealed_version on cases.upload ((get_byte(content_sealed, 0))) where content_sealed is not null;
create index case_material_sealed_version on cases.case_material ((get_byte(licence_data_sealed, 0)))
    where licence_data_sealed is not null;
