/**
 * Opening an appointment starts its visit chart: a draft dated the local day
 * of the appointment, against the appointment's plan, with the treatment
 * carried the usual way (the plan, else the last signed visit, else a blank
 * manual chart). The appointment is then attended ("done") and points at the
 * visit, in the same transaction, so a calendar never shows a chart that was
 * not started nor a started chart it does not know. Opening it again opens
 * the same chart.
 */
import { toLocal } from "../../domain/scheduling/clinicTime.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import { formatDate } from "../../domain/shared/dateWords.ts";
import type { Database, Queryable } from "../db/database.ts";
import * as appts from "../db/repositories/appointments.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { clinicTimeZone } from "../db/repositories/scheduleSettings.ts";
import { findVisit, listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import type { TreatmentStart } from "./treatmentStart.ts";
import { startVisitIn } from "./visits.ts";

export interface AppointmentChart {
  visitId: string;
  /** False when the appointment already had its chart and this opened it again. */
  started: boolean;
}

export async function openAppointmentChart(db: Database, actor: Actor, appointmentId: string, start: TreatmentStart | null): Promise<Outcome<AppointmentChart>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const appointment = await appts.findAppointment(tx, actor.clinicId, appointmentId, { lock: true });
    if (!appointment) return fail("APPOINTMENT_NOT_FOUND");
    if (appointment.visitId && (await findVisit(tx, actor.clinicId, appointment.visitId))) return ok({ visitId: appointment.visitId, started: false });
    if (appointment.status !== "booked") return fail("APPOINTMENT_NOT_BOOKED");
    const zone = await clinicTimeZone(tx, actor.clinicId);
    const today = toLocal(new Date(), zone).date;
    const visitOn = toLocal(appointment.start, zone).date;
    if (visitOn > today) return fail("APPOINTMENT_NOT_YET", `This appointment is on ${formatDate(visitOn)}: its chart opens on that day.`);
    const patientId = appointment.patientId as PatientId;
    const treatmentStart = start ?? (await defaultStart(tx, actor, patientId, appointment.planId));
    const visit = await startVisitIn(tx, actor, patientId, { visitOn, start: treatmentStart, planId: appointment.planId }, today);
    if (!visit.ok) return visit;
    await appts.linkVisit(tx, actor.clinicId, appointment.id, visit.value.id);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "appointment",
      entityId: appointment.id,
      patientId,
      ip: actor.ip,
      detail: { status: "done", visitId: visit.value.id },
    });
    return ok({ visitId: visit.value.id, started: true });
  });
}

/** The plan's treatment for a course visit; otherwise what was done last time; a first visit starts blank. */
async function defaultStart(tx: Queryable, actor: Actor, patientId: PatientId, planId: string | null): Promise<TreatmentStart> {
  if (planId) return { from: "plan" };
  const visits = await listVisits(tx, actor.clinicId, patientId);
  return visits.some((v) => v.status === "signed") ? { from: "last-visit" } : { from: "blank", modality: "manual" };
}
