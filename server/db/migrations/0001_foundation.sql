-- Foundation: clinics (tenants), staff accounts, server-side sessions, patients,
-- the first clinical measure (NRS pain) and the append-only audit log.
-- Keep to PostgreSQL 15: Debian's server is 15, PGlite is newer.

create table clinics (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  -- next number for record numbers Acuback assigns (A-000001 …)
  next_record_number integer not null default 1,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  email text not null,
  display_name text not null check (length(display_name) between 1 and 200),
  role text not null check (role in ('owner', 'practitioner', 'front_desk')),
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, id)
);
-- One account per e-mail across clinics, so login needs no clinic picker.
create unique index users_email_key on users (lower(email));

create table sessions (
  -- sha-256 of the cookie token: a leaked table cannot be replayed as cookies
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  clinic_id uuid not null references clinics (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table patients (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  record_number text not null,
  given_name text not null,
  family_name text not null,
  birth_date date not null,
  sex text not null check (sex in ('female', 'male', 'other', 'unknown')),
  phone text,
  email text,
  address_line text,
  city text,
  region text,
  postal_code text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- lets clinical tables reference (clinic_id, patient_id) so a row can never
  -- point at another clinic's patient, whatever the application does
  unique (clinic_id, id),
  unique (clinic_id, record_number)
);
create index patients_clinic_name on patients (clinic_id, lower(family_name), lower(given_name));
create index patients_clinic_birth on patients (clinic_id, birth_date);

create table pain_scores (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  score smallint not null check (score between 0 and 10),
  recorded_on date not null,
  note text,
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index pain_scores_patient on pain_scores (clinic_id, patient_id, recorded_on);

create table audit_events (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references clinics (id),
  user_id uuid references users (id),
  action text not null,
  entity text not null,
  entity_id text,
  patient_id uuid,
  at timestamptz not null default now(),
  ip text,
  -- ids and counts only, never names or clinical values
  detail jsonb not null default '{}'::jsonb
);
create index audit_events_clinic_at on audit_events (clinic_id, at desc, id desc);
create index audit_events_patient on audit_events (clinic_id, patient_id, at desc);

-- The audit log is append-only in the database itself, not only by convention.
create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end
$$;
create trigger audit_events_no_update_delete before update or delete on audit_events
  for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_refuse_change();
