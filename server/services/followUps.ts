/** The clinic's follow-up list: patients whose outcome measurement is due or overdue. */
import { milestones, type Milestone } from "../../domain/outcomes/followUp.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { episodesForFollowUp } from "../db/repositories/followUps.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface FollowUp {
  patientId: string;
  name: string;
  recordNumber: string;
  startedOn: CalendarDate;
  milestones: Milestone[];
}

export async function followUpsDue(db: Database, actor: Actor, today: CalendarDate): Promise<Outcome<FollowUp[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const episodes = await episodesForFollowUp(db, actor.clinicId);
  const due = episodes
    .map((episode) => ({
      patientId: episode.patientId,
      name: `${episode.familyName}, ${episode.givenName}`,
      recordNumber: episode.recordNumber,
      startedOn: episode.startedOn,
      milestones: milestones(episode.startedOn, episode.recordedOn, today),
    }))
    .filter((f) => f.milestones.some((m) => m.status === "due" || m.status === "overdue"));
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
