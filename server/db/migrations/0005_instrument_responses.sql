-- Completed outcome questionnaires: the answers as given and the score as
-- computed at the time (with the instrument version), so a later change of
-- scoring code never rewrites history.
create table instrument_responses (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  instrument text not null,
  version text not null,
  answers jsonb not null,
  score numeric(6, 1) not null,
  unit text not null,
  band text,
  subscales jsonb not null default '{}'::jsonb,
  recorded_on date not null,
  source text not null default 'clinic' check (source in ('clinic', 'patient-link')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index instrument_responses_patient on instrument_responses (clinic_id, patient_id, instrument, recorded_on);
