/**
 * The longest text each free-text field keeps, in one place so the server's
 * schemas and the browser's character counters agree. Text over its limit is
 * refused with a message saying so; it is never cut short silently.
 */
import { REASON_MAX_LENGTH } from "../shared/correction.ts";

export const TEXT_LIMITS = {
  /** A pain score's note. */
  painScoreNote: 2000,
  /** The reason given for a correction or an entry marked entered in error. */
  correctionReason: REASON_MAX_LENGTH,
  /** Intake notes on an episode. */
  episodeNotes: 4000,
  /** TCM tongue and pulse observations. */
  tcmObservation: 500,
  /** The note on a red-flag referral, justification or acknowledgement. */
  redFlagNote: 4000,
  /** The reason for a billing diagnosis choice. */
  diagnosisReason: 2000,
  medicationNote: 1000,
  safetyFlagNote: 1000,
  referralNote: 1000,
  /** A practitioner's training and background (STRICTA item 5). */
  background: 1000,
  /** A course of care's rationale (STRICTA item 1b). */
  planRationale: 4000,
  planNote: 2000,
  /** Each part of a visit's SOAP note. */
  soapPart: 10000,
  visitText: 2000,
  separateEvaluation: 4000,
  incidentDescription: 2000,
  /** The written reason to go ahead despite a safety block. */
  overrideReason: 2000,
  /** What was done about an adverse event. */
  adverseEventAction: 2000,
  amendmentReason: 2000,
  amendmentCorrection: 10000,
} as const;

const number = (n: number) => n.toLocaleString("en-US");

/** "Note is too long (at most 2,000 characters; this has 2,105)." */
export function textTooLong(label: string, max: number, length?: number): string {
  return `${label} is too long (at most ${number(max)} characters${length === undefined ? "" : `; this has ${number(length)}`}).`;
}

/** From this share of the limit on, the counter warns that the end is near. */
export const NEAR_LIMIT_SHARE = 0.9;

export interface CharacterCount {
  /** "123 / 2,000 characters", and how many are too many once over. */
  text: string;
  state: "ok" | "near" | "over";
}

export function characterCount(length: number, max: number): CharacterCount {
  const base = `${number(length)} / ${number(max)} characters`;
  if (length > max) return { text: `${base}: ${number(length - max)} too many`, state: "over" };
  if (length >= Math.ceil(max * NEAR_LIMIT_SHARE)) return { text: `${base}: ${number(max - length)} left`, state: "near" };
  return { text: base, state: "ok" };
}
