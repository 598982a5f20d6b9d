/**
 * One way to correct a clinical entry, used by pain scores, questionnaire
 * responses, medications and episodes: new values with a written reason, or
 * the entry marked entered in error with a reason. The entry as first made
 * stays stored (the database refuses to change it); the change is an appended
 * revision holding the values before and after, and the audit event names it.
 * Each kind says how to find its entry and which columns a correction may set.
 */
import { changedFields, type CorrectableKind, type CorrectionRequest } from "../../domain/shared/correction.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent, type AuditEntity } from "../db/repositories/auditEvents.ts";
import { entryPatient, insertRevision, listRevisions, type Columns, type EntryTable, type RevisionRecord } from "../db/repositories/recordRevisions.ts";
import { fail, ok, type ErrorCode, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

/** How one kind of entry is found and corrected. */
export interface CorrectableEntry<Values, Entry extends { patientId: PatientId; enteredInError: boolean }> {
  kind: CorrectableKind & AuditEntity;
  table: EntryTable;
  notFound: ErrorCode;
  find(q: Queryable, clinicId: ClinicId, id: string): Promise<Entry | null>;
  /** The correctable columns of the entry as it stands, by column name. */
  columnsOf(entry: Entry): Columns;
  /** The columns the corrected values give, or why they cannot stand (checked against the entry as it stands). */
  correctedColumns(q: Queryable, actor: Actor, entry: Entry, values: Values): Promise<Outcome<Columns>>;
}

export interface Revised {
  revisionId: string;
  recordId: string;
  patientId: PatientId;
  action: "correction" | "entered-in-error" | "stopped";
  /** The columns that changed (none when marked entered in error). */
  fields: string[];
}

export async function reviseEntry<Values, Entry extends { patientId: PatientId; enteredInError: boolean }>(
  db: Database,
  actor: Actor,
  spec: CorrectableEntry<Values, Entry>,
  id: string,
  request: CorrectionRequest<Values>,
): Promise<Outcome<Revised>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await entryPatient(tx, actor.clinicId, spec.table, id, true))) return fail(spec.notFound);
    const entry = (await spec.find(tx, actor.clinicId, id))!;
    if (entry.enteredInError) return fail("ENTRY_IN_ERROR");
    const before = spec.columnsOf(entry);
    let after = before;
    if (request.action === "correction") {
      const corrected = await spec.correctedColumns(tx, actor, entry, request.values);
      if (!corrected.ok) return corrected;
      after = { ...before, ...corrected.value };
    }
    const fields = changedFields(before, after);
    if (request.action === "correction" && fields.length === 0) return fail("CORRECTION_CHANGES_NOTHING");
    return ok(await appendRevision(tx, actor, spec.kind, { recordId: id, patientId: entry.patientId, action: request.action, reason: request.reason, before, after, fields }));
  });
}

/** Appends the revision and its audit event (the event names the revision and the columns, never the values). */
export async function appendRevision(
  tx: Queryable,
  actor: Actor,
  kind: CorrectableKind & AuditEntity,
  change: { recordId: string; patientId: PatientId; action: Revised["action"]; reason: string | null; before: Columns; after: Columns; fields: string[] },
): Promise<Revised> {
  const revisionId = await insertRevision(tx, actor.clinicId, { kind, authorId: actor.userId, ...change });
  await appendAuditEvent(tx, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: change.action === "stopped" ? "update" : "amend",
    entity: kind,
    entityId: change.recordId,
    patientId: change.patientId,
    ip: actor.ip,
    detail: { revisionId, change: change.action, fields: change.fields },
  });
  return { revisionId, recordId: change.recordId, patientId: change.patientId, action: change.action, fields: change.fields };
}

/** An entry's history: every revision with its values before and after, oldest first. The read is audited. */
export async function revisionsOf(
  db: Database,
  actor: Actor,
  spec: Pick<CorrectableEntry<unknown, { patientId: PatientId; enteredInError: boolean }>, "kind" | "table" | "notFound">,
  id: string,
): Promise<Outcome<RevisionRecord[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const patientId = await entryPatient(db, actor.clinicId, spec.table, id);
  if (!patientId) return fail(spec.notFound);
  const revisions = await listRevisions(db, actor.clinicId, spec.kind, [id]);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: spec.kind,
    entityId: id,
    patientId,
    ip: actor.ip,
    detail: { revisions: revisions.length },
  });
  return ok(revisions);
}
