/**
 * FHIR Bulk Data $export for one clinic (Bulk Data Access IG 2.0.0): the
 * kick-off, the status (progress, or the manifest once done), the output
 * files, and cancelling. Roles as for the rest of /fhir/R4: clinical access
 * for an export, `data.export` (owners) for a de-identified one, and the same
 * again for its status and files, which only its own clinic can find. The
 * kick-off and every file download are audited, with types and counts.
 */
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "../services/actor.ts";
import type { BulkExports, ExportJob } from "./bulkExportJobs.ts";
import { readExportRequest, type ExportLevel } from "./bulkExportRequest.ts";
import { isSupportedType } from "./fhirApi.ts";

export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: true;
  output: { type: string; url: string; count: number }[];
  error: never[];
}

const permissionFor = (actor: Actor, deidentified: boolean) => (deidentified ? denied(actor, "data.export") : denied(actor, "patients.clinical.read"));

export async function kickOffExport(
  db: Database,
  exports: BulkExports,
  actor: Actor,
  level: ExportLevel,
  headers: { prefer?: string | string[] | undefined; accept?: string | undefined },
  query: Record<string, string | string[] | undefined>,
  urls: { requestUrl: string; base: string },
): Promise<Outcome<ExportJob>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const parsed = readExportRequest(level, headers, query);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  if (request.deidentified) {
    const notOwner = denied(actor, "data.export");
    if (notOwner) return fail("FORBIDDEN", "Only an owner may export de-identified data, as for the research export.");
    // Each de-identified export has new codes, so a later one cannot be joined to an earlier: "changes since" means nothing.
    if (request.since !== null) return fail("FHIR_EXPORT_INVALID", "_since cannot be used with deidentified=true: every de-identified export gives patients new codes.");
  }
  const started = exports.start(actor.clinicId, actor.userId, request, urls);
  if (!started.ok) return started;
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "create",
    entity: "fhir_bulk_export",
    entityId: started.value.id,
    ip: actor.ip,
    detail: { level, types: request.types, deidentified: request.deidentified, since: request.since !== null },
  });
  return started;
}

/** The export, when this actor's clinic has it and the actor may read it. */
export function exportOf(exports: BulkExports, actor: Actor, jobId: string): Outcome<ExportJob> {
  const job = exports.find(actor.clinicId, jobId);
  if (!job) return fail("FHIR_EXPORT_NOT_FOUND");
  return permissionFor(actor, job.request.deidentified) ?? ok(job);
}

export function statusUrl(base: string, job: ExportJob) {
  return `${base}/$export-status/${job.id}`;
}

export function manifestOf(job: ExportJob): BulkManifest {
  return {
    transactionTime: job.transactionTime,
    request: job.requestUrl,
    requiresAccessToken: true,
    output: job.request.types
      .filter((type) => (job.counts[type] ?? 0) > 0)
      .map((type) => ({ type, url: `${job.base}/$export-file/${job.id}/${type}.ndjson`, count: job.counts[type]! })),
    error: [],
  };
}

/** The file of one type of a finished export, audited as a read of that many resources. */
export async function exportFile(db: Database, exports: BulkExports, actor: Actor, jobId: string, fileName: string): Promise<Outcome<{ path: string; count: number }>> {
  const found = exportOf(exports, actor, jobId);
  if (!found.ok) return found;
  const job = found.value;
  const type = /^([A-Za-z]+)\.ndjson$/.exec(fileName)?.[1] ?? "";
  const count = isSupportedType(type) ? job.counts[type] : undefined;
  if (job.status !== "complete" || !count) return fail("FHIR_EXPORT_NOT_FOUND", `${fileName} is not a file of this export.`);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "fhir_bulk_export",
    entityId: job.id,
    ip: actor.ip,
    detail: { resourceType: type, count, deidentified: job.request.deidentified },
  });
  return ok({ path: exports.filePath(job, type), count });
}

export async function cancelExport(exports: BulkExports, actor: Actor, jobId: string): Promise<Outcome<null>> {
  const found = exportOf(exports, actor, jobId);
  if (!found.ok) return found;
  await exports.cancel(actor.clinicId, jobId);
  return ok(null);
}
