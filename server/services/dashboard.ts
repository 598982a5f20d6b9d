/** The clinic dashboard: responders at each follow-up milestone, and overdue follow-ups. */
import { clinicDashboard, type Dashboard, type PatientCourse } from "../../domain/outcomes/dashboard.ts";
import { isMeasure } from "../../domain/outcomes/trajectory.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { coursesForDashboard } from "../db/repositories/followUps.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { clinicSchedule } from "./followUps.ts";

export async function dashboardOf(db: Database, actor: Actor, today: CalendarDate): Promise<Outcome<Dashboard>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const courses = new Map<string, PatientCourse>();
  for (const row of await coursesForDashboard(db, actor.clinicId)) {
    const course = courses.get(row.patientId) ?? { intakeOn: row.intakeOn, readings: { nrs: [], odi: [], rmdq: [] }, recorded: [] };
    if (row.instrument && row.value !== null && row.recordedOn && row.createdAt) {
      if (isMeasure(row.instrument)) course.readings[row.instrument].push({ value: row.value, recordedOn: row.recordedOn, createdAt: row.createdAt });
      if (row.recordedOn >= row.intakeOn) course.recorded.push({ instrument: row.instrument, recordedOn: row.recordedOn });
    }
    courses.set(row.patientId, course);
  }
  // Aggregates only, but computed from clinical data: the read is audited.
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "dashboard", ip: actor.ip, detail: { count: courses.size } });
  return ok(clinicDashboard([...courses.values()], today, await clinicSchedule(db, actor.clinicId)));
}
