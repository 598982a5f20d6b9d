-- Duplicate patients merged, and patients registered in error (issue 10).
-- Nothing is deleted. A merge moves the duplicate's records onto the patient
-- who stays (only their patient_id changes, and only inside the merge's own
-- transaction), lists every moved row in patient_retirements, and keeps the
-- duplicate's demographics as a retired record pointing at the one it went
-- into, so the link back is never lost. A patient registered in error (no
-- clinical record of their own) is retired the same way, with no target.

alter table patients add column status text not null default 'active'
  check (status in ('active', 'merged', 'registered-in-error'));
alter table patients add column merged_into uuid;
alter table patients add constraint patients_merged_into
  foreign key (clinic_id, merged_into) references patients (clinic_id, id);
alter table patients add constraint patients_merged_has_target
  check ((status = 'merged') = (merged_into is not null) and merged_into is distinct from id);

create table patient_retirements (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  patient_id uuid not null,
  action text not null check (action in ('merged', 'registered-in-error')),
  merged_into uuid,
  reason text not null check (length(reason) between 1 and 2000),
  -- the rows moved onto merged_into, by table: {"episodes": ["…"], …}
  moved jsonb not null default '{}'::jsonb,
  author_id uuid not null references users (id),
  at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, merged_into) references patients (clinic_id, id),
  check ((action = 'merged') = (merged_into is not null))
);
create index patient_retirements_patient on patient_retirements (clinic_id, patient_id);
create index patient_retirements_into on patient_retirements (clinic_id, merged_into);

create function patient_retirements_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  raise exception 'patient_retirements is append-only';
end
$$;
create trigger patient_retirements_append_only before update or delete on patient_retirements
  for each row execute function patient_retirements_refuse_change();

-- True while this transaction is merging `from_patient` into `to_patient`
-- (set with set_config('acuback.merging_patient', 'clinic:from:to', true)).
create function patient_being_merged(clinic uuid, from_patient uuid, to_patient uuid) returns boolean language sql stable as $$
  select coalesce(current_setting('acuback.merging_patient', true), '') = clinic::text || ':' || from_patient::text || ':' || to_patient::text
$$;

-- The only change a merge makes to a kept row: its patient_id, nothing else.
create function only_patient_moved(old_row jsonb, new_row jsonb) returns boolean language sql immutable as $$
  select (old_row - 'patient_id') = (new_row - 'patient_id')
$$;

create or replace function record_revisions_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  if tg_op = 'UPDATE' and patient_being_merged(old.clinic_id, old.patient_id, new.patient_id)
     and only_patient_moved(to_jsonb(old), to_jsonb(new)) then return new; end if;
  raise exception 'record_revisions is append-only';
end
$$;

create or replace function clinical_entry_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  if tg_op = 'UPDATE' and patient_being_merged(old.clinic_id, old.patient_id, new.patient_id)
     and only_patient_moved(to_jsonb(old), to_jsonb(new)) then return new; end if;
  raise exception '% rows are kept as entered: add a revision instead', tg_table_name;
end
$$;

create or replace function visits_refuse_signed_change() returns trigger language plpgsql as $$
begin
  if old.status = 'signed' and not (tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id))
     and not (tg_op = 'UPDATE' and patient_being_merged(old.clinic_id, old.patient_id, new.patient_id)
              and only_patient_moved(to_jsonb(old), to_jsonb(new))) then
    raise exception 'visit % is signed: add an amendment instead', old.id;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create or replace function episodes_refuse_intake_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if demo_clinic_being_removed(old.clinic_id) then return old; end if;
    raise exception 'episodes are kept as entered';
  end if;
  if patient_being_merged(old.clinic_id, old.patient_id, new.patient_id) and only_patient_moved(to_jsonb(old), to_jsonb(new)) then
    return new;
  end if;
  if (new.intake_on, new.onset_date, new.location, new.radiation, new.radiation_side, new.prior_episodes,
      new.spinal_surgery, new.pregnant, new.pregnancy_weeks, new.work_status, new.notes, new.tcm_patterns,
      new.tongue, new.pulse, new.patient_id, new.clinic_id)
     is distinct from
     (old.intake_on, old.onset_date, old.location, old.radiation, old.radiation_side, old.prior_episodes,
      old.spinal_surgery, old.pregnant, old.pregnancy_weeks, old.work_status, old.notes, old.tcm_patterns,
      old.tongue, old.pulse, old.patient_id, old.clinic_id) then
    raise exception 'intake answers of episode % are kept as entered: add a revision instead', old.id;
  end if;
  return new;
end
$$;
