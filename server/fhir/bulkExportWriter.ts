/**
 * Writes one bulk export's NDJSON files, one per type, streaming: patients
 * are read a page at a time in id order (keyset paging), each page's records
 * are loaded with the same per-type loaders as reads and $everything
 * (patientRecords.ts, so a type added to CLINICAL_TYPES is exported without
 * a change here), and each line waits for its file stream to drain. Memory
 * holds one page, whatever the size of the clinic.
 *
 * Patients in id order: ids are random (gen_random_uuid), so the order of
 * the files says nothing about when anyone registered.
 */
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Resource } from "@medplum/fhirtypes";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Queryable } from "../db/database.ts";
import { countPatients, patientsAfter } from "../db/repositories/patients.ts";
import type { ExportRequest } from "./bulkExportRequest.ts";
import { deidentifyPatient } from "./deidentifiedResources.ts";
import { patientResource } from "./demographicResources.ts";
import { organization, staffResources, type SupportedType } from "./fhirApi.ts";
import { acubackQuestionnaires } from "./questionnaireResources.ts";
import { CLINICAL_TYPES, clinicalResources } from "./patientRecords.ts";

/** Patients per page: small enough that interactive requests interleave with the export's queries on PGlite's one connection. */
export const PATIENTS_PER_PAGE = 200;

export class ExportCancelled extends Error {
  constructor() {
    super("export cancelled");
  }
}

export interface ExportWork {
  db: Queryable;
  clinicId: ClinicId;
  request: ExportRequest;
  dir: string;
  cancelled(): boolean;
  progress(patientsDone: number, patientsTotal: number): void;
}

export const fileNameOf = (type: string) => `${type}.ndjson`;

class NdjsonFile {
  readonly stream: WriteStream;
  count = 0;
  private failure: Error | null = null;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    // Kept, and thrown by the next write: an unheard stream error would end the process.
    this.stream.on("error", (error) => (this.failure = error));
  }
  async write(resource: Resource) {
    if (this.failure) throw this.failure;
    this.count += 1;
    if (!this.stream.write(`${JSON.stringify(resource)}\n`)) await once(this.stream, "drain");
  }
  async close() {
    if (!this.stream.closed) {
      const closed = once(this.stream, "close").catch(() => undefined);
      this.stream.end();
      await closed;
    }
    if (this.failure) throw this.failure;
  }
}

/** Whether a resource changed at or after `since`; one that states no lastUpdated is kept, so no change is ever missed. */
function changedSince(resource: Resource, since: number | null): boolean {
  if (since === null || !resource.meta?.lastUpdated) return true;
  return Date.parse(resource.meta.lastUpdated) >= since;
}

/** A code for a patient, made at random for this export (64 bits: two of 100,000 patients share one with odds of about 1 in 3 billion). */
const patientCode = () => `P${randomBytes(8).toString("hex").toUpperCase()}`;

/** Writes the files and returns each type's count (types with none have no file). */
export async function writeExport(work: ExportWork): Promise<Partial<Record<SupportedType, number>>> {
  const { db, clinicId, request, dir } = work;
  const files = new Map<string, NdjsonFile>(request.types.map((type) => [type, new NdjsonFile(join(dir, fileNameOf(type)))]));
  try {
    const write = async (resource: Resource) => {
      const file = files.get(resource.resourceType);
      if (file) await file.write(resource);
    };
    if (files.has("Organization")) await write(await organization(db, clinicId));
    if (files.has("Practitioner")) for (const practitioner of await staffResources(db, clinicId)) if (changedSince(practitioner, request.since)) await write(practitioner);
    // Acuback's own Questionnaires, which the QuestionnaireResponses name when the clinic has loaded no licensed wording.
    if (files.has("Questionnaire")) for (const questionnaire of acubackQuestionnaires()) if (changedSince(questionnaire, request.since)) await write(questionnaire);

    // De-identifying needs every patient's episodes (their intakes anchor the days), asked for or not.
    const clinical = CLINICAL_TYPES.filter((t) => files.has(t) || (request.deidentified && t === "Condition"));
    const total = await countPatients(db, clinicId);
    let done = 0;
    let after: PatientId | null = null;
    for (;;) {
      if (work.cancelled()) throw new ExportCancelled();
      const page = await patientsAfter(db, clinicId, after, PATIENTS_PER_PAGE);
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      const loaded = await Promise.all(
        page.map(async (patient) => {
          const records = await Promise.all(clinical.map(async (type) => [type, await clinicalResources(db, clinicId, patient.id, type)] as const));
          return { patient: patientResource(patient), records: Object.fromEntries(records) as Partial<Record<string, Resource[]>> };
        }),
      );
      if (work.cancelled()) throw new ExportCancelled();
      for (const { patient, records } of loaded) {
        if (request.deidentified) {
          for (const resource of deidentifyPatient(patientCode(), patient, records)) await write(resource);
          continue;
        }
        if (changedSince(patient, request.since)) await write(patient);
        for (const type of clinical) for (const resource of records[type] ?? []) if (changedSince(resource, request.since)) await write(resource);
      }
      done += page.length;
      work.progress(done, total);
    }
    for (const file of files.values()) await file.close();
    const counts: Partial<Record<SupportedType, number>> = {};
    for (const [type, file] of files) {
      if (file.count === 0) await rm(file.path, { force: true });
      else counts[type as SupportedType] = file.count;
    }
    return counts;
  } finally {
    // On a failure or a cancel the caller removes the directory; the streams are closed first either way.
    await Promise.all([...files.values()].map((file) => file.close().catch(() => undefined)));
  }
}
