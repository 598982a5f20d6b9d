/**
 * The bulk exports of this server process: each runs in the background in
 * the same process (no queue, no worker), one at a time per clinic (a second
 * kick-off while one runs is answered 429 with Retry-After), and writes its
 * files to its own directory under the configured export directory
 * (ACUBACK_BULK_EXPORT_DIR). A finished export is kept for
 * ACUBACK_BULK_EXPORT_HOURS and then deleted, files and all; a cancelled or
 * failed one is deleted at once. Each directory holds a job.json, so a
 * restarted server still serves finished exports and removes the ones a
 * stopped process left half-written.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import type { Queryable } from "../db/database.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import type { ExportRequest } from "./bulkExportRequest.ts";
import { ExportCancelled, fileNameOf, writeExport } from "./bulkExportWriter.ts";
import type { SupportedType } from "./fhirApi.ts";
import { isProcessAlive } from "../processAlive.ts";

export interface ExportJob {
  id: string;
  clinicId: ClinicId;
  requestedBy: UserId;
  request: ExportRequest;
  /** The kick-off URL as the client sent it, for the manifest. */
  requestUrl: string;
  /** The FHIR base the client reached, for the files' URLs. */
  base: string;
  /** When the export started: it holds every change made before this instant (and may hold some made while it ran). */
  transactionTime: string;
  status: "in-progress" | "complete" | "failed";
  progress: { done: number; total: number };
  counts: Partial<Record<SupportedType, number>>;
  /** When the files are deleted (ms since the epoch); null while the export runs. */
  expiresAt: number | null;
  pid: number;
}

export interface BulkExportSettings {
  dir: string;
  retentionHours: number;
}

/** Seconds a client is asked to wait before polling again, or before kicking off while another export runs. */
export const RETRY_AFTER_SECONDS = 5;

const isJobId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

export class BulkExports {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly running = new Map<string, { promise: Promise<void>; cancelled: boolean }>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly settings: BulkExportSettings,
    /** Told of a failed export (the error, never what was being written). */
    private readonly onFailure: (jobId: string, error: Error) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads what an earlier process left, then deletes expired exports every ten minutes. */
  async open(): Promise<void> {
    await this.restore();
    this.sweeper = setInterval(() => void this.sweep(), 10 * 60_000);
    this.sweeper.unref();
  }

  /** Stops the running exports (their files are removed) and waits for them, so nothing reads the database after it closes. */
  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const run of this.running.values()) run.cancelled = true;
    await Promise.all([...this.running.values()].map((run) => run.promise));
  }

  directoryOf(jobId: string): string {
    return join(this.settings.dir, jobId);
  }

  filePath(job: ExportJob, type: string): string {
    return join(this.directoryOf(job.id), fileNameOf(type));
  }

  find(clinicId: ClinicId, jobId: string): ExportJob | null {
    const job = isJobId(jobId) ? this.jobs.get(jobId) : undefined;
    // Another clinic's export is not there at all, for this clinic.
    return job && job.clinicId === clinicId ? job : null;
  }

  start(clinicId: ClinicId, requestedBy: UserId, request: ExportRequest, urls: { requestUrl: string; base: string }): Outcome<ExportJob> {
    const busy = [...this.jobs.values()].some((j) => j.clinicId === clinicId && j.status === "in-progress");
    if (busy) return fail("FHIR_EXPORT_IN_PROGRESS", `Try again in a while, or cancel the running export with DELETE on its status URL.`);
    const job: ExportJob = {
      id: randomUUID(),
      clinicId,
      requestedBy,
      request,
      requestUrl: urls.requestUrl,
      base: urls.base,
      transactionTime: new Date(this.now()).toISOString(),
      status: "in-progress",
      progress: { done: 0, total: 0 },
      counts: {},
      expiresAt: null,
      pid: process.pid,
    };
    this.jobs.set(job.id, job);
    const run = { cancelled: false, promise: Promise.resolve() };
    run.promise = this.run(job, run).finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
    return ok(job);
  }

  private async run(job: ExportJob, run: { cancelled: boolean }): Promise<void> {
    const dir = this.directoryOf(job.id);
    try {
      await mkdir(dir, { recursive: true });
      await this.save(job);
      job.counts = await writeExport({
        db: this.db,
        clinicId: job.clinicId,
        request: job.request,
        dir,
        cancelled: () => run.cancelled,
        progress: (done, total) => (job.progress = { done, total }),
      });
      const expiresAt = this.now() + this.settings.retentionHours * 3_600_000;
      await this.save({ ...job, status: "complete", expiresAt });
      // Nothing is awaited between this check and the status change, so a cancel either is seen here or finds the export complete.
      if (run.cancelled) throw new ExportCancelled();
      job.status = "complete";
      job.expiresAt = expiresAt;
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof ExportCancelled || run.cancelled) {
        this.jobs.delete(job.id);
        return;
      }
      // The status URL says it failed (500) until it would have expired; the cause stays out of any response.
      job.status = "failed";
      job.expiresAt = this.now() + this.settings.retentionHours * 3_600_000;
      this.onFailure(job.id, error as Error);
    }
  }

  /** Cancels a running export or deletes a finished one, files and all. */
  async cancel(clinicId: ClinicId, jobId: string): Promise<boolean> {
    const job = this.find(clinicId, jobId);
    if (!job) return false;
    this.jobs.delete(job.id);
    const run = this.running.get(job.id);
    if (run && job.status === "in-progress") {
      run.cancelled = true; // the export stops at its next page and removes its directory
    } else {
      await rm(this.directoryOf(job.id), { recursive: true, force: true });
    }
    return true;
  }

  /** Deletes every export whose time is up. */
  async sweep(): Promise<void> {
    const now = this.now();
    for (const job of [...this.jobs.values()]) {
      if (job.expiresAt !== null && job.expiresAt <= now) {
        this.jobs.delete(job.id);
        await rm(this.directoryOf(job.id), { recursive: true, force: true });
      }
    }
  }

  private async save(job: ExportJob) {
    await writeFile(join(this.directoryOf(job.id), "job.json"), JSON.stringify(job));
  }

  private async restore() {
    if (!existsSync(this.settings.dir)) return;
    for (const entry of await readdir(this.settings.dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isJobId(entry.name) || this.jobs.has(entry.name)) continue;
      const dir = join(this.settings.dir, entry.name);
      let job: ExportJob | null = null;
      try {
        job = JSON.parse(await readFile(join(dir, "job.json"), "utf8")) as ExportJob;
      } catch {
        job = null;
      }
      // Half-written by a process that is still running (another server on the same directory): not ours to remove.
      if (job?.status === "in-progress" && job.pid !== process.pid && isProcessAlive(job.pid)) continue;
      if (job?.status === "complete" && job.expiresAt !== null && job.expiresAt > this.now()) this.jobs.set(job.id, job);
      else await rm(dir, { recursive: true, force: true });
    }
  }
}

