-- Appointments for the course of care (issue 16): rooms, appointment types,
-- practitioners' working hours and time off, clinic holidays, appointments.
-- Appointment times are UTC instants (timestamptz); working hours and time off
-- are local wall-clock times in the clinic's zone, which is clinic
-- configuration (an IANA name, checked by the application).
-- See docs/decisions/0016-appointments.md.

-- UTC until the owner sets the clinic's zone: Acuback does not guess where a clinic is.
alter table clinics add column time_zone text not null default 'UTC' check (length(time_zone) between 1 and 64);

create table rooms (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  name text not null check (length(name) between 1 and 80),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, name)
);

-- Durations are the clinic's configuration; Acuback offers editable defaults (domain/scheduling/appointment.ts).
create table appointment_types (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  name text not null check (length(name) between 1 and 80),
  kind text not null check (kind in ('first-visit', 'follow-up', 're-evaluation', 'other')),
  minutes smallint not null check (minutes between 5 and 480),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, name)
);

-- A practitioner's week: working blocks and breaks, per ISO weekday (1 Monday … 7 Sunday), local minutes of the day.
create table working_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  practitioner_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  kind text not null check (kind in ('work', 'break')),
  start_minute smallint not null check (start_minute between 0 and 1439),
  end_minute smallint not null check (end_minute between 1 and 1440),
  check (end_minute > start_minute),
  foreign key (clinic_id, practitioner_id) references users (clinic_id, id)
);
create index working_hours_practitioner on working_hours (clinic_id, practitioner_id, weekday);

-- Time off: every day from from_on to to_on, or (weekday set) that weekday each week, to_on null meaning until further notice;
-- minutes null meaning the whole day.
create table time_off (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  practitioner_id uuid not null,
  from_on date not null,
  to_on date,
  weekday smallint check (weekday between 1 and 7),
  start_minute smallint check (start_minute between 0 and 1439),
  end_minute smallint check (end_minute between 1 and 1440),
  reason text check (length(reason) <= 200),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (to_on is null or to_on >= from_on),
  check (weekday is not null or to_on is not null),
  check ((start_minute is null) = (end_minute is null)),
  check (start_minute is null or end_minute > start_minute),
  unique (clinic_id, id),
  foreign key (clinic_id, practitioner_id) references users (clinic_id, id)
);
create index time_off_practitioner on time_off (clinic_id, practitioner_id, from_on);

-- Days the clinic is closed, as the owner enters them: Acuback ships no holiday list.
create table clinic_holidays (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  on_date date not null,
  name text not null check (length(name) between 1 and 120),
  unique (clinic_id, on_date),
  unique (clinic_id, id)
);

create table appointments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  practitioner_id uuid not null,
  room_id uuid not null,
  type_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'booked' check (status in ('booked', 'done', 'no-show', 'late-cancel', 'cancelled')),
  -- why it was cancelled or missed, in the front desk's words (never clinical detail)
  status_reason text check (length(status_reason) between 1 and 500),
  plan_id uuid,
  visit_id uuid,
  version integer not null default 1,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check ((status in ('no-show', 'late-cancel', 'cancelled')) = (status_reason is not null)),
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, practitioner_id) references users (clinic_id, id),
  foreign key (clinic_id, room_id) references rooms (clinic_id, id),
  foreign key (clinic_id, type_id) references appointment_types (clinic_id, id),
  foreign key (clinic_id, plan_id) references treatment_plans (clinic_id, id),
  foreign key (clinic_id, visit_id) references visits (clinic_id, id)
);
create index appointments_time on appointments (clinic_id, starts_at);
create index appointments_patient on appointments (clinic_id, patient_id, starts_at);
create index appointments_plan on appointments (clinic_id, plan_id) where plan_id is not null;
