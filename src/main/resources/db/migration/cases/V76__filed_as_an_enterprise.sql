-- Cases filed as an enterprise (issue 12, ADR 0030 addendum): the applicant party is the enterprise, named by its
-- credit code and its name as identity knew it when the case was filed; applicant_id stays the person who acted
-- for it (经办), who is recorded on every case. A person's own case has neither. The enterprise channel lists an
-- enterprise's cases by its code.
alter table cases.case_file
    add column enterprise_code text,
    add column enterprise_name text,
    add constraint case_file_enterprise_named check ((enterprise_code is null) = (enterprise_name is null));
create index case_file_by_enterprise on cases.case_file (enterprise_code, submitted_at desc)
    where enterprise_code is not null;
