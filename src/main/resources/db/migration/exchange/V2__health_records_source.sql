-- The health department's system (issue 14, part 5): nucleic-acid and antigen tests, vaccinations and exposures
-- (close contacts, secondary contacts, visits to risk areas), one row per event, keyed like the other demo sources by
-- the blind index of the person's ID number. Only the exchange's source adapter reads it, through the view below,
-- which gives one record per person (the events as JSON arrays, newest first), the shape every source has.
create schema if not exists src_health;

create table src_health.test_result (
    id           bigint generated always as identity primary key,
    subject_idx  bytea       not null,
    kind         text        not null check (kind in ('PCR', 'ANTIGEN')),
    result       text        not null check (result in ('NEGATIVE', 'POSITIVE')),
    sampled_at   timestamptz not null,
    institution  text        not null
);
create index test_result_subject on src_health.test_result (subject_idx, sampled_at desc);

create table src_health.vaccination (
    id             bigint generated always as identity primary key,
    subject_idx    bytea not null,
    dose           int   not null check (dose between 1 and 9),
    vaccine        text  not null,
    vaccinated_on  date  not null
);
create index vaccination_subject on src_health.vaccination (subject_idx, vaccinated_on desc);

create table src_health.exposure (
    id           bigint generated always as identity primary key,
    subject_idx  bytea not null,
    kind         text  not null check (kind in ('CLOSE_CONTACT', 'SECONDARY_CONTACT', 'RISK_AREA')),
    exposed_on   date  not null,
    place        text  not null
);
create index exposure_subject on src_health.exposure (subject_idx, exposed_on desc);

create view src_health.person_record as
select s.subject_idx,
       coalesce((select json_agg(json_build_object('kind', t.kind, 'result', t.result, 'at', t.sampled_at,
                                                   'institution', t.institution) order by t.sampled_at desc)
                   from src_health.test_result t where t.subject_idx = s.subject_idx), '[]')::text as tests,
       coalesce((select json_agg(json_build_object('dose', v.dose, 'vaccine', v.vaccine, 'on', v.vaccinated_on)
                                 order by v.vaccinated_on desc)
                   from src_health.vaccination v where v.subject_idx = s.subject_idx), '[]')::text as vaccinations,
       coalesce((select json_agg(json_build_object('kind', e.kind, 'on', e.exposed_on, 'place', e.place)
                                 order by e.exposed_on desc)
                   from src_health.exposure e where e.subject_idx = s.subject_idx), '[]')::text as exposures
  from (select subject_idx from src_health.test_result
        union select subject_idx from src_health.vaccination
        union select subject_idx from src_health.exposure) s;
