-- Safety flags on the patient (clinical-facts §6), one row per flag, kept
-- current: a flag that no longer applies is set inactive, never deleted.
create table patient_safety_flags (
  clinic_id uuid not null,
  patient_id uuid not null,
  flag text not null,
  active boolean not null,
  note text,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (clinic_id, patient_id, flag),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
