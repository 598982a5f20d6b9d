/**
 * Reading a clinic's records as FHIR R4: read by id, search, and a patient's
 * $everything. Roles apply as for /api/v1 (demographics for Patient, clinical
 * access for the rest), every call is scoped to the actor's clinic, and every
 * read of patient data is audited with what was returned (types and counts,
 * never values).
 */
import type { Bundle, Resource } from "@medplum/fhirtypes";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findClinicBilling, listProviderBilling } from "../db/repositories/billingDetails.ts";
import { allPatientsOfClinic, findPatient } from "../db/repositories/patients.ts";
import { listUsers } from "../db/repositories/users.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "../services/actor.ts";
import { organizationResource, patientResource, practitionerResource } from "./demographicResources.ts";
import { acubackQuestionnaires } from "./questionnaireResources.ts";
import { CLINICAL_TYPES, clinicalResources, everythingOf, ownerOf, type ClinicalType } from "./patientRecords.ts";
import { CLINICAL_DATE_PARAMETERS, clinicalDate, dateMatches, parseDateFilter, patientIdOf, type DateFilter } from "./search.ts";

export const SUPPORTED_TYPES = ["Patient", "Organization", "Practitioner", "Questionnaire", ...CLINICAL_TYPES] as const;
export type SupportedType = (typeof SUPPORTED_TYPES)[number];
/** The search parameters each type answers; any other is refused, so no one mistakes an ignored filter for an applied one. */
export const SEARCH_PARAMETERS: Record<SupportedType, readonly string[]> = {
  Patient: ["_id", "_lastUpdated", "active"],
  Organization: ["_id"],
  Practitioner: ["_id"],
  Questionnaire: ["_id", "url"],
  Condition: ["patient", "subject", "_id", "_lastUpdated", "date"],
  Observation: ["patient", "subject", "_id", "_lastUpdated", "date", "code"],
  Flag: ["patient", "subject", "_id", "_lastUpdated", "status"],
  MedicationStatement: ["patient", "subject", "_id", "_lastUpdated", "date", "status"],
  Procedure: ["patient", "subject", "_id", "_lastUpdated", "date"],
  // R4 names these types' dates "authored" and "created" (hl7.org/fhir/R4/questionnaireresponse.html#search, claim.html#search).
  QuestionnaireResponse: ["patient", "subject", "_id", "_lastUpdated", "authored", "status"],
  Claim: ["patient", "_id", "_lastUpdated", "created", "status"],
};

const isClinical = (type: SupportedType): type is ClinicalType => (CLINICAL_TYPES as readonly string[]).includes(type);
export const isSupportedType = (type: string): type is SupportedType => (SUPPORTED_TYPES as readonly string[]).includes(type);

function permissionFor(actor: Actor, type: SupportedType) {
  return isClinical(type) ? denied(actor, "patients.clinical.read") : denied(actor, "patients.demographics.read");
}

async function audit(db: Database, actor: Actor, action: "read" | "list", type: string, count: number, patientId: PatientId | null) {
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action,
    entity: "fhir_resource",
    entityId: type,
    ...(patientId && { patientId }),
    ip: actor.ip,
    detail: { resourceType: type, count },
  });
}

/** The clinic's practitioners (the front desk treats no one), also for the bulk export. */
export async function staffResources(db: Queryable, clinicId: ClinicId): Promise<Resource[]> {
  const [users, billing] = await Promise.all([listUsers(db, clinicId), listProviderBilling(db, clinicId)]);
  return users.filter((u) => u.role !== "front_desk").map((u) => practitionerResource(u, billing.find((b) => b.id === u.id)));
}

export async function organization(db: Queryable, clinicId: ClinicId): Promise<Resource> {
  return organizationResource(clinicId, await findClinicBilling(db, clinicId));
}

export async function fhirRead(db: Database, actor: Actor, type: SupportedType, id: string): Promise<Outcome<Resource>> {
  const refused = permissionFor(actor, type);
  if (refused) return refused;
  let found: Resource | undefined;
  let patientId: PatientId | null = null;
  if (type === "Organization") {
    if (id === actor.clinicId) found = await organization(db, actor.clinicId);
  } else if (type === "Practitioner") {
    found = (await staffResources(db, actor.clinicId)).find((r) => r.id === id);
  } else if (type === "Questionnaire") {
    found = acubackQuestionnaires().find((r) => r.id === id);
  } else if (type === "Patient") {
    const patient = /^[0-9a-f-]{36}$/.test(id) ? await findPatient(db, actor.clinicId, id as PatientId) : null;
    if (patient) [found, patientId] = [patientResource(patient), patient.id];
  } else {
    patientId = await ownerOf(db, actor.clinicId, type, id);
    if (patientId) found = (await clinicalResources(db, actor.clinicId, patientId, type)).find((r) => r.id === id);
  }
  if (!found) return fail("FHIR_RESOURCE_NOT_FOUND", `${type}/${id} is not a record of this clinic.`);
  if (patientId) await audit(db, actor, "read", type, 1, patientId);
  return ok(found);
}

export type SearchQuery = Record<string, string | string[] | undefined>;

/** Search parameters as lists (a parameter may repeat: `_lastUpdated=ge…&_lastUpdated=lt…`), refusing unknown ones and bad dates. */
function readQuery(type: SupportedType, query: SearchQuery): Outcome<Map<string, string[]>> {
  const params = new Map<string, string[]>();
  const allowed = SEARCH_PARAMETERS[type];
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined || name === "_count" || name === "_format") continue;
    if (!allowed.includes(name)) {
      return fail("FHIR_SEARCH_INVALID", `${type} cannot be searched by "${name}"; it can be searched by ${allowed.join(", ")}.`);
    }
    params.set(name, Array.isArray(raw) ? raw : [raw]);
  }
  for (const name of ["_lastUpdated", ...CLINICAL_DATE_PARAMETERS]) {
    for (const value of params.get(name) ?? []) {
      if (!parseDateFilter(value)) return fail("FHIR_SEARCH_INVALID", `${name}=${value} is not a FHIR date (e.g. ge2026-03-01 or lt2026-03-01T12:00:00Z).`);
    }
  }
  return ok(params);
}

function filtersOf(params: Map<string, string[]>, name: string): DateFilter[] {
  return (params.get(name) ?? []).map((value) => parseDateFilter(value)!);
}

function matches(resource: Resource, params: Map<string, string[]>): boolean {
  const ids = params.get("_id");
  if (ids && !ids.some((list) => list.split(",").includes(resource.id ?? ""))) return false;
  if (!filtersOf(params, "_lastUpdated").every((f) => dateMatches(resource.meta?.lastUpdated, f))) return false;
  if (!CLINICAL_DATE_PARAMETERS.every((name) => filtersOf(params, name).every((f) => dateMatches(clinicalDate(resource), f)))) return false;
  const status = params.get("status");
  if (status && !status.some((s) => s.split(",").includes((resource as { status?: string }).status ?? ""))) return false;
  const active = params.get("active");
  if (active && resource.resourceType === "Patient" && !active.includes(String(resource.active))) return false;
  const url = params.get("url");
  // A canonical: `url`, or `url|version` (hl7.org/fhir/R4/search.html#versions).
  if (url && resource.resourceType === "Questionnaire" && !url.some((u) => u === resource.url || u === `${resource.url}|${resource.version}`)) return false;
  const code = params.get("code");
  if (code && resource.resourceType === "Observation") {
    const codings = resource.code.coding ?? [];
    // token: `code`, or `system|code`
    const wanted = code.flatMap((list) => list.split(","));
    if (!wanted.some((w) => codings.some((c) => (w.includes("|") ? `${c.system}|${c.code}` === w : c.code === w)))) return false;
  }
  return true;
}

export function searchBundle(base: string, selfUrl: string, resources: readonly Resource[]): Bundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: selfUrl }],
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" as const } })),
  };
}

export async function fhirSearch(
  db: Database,
  actor: Actor,
  type: SupportedType,
  query: SearchQuery,
  urls: { base: string; self: string },
): Promise<Outcome<Bundle>> {
  const refused = permissionFor(actor, type);
  if (refused) return refused;
  const parsed = readQuery(type, query);
  if (!parsed.ok) return parsed;
  const params = parsed.value;
  let resources: Resource[];
  let patientId: PatientId | null = null;
  if (type === "Organization") resources = [await organization(db, actor.clinicId)];
  else if (type === "Practitioner") resources = await staffResources(db, actor.clinicId);
  else if (type === "Questionnaire") resources = acubackQuestionnaires();
  else if (type === "Patient") resources = (await allPatientsOfClinic(db, actor.clinicId)).map(patientResource);
  else {
    const subject = params.get("patient") ?? params.get("subject");
    // Clinic-wide clinical reads go through the bulk export, which streams; a search names its patient.
    if (!subject || subject.length !== 1) return fail("FHIR_SEARCH_INVALID", `Search ${type} for one patient: add patient=Patient/{id}.`);
    patientId = patientIdOf(subject[0]!) as PatientId;
    if (!/^[0-9a-f-]{36}$/.test(patientId) || !(await findPatient(db, actor.clinicId, patientId))) {
      return fail("FHIR_RESOURCE_NOT_FOUND", `Patient/${patientId} is not a record of this clinic.`);
    }
    resources = await clinicalResources(db, actor.clinicId, patientId, type);
  }
  const found = resources.filter((r) => matches(r, params));
  if (type === "Patient" || patientId) await audit(db, actor, "list", type, found.length, patientId);
  return ok(searchBundle(urls.base, urls.self, found));
}

export async function fhirEverything(db: Database, actor: Actor, patientId: string, urls: { base: string; self: string }): Promise<Outcome<Bundle>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const records = /^[0-9a-f-]{36}$/.test(patientId) ? await everythingOf(db, actor.clinicId, patientId as PatientId) : null;
  if (!records) return fail("FHIR_RESOURCE_NOT_FOUND", `Patient/${patientId} is not a record of this clinic.`);
  // The clinic and the practitioners the visits name come along, so the bundle stands on its own.
  const performers = new Set(records.flatMap((r) => (r.resourceType === "Procedure" ? (r.performer ?? []).map((p) => p.actor.reference) : [])));
  const staff = (await staffResources(db, actor.clinicId)).filter((p) => performers.has(`Practitioner/${p.id}`));
  const all = [...records, await organization(db, actor.clinicId), ...staff];
  await audit(db, actor, "read", "Patient/$everything", all.length, patientId as PatientId);
  return ok(searchBundle(urls.base, urls.self, all));
}

