-- API tokens for other systems (issue 14): an owner names and scopes a token,
-- sees it once, and can revoke it. Only its SHA-256 is kept. Every audit
-- event made with a token names it, beside the owner who created it.
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  name text not null check (length(name) between 1 and 80),
  -- fhir-read: GET under /fhir/R4; read: GET under /fhir/R4 and /api/v1; read-write: any method on both
  scope text not null check (scope in ('fhir-read', 'read', 'read-write')),
  token_hash text not null unique,
  -- the first characters, so a person can tell tokens apart without the secret
  token_prefix text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  unique (clinic_id, id),
  unique (clinic_id, name),
  check ((revoked_at is null) = (revoked_by is null))
);

alter table audit_events add column api_token_id uuid;
alter table audit_events add constraint audit_events_api_token foreign key (clinic_id, api_token_id) references api_tokens (clinic_id, id);
