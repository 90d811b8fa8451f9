-- An approved 企业设立登记 enters the new enterprise in the market-entity register with a new unified social credit
-- code (issue 12, ADR 0030 addendum). The code's body (the embedded 组织机构代码) is drawn from this sequence, so two
-- foundings never draw the same one; the register's primary key catches a clash with a seeded code, and the next
-- value is drawn. The case that founded the entity makes a repeated delivery of its approval find the same entry.
create sequence identity.credit_code_body start with 1000 increment by 1;
alter table identity.market_register
    add column founded_by_case text unique,
    add column founded_at      timestamptz;
