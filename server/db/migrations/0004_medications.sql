-- Medications on the patient. Opioids carry their kind and daily dose so the
-- total in morphine milligram equivalents can be followed (CDC 2022 factors).
create table medications (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  -- one of the opioids with a CDC 2022 conversion factor, or null for other drugs
  opioid text,
  -- mg per day (mcg per hour for transdermal fentanyl); required for opioids
  daily_dose numeric(10, 2) check (daily_dose > 0),
  started_on date,
  stopped_on date,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  check (opioid is null or daily_dose is not null),
  check (stopped_on is null or started_on is null or stopped_on >= started_on)
);
create index medications_patient on medications (clinic_id, patient_id, created_at);
