/**
 * Protocols: the library (each entry from a named trial) and the clinic's
 * own, saved by a practitioner and shared with everyone in the clinic.
 */
import { PROTOCOLS, type Protocol } from "../../domain/treatment/protocols.ts";
import { unknownPoints } from "../../domain/treatment/safety.ts";
import type { Treatment } from "../../domain/treatment/treatment.ts";
import { treatmentProblems } from "../../domain/treatment/visit.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { deleteClinicProtocol, insertClinicProtocol, listClinicProtocols, type ClinicProtocolRecord } from "../db/repositories/clinicProtocols.ts";
import { isUniqueViolation } from "../db/repositories/rows.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface ProtocolCatalogue {
  library: readonly Protocol[];
  clinic: ClinicProtocolRecord[];
}

export async function protocolCatalogue(db: Database, actor: Actor): Promise<Outcome<ProtocolCatalogue>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  return ok({ library: PROTOCOLS, clinic: await listClinicProtocols(db, actor.clinicId) });
}

export async function saveClinicProtocol(
  db: Database,
  actor: Actor,
  input: { name: string; treatment: Treatment; note: string | null },
): Promise<Outcome<ClinicProtocolRecord>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const unknown = unknownPoints(input.treatment);
  if (unknown.length > 0) return fail("VALIDATION_FAILED", `Unknown points: ${unknown.join(", ")}.`);
  const problems = treatmentProblems(input.treatment).filter((p) => !/not needled on that side/.test(p));
  if (input.treatment.sites.length === 0) problems.push("A protocol needs at least one point.");
  if (problems.length > 0) return fail("TREATMENT_INVALID", problems.join(" "));
  try {
    return await db.transaction(async (tx) => {
      const saved = await insertClinicProtocol(tx, actor.clinicId, input, actor.userId);
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "clinic_protocol", entityId: saved.id, ip: actor.ip });
      return ok(saved);
    });
  } catch (error) {
    if (isUniqueViolation(error, "clinic_protocols_clinic_id_name_key")) return fail("PROTOCOL_NAME_TAKEN");
    throw error;
  }
}

export async function removeClinicProtocol(db: Database, actor: Actor, id: string): Promise<Outcome<{ id: string }>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await deleteClinicProtocol(tx, actor.clinicId, id))) return fail("PROTOCOL_NOT_FOUND");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "delete", entity: "clinic_protocol", entityId: id, ip: actor.ip });
    return ok({ id });
  });
}
