/**
 * Owners import an NPPES file from the web: the page creates an import, sends
 * the file, and follows its progress (bytes received, then rows read) until
 * the report. The upload streams to a temporary file on disk, never into
 * memory, and stops at the configured size; the importer then reads that file
 * exactly as `acuback import nppes` does, and the file is deleted afterwards.
 *
 * Imports live in this process's memory (one at a time, kept an hour after
 * they end); the database keeps each finished import's report
 * (directory_imports) and the audit log who ran it.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { importNppes, type ImportMode, type NppesImportReport } from "../import/nppes/nppesImport.ts";
import { openNppesSource } from "../import/nppes/nppesSource.ts";
import { denied, type Actor } from "./actor.ts";

export type UploadPhase = "waiting" | "receiving" | "importing" | "done" | "failed";

/** What the page shows while it waits; no patient data can be in it. */
export interface DirectoryUpload {
  id: string;
  fileName: string;
  mode: ImportMode | null;
  phase: UploadPhase;
  /** The size the browser announced. */
  bytesExpected: number;
  bytesReceived: number;
  /** While importing: bytes of the provider file scanned (uncompressed, for a zip), of `fileBytes`, and lines read. */
  bytesScanned: number;
  fileBytes: number;
  rowsRead: number;
  startedAt: string;
  finishedAt: string | null;
  report: NppesImportReport | null;
  problem: string | null;
}

interface Job {
  view: DirectoryUpload;
  clinicId: Actor["clinicId"];
  userId: Actor["userId"];
  ip: Actor["ip"];
  listeners: Set<(view: DirectoryUpload) => void>;
  lastSent: number;
}

const KEEP_FINISHED_MS = 60 * 60_000;
/** An import whose file never came is dropped after this long, so it does not block the next one. */
const WAIT_FOR_FILE_MS = 10 * 60_000;
/** Progress is sent at most this often (the importer itself reports every 200 ms). */
const PROGRESS_EVERY_MS = 200;

/** The uploaded name, kept when harmless: the importer tells a monthly from a weekly file by it. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "");
  return cleaned.slice(0, 200) || "nppes-upload.csv";
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;

export class DirectoryUploads {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly db: Database,
    private readonly limits: Config["nppesUpload"],
  ) {}

  tooLarge(bytes: number) {
    return fail(
      "NPPES_UPLOAD_TOO_LARGE",
      `The file is ${megabytes(bytes)}; this server accepts up to ${megabytes(this.limits.maxBytes)} (ACUBACK_NPPES_UPLOAD_MAX_MB). Upload the zip as CMS publishes it, or import the CSV on the server with \`acuback import nppes <file>\`.`,
      { file: "Too large." },
    );
  }

  /** Announces an upload: name, size and (optionally) whether the file is full or weekly. */
  create(actor: Actor, input: { fileName: string; size: number; mode?: ImportMode | undefined }): Outcome<DirectoryUpload> {
    const refused = denied(actor, "directory.import");
    if (refused) return refused;
    this.prune();
    if (input.size > this.limits.maxBytes) return this.tooLarge(input.size);
    const busy = [...this.jobs.values()].find((j) => j.view.phase === "receiving" || j.view.phase === "importing");
    if (busy) return fail("DIRECTORY_IMPORT_RUNNING", `${busy.view.fileName} is being ${busy.view.phase === "receiving" ? "uploaded" : "imported"}; try again when it has finished.`);
    const view: DirectoryUpload = {
      id: randomUUID(),
      fileName: safeFileName(input.fileName),
      mode: input.mode ?? null,
      phase: "waiting",
      bytesExpected: input.size,
      bytesReceived: 0,
      bytesScanned: 0,
      fileBytes: 0,
      rowsRead: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      report: null,
      problem: null,
    };
    this.jobs.set(view.id, { view, clinicId: actor.clinicId, userId: actor.userId, ip: actor.ip, listeners: new Set(), lastSent: 0 });
    return ok({ ...view });
  }

  private job(actor: Actor, id: string): Outcome<Job> {
    const refused = denied(actor, "directory.import");
    if (refused) return refused;
    const job = this.jobs.get(id);
    // Another clinic's import is not this owner's to follow.
    if (!job || job.clinicId !== actor.clinicId) return fail("DIRECTORY_IMPORT_NOT_FOUND");
    return ok(job);
  }

  status(actor: Actor, id: string): Outcome<DirectoryUpload> {
    const job = this.job(actor, id);
    return job.ok ? ok({ ...job.value.view }) : job;
  }

  /** Calls `listener` with the current state now and on every change; returns how to stop. */
  follow(actor: Actor, id: string, listener: (view: DirectoryUpload) => void): Outcome<() => void> {
    const job = this.job(actor, id);
    if (!job.ok) return job;
    listener({ ...job.value.view });
    job.value.listeners.add(listener);
    return ok(() => job.value.listeners.delete(listener));
  }

  private update(job: Job, change: Partial<DirectoryUpload>, force = false) {
    Object.assign(job.view, change);
    const now = Date.now();
    if (!force && now - job.lastSent < PROGRESS_EVERY_MS) return;
    job.lastSent = now;
    for (const listener of job.listeners) listener({ ...job.view });
  }

  /**
   * Streams the request body to a temporary file, counting bytes and stopping
   * past the size limit, then starts the import (not awaited: the page follows
   * it). `declaredBytes` is the request's Content-Length, when it has one.
   */
  async receive(actor: Actor, id: string, body: Readable, declaredBytes: number | null): Promise<Outcome<DirectoryUpload>> {
    const found = this.job(actor, id);
    if (!found.ok) return found;
    const job = found.value;
    if (job.view.phase !== "waiting") return fail("DIRECTORY_IMPORT_STARTED");
    if (declaredBytes !== null && declaredBytes > this.limits.maxBytes) {
      this.update(job, { phase: "failed", problem: this.tooLarge(declaredBytes).detail!, finishedAt: new Date().toISOString() }, true);
      return this.tooLarge(declaredBytes);
    }
    this.update(job, { phase: "receiving" }, true);
    const dir = await mkdtemp(join(this.limits.tempDir, "acuback-nppes-"));
    const path = join(dir, job.view.fileName);
    const limit = this.limits.maxBytes;
    let received = 0;
    let overLimit = false;
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        received += chunk.length;
        if (received > limit) {
          overLimit = true;
          return done(new Error("upload over the size limit"));
        }
        this.update(job, { bytesReceived: received });
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(path));
    } catch {
      await rm(dir, { recursive: true, force: true });
      const failure = overLimit ? this.tooLarge(received) : fail("BAD_REQUEST", "The upload stopped before the whole file arrived; nothing was imported. Try again.");
      job.view.bytesReceived = received;
      try {
        await this.audit(job, { outcome: "upload-failed" });
      } finally {
        this.update(job, { phase: "failed", problem: failure.detail!, finishedAt: new Date().toISOString() }, true);
      }
      return failure;
    }
    this.update(job, { phase: "importing", bytesReceived: received }, true);
    void this.runImport(job, dir, path);
    return ok({ ...job.view });
  }

  private async runImport(job: Job, dir: string, path: string): Promise<void> {
    let end: { report: NppesImportReport } | { problem: string };
    try {
      end = await this.importFile(job, path);
    } catch (error) {
      end = { problem: `The import stopped (${error instanceof Error ? error.message : String(error)}); the directory is as it was before.` };
    }
    // The file goes before the page hears the end, so "done" means nothing is left on disk.
    await rm(dir, { recursive: true, force: true });
    await this.finish(job, end);
  }

  private async importFile(job: Job, path: string): Promise<{ report: NppesImportReport } | { problem: string }> {
    const opened = await openNppesSource(path);
    if (!opened.ok) return { problem: `${job.view.fileName}: ${opened.problem.replace(path, job.view.fileName)}` };
    this.update(job, { fileBytes: opened.source.size }, true);
    const outcome = await importNppes(this.db, opened.source, {
      ...(job.view.mode && { mode: job.view.mode }),
      onProgress: (p) => this.update(job, { bytesScanned: p.bytesRead, fileBytes: p.totalBytes, rowsRead: p.linesRead }),
    });
    if (!outcome.ok) return { problem: outcome.detail ?? "This is not an NPPES provider file; nothing was imported." };
    return { report: outcome.value };
  }

  /** Audits the end first, so whoever sees "done" also finds it in the audit log. */
  private async finish(job: Job, end: { report: NppesImportReport } | { problem: string }) {
    const report = "report" in end ? end.report : null;
    try {
      await this.audit(
        job,
        report
          ? { outcome: "imported", mode: report.mode, rowsRead: report.rowsRead, matched: report.matched, imported: report.imported, updated: report.updated, removed: report.removed, malformed: report.malformed.count }
          : { outcome: "refused" },
      );
    } finally {
      this.update(
        job,
        {
          phase: report ? "done" : "failed",
          report,
          problem: "problem" in end ? end.problem : null,
          mode: report?.mode ?? job.view.mode,
          ...(report && { rowsRead: report.rowsRead, bytesScanned: report.bytesRead }),
          finishedAt: new Date().toISOString(),
        },
        true,
      );
    }
  }

  private async audit(job: Job, detail: Record<string, string | number>) {
    await appendAuditEvent(this.db, {
      clinicId: job.clinicId,
      userId: job.userId,
      action: "create",
      entity: "directory_import",
      entityId: job.view.id,
      ip: job.ip,
      detail: { file: job.view.fileName, bytes: job.view.bytesReceived, ...detail },
    });
  }

  private prune() {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      const ended = job.view.finishedAt ? Date.parse(job.view.finishedAt) : null;
      if (ended !== null ? now - ended > KEEP_FINISHED_MS : job.view.phase === "waiting" && now - Date.parse(job.view.startedAt) > WAIT_FOR_FILE_MS) this.jobs.delete(id);
    }
  }

  /** Resolves when no import is running (tests, and a server shutting down). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.view.phase === "receiving" || j.view.phase === "importing")) await new Promise((r) => setTimeout(r, 20));
  }
}
