-- Settings the operator may change, with their defaults.
insert into platform.setting (key, value) values
    ('portal.notice', ''),
    ('support.hotline', '12345'),
    ('support.hours', '09:00-18:00');
