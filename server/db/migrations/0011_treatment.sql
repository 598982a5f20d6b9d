-- The acupuncture itself: courses of care (treatment plans), the clinic's own
-- protocols, visits with their treatment, and amendments to signed visits.
-- A signed visit never changes: the database refuses UPDATE and DELETE of it,
-- whatever the application does; corrections are appended amendments.

create table treatment_plans (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  episode_id uuid not null,
  start_on date not null,
  modality text not null check (modality in ('manual', 'electro', 'dry-needling')),
  style text,
  -- a protocol from the library (domain/treatment/protocols.ts) or the clinic's own
  protocol_id text,
  -- as written ("2/week × 3 then 1/week × 4") and as read into phases
  schedule text not null,
  phases jsonb not null,
  planned_visits smallint not null check (planned_visits between 1 and 400),
  re_evaluations jsonb not null default '[]'::jsonb,
  goals jsonb not null default '[]'::jsonb,
  -- STRICTA 1b: the reasoning for the treatment and its sources
  rationale text,
  ended_on date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, episode_id) references episodes (clinic_id, id)
);
create index treatment_plans_patient on treatment_plans (clinic_id, patient_id, start_on desc);

create table clinic_protocols (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  name text not null check (length(name) between 1 and 120),
  -- the treatment to start from: modality, style, sites with side and parameters
  treatment jsonb not null,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (clinic_id, name)
);

create table visits (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  episode_id uuid not null,
  plan_id uuid,
  practitioner_id uuid not null references users (id),
  visit_on date not null,
  status text not null check (status in ('draft', 'signed')),
  -- the visit chart (domain/treatment/visit.ts), validated by the server
  chart jsonb not null,
  -- the safety findings when it was signed, and the overrides that passed its blocks
  findings jsonb not null default '[]'::jsonb,
  signed_at timestamptz,
  signed_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, episode_id) references episodes (clinic_id, id),
  foreign key (clinic_id, plan_id) references treatment_plans (clinic_id, id),
  check ((status = 'signed') = (signed_at is not null))
);
create index visits_patient on visits (clinic_id, patient_id, visit_on desc);

create function visits_refuse_signed_change() returns trigger language plpgsql as $$
begin
  if old.status = 'signed' then
    raise exception 'visit % is signed: add an amendment instead', old.id;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger visits_signed_immutable before update or delete on visits
  for each row execute function visits_refuse_signed_change();

create table visit_amendments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  visit_id uuid not null,
  author_id uuid not null references users (id),
  at timestamptz not null default now(),
  reason text not null check (length(reason) between 1 and 2000),
  correction text check (length(correction) <= 10000),
  entered_in_error boolean not null default false,
  foreign key (clinic_id, visit_id) references visits (clinic_id, id)
);
create index visit_amendments_visit on visit_amendments (clinic_id, visit_id, at);

create function visit_amendments_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'visit_amendments is append-only';
end
$$;
create trigger visit_amendments_append_only before update or delete on visit_amendments
  for each row execute function visit_amendments_refuse_change();

-- Pain before and after a visit are NRS scores on the chart, linked to their visit.
alter table pain_scores add column visit_id uuid;
alter table pain_scores add constraint pain_scores_visit foreign key (clinic_id, visit_id) references visits (clinic_id, id);
