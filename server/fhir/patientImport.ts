/**
 * POST /fhir/R4 with a Bundle of Patient resources from another system: each
 * entry creates or updates one patient through the same services as /api/v1
 * (the same checks, duplicate warning and audit).
 *
 * - `batch`: each entry stands alone. A refused entry is reported in the
 *   batch-response with its OperationOutcome and the others go on; an entry
 *   is never half-written (each runs in its own transaction).
 * - `transaction`: all or nothing. Every entry is read and checked first and
 *   every problem reported at once; then all are written in one database
 *   transaction, and the first refusal rolls every entry back.
 *
 * An entry says what to do in `request` (hl7.org/fhir/R4/bundle.html):
 * `POST Patient` creates; `PUT Patient/{id}` replaces that patient's
 * demographics; `PUT Patient?identifier=[system|]value` updates the patient
 * with that record number, or creates one with it (conditional update).
 */
import { STATUS_CODES } from "node:http";
import type { Bundle, BundleEntry, OperationOutcome } from "@medplum/fhirtypes";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { Patient } from "../../domain/patients/patient.ts";
import type { Database, Queryable } from "../db/database.ts";
import { findPatient, findPatientByRecordNumber } from "../db/repositories/patients.ts";
import { ERRORS, fail, ok, type Failure, type Outcome } from "../errors.ts";
import { denied, type Actor } from "../services/actor.ts";
import { editPatient, registerPatient } from "../services/patients.ts";
import { recordNumberSystem } from "./codeSystems.ts";
import { operationOutcome } from "./operationOutcome.ts";
import { fhirPathOfField, patientFromFhir } from "./patientFromFhir.ts";

/** More entries than this go in several Bundles: one request stays short enough to answer before a proxy gives up. */
export const MAX_IMPORT_ENTRIES = 5000;

type Plan =
  | { kind: "create" }
  | { kind: "update"; id: PatientId; version: number | null }
  | { kind: "upsert"; recordNumber: string };

interface EntryResult {
  status: number;
  patient?: Patient;
  outcome?: OperationOutcome;
}

/** A database whose transactions join the one already open, so the services' own transactions become part of a Bundle's. */
function joined(db: Database, tx: Queryable): Database {
  return { engine: db.engine, query: (sql, params) => tx.query(sql, params), exec: (script) => tx.exec(script), transaction: (work) => work(tx), close: () => db.close() };
}

function planOf(entry: BundleEntry): Plan | string {
  const method = entry.request?.method;
  const url = entry.request?.url ?? "";
  if (!method) return "Each entry needs request.method and request.url (POST Patient, or PUT Patient/{id}).";
  if (method === "POST" && /^Patient\/?$/.test(url)) return { kind: "create" };
  if (method === "PUT") {
    const byId = /^Patient\/([0-9a-f-]{36})$/.exec(url);
    if (byId) {
      const ifMatch = /^W\/"(\d+)"$/.exec(entry.request?.ifMatch ?? "");
      return { kind: "update", id: byId[1] as PatientId, version: ifMatch ? Number(ifMatch[1]) : null };
    }
    const byIdentifier = /^Patient\?identifier=(?:[^|&]*\|)?([^&|]+)$/.exec(url);
    if (byIdentifier) return { kind: "upsert", recordNumber: decodeURIComponent(byIdentifier[1]!) };
  }
  return `${method} ${url} is not imported: use POST Patient, PUT Patient/{id} or PUT Patient?identifier=value.`;
}

/** A refused entry, its fields named by their FHIR elements (the services name them as /api/v1 does). */
function refusal(failure: Failure): EntryResult {
  const fields = failure.fields && Object.fromEntries(Object.entries(failure.fields).map(([field, note]) => [fhirPathOfField(field), note]));
  return { status: ERRORS[failure.code].status, outcome: operationOutcome(failure.code, failure.detail, fields) };
}

async function runEntry(db: Database, actor: Actor, plan: Plan, input: Parameters<typeof registerPatient>[2]): Promise<EntryResult> {
  let target: { patient: Patient; version: number } | null = null;
  if (plan.kind === "update") {
    const existing = await findPatient(db, actor.clinicId, plan.id);
    if (!existing) return refusal(fail("PATIENT_NOT_FOUND", `Patient/${plan.id} is not a record of this clinic; to create a patient, use POST Patient.`));
    target = { patient: existing, version: plan.version ?? existing.version };
  } else if (plan.kind === "upsert") {
    const existing = await findPatientByRecordNumber(db, actor.clinicId, plan.recordNumber);
    if (existing) target = { patient: existing, version: existing.version };
    input = { ...input, recordNumber: plan.recordNumber };
  }
  if (target) {
    // PUT replaces the resource: what the entry leaves out is cleared. A record number it leaves out is kept.
    const fields = { ...input, recordNumber: input.recordNumber ?? target.patient.recordNumber };
    const outcome = await editPatient(db, actor, target.patient.id, { version: target.version, fields });
    return outcome.ok ? { status: 200, patient: outcome.value } : refusal(outcome);
  }
  const created = await registerPatient(db, actor, input);
  if (created.ok) return { status: 201, patient: created.value };
  if (created.likelyDuplicates) {
    const ids = created.likelyDuplicates.map((p) => `Patient/${p.id}`).join(", ");
    return refusal(fail("PATIENT_LIKELY_DUPLICATE", `Likely the same person as ${ids}: to update that record, send PUT Patient/{id} or PUT Patient?identifier=value.`));
  }
  return refusal(created);
}

function responseEntry(result: EntryResult): BundleEntry {
  const status = `${result.status} ${STATUS_CODES[result.status] ?? ""}`.trim();
  const patient = result.patient;
  return {
    response: {
      status,
      ...(patient && { location: `Patient/${patient.id}/_history/${patient.version}`, etag: `W/"${patient.version}"`, lastModified: patient.updatedAt }),
      ...(result.outcome && { outcome: result.outcome }),
    },
  };
}

/** Thrown inside a transaction Bundle's database transaction to roll it back with the result that refused. */
class EntryRefused extends Error {
  constructor(
    readonly index: number,
    readonly result: EntryResult,
  ) {
    super("entry refused");
  }
}

function entryIssues(index: number, outcome: OperationOutcome | undefined): NonNullable<OperationOutcome["issue"]> {
  return (outcome?.issue ?? []).map((issue) => ({
    ...issue,
    diagnostics: `Entry ${index + 1}: ${issue.diagnostics ?? issue.details?.text ?? "refused"}`,
    expression: [`Bundle.entry[${index}]`, ...(issue.expression ?? []).map((path) => `Bundle.entry[${index}].resource${path.replace(/^Patient/, "")}`)],
  }));
}

export type ImportAnswer = { status: number; body: Bundle | OperationOutcome };

export async function importPatientBundle(db: Database, actor: Actor, bundle: Bundle): Promise<Outcome<ImportAnswer>> {
  const refused = denied(actor, "patients.demographics.write");
  if (refused) return refused;
  if (bundle.type !== "batch" && bundle.type !== "transaction") {
    return fail("FHIR_BUNDLE_INVALID", `A Bundle of type "batch" or "transaction" is imported; this one is "${bundle.type ?? "untyped"}".`);
  }
  const entries = bundle.entry ?? [];
  if (entries.length === 0) return fail("FHIR_BUNDLE_INVALID", "The Bundle has no entries.");
  if (entries.length > MAX_IMPORT_ENTRIES) return fail("FHIR_BUNDLE_INVALID", `At most ${MAX_IMPORT_ENTRIES} entries per Bundle; this one has ${entries.length}. Send the rest in another.`);

  const ownSystem = recordNumberSystem(actor.clinicId);
  const read = entries.map((entry) => {
    const plan = planOf(entry);
    if (typeof plan === "string") return { problem: refusal(fail("FHIR_IMPORT_ENTRY_INVALID", plan)) };
    const reading = patientFromFhir(entry.resource, ownSystem);
    if (!reading.ok) return { problem: refusal(fail("FHIR_IMPORT_ENTRY_INVALID", undefined, reading.problems)) };
    return { plan, input: reading.input };
  });

  if (bundle.type === "batch") {
    const results: EntryResult[] = [];
    for (const entry of read) results.push(entry.problem ?? (await runEntry(db, actor, entry.plan!, entry.input!)));
    return ok({ status: 200, body: { resourceType: "Bundle", type: "batch-response", entry: results.map(responseEntry) } });
  }

  const unreadable = read.flatMap((entry, index) => (entry.problem ? entryIssues(index, entry.problem.outcome) : []));
  if (unreadable.length > 0) return ok({ status: 400, body: { resourceType: "OperationOutcome", issue: unreadable } });
  try {
    const results = await db.transaction(async (tx) => {
      const inTransaction = joined(db, tx);
      const done: EntryResult[] = [];
      for (const [index, entry] of read.entries()) {
        const result = await runEntry(inTransaction, actor, entry.plan!, entry.input!);
        if (!result.patient) throw new EntryRefused(index, result);
        done.push(result);
      }
      return done;
    });
    return ok({ status: 200, body: { resourceType: "Bundle", type: "transaction-response", entry: results.map(responseEntry) } });
  } catch (error) {
    if (!(error instanceof EntryRefused)) throw error;
    const issue = [
      ...entryIssues(error.index, error.result.outcome),
      { severity: "information" as const, code: "informational" as const, diagnostics: "Nothing was imported: a transaction Bundle is written whole or not at all." },
    ];
    return ok({ status: error.result.status, body: { resourceType: "OperationOutcome", issue } });
  }
}
