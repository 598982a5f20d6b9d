/**
 * The clinic's follow-up list (patients whose outcome measurement is due or
 * overdue, by the clinic's schedule) and the schedule itself, which owners set.
 */
import { DEFAULT_FOLLOW_UP_SCHEDULE, milestones, type FollowUpSchedule, type Milestone } from "../../domain/outcomes/followUp.ts";
import { instrumentById } from "../../domain/assessment/instruments/registry.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findFollowUpSchedule, saveFollowUpSchedule } from "../db/repositories/clinics.ts";
import { episodesForFollowUp } from "../db/repositories/followUps.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface FollowUp {
  patientId: string;
  name: string;
  recordNumber: string;
  startedOn: CalendarDate;
  milestones: Milestone[];
}

export interface ScheduleSetting {
  schedule: FollowUpSchedule;
  /** True while the clinic uses Acuback's default. */
  isDefault: boolean;
}

export async function clinicSchedule(q: Queryable, clinicId: ClinicId): Promise<FollowUpSchedule> {
  return (await findFollowUpSchedule(q, clinicId)) ?? DEFAULT_FOLLOW_UP_SCHEDULE;
}

export async function followUpsDue(db: Database, actor: Actor, today: CalendarDate): Promise<Outcome<FollowUp[]>> {
  const refused = denied(actor, "followUps.send");
  if (refused) return refused;
  const schedule = await clinicSchedule(db, actor.clinicId);
  const episodes = await episodesForFollowUp(db, actor.clinicId);
  const due = episodes
    .map((episode) => ({
      patientId: episode.patientId,
      name: `${episode.familyName}, ${episode.givenName}`,
      recordNumber: episode.recordNumber,
      startedOn: episode.startedOn,
      milestones: milestones(episode.startedOn, episode.recorded, today, schedule),
    }))
    // Listed for an open milestone, or a check-in due now; missed check-ins alone do not keep a patient on the list.
    .filter((f) => f.milestones.some((m) => m.status === "due" || (m.kind === "milestone" && m.status === "overdue")));
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "list",
    entity: "episode",
    ip: actor.ip,
    detail: { shown: due.map((f) => f.patientId) },
  });
  return ok(due);
}

export async function followUpScheduleOf(db: Database, actor: Actor): Promise<Outcome<ScheduleSetting>> {
  const saved = await findFollowUpSchedule(db, actor.clinicId);
  return ok({ schedule: saved ?? DEFAULT_FOLLOW_UP_SCHEDULE, isDefault: saved === null });
}

/** Sets the clinic's schedule; null goes back to the default. */
export async function updateFollowUpSchedule(db: Database, actor: Actor, schedule: FollowUpSchedule | null): Promise<Outcome<ScheduleSetting>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  if (schedule) {
    const unknown = [...schedule.milestoneInstruments, ...(schedule.checkIn?.instruments ?? [])].filter((id) => !instrumentById(id));
    if (unknown.length > 0) return fail("INSTRUMENT_NOT_FOUND", `Unknown: ${[...new Set(unknown)].join(", ")}.`);
    const sorted = [...new Set(schedule.weeks)].sort((a, b) => a - b);
    schedule = { ...schedule, weeks: sorted, milestoneInstruments: [...new Set(schedule.milestoneInstruments)] };
  }
  return db.transaction(async (tx) => {
    await saveFollowUpSchedule(tx, actor.clinicId, schedule);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "follow_up_schedule", ip: actor.ip });
    return ok({ schedule: schedule ?? DEFAULT_FOLLOW_UP_SCHEDULE, isDefault: schedule === null });
  });
}
