/** The clinic dashboard: responders at each follow-up milestone, and overdue follow-ups. */
import { clinicDashboard, type Dashboard, type PatientCourse } from "../../domain/outcomes/dashboard.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { coursesForDashboard } from "../db/repositories/followUps.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export async function dashboardOf(db: Database, actor: Actor, today: CalendarDate): Promise<Outcome<Dashboard>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const courses = new Map<string, PatientCourse>();
  for (const row of await coursesForDashboard(db, actor.clinicId)) {
    const course = courses.get(row.patientId) ?? { intakeOn: row.intakeOn, readings: { nrs: [], odi: [], rmdq: [] } };
    if (row.measure && row.value !== null && row.recordedOn && row.createdAt) {
      course.readings[row.measure].push({ value: row.value, recordedOn: row.recordedOn, createdAt: row.createdAt });
    }
    courses.set(row.patientId, course);
  }
  // Aggregates only, but computed from clinical data: the read is audited.
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "dashboard", ip: actor.ip, detail: { count: courses.size } });
  return ok(clinicDashboard([...courses.values()], today));
}
