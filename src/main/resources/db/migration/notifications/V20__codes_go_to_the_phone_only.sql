-- One-time codes go to the phone only (issue 9, finding 6): they were stored in clear as messages and shown on
-- /messages. A delivery now stands alone, with its recipient and template, and no message row; the codes already
-- stored are deleted, their deliveries kept as evidence that a code was sent.
alter table notifications.delivery alter column message_id drop not null;
alter table notifications.delivery add column recipient uuid;
alter table notifications.delivery add column template_key text;

update notifications.delivery d
   set recipient = m.recipient, template_key = m.template_key, message_id = null
  from notifications.message m
 where d.message_id = m.id and m.template_key in ('notifications.signInCode', 'notifications.phoneChangeCode');
delete from notifications.message where template_key in ('notifications.signInCode', 'notifications.phoneChangeCode');
