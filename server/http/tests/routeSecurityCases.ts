/**
 * The decided exceptions of routeSecurity.test.ts, each with its reason.
 * KNOWN_FAILURES must match exactly: a new failure fails the test, and so
 * does a known one that starts passing (take it out then).
 */

/** "phase: route role detail" → why it is not fixed yet. */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

/** GET routes that show a patient's data but write no audit event naming the patient, and why that is right. */
export const AUDIT_EXEMPT: Readonly<Record<string, string>> = {};

/** Query strings for GET routes whose minimal query would show nothing of the fixture's patient. */
export const QUERY_OVERRIDES: Readonly<Record<string, string>> = {
  "GET /api/v1/appointments": "from=2027-03-03&days=1",
  "GET /api/v1/patients/{patientId}/superbill.pdf": "from=2026-01-01&to=2027-12-31",
};

/** Body routes the bad-input phase leaves out, and why. */
export const SKIPPED_BY_BAD_INPUT: Readonly<Record<string, string>> = {};

/**
 * Routes whose 2xx answer is an open event stream: inject() would wait for its
 * end for ever, so they are called only where they must refuse (another
 * role's 403, another clinic's 404), never as a role allowed on its own records.
 */
export const STREAMS: Readonly<Record<string, string>> = {
  "GET /api/v1/directory/imports/{importId}/events": "server-sent events of an import's progress",
};
