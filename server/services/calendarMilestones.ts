/**
 * What the calendar shows beside appointments: the plans' re-evaluation dates
 * and the follow-up schedule's milestones (the weeks outcomes are asked for,
 * counted from the episode's intake) that fall on the days shown, so the desk
 * books the re-evaluation and sends the questionnaire on the right day. They
 * are markers, not bookings: nothing holds a room.
 */
import { instrumentList, milestones } from "../../domain/outcomes/followUp.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Queryable } from "../db/database.ts";
import { episodesForFollowUp } from "../db/repositories/followUps.ts";
import { reEvaluationsBetween } from "../db/repositories/treatmentPlans.ts";
import { clinicSchedule } from "./followUps.ts";

export interface CalendarMilestone {
  on: CalendarDate;
  kind: "re-evaluation" | "follow-up";
  patientId: string;
  patientName: string;
  /** In words: "Re-evaluation (plan)", "Follow-up week 12: NRS and ODI". */
  label: string;
}

export async function calendarMilestones(q: Queryable, clinicId: ClinicId, from: CalendarDate, last: CalendarDate, today: CalendarDate): Promise<CalendarMilestone[]> {
  const [reEvaluations, schedule, episodes] = await Promise.all([reEvaluationsBetween(q, clinicId, from, last), clinicSchedule(q, clinicId), episodesForFollowUp(q, clinicId)]);
  const shown: CalendarMilestone[] = reEvaluations.map((r) => ({ on: r.on, kind: "re-evaluation", patientId: r.patientId, patientName: r.patientName, label: "Re-evaluation (plan)" }));
  for (const episode of episodes) {
    for (const m of milestones(episode.startedOn, episode.recorded, today, schedule)) {
      // The fixed milestones only: the in-between check-ins would crowd a week and are listed on the dashboard.
      if (m.kind !== "milestone" || m.dueOn < from || m.dueOn > last || m.status === "done") continue;
      shown.push({
        on: m.dueOn,
        kind: "follow-up",
        patientId: episode.patientId,
        patientName: `${episode.familyName}, ${episode.givenName}`,
        label: `Follow-up week ${m.week}: ${instrumentList(m.missing)}`,
      });
    }
  }
  return shown.sort((a, b) => a.on.localeCompare(b.on) || a.patientName.localeCompare(b.patientName));
}
