-- A clinic's referral contacts: directory entries (NPPES acupuncturists) the
-- clinic keeps to refer patients to. Clinic data, not patient records. The
-- name, address and phone are a snapshot taken when the contact was saved, so
-- the clinic can see when a later import changed or removed the entry.

create table referral_contacts (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  npi text not null check (npi ~ '^[0-9]{10}$'),
  entity text not null check (entity in ('individual', 'organization')),
  name text not null check (length(name) between 1 and 400),
  credential text,
  license_number text,
  license_state text,
  line1 text not null,
  line2 text,
  city text not null,
  state text,
  postal_code text,
  phone text,
  -- the entry's NPPES Last Update Date when the snapshot was taken
  last_update_date date,
  note text check (length(note) <= 1000),
  saved_by uuid references users (id),
  saved_at timestamptz not null default now(),
  unique (clinic_id, npi)
);
