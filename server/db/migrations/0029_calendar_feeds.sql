-- Calendar feeds (issue 16): a secret URL per practitioner that their own
-- calendar app subscribes to (GET /ical/<token>.ics). Like API tokens, only
-- the token's SHA-256 is kept, the URL is shown once, and revoking is final.
-- A practitioner has at most one live feed. See docs/decisions/0018-calendar-feed.md.
create table calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  practitioner_id uuid not null,
  token_hash text not null unique,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  last_fetched_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  unique (clinic_id, id),
  foreign key (clinic_id, practitioner_id) references users (clinic_id, id),
  check ((revoked_at is null) = (revoked_by is null))
);
create unique index calendar_feeds_one_live on calendar_feeds (clinic_id, practitioner_id) where revoked_at is null;
