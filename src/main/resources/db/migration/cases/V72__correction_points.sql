-- What a correction request (补正) asks for, point by point: a material (by its number in the item) or a form answer
-- (by the question's name), each with the official's reason. The applicant's correction page asks for these only and
-- keeps the rest as filed. The labels are the names the applicant saw when the request was made. A request's points
-- stay open until the applicant hands the correction in (answered_at).
create table cases.correction_point (
    id            bigserial primary key,
    case_number   text        not null references cases.case_file (number),
    kind          text        not null check (kind in ('MATERIAL', 'FIELD')),
    target        text        not null,
    label_zh      text        not null,
    label_en      text        not null,
    reason        text        not null check (char_length(reason) between 1 and 200),
    requested_by  text        not null,
    requested_at  timestamptz not null,
    answered_at   timestamptz
);
create index correction_point_open on cases.correction_point (case_number) where answered_at is null;
