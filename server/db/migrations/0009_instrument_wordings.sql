-- Licensed questionnaire wording a clinic has loaded (as a FHIR Questionnaire),
-- one per clinic and instrument. The mapped texts are kept with the source
-- resource's identity; scoring never depends on them.
create table instrument_wordings (
  clinic_id uuid not null references clinics (id),
  instrument text not null,
  title text not null,
  copyright text,
  source_url text,
  source_version text,
  items jsonb not null,
  imported_by uuid references users (id),
  imported_at timestamptz not null default now(),
  primary key (clinic_id, instrument)
);
