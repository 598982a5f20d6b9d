import type { Opioid } from "../../../domain/assessment/mme.ts";
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Queryable } from "../database.ts";

export interface MedicationFields {
  name: string;
  opioid: Opioid | null;
  dailyDose: number | null;
  startedOn: CalendarDate | null;
  note: string | null;
}

export interface MedicationRecord extends MedicationFields {
  id: string;
  stoppedOn: CalendarDate | null;
}

interface Row {
  id: string;
  name: string;
  opioid: Opioid | null;
  daily_dose: string | number | null;
  started_on: CalendarDate | null;
  stopped_on: CalendarDate | null;
  note: string | null;
}

const COLUMNS = "id, name, opioid, daily_dose, started_on, stopped_on, note";

function toMedication(row: Row): MedicationRecord {
  return {
    id: row.id,
    name: row.name,
    opioid: row.opioid,
    // numeric comes back as text from both drivers, to keep its precision
    dailyDose: row.daily_dose === null ? null : Number(row.daily_dose),
    startedOn: row.started_on,
    stoppedOn: row.stopped_on,
    note: row.note,
  };
}

export async function insertMedication(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  fields: MedicationFields,
  createdBy: UserId,
): Promise<MedicationRecord> {
  const [row] = await q.query<Row>(
    `insert into medications (clinic_id, patient_id, name, opioid, daily_dose, started_on, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
    [clinicId, patientId, fields.name, fields.opioid, fields.dailyDose, fields.startedOn, fields.note, createdBy],
  );
  return toMedication(row!);
}

export async function listMedications(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<MedicationRecord[]> {
  const rows = await q.query<Row>(
    `select ${COLUMNS} from medications where clinic_id = $1 and patient_id = $2 order by stopped_on nulls first, created_at`,
    [clinicId, patientId],
  );
  return rows.map(toMedication);
}

/** Marks a medication stopped; returns its patient, or null when it is not this clinic's or already stopped. */
export async function stopMedication(q: Queryable, clinicId: ClinicId, id: string, stoppedOn: CalendarDate): Promise<PatientId | null> {
  const [row] = await q.query<{ patient_id: PatientId }>(
    `update medications set stopped_on = $3 where clinic_id = $1 and id = $2 and stopped_on is null
       and (started_on is null or started_on <= $3) returning patient_id`,
    [clinicId, id, stoppedOn],
  );
  return row?.patient_id ?? null;
}
