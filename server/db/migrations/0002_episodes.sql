-- Back-pain episodes (intake) and red-flag screens with their resolutions.
-- An episode belongs to a patient of the same clinic (composite foreign key).

create table episodes (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  onset_date date not null,
  -- where the pain is: central, left, right or both sides
  location text not null check (location in ('central', 'left', 'right', 'both')),
  -- furthest the pain spreads: none, buttock, thigh, below the knee
  radiation text not null check (radiation in ('none', 'buttock', 'thigh', 'below-knee')),
  radiation_side text check (radiation_side in ('left', 'right', 'both')),
  prior_episodes boolean not null default false,
  spinal_surgery boolean not null default false,
  pregnant boolean not null default false,
  pregnancy_weeks smallint check (pregnancy_weeks between 0 and 45),
  work_status text not null default 'unknown'
    check (work_status in ('working', 'modified-duties', 'off-work', 'not-employed', 'retired', 'unknown')),
  notes text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index episodes_patient on episodes (clinic_id, patient_id, onset_date desc);

create table red_flag_screens (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  episode_id uuid not null,
  answers jsonb not null,
  outcome text not null check (outcome in ('clear', 'stop')),
  positives text[] not null default '{}',
  emergency boolean not null default false,
  -- how a positive screen was resolved before care may go on
  resolution text check (resolution in ('referred', 'justified')),
  resolution_note text,
  resolved_by uuid references users (id),
  resolved_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  foreign key (clinic_id, episode_id) references episodes (clinic_id, id),
  check ((resolution is null) = (resolved_at is null))
);
create index red_flag_screens_episode on red_flag_screens (clinic_id, episode_id, created_at desc);
