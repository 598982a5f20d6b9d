/**
 * The audit log's words: what was done and to what, as stored and as an owner
 * reads them. One list, so the database, the API's filters, the page and the
 * CSV export agree, and no internal name ("red_flag_screen") reaches a person.
 */
export const AUDIT_ACTIONS = ["read", "list", "create", "update", "delete", "login", "logout", "login_failed", "sign", "amend", "merge", "retire", "denied"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  read: "viewed",
  list: "searched",
  create: "created",
  update: "changed",
  delete: "deleted",
  login: "signed in",
  logout: "signed out",
  login_failed: "failed to sign in",
  sign: "signed",
  amend: "amended",
  merge: "merged",
  retire: "marked registered in error",
  denied: "was refused",
};

export const AUDIT_ENTITY_LABELS = {
  request: "refused request",
  patient: "patient record",
  patient_retirement: "merge or registration in error",
  pain_score: "pain score",
  episode: "back-pain episode",
  episode_diagnosis: "billing diagnosis",
  red_flag_screen: "red-flag screen",
  safety_flags: "safety flags",
  medication: "medications",
  instrument_response: "questionnaire",
  report_link: "report-from-home link",
  dashboard: "outcome dashboard",
  instrument_wording: "questionnaire wording",
  follow_up_schedule: "follow-up schedule",
  treatment_plan: "course of care",
  visit: "visit",
  visit_summary: "visit summary",
  clinic_protocol: "clinic protocol",
  stricta: "STRICTA record",
  patient_coverage: "coverage",
  payer_plan: "payer plan",
  fee_schedule: "fee schedule",
  billing_details: "billing details",
  visit_coverage: "visit coverage",
  superbill: "superbill",
  user: "staff account",
  session: "sign-in",
  audit_log: "audit log",
  audit_chain: "audit log's hash chain",
  fhir_resource: "FHIR records",
  fhir_bulk_export: "FHIR bulk export",
  api_token: "API token",
  research_export: "de-identified research export",
  clinic_export: "export of the clinic's own records",
  referral_contact: "referral contact",
  directory_import: "directory import",
  appointment: "appointment",
  course_booking: "course of care booking",
  room: "room",
  appointment_type: "appointment type",
  working_hours: "working hours",
  time_off: "time off",
  clinic_holiday: "clinic holiday",
  clinic_time_zone: "clinic time zone",
  calendar_feed: "calendar feed",
  sent_message: "message to the patient",
  reminder_preference: "reminder opt-out",
  reminder_settings: "reminder lead time",
  backup: "backup of the database",
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntity[];
