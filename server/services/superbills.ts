/**
 * Superbills: what the patient hands their insurer, for one visit or a date
 * range, from the claim lines stored at signing (the last computation of each
 * visit). Visits entered in error are left out. Acuback records no payments
 * yet, so the payments list is empty and the balance is the total.
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import { renderSuperbill } from "../billing/superbillPdf.ts";
import type { Superbill, SuperbillParty } from "../billing/superbillData.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findClinicBilling, listProviderBilling, type ProviderBilling } from "../db/repositories/billingDetails.ts";
import { findPatientCoverage, listVisitClaims } from "../db/repositories/coverage.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { findVisit, listAmendments, listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

const party = (p: ProviderBilling): SuperbillParty => ({ name: p.displayName, credential: p.credential, npi: p.npi, licence: p.licence });
const joined = (...parts: (string | null)[]) => parts.filter(Boolean).join(", ") || null;

export async function superbillFor(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  period: { from: CalendarDate; to: CalendarDate } | { visitId: string },
  now: Date,
): Promise<Outcome<Buffer>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const patient = await findPatient(db, actor.clinicId, patientId);
  if (!patient) return fail("PATIENT_NOT_FOUND");
  let visits = (await listVisits(db, actor.clinicId, patientId)).filter((v) => v.status === "signed");
  if ("visitId" in period) {
    const visit = await findVisit(db, actor.clinicId, period.visitId);
    if (!visit || visit.patientId !== patientId) return fail("VISIT_NOT_FOUND");
    if (visit.status !== "signed") return fail("VALIDATION_FAILED", "A superbill is made from signed visits; sign this one first.");
    visits = [visit];
  } else {
    visits = visits.filter((v) => v.visitOn >= period.from && v.visitOn <= period.to);
  }
  const inError = new Set((await listAmendments(db, actor.clinicId, visits.map((v) => v.id))).filter((a) => a.enteredInError).map((a) => a.visitId));
  visits = visits.filter((v) => !inError.has(v.id)).sort((a, b) => (a.visitOn < b.visitOn ? -1 : 1));
  if (visits.length === 0) return fail("VISIT_NOT_FOUND", "No signed visits in that period.");
  const claims = await listVisitClaims(db, actor.clinicId, visits.map((v) => v.id));
  const inForce = new Map(claims.map((c) => [c.visitId, c]));
  const clinic = await findClinicBilling(db, actor.clinicId);
  const providers = await listProviderBilling(db, actor.clinicId);
  const coverage = await findPatientCoverage(db, actor.clinicId, patientId);
  const diagnoses: Superbill["diagnoses"] = [];
  const lines: Superbill["lines"] = [];
  for (const visit of visits) {
    const claim = inForce.get(visit.id);
    if (!claim) continue;
    const pointers = claim.diagnoses.map((d) => {
      let index = diagnoses.findIndex((x) => x.code === d.code);
      if (index < 0) index = diagnoses.push(d) - 1;
      return index + 1;
    });
    for (const line of claim.lines) {
      lines.push({ dateOfService: visit.visitOn, code: line.code, modifiers: line.modifiers, units: line.units, diagnosisPointers: pointers, feeCents: line.feeCents });
    }
  }
  const rendering = [...new Set(visits.map((v) => v.practitionerId))].flatMap((id) => providers.filter((p) => p.id === id).map(party));
  const supervisor = providers.find((p) => p.id === coverage?.supervisorId);
  const bill: Superbill = {
    clinic: { name: clinic.name, address: joined(clinic.addressLine, clinic.city, joined(clinic.region, clinic.postalCode)), phone: clinic.phone, taxId: clinic.taxId, npi: clinic.npi },
    rendering,
    supervising: supervisor ? party(supervisor) : null,
    patient: {
      name: `${patient.givenName} ${patient.familyName}`,
      birthDate: patient.birthDate,
      address: joined(patient.addressLine, patient.city, joined(patient.region, patient.postalCode)),
      memberId: coverage?.memberId ?? null,
      payer: coverage ? { medicare: "Medicare", plan: "Insurance plan", "self-pay": "Self-pay" }[coverage.payer] : "Self-pay",
    },
    period: { from: visits[0]!.visitOn, to: visits.at(-1)!.visitOn },
    diagnoses,
    lines,
    payments: [],
    issuedAt: now.toISOString(),
  };
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "superbill", patientId, ip: actor.ip, detail: { visits: visits.length } });
  return ok(await renderSuperbill(bill));
}
