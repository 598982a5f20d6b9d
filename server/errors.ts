/**
 * Every error a client can see, with its stable code, HTTP status and title.
 * Clients branch on `code`, never on the wording; codes are never renamed.
 * Responses are RFC 9457 (formerly 7807) problem details.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, title: "Some values are missing or not valid." },
  BAD_REQUEST: { status: 400, title: "The request could not be read." },
  UNAUTHENTICATED: { status: 401, title: "Sign in to continue." },
  INVALID_CREDENTIALS: { status: 401, title: "That e-mail and password do not match an active account." },
  CURRENT_PASSWORD_WRONG: { status: 403, title: "The current password is not correct." },
  SECOND_FACTOR_WRONG: { status: 401, title: "That code is not right, or no longer current: enter the code your authenticator app shows now, or an unused recovery code." },
  SECOND_FACTOR_CODE_USED: { status: 401, title: "That code was already used; wait for your authenticator app to show the next one." },
  CURRENT_CODE_WRONG: { status: 403, title: "That code is not right, no longer current, or already used: enter the code your authenticator app shows now." },
  TWO_FACTOR_ENROLMENT_REQUIRED: { status: 403, title: "Your clinic requires two-factor sign-in: set it up on the Two-factor sign-in page before anything else." },
  TWO_FACTOR_ALREADY_ON: { status: 409, title: "Two-factor sign-in is already on for this account; turn it off first to move it to another device." },
  TWO_FACTOR_NOT_STARTED: { status: 409, title: "Start setting up two-factor sign-in first: there is no code to confirm yet." },
  TWO_FACTOR_NOT_ON: { status: 409, title: "This account does not use two-factor sign-in." },
  TWO_FACTOR_OWN_FIRST: { status: 409, title: "Turn on two-factor sign-in for your own account before requiring it of the clinic." },
  TWO_FACTOR_RESET_SELF: { status: 409, title: "Turn off your own two-factor sign-in on your Two-factor sign-in page, with a current code." },
  FORBIDDEN: { status: 403, title: "Your role does not allow this." },
  CSRF_TOKEN_INVALID: { status: 403, title: "The request is missing its CSRF token; reload the page and try again." },
  NOT_FOUND: { status: 404, title: "There is nothing at this address." },
  PATIENT_NOT_FOUND: { status: 404, title: "No such patient in this clinic." },
  USER_NOT_FOUND: { status: 404, title: "No such user in this clinic." },
  CLINIC_NOT_FOUND: { status: 404, title: "No such clinic." },
  NOT_THE_DEMO_CLINIC: { status: 409, title: "Only the demo clinic can be removed; a clinic's own records are kept." },
  REMOVAL_NOT_CONFIRMED: { status: 422, title: "Type the clinic's name exactly to confirm the removal." },
  POINT_NOT_FOUND: { status: 404, title: "No acupoint has that code or alias." },
  EPISODE_NOT_FOUND: { status: 404, title: "No such back-pain episode in this clinic." },
  RED_FLAG_SCREEN_NOT_FOUND: { status: 404, title: "No such red-flag screen in this clinic." },
  RED_FLAG_SCREEN_INCOMPLETE: { status: 422, title: "Answer every red-flag question; an unanswered question is not a no." },
  RED_FLAG_SCREEN_NOT_OPEN: { status: 409, title: "This screen has no red flags awaiting a referral." },
  RED_FLAG_NOT_ACKNOWLEDGEABLE: { status: 409, title: "This red flag needs a referral." },
  PAIN_SCORE_NOT_FOUND: { status: 404, title: "No such pain score in this clinic." },
  INSTRUMENT_RESPONSE_NOT_FOUND: { status: 404, title: "No such questionnaire response in this clinic." },
  ENTRY_IN_ERROR: { status: 409, title: "This entry is marked entered in error and is kept as it was; record a new entry instead." },
  CORRECTION_CHANGES_NOTHING: { status: 422, title: "The correction changes no value; change a value, or mark the entry entered in error." },
  DOSE_NEEDS_CONFIRMATION: { status: 409, title: "This dose is very high; check it, then save again to confirm." },
  MEDICATION_NOT_FOUND: { status: 404, title: "No such current medication in this clinic (it may already be stopped)." },
  REPORT_LINK_NOT_FOUND: { status: 404, title: "This link is not valid. Ask your clinic for a new one." },
  REPORT_LINK_USED: { status: 410, title: "This link has already been used. Ask your clinic for a new one." },
  REPORT_LINK_WITHDRAWN: { status: 410, title: "Your clinic withdrew this link. Ask them for a new one if you still need it." },
  REPORT_LINK_NOT_OPEN: { status: 409, title: "This link was already used or withdrawn; it cannot be withdrawn now." },
  REPORT_LINK_EXPIRED: { status: 410, title: "This link has expired. Ask your clinic for a new one." },
  INSTRUMENT_NOT_FOUND: { status: 404, title: "No instrument has that id." },
  INSTRUMENT_NEEDS_WORDING: { status: 422, title: "A questionnaire chosen needs the clinic's licensed wording before a patient can answer it at home." },
  INSTRUMENT_ANSWER_COUNT: { status: 422, title: "The number of answers does not match the instrument's items." },
  INSTRUMENT_ANSWERS_INCOMPLETE: { status: 422, title: "Some required items are unanswered; nothing was guessed." },
  INSTRUMENT_ANSWER_INVALID: { status: 422, title: "Some answers are not allowed values for their items." },
  QUESTIONNAIRE_NOT_MAPPABLE: { status: 422, title: "The questionnaire does not fit the instrument's items and answers; nothing was changed." },
  INSTRUMENT_WORDING_NOT_FOUND: { status: 404, title: "This clinic has not loaded wording for that instrument." },
  PLAN_NOT_FOUND: { status: 404, title: "No such treatment plan in this clinic." },
  PROTOCOL_NOT_FOUND: { status: 404, title: "No protocol has that id in the library or this clinic." },
  PROTOCOL_NAME_TAKEN: { status: 409, title: "This clinic already has a protocol with that name." },
  CARE_PATH_BLOCKED: { status: 409, title: "Red flags stop care for this episode until a referral or clinical justification is recorded." },
  NO_EPISODE: { status: 409, title: "Record the patient's back-pain episode (intake) before treating." },
  VISIT_NOT_FOUND: { status: 404, title: "No such visit in this clinic." },
  VISIT_SIGNED: { status: 409, title: "This visit is signed and cannot change; add an amendment instead." },
  VISIT_VERSION_CONFLICT: { status: 409, title: "Someone else saved this visit since you opened it; reload to see their changes." },
  VISIT_NEEDLES_UNRECONCILED: { status: 422, title: "Needles in and needles out differ; find them or record a retained-needle incident." },
  VISIT_SAFETY_BLOCKED: { status: 422, title: "A safety block has no written override; give a reason or change the treatment." },
  VISIT_NOT_SIGNABLE: { status: 422, title: "The visit is not complete enough to sign; see the listed problems." },
  TREATMENT_INVALID: { status: 422, title: "The treatment's parts do not fit together; see the listed problems." },
  SAFETY_UNKNOWN_NAMES: { status: 422, title: "Some safety flags or points are not known; nothing was checked." },
  PAYER_PLAN_NOT_FOUND: { status: 404, title: "No such payer plan in this clinic." },
  ZIP_UNKNOWN: { status: 400, title: "That is not a US ZIP code with a known location; check the five digits." },
  DIRECTORY_ENTRY_NOT_FOUND: { status: 404, title: "The directory does not list that NPI." },
  REFERRAL_CONTACT_NOT_FOUND: { status: 404, title: "No such referral contact in this clinic." },
  REFERRAL_CONTACT_EXISTS: { status: 409, title: "This clinic already keeps that provider as a referral contact." },
  DIRECTORY_IMPORT_NOT_FOUND: { status: 404, title: "No such directory import (imports are kept in memory until the server restarts)." },
  DIRECTORY_IMPORT_RUNNING: { status: 409, title: "A directory import is already running; wait for it to finish." },
  DIRECTORY_IMPORT_STARTED: { status: 409, title: "This import has already received its file." },
  NPPES_UPLOAD_TOO_LARGE: { status: 413, title: "The file is larger than this server accepts for a directory import." },
  NPPES_FILE_NOT_RECOGNISED: { status: 422, title: "This file is not an NPPES provider file; nothing was imported." },
  APPOINTMENT_NOT_FOUND: { status: 404, title: "No such appointment in this clinic." },
  APPOINTMENT_CONFLICT: { status: 409, title: "The appointment cannot be booked then; see the reasons." },
  APPOINTMENT_NOT_BOOKED: { status: 409, title: "Only a booked appointment can be moved or change status; this one is already closed." },
  APPOINTMENT_NOT_YET: { status: 409, title: "The appointment is on a later day: its visit chart opens on that day." },
  APPOINTMENT_VERSION_CONFLICT: { status: 409, title: "Someone else changed this appointment since you opened it; reload to see their changes." },
  ROOM_NOT_FOUND: { status: 404, title: "No such room in this clinic." },
  ROOM_NAME_TAKEN: { status: 409, title: "This clinic already has a room with that name." },
  APPOINTMENT_TYPE_NOT_FOUND: { status: 404, title: "No such appointment type in this clinic." },
  APPOINTMENT_TYPE_NAME_TAKEN: { status: 409, title: "This clinic already has an appointment type with that name." },
  PRACTITIONER_NOT_FOUND: { status: 404, title: "No active practitioner or owner in this clinic has that id." },
  TIME_OFF_NOT_FOUND: { status: 404, title: "No such time off in this clinic." },
  HOLIDAY_NOT_FOUND: { status: 404, title: "No such clinic holiday." },
  HOLIDAY_EXISTS: { status: 409, title: "The clinic already has a holiday on that date." },
  CALENDAR_FEED_NOT_FOUND: { status: 404, title: "There is no calendar feed at this address." },
  CALENDAR_FEED_REVOKED: { status: 410, title: "This calendar feed was revoked; ask for a new one in Acuback's schedule settings." },
  CALENDAR_FEED_EXISTS: { status: 409, title: "This practitioner already has a live calendar feed; revoke it first to make a new address." },
  EMAIL_NOT_CONFIGURED: { status: 409, title: "E-mail is not configured on this server (ACUBACK_SMTP_URL); give the patient the link another way." },
  PATIENT_HAS_NO_EMAIL: { status: 422, title: "This patient has no e-mail address on their record; add one, or give them the link another way." },
  COURSE_NOTHING_TO_BOOK: { status: 422, title: "There are no visits to book: the list is empty." },
  EMAIL_TAKEN: { status: 409, title: "An account with that e-mail already exists." },
  PATIENT_LIKELY_DUPLICATE: {
    status: 409,
    title: "This patient may already be registered: the same name and date of birth, or the same date of birth and phone. Open the existing record, or register anyway if this is someone else.",
  },
  RECORD_NUMBER_TAKEN: { status: 409, title: "Another patient in this clinic has that record number." },
  PATIENT_VERSION_CONFLICT: {
    status: 409,
    title: "Someone else changed this patient since you opened it; reload to see their changes.",
  },
  PATIENT_RETIRED: {
    status: 409,
    title: "This record was merged into another or registered in error; nothing new can be recorded on it.",
  },
  PATIENT_MERGE_INVALID: { status: 422, title: "These two records cannot be merged; see the marked fields." },
  PATIENT_HAS_RECORDS: {
    status: 409,
    title: "This patient has clinical records, so it was not registered in error: merge it into the right patient, or mark each entry entered in error first.",
  },
  FHIR_RESOURCE_NOT_FOUND: { status: 404, title: "No such FHIR resource in this clinic." },
  FHIR_TYPE_NOT_SUPPORTED: { status: 404, title: "Acuback does not publish that FHIR resource type; see /fhir/R4/metadata." },
  FHIR_HISTORY_NOT_SUPPORTED: { status: 404, title: "Acuback keeps no versions of that FHIR resource type (only Procedure has _history); see /fhir/R4/metadata." },
  FHIR_SEARCH_INVALID: { status: 400, title: "The FHIR search has a parameter or value Acuback does not support; nothing was searched." },
  FHIR_BUNDLE_INVALID: { status: 400, title: "The Bundle cannot be imported as sent; nothing was imported." },
  FHIR_IMPORT_ENTRY_INVALID: { status: 400, title: "This entry cannot be imported as sent; see the marked elements." },
  FHIR_EXPORT_INVALID: { status: 400, title: "The bulk export request has a header, parameter or value Acuback does not support; no export was started." },
  FHIR_EXPORT_NOT_FOUND: { status: 404, title: "No such bulk export in this clinic: it was cancelled, it expired, or it belongs to another clinic." },
  FHIR_EXPORT_IN_PROGRESS: { status: 429, title: "This clinic's bulk export is still being written; wait for it (or cancel it) before starting another." },
  FHIR_EXPORT_FAILED: { status: 500, title: "The bulk export failed on the server; its files were removed. Start a new one." },
  API_TOKEN_NOT_FOUND: { status: 404, title: "No such live API token in this clinic." },
  API_TOKEN_NAME_TAKEN: { status: 409, title: "This clinic already has an API token with that name." },
  API_TOKEN_NOT_ALLOWED: { status: 403, title: "This API token's scope does not allow this request." },
  LAST_OWNER: { status: 409, title: "A clinic must keep at least one active owner." },
  PASSWORD_REJECTED: { status: 422, title: "That password cannot be used." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Send the body as application/json." },
  PAYLOAD_TOO_LARGE: { status: 413, title: "The request body is too large." },
  RATE_LIMITED: { status: 429, title: "Too many attempts; wait a minute and try again." },
  DATABASE_UNAVAILABLE: { status: 503, title: "The database cannot be reached." },
  BACKUP_IN_PROGRESS: { status: 409, title: "A backup of this database is being taken right now; wait for it to finish." },
  BACKUP_FAILED: { status: 500, title: "The backup failed; the previous backups are untouched." },
  INTERNAL: { status: 500, title: "Something went wrong on the server; nothing was changed." },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** An expected outcome that is not success, returned (not thrown) by services. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Human detail; never patient data. */
  detail?: string;
  /** Per-field messages for forms. */
  fields?: Record<string, string>;
  /** For PATIENT_LIKELY_DUPLICATE: the clinic's own patients the new one may be (never another clinic's). */
  likelyDuplicates?: LikelyDuplicate[];
  /** For APPOINTMENT_CONFLICT: each reason the time was refused, and for a course which visit. */
  conflicts?: AppointmentConflict[];
}

export interface AppointmentConflict {
  kind: string;
  message: string;
  appointmentId?: string;
  /** The 1-based visit of a course booking the conflict belongs to. */
  visit?: number;
}

export interface LikelyDuplicate {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export function fail(code: ErrorCode, detail?: string, fields?: Record<string, string>): Failure {
  return { ok: false, code, ...(detail !== undefined && { detail }), ...(fields !== undefined && { fields }) };
}

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}
