-- Messages to officials (an overdue step to the unit's head, an LGSP alert to the operators), beside those to
-- applicants. subject_ref names what such a message is about (overdue-step:<step id>, lgsp-alert:<alert id>) and
-- recipient_key who it goes to (a blind index of the address; 'none' when nobody could be reached), so a redelivered
-- event records one message per recipient once. dossier_code is left empty when the message is about no dossier;
-- recipient_sealed when nobody could be reached (the row is SKIPPED, with the reason).
alter table notification alter column dossier_code drop not null;
alter table notification alter column recipient_sealed drop not null;
alter table notification add column subject_ref text;
alter table notification add column recipient_key text;
alter table notification add constraint notification_about check (dossier_code is not null or subject_ref is not null);
alter table notification add constraint notification_keyed check ((subject_ref is null) = (recipient_key is null));
alter table notification add constraint notification_reachable check (recipient_sealed is not null or status = 'SKIPPED');

-- applicants' messages: once per dossier's status change and channel, as before; officials': once per recipient
alter table notification drop constraint notification_once;
create unique index notification_once on notification (dossier_code, event_action, event_at, channel) where subject_ref is null;
create unique index notification_once_per_recipient on notification (subject_ref, event_action, event_at, channel, recipient_key)
    where subject_ref is not null;
