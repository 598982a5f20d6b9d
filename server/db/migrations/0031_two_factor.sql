-- Two-factor sign-in (issue 15): a TOTP authenticator (RFC 6238) per staff
-- account, single-use recovery codes, a clinic setting that requires it, and
-- sign-ins waiting for their second step. See docs/decisions/0019-two-factor-sign-in.md.

-- Owners may require every staff member to use two-factor sign-in; one without
-- it who signs in can then only set it up (server/http/authentication.ts).
alter table clinics add column two_factor_required boolean not null default false;

-- One authenticator per account. The shared secret is sealed (AES-256-GCM
-- under a key kept outside the database: server/services/twoFactorKey.ts), so
-- a copy of the database, a dump or the clinic export cannot make codes.
create table two_factor_credentials (
  user_id uuid primary key,
  clinic_id uuid not null references clinics (id),
  secret_sealed text not null,
  -- null while enrolment is started but not yet confirmed with a code: not active
  confirmed_at timestamptz,
  -- the newest 30-second time step whose code was accepted; a code of that step
  -- or an earlier one is refused, so no code works twice (RFC 6238 section 5.2)
  last_used_step bigint,
  created_at timestamptz not null default now(),
  foreign key (clinic_id, user_id) references users (clinic_id, id)
);

-- Recovery codes, shown once; only a keyed hash is kept. A used one keeps its
-- row (used_at), so the account page can say how many are left.
create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  user_id uuid not null,
  code_hash text not null unique,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  foreign key (clinic_id, user_id) references users (clinic_id, id)
);
create index recovery_codes_user on recovery_codes (user_id);

-- A sign-in whose password was right but whose second step is still to come:
-- it opens nothing but that step, and it ends within minutes.
alter table sessions add column awaiting_second_factor boolean not null default false;
