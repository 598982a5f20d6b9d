import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export type AuditAction = "read" | "list" | "create" | "update" | "delete" | "login" | "logout" | "login_failed" | "sign" | "amend";
export type AuditEntity =
  | "patient"
  | "pain_score"
  | "episode"
  | "episode_diagnosis"
  | "red_flag_screen"
  | "safety_flags"
  | "medication"
  | "instrument_response"
  | "report_link"
  | "dashboard"
  | "instrument_wording"
  | "follow_up_schedule"
  | "treatment_plan"
  | "visit"
  | "visit_summary"
  | "clinic_protocol"
  | "stricta"
  | "patient_coverage"
  | "payer_plan"
  | "fee_schedule"
  | "billing_details"
  | "visit_coverage"
  | "superbill"
  | "user"
  | "session"
  | "audit_log";

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
  ip: string | null;
  detail: Record<string, unknown>;
}

export async function appendAuditEvent(q: Queryable, event: AuditEventInput): Promise<void> {
  await q.query(
    `insert into audit_events (clinic_id, user_id, action, entity, entity_id, patient_id, ip, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.clinicId,
      event.userId,
      event.action,
      event.entity,
      event.entityId ?? null,
      event.patientId ?? null,
      event.ip,
      JSON.stringify(event.detail ?? {}),
    ],
  );
}

export interface AuditFilter {
  patientId?: PatientId | undefined;
  userId?: UserId | undefined;
  /** Events strictly older than this id: keyset paging that stays correct while events are added. */
  beforeId?: string | undefined;
  limit: number;
}

export async function listAuditEvents(q: Queryable, clinicId: ClinicId, filter: AuditFilter): Promise<AuditEvent[]> {
  const params: unknown[] = [clinicId];
  let where = "a.clinic_id = $1";
  if (filter.patientId) {
    params.push(filter.patientId);
    where += ` and a.patient_id = $${params.length}`;
  }
  if (filter.userId) {
    params.push(filter.userId);
    where += ` and a.user_id = $${params.length}`;
  }
  if (filter.beforeId) {
    params.push(filter.beforeId);
    where += ` and a.id < $${params.length}::bigint`;
  }
  const rows = await q.query<{
    id: string;
    at: Date;
    user_id: string | null;
    user_name: string | null;
    action: AuditAction;
    entity: AuditEntity;
    entity_id: string | null;
    patient_id: string | null;
    ip: string | null;
    detail: Record<string, unknown> | string;
  }>(
    `select a.id::text as id, a.at, a.user_id, u.display_name as user_name, a.action, a.entity, a.entity_id,
            a.patient_id, a.ip, a.detail
       from audit_events a left join users u on u.id = a.user_id
      where ${where} order by a.id desc limit ${Number(filter.limit)}`,
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
    ip: row.ip,
    detail: typeof row.detail === "string" ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
  }));
}
