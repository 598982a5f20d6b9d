-- Reads the FHIR bulk export (issue 14) makes for every patient of a clinic,
-- made to cost the same however large the clinic is.
--
-- 1. It pages through a clinic's patients in id order, 200 at a time (keyset
--    paging: `id > last`), so it never holds the clinic in memory. This index
--    lets each page start where the last ended.
create index patients_clinic_id on patients (clinic_id, id);

-- 2. The *_current views (0017) gave every column from jsonb_populate_record's
--    output, so `where clinic_id = $1 and patient_id = $2` filtered that output:
--    the planner could not use the table's index and laid every revision over
--    every row of every clinic before filtering (one patient's episodes cost
--    ~15 ms with 300 patients, and grew with the clinic). The row's identity
--    (id, clinic_id, patient_id) is now taken from the table itself, which a
--    correction never changes (a revision names the corrected columns only,
--    and a merge moves the row itself), so those filters reach the indexes.
--    Same columns in the same order, so every query reads the same values.
do $$
declare
  v record;
  cols text;
begin
  for v in select * from (values
      ('pain_scores_current', 'pain_scores', 'pain_score'),
      ('instrument_responses_current', 'instrument_responses', 'instrument_response'),
      ('medications_current', 'medications', 'medication'),
      ('episodes_current', 'episodes', 'episode')) as t(view_name, table_name, kind)
  loop
    select string_agg(
             case
               when column_name in ('id', 'clinic_id', 'patient_id') then 'p.' || quote_ident(column_name)
               when column_name = 'entered_in_error' then 'coalesce(r.entered_in_error, false) as entered_in_error'
               when column_name = 'revised_at' then 'r.corrected_at as revised_at'
               else 'c.' || quote_ident(column_name)
             end, ', ' order by ordinal_position)
      into cols
      from information_schema.columns
     where table_schema = current_schema() and table_name = v.view_name;
    execute format(
      $view$create or replace view %I as
        select %s
          from %I p
          left join lateral (
            -- revised_at: when last corrected or marked in error (a medication's stop is care, not a correction)
            select after, entered_in_error,
                   max(at) filter (where action <> 'stopped') over () as corrected_at
              from record_revisions
             where clinic_id = p.clinic_id and record_kind = %L and record_id = p.id
             order by seq desc limit 1
          ) r on true
          cross join lateral jsonb_populate_record(p, coalesce(r.after, '{}'::jsonb)) c$view$,
      v.view_name, cols, v.table_name, v.kind);
  end loop;
end $$;
