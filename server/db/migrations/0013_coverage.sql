-- Coverage and billing: the clinic's payer plans and fee schedule, each
-- patient's coverage, the billing details of the clinic and its providers,
-- and the claim lines stored with each signed visit (append-only: a
-- recomputation is a new row, the earlier lines stay visible).

alter table clinics add column address_line text check (length(address_line) <= 200);
alter table clinics add column city text check (length(city) <= 100);
alter table clinics add column region text check (length(region) <= 100);
alter table clinics add column postal_code text check (length(postal_code) <= 20);
alter table clinics add column phone text check (length(phone) <= 40);
alter table clinics add column tax_id text check (length(tax_id) <= 20);
alter table clinics add column npi text check (npi ~ '^[0-9]{10}$');

-- Who a provider is for billing (NCD 30.3.3 names who may furnish acupuncture), with NPI and licence.
alter table users add column furnisher text not null default 'acupuncturist'
  check (furnisher in ('physician', 'nurse-practitioner', 'physician-assistant', 'clinical-nurse-specialist', 'acupuncturist'));
alter table users add column credential text check (length(credential) <= 40);
alter table users add column npi text check (npi ~ '^[0-9]{10}$');
alter table users add column licence text check (length(licence) <= 60);

-- A systemic cause (metastatic, inflammatory or infectious disease) identified for the episode: NCD 30.3.3 then does not apply.
alter table episodes add column systemic_cause boolean not null default false;

create table payer_plans (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  name text not null check (length(name) between 1 and 120),
  -- the plan's rules as the owner enters them from the payer's policy (domain/coverage/payerPlan.ts)
  rules jsonb not null,
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, name)
);

create table patient_coverage (
  clinic_id uuid not null,
  patient_id uuid not null,
  payer text not null check (payer in ('medicare', 'plan', 'self-pay')),
  plan_id uuid,
  member_id text check (length(member_id) <= 40),
  prior_auth_number text check (length(prior_auth_number) <= 40),
  prior_auth_from date,
  prior_auth_to date,
  -- a physician, NP, PA or CNS of the clinic who supervises incident-to visits (42 CFR 410.26)
  supervisor_id uuid references users (id),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (clinic_id, patient_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, plan_id) references payer_plans (clinic_id, id),
  check ((payer = 'plan') = (plan_id is not null))
);

create table fee_schedule (
  clinic_id uuid not null references clinics (id),
  code text not null check (code ~ '^[0-9A-Z/]{3,10}$'),
  fee_cents integer not null check (fee_cents between 0 and 10000000),
  primary key (clinic_id, code)
);

create table visit_claims (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  visit_id uuid not null,
  -- why these lines were computed: at signing, or after an amendment
  computed_for text not null check (computed_for in ('signing', 'amendment')),
  payer text not null,
  coverage jsonb not null,
  lines jsonb not null,
  diagnoses jsonb not null,
  computed_at timestamptz not null default now(),
  foreign key (clinic_id, visit_id) references visits (clinic_id, id)
);
create index visit_claims_visit on visit_claims (clinic_id, visit_id, computed_at);

create function visit_claims_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'visit_claims is append-only';
end
$$;
create trigger visit_claims_append_only before update or delete on visit_claims
  for each row execute function visit_claims_refuse_change();

-- The episode's ICD-10-CM diagnosis as chosen by the practitioner (domain/coverage/icd10.ts offers and checks it).
alter table episodes add column icd10_code text check (icd10_code ~ '^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$');
