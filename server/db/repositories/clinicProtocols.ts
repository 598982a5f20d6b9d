import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Treatment } from "../../../domain/treatment/treatment.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

/** A protocol a clinic saved for itself, shared by everyone in the clinic. */
export interface ClinicProtocolRecord {
  id: string;
  name: string;
  treatment: Treatment;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  treatment: Treatment;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

const COLUMNS = "id, name, treatment, note, created_by, created_at";

const toRecord = (row: Row): ClinicProtocolRecord => ({
  id: row.id,
  name: row.name,
  treatment: row.treatment,
  note: row.note,
  createdBy: row.created_by,
  createdAt: isoTimestamp(row.created_at),
});

export async function insertClinicProtocol(
  q: Queryable,
  clinicId: ClinicId,
  protocol: { name: string; treatment: Treatment; note: string | null },
  createdBy: UserId,
): Promise<ClinicProtocolRecord> {
  const [row] = await q.query<Row>(
    `insert into clinic_protocols (clinic_id, name, treatment, note, created_by) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
    [clinicId, protocol.name, JSON.stringify(protocol.treatment), protocol.note, createdBy],
  );
  return toRecord(row!);
}

export async function listClinicProtocols(q: Queryable, clinicId: ClinicId): Promise<ClinicProtocolRecord[]> {
  const rows = await q.query<Row>(`select ${COLUMNS} from clinic_protocols where clinic_id = $1 order by lower(name)`, [clinicId]);
  return rows.map(toRecord);
}

export async function findClinicProtocol(q: Queryable, clinicId: ClinicId, id: string): Promise<ClinicProtocolRecord | null> {
  const [row] = await q.query<Row>(`select ${COLUMNS} from clinic_protocols where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toRecord(row) : null;
}

export async function deleteClinicProtocol(q: Queryable, clinicId: ClinicId, id: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>("delete from clinic_protocols where clinic_id = $1 and id = $2 returning id", [clinicId, id]);
  return rows.length > 0;
}
