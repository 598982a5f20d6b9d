import type { Opioid } from "../../../domain/assessment/mme.ts";
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface MedicationFields {
  name: string;
  opioid: Opioid | null;
  dailyDose: number | null;
  startedOn: CalendarDate | null;
  note: string | null;
}

export interface MedicationRecord extends MedicationFields {
  id: string;
  patientId: PatientId;
  stoppedOn: CalendarDate | null;
  /** Kept, but counted in no total (domain/shared/correction.ts). */
  enteredInError: boolean;
  /** When it was last changed (stopped or corrected); null when it stands as first entered. */
  revisedAt: string | null;
}

interface Row {
  id: string;
  patient_id: PatientId;
  name: string;
  opioid: Opioid | null;
  daily_dose: string | number | null;
  started_on: CalendarDate | null;
  stopped_on: CalendarDate | null;
  note: string | null;
  entered_in_error: boolean;
  revised_at: Date | null;
}

const COLUMNS = "id, patient_id, name, opioid, daily_dose, started_on, stopped_on, note, entered_in_error, revised_at";

function toMedication(row: Row): MedicationRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    name: row.name,
    opioid: row.opioid,
    // numeric comes back as text from both drivers, to keep its precision
    dailyDose: row.daily_dose === null ? null : Number(row.daily_dose),
    startedOn: row.started_on,
    stoppedOn: row.stopped_on,
    note: row.note,
    enteredInError: row.entered_in_error,
    revisedAt: row.revised_at ? isoTimestamp(row.revised_at) : null,
  };
}

export async function insertMedication(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  fields: MedicationFields,
  createdBy: UserId,
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into medications (clinic_id, patient_id, name, opioid, daily_dose, started_on, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [clinicId, patientId, fields.name, fields.opioid, fields.dailyDose, fields.startedOn, fields.note, createdBy],
  );
  return row!.id;
}

/** As they stand now (stops and corrections applied), entries in error included and marked; current ones first. */
export async function listMedications(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<MedicationRecord[]> {
  const rows = await q.query<Row>(
    `select ${COLUMNS} from medications_current where clinic_id = $1 and patient_id = $2 order by entered_in_error, stopped_on nulls first, created_at`,
    [clinicId, patientId],
  );
  return rows.map(toMedication);
}

export async function findMedication(q: Queryable, clinicId: ClinicId, id: string): Promise<MedicationRecord | null> {
  const [row] = await q.query<Row>(`select ${COLUMNS} from medications_current where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toMedication(row) : null;
}
