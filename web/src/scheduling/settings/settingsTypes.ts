/** What the schedule settings page reads and edits (server/http/routes/scheduleSettings.ts and calendarFeeds.ts). */
import type { AppointmentKind } from "../../../../domain/scheduling/appointment.ts";
import type { ScheduleSettings } from "../types.ts";

export interface TimeOffEntry {
  id: string;
  practitionerId: string;
  fromOn: string;
  toOn: string | null;
  weekday: number | null;
  start: string | null;
  end: string | null;
  reason: string | null;
}

export interface HoursBlock {
  weekday: number;
  kind: "work" | "break";
  startTime: string;
  endTime: string;
}

/** The settings with each practitioner's time off, which the day view does not need. */
export interface SettingsWithTimeOff extends Omit<ScheduleSettings, "practitioners"> {
  practitioners: { id: string; name: string; hours: HoursBlock[]; timeOff: TimeOffEntry[] }[];
}

export interface CalendarFeed {
  id: string;
  practitionerId: string;
  practitionerName: string;
  createdByName: string | null;
  createdAt: string;
  lastFetchedAt: string | null;
  revokedAt: string | null;
}

/** The kinds in the clinic's words. */
export const KIND_LABELS: Record<AppointmentKind, string> = {
  "first-visit": "First visit (intake)",
  "follow-up": "Follow-up",
  "re-evaluation": "Re-evaluation",
  other: "Other",
};

/** Who may change what, from the role table the server enforces (domain/access/roles.ts). */
export interface SettingsRights {
  /** Owners: the zone, rooms, types, holidays, and anyone's hours, time off and feed. */
  configure: boolean;
  /** A practitioner's own hours, time off and feed (or anyone's, for an owner). */
  keepsHoursOf: (practitionerId: string) => boolean;
}
