/** Medications, with the current opioid total in MME/day (CDC 2022 factors). */
import { mmePerDay } from "../../domain/assessment/mme.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { insertMedication, listMedications, stopMedication, type MedicationFields, type MedicationRecord } from "../db/repositories/medications.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface MedicationList {
  medications: MedicationRecord[];
  /** Total MME/day of the opioids not stopped. */
  currentMmePerDay: number;
}

function summarise(medications: MedicationRecord[]): MedicationList {
  const current = medications.filter((m) => m.stoppedOn === null && m.opioid !== null && m.dailyDose !== null);
  return {
    medications,
    currentMmePerDay: mmePerDay(current.map((m) => ({ opioid: m.opioid!, dailyDose: m.dailyDose! }))),
  };
}

export async function medicationsOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<MedicationList>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const medications = await listMedications(db, actor.clinicId, patientId);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "medication", patientId, ip: actor.ip, detail: { count: medications.length } });
  return ok(summarise(medications));
}

export async function addMedication(db: Database, actor: Actor, patientId: PatientId, fields: MedicationFields): Promise<Outcome<MedicationList>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await findPatient(tx, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
    const medication = await insertMedication(tx, actor.clinicId, patientId, fields, actor.userId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "medication", entityId: medication.id, patientId, ip: actor.ip });
    return ok(summarise(await listMedications(tx, actor.clinicId, patientId)));
  });
}

export async function endMedication(db: Database, actor: Actor, medicationId: string, stoppedOn: CalendarDate): Promise<Outcome<MedicationList>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const patientId = await stopMedication(tx, actor.clinicId, medicationId, stoppedOn);
    if (!patientId) return fail("MEDICATION_NOT_FOUND");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "medication", entityId: medicationId, patientId, ip: actor.ip });
    return ok(summarise(await listMedications(tx, actor.clinicId, patientId)));
  });
}
