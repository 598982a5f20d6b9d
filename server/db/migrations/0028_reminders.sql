-- E-mail reminders of appointments and questionnaire links by e-mail (issue 16).
-- See docs/decisions/0017-reminders.md.

-- How long before an appointment its reminder goes: the clinic's choice. 24 hours is Acuback's default, not a clinical
-- finding; up to two weeks.
alter table clinics add column reminder_lead_hours smallint not null default 24 check (reminder_lead_hours between 1 and 336);

-- A patient who asked not to be reminded, and who at the clinic last changed that and when (every change is also in
-- the audit log). Null who/when: never changed, reminders on.
alter table patients add column reminders_opted_out boolean not null default false;
alter table patients add column reminders_changed_at timestamptz;
alter table patients add column reminders_changed_by uuid references users (id);
alter table patients add constraint patients_reminders_changed check ((reminders_changed_at is null) = (reminders_changed_by is null));

alter table report_links add constraint report_links_clinic_id unique (clinic_id, id);

-- Every message sent to a patient, without its content: which patient, what for, when, and how it ended.
-- No address, subject or body is stored; a failure keeps the SMTP reply code or connection error name only.
create table sent_messages (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  patient_id uuid not null,
  channel text not null check (channel in ('email')),
  purpose text not null check (purpose in ('reminder', 'report-link')),
  appointment_id uuid,
  -- The start the reminder was for: an appointment moved to another time is reminded again of the new one.
  appointment_starts_at timestamptz,
  report_link_id uuid,
  -- 'sending' while the SMTP server is being spoken to; a row left so (the server stopped) is not sent again.
  outcome text not null default 'sending' check (outcome in ('sending', 'sent', 'failed')),
  error_code text check (error_code ~ '^[A-Z0-9_]{1,32}$'),
  -- Who sent it from the app; null for the reminder sender.
  sent_by uuid references users (id),
  sent_at timestamptz not null default now(),
  check ((outcome = 'failed') = (error_code is not null)),
  check ((purpose = 'reminder') = (appointment_id is not null and appointment_starts_at is not null)),
  check ((purpose = 'report-link') = (report_link_id is not null)),
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, appointment_id) references appointments (clinic_id, id),
  foreign key (clinic_id, report_link_id) references report_links (clinic_id, id)
);
-- One reminder per appointment and start time, however many senders run at once: a second claim fails here.
create unique index sent_messages_one_reminder on sent_messages (appointment_id, appointment_starts_at)
  where purpose = 'reminder' and outcome in ('sending', 'sent');
create index sent_messages_clinic_time on sent_messages (clinic_id, sent_at desc);
create index sent_messages_patient on sent_messages (clinic_id, patient_id, sent_at desc);
