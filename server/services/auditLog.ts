import { stringify } from "csv-stringify/sync";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "../../domain/access/auditVocabulary.ts";
import { can } from "../../domain/access/roles.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent, listAuditEvents, type AuditEvent, type AuditFilter } from "../db/repositories/auditEvents.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

/** The most a CSV export holds; the newest matching entries when there are more (narrow the dates to get the rest). */
export const AUDIT_EXPORT_LIMIT = 100_000;

/**
 * The owner's view of who touched which record. Reading the log is itself
 * logged, with the filters used. Patients' names are joined in at read time
 * (the log stores ids only) for readers allowed to see names.
 */
export async function browseAuditLog(db: Database, actor: Actor, filter: AuditFilter, exported = false): Promise<Outcome<AuditEvent[]>> {
  const refused = denied(actor, "audit.read");
  if (refused) return refused;
  const events = await listAuditEvents(db, actor.clinicId, filter, { withPatientNames: can(actor.role, "patients.demographics.read") });
  const filters = Object.entries({ userId: filter.userId, action: filter.action, entity: filter.entity, from: filter.from, to: filter.to })
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "audit_log",
    ip: actor.ip,
    ...(filter.patientId && { patientId: filter.patientId }),
    detail: { count: events.length, ...(filters.length > 0 && { filters }), ...(exported && { export: "csv" }) },
  });
  return ok(events);
}

/** The same entries as CSV for a spreadsheet: one row per entry, times in UTC (ISO 8601), words as the page shows them. */
export async function exportAuditLog(db: Database, actor: Actor, filter: Omit<AuditFilter, "limit" | "beforeId">): Promise<Outcome<string>> {
  const events = await browseAuditLog(db, actor, { ...filter, limit: AUDIT_EXPORT_LIMIT }, true);
  if (!events.ok) return events;
  const rows = events.value.map((event) => [
    event.id,
    event.at,
    event.userName ?? "",
    AUDIT_ACTION_LABELS[event.action] ?? event.action,
    AUDIT_ENTITY_LABELS[event.entity] ?? event.entity,
    event.entityId ?? "",
    event.patientId ?? "",
    event.patientName ?? "",
    event.ip ?? "",
    event.apiTokenName ?? "",
    Object.keys(event.detail).length > 0 ? JSON.stringify(event.detail) : "",
  ]);
  return ok(
    stringify(rows, {
      header: true,
      columns: ["entry", "at_utc", "who", "did", "what", "record_id", "patient_id", "patient", "from_ip", "api_token", "detail"],
      record_delimiter: "\r\n",
      // A staff name such as "=HYPERLINK(…)" must stay text when the file opens in a spreadsheet.
      escape_formulas: true,
    }),
  );
}
