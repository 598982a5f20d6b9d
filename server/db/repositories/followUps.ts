import type { ClinicId, PatientId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Recorded } from "../../../domain/outcomes/followUp.ts";
import type { Queryable } from "../database.ts";

export interface EpisodeForFollowUp {
  patientId: PatientId;
  givenName: string;
  familyName: string;
  recordNumber: string;
  /** Intake date: the day the episode was recorded. */
  startedOn: CalendarDate;
  /** What was measured since intake, and when (chart pain scores count as NRS). */
  recorded: Recorded[];
}

/** Each patient's latest episode with the dates outcomes were recorded since it began. */
export async function episodesForFollowUp(q: Queryable, clinicId: ClinicId): Promise<EpisodeForFollowUp[]> {
  const rows = await q.query<{
    patient_id: PatientId;
    given_name: string;
    family_name: string;
    record_number: string;
    started_on: CalendarDate;
    recorded: Recorded[] | null;
  }>(
    `with latest as (
       select distinct on (patient_id) patient_id, intake_on as started_on
         from episodes_current where clinic_id = $1 and not entered_in_error order by patient_id, intake_on desc, created_at desc
     ), outcomes as (
       select patient_id, instrument, recorded_on from instrument_responses_current where clinic_id = $1 and not entered_in_error
       union
       select patient_id, 'nrs', recorded_on from pain_scores_current where clinic_id = $1 and not entered_in_error
     )
     select l.patient_id, p.given_name, p.family_name, p.record_number, l.started_on::text as started_on,
            json_agg(json_build_object('instrument', o.instrument, 'recordedOn', o.recorded_on::text)) filter (where o.recorded_on is not null) as recorded
       from latest l
       join patients p on p.clinic_id = $1 and p.id = l.patient_id
       left join outcomes o on o.patient_id = l.patient_id and o.recorded_on >= l.started_on
      group by l.patient_id, p.given_name, p.family_name, p.record_number, l.started_on
      order by lower(p.family_name), lower(p.given_name)`,
    [clinicId],
  );
  return rows.map((row) => ({
    patientId: row.patient_id,
    givenName: row.given_name,
    familyName: row.family_name,
    recordNumber: row.record_number,
    startedOn: row.started_on,
    recorded: row.recorded ?? [],
  }));
}

export interface CourseRow {
  patientId: PatientId;
  intakeOn: CalendarDate;
  /** "nrs" for chart pain scores, else the questionnaire's instrument id. */
  instrument: string | null;
  value: number | null;
  recordedOn: CalendarDate | null;
  createdAt: string | null;
}

/** Each patient's latest intake with every pain score and questionnaire (one row per reading; a row of nulls when none). */
export async function coursesForDashboard(q: Queryable, clinicId: ClinicId): Promise<CourseRow[]> {
  const rows = await q.query<{
    patient_id: PatientId;
    intake_on: CalendarDate;
    instrument: string | null;
    value: string | number | null;
    recorded_on: CalendarDate | null;
    created_at: Date | null;
  }>(
    `with latest as (
       select distinct on (patient_id) patient_id, intake_on::text as intake_on
         from episodes_current where clinic_id = $1 and not entered_in_error order by patient_id, intake_on desc, created_at desc
     ), readings as (
       select patient_id, 'nrs' as instrument, score::numeric as value, recorded_on, created_at from pain_scores_current where clinic_id = $1 and not entered_in_error
       union all
       select patient_id, instrument, score as value, recorded_on, created_at from instrument_responses_current where clinic_id = $1 and not entered_in_error
     )
     select l.patient_id, l.intake_on, r.instrument, r.value, r.recorded_on::text as recorded_on, r.created_at
       from latest l left join readings r on r.patient_id = l.patient_id
      order by l.patient_id, r.recorded_on, r.created_at`,
    [clinicId],
  );
  return rows.map((row) => ({
    patientId: row.patient_id,
    intakeOn: row.intake_on,
    instrument: row.instrument,
    value: row.value === null ? null : Number(row.value),
    recordedOn: row.recorded_on,
    createdAt: row.created_at ? new Date(row.created_at).toISOString() : null,
  }));
}
