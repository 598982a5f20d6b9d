import type { AuditAction, AuditEntity } from "../../../domain/access/auditVocabulary.ts";
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { auditContext } from "../auditContext.ts";
import { isoTimestamp } from "./rows.ts";

export type { AuditAction, AuditEntity };

export interface AuditEventInput {
  clinicId: ClinicId;
  userId: UserId | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  patientId?: PatientId | null;
  ip: string | null;
  /** Ids and counts only: never names, dates of birth or clinical values (a correction names its revision, which holds the values). */
  detail?: Record<string, string | number | boolean | string[]>;
}

export interface AuditEvent {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | null;
  patientId: string | null;
  /** "Family, Given", only for readers allowed to see patients' names; never stored in the log itself. */
  patientName: string | null;
  ip: string | null;
  /** The API token the request came with, by its name; null for the web app. */
  apiTokenName: string | null;
  detail: Record<string, unknown>;
}

export async function appendAuditEvent(q: Queryable, event: AuditEventInput): Promise<void> {
  await q.query(
    `insert into audit_events (clinic_id, user_id, action, entity, entity_id, patient_id, ip, detail, api_token_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      event.clinicId,
      event.userId,
      event.action,
      event.entity,
      event.entityId ?? null,
      event.patientId ?? null,
      event.ip,
      JSON.stringify(event.detail ?? {}),
      auditContext.getStore()?.apiTokenId ?? null,
    ],
  );
}

export interface AuditFilter {
  patientId?: PatientId | undefined;
  userId?: UserId | undefined;
  action?: AuditAction | undefined;
  entity?: AuditEntity | undefined;
  /** Instants: events at or after `from` and before `to` (the browser turns the clinic's local days into these). */
  from?: string | undefined;
  to?: string | undefined;
  /** Events strictly older than this id: keyset paging that stays correct while events are added. */
  beforeId?: string | undefined;
  limit: number;
}

export async function listAuditEvents(
  q: Queryable,
  clinicId: ClinicId,
  filter: AuditFilter,
  options: { withPatientNames: boolean },
): Promise<AuditEvent[]> {
  const params: unknown[] = [clinicId];
  const conditions = ["a.clinic_id = $1"];
  const where = (sql: (param: string) => string, value: unknown) => {
    if (value === undefined || value === "") return;
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  // A patient's trail: rows about them, and list or search rows that showed them (audit_events_shown).
  where((p) => `(a.patient_id = ${p} or a.detail -> 'shown' @> jsonb_build_array(${p}::text))`, filter.patientId);
  where((p) => `a.user_id = ${p}`, filter.userId);
  where((p) => `a.action = ${p}`, filter.action);
  where((p) => `a.entity = ${p}`, filter.entity);
  where((p) => `a.at >= ${p}::timestamptz`, filter.from);
  where((p) => `a.at < ${p}::timestamptz`, filter.to);
  where((p) => `a.id < ${p}::bigint`, filter.beforeId);
  const rows = await q.query<{
    id: string;
    at: Date;
    user_id: string | null;
    user_name: string | null;
    action: AuditAction;
    entity: AuditEntity;
    entity_id: string | null;
    patient_id: string | null;
    patient_name: string | null;
    ip: string | null;
    api_token_name: string | null;
    detail: Record<string, unknown> | string;
  }>(
    `select a.id::text as id, a.at, a.user_id, u.display_name as user_name, a.action, a.entity, a.entity_id,
            a.patient_id, ${options.withPatientNames ? "p.family_name || ', ' || p.given_name" : "null"} as patient_name, a.ip, t.name as api_token_name, a.detail
       from audit_events a
       left join users u on u.id = a.user_id
       left join api_tokens t on t.clinic_id = a.clinic_id and t.id = a.api_token_id
       left join patients p on p.clinic_id = a.clinic_id and p.id = a.patient_id
      where ${conditions.join(" and ")} order by a.id desc limit ${Number(filter.limit)}`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    at: isoTimestamp(row.at),
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    patientId: row.patient_id,
    patientName: row.patient_name,
    ip: row.ip,
    apiTokenName: row.api_token_name,
    detail: typeof row.detail === "string" ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
  }));
}
