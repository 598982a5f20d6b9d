-- The public provider directory: acupuncturists (NUCC taxonomy 171100000X)
-- from CMS's NPPES data dissemination file. National public data, not a
-- clinic's: no clinic_id, and nothing here refers to a patient.

create table directory_providers (
  npi text primary key check (npi ~ '^[0-9]{10}$'),
  entity text not null check (entity in ('individual', 'organization')),
  name text not null check (length(name) between 1 and 400),
  credential text,
  license_number text,
  license_state text,
  primary_taxonomy boolean not null,
  -- every acupuncturist taxonomy slot: [{number, state, primary}]
  licenses jsonb not null,
  line1 text not null,
  line2 text,
  city text not null,
  state text,
  postal_code text,
  country text,
  phone text,
  enumeration_date date,
  last_update_date date,
  -- the ZIP's census centroid; null when no centroid is known at all
  latitude double precision,
  longitude double precision,
  -- no centroid for this ZIP (PO-box ZIPs): placed at its ZIP3 area's centre, or not placed
  location_approximate boolean not null,
  -- what the importer compares to tell an unchanged record from an update
  record_hash text not null
);

create index directory_providers_location on directory_providers (latitude, longitude);

create table directory_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  mode text not null check (mode in ('full', 'weekly')),
  finished_at timestamptz not null default now(),
  -- the directory's size after this import, so a search need not count the table
  providers integer not null,
  report jsonb not null
);
