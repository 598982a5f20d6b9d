import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface ReportLinkRecord {
  id: string;
  clinicId: ClinicId;
  patientId: PatientId;
  instruments: string[];
  expiresAt: string;
  usedAt: string | null;
  /** Withdrawn by the clinic before it was used. */
  revokedAt: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  clinic_id: ClinicId;
  patient_id: PatientId;
  instruments: string[];
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = "id, clinic_id, patient_id, instruments, expires_at, used_at, revoked_at, created_at";

function toLink(row: Row): ReportLinkRecord {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    instruments: row.instruments,
    expiresAt: isoTimestamp(row.expires_at),
    usedAt: row.used_at ? isoTimestamp(row.used_at) : null,
    revokedAt: row.revoked_at ? isoTimestamp(row.revoked_at) : null,
    createdAt: isoTimestamp(row.created_at),
  };
}

export async function insertReportLink(
  q: Queryable,
  link: { clinicId: ClinicId; patientId: PatientId; tokenHash: string; instruments: string[]; expiresAt: Date; createdBy: UserId },
): Promise<ReportLinkRecord> {
  const [row] = await q.query<Row>(
    `insert into report_links (clinic_id, patient_id, token_hash, instruments, expires_at, created_by)
     values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
    [link.clinicId, link.patientId, link.tokenHash, link.instruments, link.expiresAt, link.createdBy],
  );
  return toLink(row!);
}

/** The link behind a token hash, across clinics: the token itself is the credential. */
export async function findReportLinkByHash(q: Queryable, tokenHash: string): Promise<ReportLinkRecord | null> {
  const [row] = await q.query<Row>(`select ${COLUMNS} from report_links where token_hash = $1`, [tokenHash]);
  return row ? toLink(row) : null;
}

/** Marks the link used if it still is usable; false when another request used it first or it expired. */
export async function useReportLink(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query("update report_links set used_at = now() where id = $1 and used_at is null and revoked_at is null and expires_at > now() returning id", [id]);
  return rows.length > 0;
}

export async function listReportLinks(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<ReportLinkRecord[]> {
  const rows = await q.query<Row>(`select ${COLUMNS} from report_links where clinic_id = $1 and patient_id = $2 order by created_at desc limit 20`, [
    clinicId,
    patientId,
  ]);
  return rows.map(toLink);
}

/** Withdraws a link not yet used; false when it is not the clinic's, or was already used or withdrawn. */
export async function revokeReportLink(q: Queryable, clinicId: ClinicId, patientId: PatientId, id: string, by: UserId): Promise<boolean> {
  const rows = await q.query(
    "update report_links set revoked_at = now(), revoked_by = $4 where clinic_id = $1 and patient_id = $2 and id = $3 and used_at is null and revoked_at is null returning id",
    [clinicId, patientId, id, by],
  );
  return rows.length > 0;
}
