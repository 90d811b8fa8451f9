-- Cases filed by a relative acting for the applicant (亲友代办, ADR 0043): the case belongs to the applicant
-- (applicant_id, who sees it among their cases); acted_by is the relative's account who filed it for them, shown to
-- the office as 代办人. A person's own case has none.
alter table cases.case_file
    add column acted_by uuid;
