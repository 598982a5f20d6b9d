/**
 * Patient demographics: the part of the record the front desk may see.
 * Clinical data (scores, notes, plans) lives in other aggregates keyed by PatientId.
 */
import type { ClinicId, PatientId } from "../shared/brand.ts";
import type { CalendarDate } from "../shared/calendarDate.ts";

/**
 * Administrative sex as FHIR R4 AdministrativeGender codes
 * (hl7.org/fhir/R4/valueset-administrative-gender.html), so exports map one to one.
 */
export const SEXES = ["female", "male", "other", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

export const SEX_LABELS: Record<Sex, string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  unknown: "Unknown",
};

export const PATIENT_STATUSES = ["active", "merged", "registered-in-error"] as const;
export type PatientStatus = (typeof PATIENT_STATUSES)[number];

export interface PatientContact {
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

export interface Patient extends PatientContact {
  id: PatientId;
  clinicId: ClinicId;
  recordNumber: string;
  givenName: string;
  familyName: string;
  birthDate: CalendarDate;
  sex: Sex;
  /**
   * "active", or retired without deleting anything: "merged" into another
   * record of the same person (mergedInto), or "registered-in-error".
   */
  status: PatientStatus;
  mergedInto: PatientId | null;
  /** Increases on every edit; an edit must name the version it started from, so two desks cannot overwrite each other. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Record numbers the clinic assigns itself: letters, digits, dot, dash, slash; 1–32 characters. */
export const RECORD_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./-]{0,31}$/;

/** The record number Acuback assigns when the clinic gives none: A-000001, A-000002, … */
export function assignedRecordNumber(sequence: number): string {
  return `A-${String(sequence).padStart(6, "0")}`;
}
