/**
 * The front desk books courses but does not read the clinical record, so it
 * gets each plan's scheduling facts only: when it starts, its schedule in
 * words, how many visits it plans and how many are signed, and who made it
 * (the practitioner the course is booked with by default). No modality,
 * protocol, goals or rationale. The read is audited.
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listPlans } from "../db/repositories/treatmentPlans.ts";
import { listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface CourseToBook {
  planId: string;
  startOn: string;
  schedule: string;
  plannedVisits: number;
  signedVisits: number;
  practitionerId: string | null;
}

/** The patient's plans still running (not ended, fewer visits signed than planned). */
export async function coursesToBook(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<CourseToBook[]>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const [plans, visits] = await Promise.all([listPlans(db, actor.clinicId, patientId), listVisits(db, actor.clinicId, patientId)]);
  const courses = plans
    .filter((plan) => plan.endedOn === null)
    .map((plan) => ({
      planId: plan.id,
      startOn: plan.startOn,
      schedule: plan.schedule,
      plannedVisits: plan.plannedVisits,
      signedVisits: visits.filter((v) => v.planId === plan.id && v.status === "signed").length,
      practitionerId: plan.createdBy,
    }))
    .filter((course) => course.signedVisits < course.plannedVisits);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "treatment_plan", patientId, ip: actor.ip, detail: { count: courses.length, scheduling: true } });
  return ok(courses);
}
