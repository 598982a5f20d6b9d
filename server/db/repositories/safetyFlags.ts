import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface SafetyFlagRecord {
  flag: string;
  active: boolean;
  note: string | null;
  updatedAt: string;
}

export async function listSafetyFlags(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<SafetyFlagRecord[]> {
  const rows = await q.query<{ flag: string; active: boolean; note: string | null; updated_at: Date }>(
    "select flag, active, note, updated_at from patient_safety_flags where clinic_id = $1 and patient_id = $2 order by flag",
    [clinicId, patientId],
  );
  return rows.map((row) => ({ flag: row.flag, active: row.active, note: row.note, updatedAt: isoTimestamp(row.updated_at) }));
}

export async function upsertSafetyFlag(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  flag: { flag: string; active: boolean; note: string | null },
  updatedBy: UserId,
): Promise<void> {
  await q.query(
    `insert into patient_safety_flags (clinic_id, patient_id, flag, active, note, updated_by)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (clinic_id, patient_id, flag)
     do update set active = excluded.active, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()`,
    [clinicId, patientId, flag.flag, flag.active, flag.note, updatedBy],
  );
}
