/**
 * `acuback export research --clinic <name or id> [--out dir]`: the clinic's
 * de-identified research export (services/researchExport.ts) written as CSV
 * files with their data dictionary, from the server's own machine. The export
 * is recorded in the clinic's audit log.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { ClinicId } from "../../domain/shared/brand.ts";
import { configFromEnv } from "../config.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findClinic, findClinicByName } from "../db/repositories/clinics.ts";
import { openDatabase } from "../db/openDatabase.ts";

export function addExportCommands(program: Command) {
  const exporter = program.command("export").description("Take a clinic's data away");
  exporter
    .command("research")
    .description("Write the clinic's de-identified research export (HIPAA Safe Harbor) as CSV files with a data dictionary")
    .requiredOption("--clinic <name or id>", "the clinic, by its name or id")
    .option("--out <dir>", "folder to write into (created if missing)", "acuback-research-export")
    .action(async (options: { clinic: string; out: string }) => {
      const db = await openDatabase(configFromEnv().database);
      try {
        const clinic = /^[0-9a-f-]{36}$/.test(options.clinic) ? await findClinic(db, options.clinic as ClinicId) : await findClinicByName(db, options.clinic);
        if (!clinic) {
          console.error(`acuback export research: no clinic is named or numbered "${options.clinic}".`);
          process.exitCode = 2;
          return;
        }
        // Loaded only for this command, so `acuback` starts light for the others.
        const { RESEARCH_FILE_NAMES, researchExport } = await import("../services/researchExport.ts");
        const exported = await researchExport(db, clinic.id);
        const out = resolve(options.out);
        mkdirSync(out, { recursive: true });
        for (const file of RESEARCH_FILE_NAMES) writeFileSync(join(out, file), exported[file]);
        await appendAuditEvent(db, { clinicId: clinic.id, userId: null, action: "read", entity: "research_export", entityId: "cli", ip: null, detail: { via: "cli", ...exported.counts } });
        const counts = Object.entries(exported.counts).map(([file, n]) => `${file} ${n}`).join(", ");
        console.log(`Wrote the de-identified export of ${clinic.name} to ${out}: ${counts} rows, and data_dictionary.csv.`);
      } finally {
        await db.close();
      }
    });
}
