-- The working-day calendar: days that differ from the ordinary week. HOLIDAY = a day off (even on a weekday);
-- WORKDAY = a weekend day worked in exchange (调休). Reference data; the government manager maintains it.
create table platform.calendar_day (
    day        date primary key,
    kind       text        not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       text        not null,
    updated_at timestamptz not null default now(),
    updated_by uuid
);

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
insert into platform.calendar_day (day, kind, name)
select d::date, 'HOLIDAY', n from (values
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')) as h(f, t, n),
    generate_series(f::date, t::date, interval '1 day') as d;
insert into platform.calendar_day (day, kind, name) values
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');
