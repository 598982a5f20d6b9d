import type { ClinicId, PatientId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Patient, PatientStatus, Sex } from "../../../domain/patients/patient.ts";
import type { PatientQuery } from "../../../domain/patients/patientSearch.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export type PatientFields = Omit<Patient, "id" | "clinicId" | "status" | "mergedInto" | "version" | "createdAt" | "updatedAt">;

interface PatientRow {
  id: PatientId;
  clinic_id: ClinicId;
  record_number: string;
  given_name: string;
  family_name: string;
  birth_date: CalendarDate;
  sex: Sex;
  phone: string | null;
  email: string | null;
  address_line: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  status: PatientStatus;
  merged_into: PatientId | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  "id, clinic_id, record_number, given_name, family_name, birth_date, sex, phone, email, address_line, city, region, postal_code, status, merged_into, version, created_at, updated_at";

function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    recordNumber: row.record_number,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    addressLine: row.address_line,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    status: row.status,
    mergedInto: row.merged_into,
    version: row.version,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

function fieldValues(fields: PatientFields): unknown[] {
  return [
    fields.recordNumber,
    fields.givenName,
    fields.familyName,
    fields.birthDate,
    fields.sex,
    fields.phone,
    fields.email,
    fields.addressLine,
    fields.city,
    fields.region,
    fields.postalCode,
  ];
}

export async function insertPatient(q: Queryable, clinicId: ClinicId, fields: PatientFields): Promise<Patient> {
  const [row] = await q.query<PatientRow>(
    `insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex, phone, email,
       address_line, city, region, postal_code)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning ${COLUMNS}`,
    [clinicId, ...fieldValues(fields)],
  );
  return toPatient(row!);
}

/** The clinic's patients born on `birthDate` (the first thing a likely duplicate shares). */
export async function patientsBornOn(q: Queryable, clinicId: ClinicId, birthDate: CalendarDate): Promise<Patient[]> {
  const rows = await q.query<PatientRow>(`select ${COLUMNS} from patients where clinic_id = $1 and birth_date = $2 order by created_at, id`, [clinicId, birthDate]);
  return rows.map(toPatient);
}

export async function recordNumberInUse(q: Queryable, clinicId: ClinicId, recordNumber: string): Promise<boolean> {
  const rows = await q.query("select 1 from patients where clinic_id = $1 and record_number = $2", [clinicId, recordNumber]);
  return rows.length > 0;
}

/** The clinic's patient with this record number, if any (record numbers are unique within a clinic). */
export async function findPatientByRecordNumber(q: Queryable, clinicId: ClinicId, recordNumber: string): Promise<Patient | null> {
  const [row] = await q.query<PatientRow>(`select ${COLUMNS} from patients where clinic_id = $1 and record_number = $2`, [clinicId, recordNumber]);
  return row ? toPatient(row) : null;
}

/** Looks a patient up only inside `clinicId`: another clinic's id finds nothing. */
export async function findPatient(q: Queryable, clinicId: ClinicId, id: PatientId): Promise<Patient | null> {
  const [row] = await q.query<PatientRow>(`select ${COLUMNS} from patients where clinic_id = $1 and id = $2`, [
    clinicId,
    id,
  ]);
  return row ? toPatient(row) : null;
}

/**
 * Updates when `expectedVersion` is still current; returns null otherwise
 * (the caller tells a missing patient from a stale version).
 */
export async function updatePatient(
  q: Queryable,
  clinicId: ClinicId,
  id: PatientId,
  expectedVersion: number,
  fields: PatientFields,
): Promise<Patient | null> {
  const [row] = await q.query<PatientRow>(
    `update patients set record_number = $4, given_name = $5, family_name = $6, birth_date = $7, sex = $8,
       phone = $9, email = $10, address_line = $11, city = $12, region = $13, postal_code = $14,
       version = version + 1, updated_at = now()
     where clinic_id = $1 and id = $2 and version = $3 and status = 'active' returning ${COLUMNS}`,
    [clinicId, id, expectedVersion, ...fieldValues(fields)],
  );
  return row ? toPatient(row) : null;
}

/** Every patient record of the clinic, retired ones included (an export or FHIR search shows what became of them). */
export async function allPatientsOfClinic(q: Queryable, clinicId: ClinicId): Promise<Patient[]> {
  const rows = await q.query<PatientRow>(`select ${COLUMNS} from patients where clinic_id = $1 order by created_at, id`, [clinicId]);
  return rows.map(toPatient);
}

/**
 * One page of the clinic's patients after `afterId`, in id order (keyset
 * paging: each page costs the same however deep it is), for exports that must
 * never hold the whole clinic in memory.
 */
export async function patientsAfter(q: Queryable, clinicId: ClinicId, afterId: PatientId | null, limit: number): Promise<Patient[]> {
  const rows = await q.query<PatientRow>(
    `select ${COLUMNS} from patients where clinic_id = $1 and ($2::uuid is null or id > $2::uuid) order by id limit $3`,
    [clinicId, afterId, limit],
  );
  return rows.map(toPatient);
}

export async function countPatients(q: Queryable, clinicId: ClinicId): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from patients where clinic_id = $1", [clinicId]);
  return row!.n;
}

export interface PatientPage {
  patients: Patient[];
  total: number;
}

export async function searchPatients(
  q: Queryable,
  clinicId: ClinicId,
  query: PatientQuery,
  page: { limit: number; offset: number },
): Promise<PatientPage> {
  const params: unknown[] = [clinicId];
  // Merged and registered-in-error records are kept but not offered: a search finds the record to use.
  let where = "clinic_id = $1 and status = 'active'";
  if (query.kind === "birthDate") {
    params.push(query.birthDate);
    where += ` and birth_date = $${params.length}`;
  } else if (query.kind === "phone") {
    params.push(`%${query.digits}%`);
    where += ` and regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') like $${params.length}`;
  } else if (query.kind === "text") {
    // Every term must match the start of a name (folded, as the term is) or part of the record number.
    for (const term of query.terms) {
      params.push(`${escapeLike(term)}%`, `%${escapeLike(term)}%`);
      const prefix = `$${params.length - 1}`;
      const anywhere = `$${params.length}`;
      where += ` and (${fold("given_name")} like ${prefix} or ${fold("family_name")} like ${prefix}
        or lower(record_number) like ${anywhere})`;
    }
  }
  // One query per page: the total rides on each row (a window count), so the matches are found once.
  const rows = await q.query<PatientRow & { total: number }>(
    `select ${COLUMNS}, (count(*) over ())::int as total from patients where ${where}
      order by ${fold("family_name")}, ${fold("given_name")}, birth_date, id
      limit ${Number(page.limit)} offset ${Number(page.offset)}`,
    params,
  );
  if (rows.length > 0) return { patients: rows.map(toPatient), total: rows[0]!.total };
  // A page past the end carries no row to read the total from.
  if (page.offset === 0) return { patients: [], total: 0 };
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n from patients where ${where}`, params);
  return { patients: [], total: count!.n };
}

/**
 * A name folded for matching and for the order (so "Muñoz" sorts as "munoz",
 * before "Munro"): the database's patient_name_fold (migration 0035), which
 * the trigram indexes are built on, and which folds as FOLD_TABLE does.
 */
const fold = (column: string) => `patient_name_fold(${column})`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
