/**
 * The history of a signed visit's Procedure (history-instance) and a read of
 * one of its versions (vread). Only Procedure keeps versions here: a signed
 * note is amended, never changed, so every version is a record of its own
 * (procedureResources.ts). Audited like every other read of patient data.
 */
import type { Bundle, Resource } from "@medplum/fhirtypes";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "../services/actor.ts";
import { procedureHistory } from "./patientRecords.ts";

/** The types whose versions are kept and answered by _history. */
export const VERSIONED_TYPES = ["Procedure"] as const;

const notVersioned = (type: string) =>
  fail("FHIR_HISTORY_NOT_SUPPORTED", `${type} keeps no versions here; only ${VERSIONED_TYPES.join(", ")} answers _history (see /fhir/R4/metadata).`);

async function audit(db: Database, actor: Actor, action: string, count: number, patientId: PatientId) {
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "fhir_resource",
    entityId: action,
    patientId,
    ip: actor.ip,
    detail: { resourceType: action, count },
  });
}

async function versionsOf(db: Database, actor: Actor, type: string, id: string): Promise<Outcome<{ patientId: PatientId; versions: Resource[] }>> {
  if (!(VERSIONED_TYPES as readonly string[]).includes(type)) return notVersioned(type);
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const history = await procedureHistory(db, actor.clinicId, id);
  if (!history) return fail("FHIR_RESOURCE_NOT_FOUND", `${type}/${id} is not a record of this clinic.`);
  return ok(history);
}

/** Every version, newest first (hl7.org/fhir/R4/http.html#history), each with the request that made it and its outcome. */
export async function fhirHistory(db: Database, actor: Actor, type: string, id: string, urls: { base: string; self: string }): Promise<Outcome<Bundle>> {
  const found = await versionsOf(db, actor, type, id);
  if (!found.ok) return found;
  const { patientId, versions } = found.value;
  await audit(db, actor, `${type}/_history`, versions.length, patientId);
  return ok({
    resourceType: "Bundle",
    type: "history",
    total: versions.length,
    link: [{ relation: "self", url: urls.self }],
    entry: [...versions].reverse().map((resource) => {
      const first = resource.meta?.versionId === "1";
      return {
        fullUrl: `${urls.base}/${type}/${id}`,
        resource,
        // The first version is the visit as signed (a create); each later one an amendment (an update).
        request: first ? { method: "POST" as const, url: type } : { method: "PUT" as const, url: `${type}/${id}` },
        response: {
          status: first ? "201 Created" : "200 OK",
          etag: `W/"${resource.meta?.versionId}"`,
          ...(resource.meta?.lastUpdated && { lastModified: resource.meta.lastUpdated }),
        },
      };
    }),
  });
}

export async function fhirVersionRead(db: Database, actor: Actor, type: string, id: string, versionId: string): Promise<Outcome<Resource>> {
  const found = await versionsOf(db, actor, type, id);
  if (!found.ok) return found;
  const version = found.value.versions.find((v) => v.meta?.versionId === versionId);
  if (!version) return fail("FHIR_RESOURCE_NOT_FOUND", `${type}/${id} has no version ${versionId}; its versions are 1 to ${found.value.versions.length}.`);
  await audit(db, actor, `${type}/_history/{vid}`, 1, found.value.patientId);
  return ok(version);
}
