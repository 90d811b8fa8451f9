-- Life events for persons and the enterprise life cycle (DOMAIN.md, 一件事 lists). Reference data, not demo data.
insert into portal.service_theme (code, audience, name_zh, name_en, icon, sort_order) values
    ('BIRTH',           'PERSON', '出生', 'Birth', 'birth', 10),
    ('EDUCATION',       'PERSON', '教育', 'Education', 'education', 20),
    ('EMPLOYMENT',      'PERSON', '就业', 'Employment', 'employment', 30),
    ('MARRIAGE',        'PERSON', '婚育', 'Marriage and family', 'marriage', 40),
    ('HOUSING',         'PERSON', '住房', 'Housing', 'housing', 50),
    ('SOCIAL_SECURITY', 'PERSON', '社保', 'Social security', 'social', 60),
    ('TRAVEL',          'PERSON', '出行', 'Travel', 'travel', 70),
    ('MEDICAL',         'PERSON', '就医', 'Medical care', 'medical', 80),
    ('RETIREMENT',      'PERSON', '养老', 'Retirement', 'retirement', 90),
    ('DEATH',           'PERSON', '身后', 'After a death', 'death', 100),
    ('OPENING',         'ENTERPRISE', '开办企业', 'Starting a business', 'opening', 10),
    ('HIRING',          'ENTERPRISE', '招聘用工', 'Hiring', 'hiring', 20),
    ('TAXES',           'ENTERPRISE', '纳税缴费', 'Taxes and fees', 'taxes', 30),
    ('OPERATIONS',      'ENTERPRISE', '经营发展', 'Operations', 'operations', 40),
    ('CONSTRUCTION',    'ENTERPRISE', '工程建设', 'Construction projects', 'construction', 50),
    ('CLOSING',         'ENTERPRISE', '注销退出', 'Closing a business', 'closing', 60);
