import type { Database } from "../db/database.ts";
import { appendAuditEvent, listAuditEvents, type AuditEvent, type AuditFilter } from "../db/repositories/auditEvents.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

/** The owner's view of who touched which record. Reading the log is itself logged. */
export async function browseAuditLog(db: Database, actor: Actor, filter: AuditFilter): Promise<Outcome<AuditEvent[]>> {
  const refused = denied(actor, "audit.read");
  if (refused) return refused;
  const events = await listAuditEvents(db, actor.clinicId, filter);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "audit_log",
    ip: actor.ip,
    ...(filter.patientId && { patientId: filter.patientId }),
    detail: { count: events.length },
  });
  return ok(events);
}
