/**
 * What billing needs set up: the patient's coverage (the front desk keeps it,
 * as it keeps demographics), and the clinic's payer plans, fee schedule and
 * billing details with its providers' NPIs (owners).
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { findClinicByName } from "../db/repositories/clinics.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import {
  findClinicBilling,
  listProviderBilling,
  updateClinicBilling,
  updateProviderBilling,
  type ClinicBilling,
  type ProviderBilling,
} from "../db/repositories/billingDetails.ts";
import {
  feeSchedule,
  findPatientCoverage,
  findPayerPlan,
  insertPayerPlan,
  listPayerPlans,
  replaceFeeSchedule,
  updatePayerPlan,
  upsertPatientCoverage,
  type PatientCoverage,
  type PayerPlanRecord,
} from "../db/repositories/coverage.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { isUniqueViolation } from "../db/repositories/rows.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { matchStaffNpis, type NpiDirectoryMatch } from "./staffNpiMatch.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";

export async function patientCoverageOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<PatientCoverage | null>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "patient_coverage", patientId, ip: actor.ip });
  return ok(await findPatientCoverage(db, actor.clinicId, patientId));
}

export async function setPatientCoverage(db: Database, actor: Actor, patientId: PatientId, coverage: PatientCoverage): Promise<Outcome<PatientCoverage>> {
  const refused = denied(actor, "patients.demographics.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    if (coverage.planId && !(await findPayerPlan(tx, actor.clinicId, coverage.planId))) return fail("PAYER_PLAN_NOT_FOUND");
    if (coverage.supervisorId) {
      const supervisor = (await listProviderBilling(tx, actor.clinicId)).find((p) => p.id === coverage.supervisorId);
      if (!supervisor || supervisor.furnisher === "acupuncturist") {
        return fail("VALIDATION_FAILED", "The supervisor must be a physician, NP, PA or CNS of this clinic (42 CFR 410.26).", { supervisorId: "Not a supervising provider." });
      }
    }
    await upsertPatientCoverage(tx, actor.clinicId, patientId, coverage, actor.userId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "patient_coverage", patientId, ip: actor.ip, detail: { payer: coverage.payer } });
    return ok(coverage);
  });
}

export async function payerPlansOf<Rules>(db: Database, actor: Actor): Promise<Outcome<PayerPlanRecord<Rules>[]>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  return ok(await listPayerPlans<Rules>(db, actor.clinicId));
}

export async function savePayerPlan<Rules>(db: Database, actor: Actor, plan: { id?: string; name: string; rules: Rules }): Promise<Outcome<PayerPlanRecord<Rules>>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    return await db.transaction(async (tx) => {
      const saved = plan.id ? await updatePayerPlan(tx, actor.clinicId, plan.id, plan.name, plan.rules) : await insertPayerPlan(tx, actor.clinicId, plan.name, plan.rules);
      if (!saved) return fail("PAYER_PLAN_NOT_FOUND");
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: plan.id ? "update" : "create", entity: "payer_plan", entityId: saved.id, ip: actor.ip });
      return ok(saved);
    });
  } catch (error) {
    if (isUniqueViolation(error, "payer_plans_clinic_id_name_key")) return fail("VALIDATION_FAILED", "The clinic already has a plan with that name.", { name: "Taken." });
    throw error;
  }
}

export async function feeScheduleOf(db: Database, actor: Actor): Promise<Outcome<Record<string, number>>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  return ok(await feeSchedule(db, actor.clinicId));
}

export async function setFeeSchedule(db: Database, actor: Actor, fees: Record<string, number>): Promise<Outcome<Record<string, number>>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    await replaceFeeSchedule(tx, actor.clinicId, fees);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "fee_schedule", ip: actor.ip, detail: { codes: Object.keys(fees) } });
    return ok(await feeSchedule(tx, actor.clinicId));
  });
}

export interface BillingDetails {
  clinic: ClinicBilling;
  /** Each provider with how the directory lists their NPI (null: no NPI given). */
  providers: (ProviderBilling & { directory: NpiDirectoryMatch | null })[];
}

async function detailsOf(q: Queryable, actor: Actor): Promise<BillingDetails> {
  const providers = await listProviderBilling(q, actor.clinicId);
  const matches = await matchStaffNpis(q, providers);
  return { clinic: await findClinicBilling(q, actor.clinicId), providers: providers.map((p) => ({ ...p, directory: matches.get(p.id) ?? null })) };
}

export async function billingDetailsOf(db: Database, actor: Actor): Promise<Outcome<BillingDetails>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  return ok(await detailsOf(db, actor));
}

export async function setBillingDetails(
  db: Database,
  actor: Actor,
  details: { clinic: Omit<ClinicBilling, "name"> & { name?: string }; providers: Omit<ProviderBilling, "displayName">[] },
): Promise<Outcome<BillingDetails>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (details.clinic.name !== undefined) {
      const same = await findClinicByName(tx, details.clinic.name);
      if (same && same.id !== actor.clinicId) return fail("VALIDATION_FAILED", "Another clinic here already has that name.", { name: "Taken." });
    }
    await updateClinicBilling(tx, actor.clinicId, details.clinic);
    for (const provider of details.providers) {
      if (!(await updateProviderBilling(tx, actor.clinicId, provider.id, provider))) return fail("USER_NOT_FOUND");
    }
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "billing_details",
      ip: actor.ip,
      detail: details.clinic.name !== undefined ? { clinicName: details.clinic.name } : {},
    });
    return ok(await detailsOf(tx, actor));
  });
}
