/** Medications, with the current opioid total in MME/day (CDC 2022 factors). */
import { mmePerDay } from "../../domain/assessment/mme.ts";
import { DEFAULT_DOSE_LIMITS, judgeDose, type DoseLimits } from "../../domain/plausibility/medicationDose.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import { changedFields, counts, type CorrectionRequest } from "../../domain/shared/correction.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findMedication, insertMedication, listMedications, type MedicationFields, type MedicationRecord } from "../db/repositories/medications.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { entryPatient } from "../db/repositories/recordRevisions.ts";
import { fail, ok, type Failure, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { appendRevision, reviseEntry, revisionsOf, type CorrectableEntry, type Revised } from "./corrections.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";
import { implausibleDates } from "./plausibleDates.ts";

export interface MedicationList {
  /** Every medication, entries in error included and marked. */
  medications: MedicationRecord[];
  /** Total MME/day of the opioids not stopped (entries in error count for nothing). */
  currentMmePerDay: number;
}

export interface MedicationValues extends MedicationFields {
  stoppedOn: CalendarDate | null;
}

function summarise(medications: MedicationRecord[]): MedicationList {
  const current = medications.filter((m) => counts(m) && m.stoppedOn === null && m.opioid !== null && m.dailyDose !== null);
  return {
    medications,
    currentMmePerDay: mmePerDay(current.map((m) => ({ opioid: m.opioid!, dailyDose: m.dailyDose! }))),
  };
}

const columnsOf = (m: MedicationValues) => ({
  name: m.name,
  opioid: m.opioid,
  daily_dose: m.dailyDose,
  started_on: m.startedOn,
  stopped_on: m.stoppedOn,
  note: m.note,
});

const STOPPED_BEFORE_START = "Stop date can't be before the start date.";
const stoppedBeforeStart = (prefix = "") => fail("VALIDATION_FAILED", STOPPED_BEFORE_START, { [`${prefix}stoppedOn`]: STOPPED_BEFORE_START });

/** How the dose typed is judged: the clinic's limits, and whether the user has confirmed a very high dose. */
export interface DoseCheck {
  limits: DoseLimits;
  confirmedHighDose: boolean;
}

/** The default limits with nothing confirmed: for callers without a clinic's configuration (the demo's own entries). */
const DEFAULT_CHECK: DoseCheck = { limits: DEFAULT_DOSE_LIMITS, confirmedHighDose: false };

/**
 * An opioid dose refused above the ceiling, or held for confirmation above the
 * warning level (domain/plausibility/medicationDose.ts); null when it may be saved.
 */
function implausibleDose(fields: MedicationFields, check: DoseCheck, prefix = ""): Failure | null {
  if (fields.opioid === null || fields.dailyDose === null) return null;
  const judged = judgeDose({ opioid: fields.opioid, dailyDose: fields.dailyDose }, check.limits);
  if (judged.level === "plausible" || (judged.level === "confirm" && check.confirmedHighDose)) return null;
  const field = { [`${prefix}dailyDose`]: judged.message };
  return judged.level === "refuse" ? fail("VALIDATION_FAILED", judged.message, field) : fail("DOSE_NEEDS_CONFIRMATION", judged.message, field);
}

const medicationEntry = (check: DoseCheck): CorrectableEntry<MedicationValues, MedicationRecord> => ({
  kind: "medication",
  table: "medications",
  notFound: "MEDICATION_NOT_FOUND",
  find: findMedication,
  columnsOf,
  correctedColumns: async (q, actor, entry, values) => {
    const implausible = await implausibleDates(q, actor.clinicId, entry.patientId, { startedOn: values.startedOn, stoppedOn: values.stoppedOn }, "values.");
    if (implausible) return implausible;
    if (values.stoppedOn !== null && values.startedOn !== null && values.stoppedOn < values.startedOn) return stoppedBeforeStart("values.");
    return implausibleDose(values, check, "values.") ?? ok(columnsOf(values));
  },
});

export async function medicationsOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<MedicationList>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const medications = await listMedications(db, actor.clinicId, patientId);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "medication", patientId, ip: actor.ip, detail: { count: medications.length } });
  return ok(summarise(medications));
}

export async function addMedication(db: Database, actor: Actor, patientId: PatientId, fields: MedicationFields, check: DoseCheck = DEFAULT_CHECK): Promise<Outcome<MedicationList>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const dose = implausibleDose(fields, check);
  if (dose) return dose;
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    const implausible = await implausibleDates(tx, actor.clinicId, patientId, { startedOn: fields.startedOn });
    if (implausible) return implausible;
    const id = await insertMedication(tx, actor.clinicId, patientId, fields, actor.userId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "medication", entityId: id, patientId, ip: actor.ip });
    return ok(summarise(await listMedications(tx, actor.clinicId, patientId)));
  });
}

/**
 * Records that a current medication was stopped: a revision like any other
 * change (no reason asked: stopping is care, not a correction), so a stop
 * made by mistake is itself corrected with a reason.
 */
export async function endMedication(db: Database, actor: Actor, medicationId: string, stoppedOn: CalendarDate): Promise<Outcome<MedicationList>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await entryPatient(tx, actor.clinicId, "medications", medicationId, true))) return fail("MEDICATION_NOT_FOUND");
    const medication = (await findMedication(tx, actor.clinicId, medicationId))!;
    if (medication.enteredInError || medication.stoppedOn !== null) return fail("MEDICATION_NOT_FOUND");
    if (medication.startedOn !== null && stoppedOn < medication.startedOn) return stoppedBeforeStart();
    const implausible = await implausibleDates(tx, actor.clinicId, medication.patientId, { stoppedOn });
    if (implausible) return implausible;
    const before = columnsOf(medication);
    const after = { ...before, stopped_on: stoppedOn };
    await appendRevision(tx, actor, "medication", {
      recordId: medicationId,
      patientId: medication.patientId,
      action: "stopped",
      reason: null,
      before,
      after,
      fields: changedFields(before, after),
    });
    return ok(summarise(await listMedications(tx, actor.clinicId, medication.patientId)));
  });
}

/** A medication (its stop included) corrected with a reason, or marked entered in error (services/corrections.ts). */
export function correctMedication(db: Database, actor: Actor, medicationId: string, request: CorrectionRequest<MedicationValues>, check: DoseCheck = DEFAULT_CHECK): Promise<Outcome<Revised>> {
  return reviseEntry(db, actor, medicationEntry(check), medicationId, request);
}

export function medicationRevisions(db: Database, actor: Actor, medicationId: string, limits: DoseLimits) {
  return revisionsOf(db, actor, medicationEntry({ limits, confirmedHighDose: false }), medicationId);
}
