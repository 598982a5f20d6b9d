/**
 * The clinic dashboard: at each follow-up milestone, how many patients were
 * measured and how many of them were responding (improving by the MCIDs of
 * clinical-facts §4, using the same status rule as the patient page).
 */
import { daysBetween, type CalendarDate } from "../shared/calendarDate.ts";
import { DEFAULT_FOLLOW_UP_SCHEDULE, milestones, type FollowUpSchedule, type Recorded } from "./followUp.ts";
import { overallStatus, trajectory, type Measure, type Reading } from "./trajectory.ts";

export interface PatientCourse {
  intakeOn: CalendarDate;
  /** The measures with an MCID, for responder status. */
  readings: Record<Measure, Reading[]>;
  /** Every measurement since intake (any instrument), for what the schedule asks. */
  recorded: Recorded[];
}

export interface MilestoneSummary {
  week: number;
  /** Patients with a reading in this milestone's window. */
  measured: number;
  /** Of those, patients improving by the MCID at that reading. */
  responding: number;
  /** responding ÷ measured, as a percentage with one decimal; null when none were measured. */
  share: number | null;
}

export interface Dashboard {
  patients: number;
  milestones: MilestoneSummary[];
  /** Milestone measurements past their window and not done (check-ins are not counted). */
  overdue: number;
}

const MEASURES: Measure[] = ["nrs", "odi", "rmdq"];

/** Whether a patient was responding at one milestone: each measure's baseline against its last reading in the window. */
function respondingAt(course: PatientCourse, dueOn: CalendarDate, windowDays: number): boolean | null {
  const trajectories = MEASURES.flatMap((measure) => {
    const readings = [...course.readings[measure]].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn) || a.createdAt.localeCompare(b.createdAt));
    const inWindow = readings.filter((r) => Math.abs(daysBetween(dueOn, r.recordedOn)) <= windowDays);
    const baseline = readings[0];
    const latest = inWindow[inWindow.length - 1];
    if (!baseline || !latest || baseline === latest) return [];
    return [trajectory(measure, [baseline, latest])!];
  });
  if (trajectories.length === 0) return null;
  return overallStatus(trajectories).status === "improving";
}

export function clinicDashboard(courses: readonly PatientCourse[], today: CalendarDate, schedule: FollowUpSchedule = DEFAULT_FOLLOW_UP_SCHEDULE): Dashboard {
  const summaries = schedule.weeks.map((week) => ({ week, measured: 0, responding: 0 }));
  let overdue = 0;
  for (const course of courses) {
    const fixed = milestones(course.intakeOn, course.recorded, today, schedule).filter((m) => m.kind === "milestone");
    for (const [i, milestone] of fixed.entries()) {
      if (milestone.status === "overdue") overdue += 1;
      const responding = respondingAt(course, milestone.dueOn, schedule.windowDays);
      if (responding === null) continue;
      summaries[i]!.measured += 1;
      if (responding) summaries[i]!.responding += 1;
    }
  }
  return {
    patients: courses.length,
    milestones: summaries.map((s) => ({ ...s, share: s.measured === 0 ? null : Math.round((s.responding / s.measured) * 1000) / 10 })),
    overdue,
  };
}
