-- The demo clinic can be removed in one step when a clinic goes live
-- (issue 10). It is marked, rather than found by name, so renaming it does not
-- lose it. Its rows go in one transaction; the append-only tables let a row go
-- only while that transaction has named this demo clinic for removal, so a
-- real clinic's audit log, signed visits, amendments and claims stay
-- unremovable. What was removed is kept in clinic_removals, which belongs to
-- no clinic (the removed one no longer exists).
alter table clinics add column demo boolean not null default false;
update clinics set demo = true where name = 'Riverside Acupuncture (demo)';

create table clinic_removals (
  id bigserial primary key,
  removed_clinic_id uuid not null,
  clinic_name text not null,
  removed_by text not null check (length(removed_by) between 1 and 320),
  removed_at timestamptz not null default now(),
  rows_removed jsonb not null
);

create function demo_clinic_being_removed(clinic uuid) returns boolean language sql stable as $$
  select coalesce(current_setting('acuback.removing_demo_clinic', true), '') = clinic::text
     and exists (select 1 from clinics c where c.id = clinic and c.demo)
$$;

create or replace function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  raise exception 'audit_events is append-only';
end
$$;

create or replace function visits_refuse_signed_change() returns trigger language plpgsql as $$
begin
  if old.status = 'signed' and not (tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id)) then
    raise exception 'visit % is signed: add an amendment instead', old.id;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create or replace function visit_amendments_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  raise exception 'visit_amendments is append-only';
end
$$;

create or replace function visit_claims_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  raise exception 'visit_claims is append-only';
end
$$;

-- The entries kept as first made (migration 0017) likewise let go only of the demo's rows.
create or replace function record_revisions_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  raise exception 'record_revisions is append-only';
end
$$;

create or replace function clinical_entry_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and demo_clinic_being_removed(old.clinic_id) then return old; end if;
  raise exception '% rows are kept as entered: add a revision instead', tg_table_name;
end
$$;

create or replace function episodes_refuse_intake_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if demo_clinic_being_removed(old.clinic_id) then return old; end if;
    raise exception 'episodes are kept as entered';
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
