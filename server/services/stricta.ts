/**
 * The STRICTA 2010 record of a patient's course of care (domain/treatment/stricta.ts),
 * from what the clinic charted: the plans with their protocol's source, the
 * signed visits (a visit an amendment marks entered in error is left out and
 * counted), the backgrounds of the practitioners who treated, and the clinic.
 * Clinical data: practitioners and owners only; every read is audited.
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import { chartAsAmended } from "../../domain/treatment/chartCorrection.ts";
import { findProtocol } from "../../domain/treatment/protocols.ts";
import { strictaRecord, type StrictaPlan, type StrictaRecord } from "../../domain/treatment/stricta.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findClinicProtocol } from "../db/repositories/clinicProtocols.ts";
import { findClinic } from "../db/repositories/clinics.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listPlans, type PlanRecord } from "../db/repositories/treatmentPlans.ts";
import { listUsers } from "../db/repositories/users.ts";
import { listAmendments, listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface StrictaView extends StrictaRecord {
  patient: { id: string; recordNumber: string; name: string };
  clinic: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function planOf(db: Database, actor: Actor, plan: PlanRecord): Promise<StrictaPlan> {
  let protocol: StrictaPlan["protocol"] = null;
  if (plan.protocolId) {
    const library = findProtocol(plan.protocolId);
    if (library) {
      protocol = { name: library.name, source: library.source.doi ? `${library.source.citation} doi:${library.source.doi}` : library.source.citation };
    } else if (UUID.test(plan.protocolId)) {
      const own = await findClinicProtocol(db, actor.clinicId, plan.protocolId);
      if (own) protocol = { name: own.name, source: `the clinic's own protocol${own.note ? ` (${own.note})` : ""}` };
    }
  }
  return {
    startOn: plan.startOn,
    modality: plan.modality,
    style: plan.style,
    rationale: plan.rationale,
    protocol,
    schedule: plan.schedule,
    plannedVisits: plan.plannedVisits,
  };
}

export async function strictaOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<StrictaView>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const patient = await findPatient(db, actor.clinicId, patientId);
  if (!patient) return fail("PATIENT_NOT_FOUND");
  const signed = (await listVisits(db, actor.clinicId, patientId)).filter((v) => v.status === "signed");
  const amendments = await listAmendments(db, actor.clinicId, signed.map((v) => v.id));
  const inError = new Set(amendments.filter((a) => a.enteredInError).map((a) => a.visitId));
  const visits = signed.filter((v) => !inError.has(v.id));
  const plans = await Promise.all((await listPlans(db, actor.clinicId, patientId)).map((plan) => planOf(db, actor, plan)));
  const users = await listUsers(db, actor.clinicId);
  const clinic = await findClinic(db, actor.clinicId);
  const record = strictaRecord({
    plans,
    // What was done is the chart as amended: a correction of the points or e-stim is the record of the treatment.
    visits: visits.map((v) => ({
      visitOn: v.visitOn,
      practitionerId: v.practitionerId,
      chart: chartAsAmended(v.chart, amendments.filter((a) => a.visitId === v.id).map((a) => a.chartCorrection)),
    })),
    practitioners: users.map((u) => ({ id: u.id, name: u.displayName, background: u.background })),
    setting: { clinicName: clinic?.name ?? "the clinic" },
    excludedVisits: inError.size,
  });
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "stricta",
    patientId,
    ip: actor.ip,
    detail: { visits: visits.length, excluded: inError.size, missing: record.counts.missing },
  });
  return ok({
    ...record,
    patient: { id: patient.id, recordNumber: patient.recordNumber, name: `${patient.familyName}, ${patient.givenName}` },
    clinic: clinic?.name ?? "",
  });
}
