/**
 * Clinic roles and what each may do. One table decides, so the API and the UI
 * never disagree about who can see clinical data.
 *
 * - owner: runs the clinic; manages staff and clinic settings, reads the audit log, sees everything.
 * - practitioner: treats patients; sees and records clinical data.
 * - front_desk: books and registers patients; demographics only (minimum
 *   necessary access, as the HIPAA Privacy Rule asks of a covered entity's workforce).
 */
export const ROLES = ["owner", "practitioner", "front_desk"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "patients.demographics.read"
  | "patients.demographics.write"
  | "patients.clinical.read"
  | "patients.clinical.write"
  | "staff.manage"
  | "clinic.configure"
  | "audit.read"
  /** Save and remove the clinic's referral contacts (everyone may read them). */
  | "referrals.manage"
  /** Import an NPPES file into the provider directory from the web. */
  | "directory.import"
  /**
   * See who is due a follow-up measurement and send report-from-home links:
   * which questionnaires and when, never the answers or scores, so the front
   * desk can do it too (issue 10).
   */
  | "followUps.send"
  /** Create, list and revoke the clinic's API tokens for other systems (issue 14). */
  | "apiTokens.manage"
  /** Take the clinic's data away: the de-identified research export and the clinic's own CSV. */
  | "data.export"
  /**
   * See the calendar and book, move, cancel or mark no-show (issue 16): the
   * front desk's work. A calendar shows names and times, never clinical notes.
   */
  | "appointments.book"
  /** Keep one's own working hours and time off; owners keep everyone's (clinic.configure). */
  | "hours.own"
  /**
   * Have a calendar feed of one's own appointments for one's own calendar app
   * (issue 16); owners create and revoke anyone's (clinic.configure).
   */
  | "calendarFeed.own";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: [
    "patients.demographics.read",
    "patients.demographics.write",
    "patients.clinical.read",
    "patients.clinical.write",
    "staff.manage",
    "clinic.configure",
    "audit.read",
    "referrals.manage",
    "directory.import",
    "followUps.send",
    "apiTokens.manage",
    "data.export",
    "appointments.book",
    "hours.own",
    "calendarFeed.own",
  ],
  practitioner: [
    "patients.demographics.read",
    "patients.demographics.write",
    "patients.clinical.read",
    "patients.clinical.write",
    "referrals.manage",
    "followUps.send",
    "appointments.book",
    "hours.own",
    "calendarFeed.own",
  ],
  front_desk: ["patients.demographics.read", "patients.demographics.write", "followUps.send", "appointments.book"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  practitioner: "Practitioner",
  front_desk: "Front desk",
};
