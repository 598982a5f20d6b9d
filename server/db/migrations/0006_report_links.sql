-- Links a practitioner sends a patient to report outcomes from home. The link
-- carries a random token; only its SHA-256 is stored. Single use, expiring.
create table report_links (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  token_hash text not null unique,
  instruments text[] not null check (cardinality(instruments) between 1 and 5),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index report_links_patient on report_links (clinic_id, patient_id, created_at desc);
