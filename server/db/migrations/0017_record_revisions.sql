-- Corrections of pain scores, questionnaire responses, medications and
-- episodes (intake answers), made the way signed visits are amended: the row
-- as first entered never changes, and every change is an appended revision
-- that holds the record's whole value after it (and before it), who made it,
-- when and why. The current value is the latest revision laid over the row
-- (the *_current views); an entry marked entered in error stays stored.

create table record_revisions (
  id uuid primary key default gen_random_uuid(),
  -- orders revisions of one record even within one transaction
  seq bigint generated always as identity,
  clinic_id uuid not null,
  patient_id uuid not null,
  record_kind text not null check (record_kind in ('pain_score', 'instrument_response', 'medication', 'episode')),
  record_id uuid not null,
  -- correction: values changed; entered-in-error: the entry should not have been made;
  -- stopped: a medication ended (the one change that is not a correction, so no reason needed)
  action text not null check (action in ('correction', 'entered-in-error', 'stopped')),
  reason text check (length(reason) between 1 and 2000),
  -- the record's columns (by column name) before and after the change
  before jsonb not null,
  after jsonb not null,
  entered_in_error boolean not null default false,
  author_id uuid not null references users (id),
  at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  check (action = 'stopped' or reason is not null),
  check ((action = 'entered-in-error') = entered_in_error)
);
create index record_revisions_record on record_revisions (clinic_id, record_kind, record_id, seq desc);

create function record_revisions_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'record_revisions is append-only';
end
$$;
create trigger record_revisions_append_only before update or delete on record_revisions
  for each row execute function record_revisions_refuse_change();
create trigger record_revisions_no_truncate before truncate on record_revisions
  for each statement execute function record_revisions_refuse_change();

-- The entries as first made are kept as they were: changes go through revisions.
create function clinical_entry_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% rows are kept as entered: add a revision instead', tg_table_name;
end
$$;
create trigger pain_scores_kept before update or delete on pain_scores
  for each row execute function clinical_entry_refuse_change();
create trigger instrument_responses_kept before update or delete on instrument_responses
  for each row execute function clinical_entry_refuse_change();
create trigger medications_kept before update or delete on medications
  for each row execute function clinical_entry_refuse_change();

-- An episode's billing diagnosis (icd10_code, systemic_cause) is set after
-- intake and stays editable; its intake answers are kept as entered.
create function episodes_refuse_intake_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
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
create trigger episodes_intake_kept before update or delete on episodes
  for each row execute function episodes_refuse_intake_change();

-- The current value of each entry: the row with its latest revision's values
-- laid over it (jsonb_populate_record keeps the row's value for any column the
-- revision does not name), and whether it was marked entered in error.
create view pain_scores_current as
  select c.*, coalesce(r.entered_in_error, false) as entered_in_error, r.corrected_at as revised_at
    from pain_scores p
    left join lateral (
      -- revised_at: when last corrected or marked in error (a medication's stop is care, not a correction)
      select after, entered_in_error,
             max(at) filter (where action <> 'stopped') over () as corrected_at
        from record_revisions
       where clinic_id = p.clinic_id and record_kind = 'pain_score' and record_id = p.id
       order by seq desc limit 1
    ) r on true
    cross join lateral jsonb_populate_record(p, coalesce(r.after, '{}'::jsonb)) c;

create view instrument_responses_current as
  select c.*, coalesce(r.entered_in_error, false) as entered_in_error, r.corrected_at as revised_at
    from instrument_responses p
    left join lateral (
      -- revised_at: when last corrected or marked in error (a medication's stop is care, not a correction)
      select after, entered_in_error,
             max(at) filter (where action <> 'stopped') over () as corrected_at
        from record_revisions
       where clinic_id = p.clinic_id and record_kind = 'instrument_response' and record_id = p.id
       order by seq desc limit 1
    ) r on true
    cross join lateral jsonb_populate_record(p, coalesce(r.after, '{}'::jsonb)) c;

create view medications_current as
  select c.*, coalesce(r.entered_in_error, false) as entered_in_error, r.corrected_at as revised_at
    from medications p
    left join lateral (
      -- revised_at: when last corrected or marked in error (a medication's stop is care, not a correction)
      select after, entered_in_error,
             max(at) filter (where action <> 'stopped') over () as corrected_at
        from record_revisions
       where clinic_id = p.clinic_id and record_kind = 'medication' and record_id = p.id
       order by seq desc limit 1
    ) r on true
    cross join lateral jsonb_populate_record(p, coalesce(r.after, '{}'::jsonb)) c;

create view episodes_current as
  select c.*, coalesce(r.entered_in_error, false) as entered_in_error, r.corrected_at as revised_at
    from episodes p
    left join lateral (
      -- revised_at: when last corrected or marked in error (a medication's stop is care, not a correction)
      select after, entered_in_error,
             max(at) filter (where action <> 'stopped') over () as corrected_at
        from record_revisions
       where clinic_id = p.clinic_id and record_kind = 'episode' and record_id = p.id
       order by seq desc limit 1
    ) r on true
    cross join lateral jsonb_populate_record(p, coalesce(r.after, '{}'::jsonb)) c;

-- A red-flag screen recorded to correct an earlier one names it and says why;
-- the gate reads the latest screen, so the correction re-runs it.
alter table red_flag_screens add column corrects_id uuid references red_flag_screens (id);
alter table red_flag_screens add column correction_reason text check (length(correction_reason) between 1 and 2000);
alter table red_flag_screens add constraint red_flag_screens_correction_reason check ((corrects_id is null) = (correction_reason is null));
