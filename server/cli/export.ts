/**
 * `acuback export research --clinic <name or id> [--out dir]`: the clinic's
 * de-identified research export (services/researchExport.ts) written as CSV
 * files with their data dictionary, from the server's own machine. The export
 * is recorded in the clinic's audit log. `acuback export clinic` writes the
 * clinic's own identified records (services/clinicExport.ts), one CSV file a table.
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { configFromEnv } from "../config.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { clinicNamed } from "./clinicNamed.ts";

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
        const clinic = await clinicNamed(db, options.clinic, "export research");
        if (!clinic) return;
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

  exporter
    .command("clinic")
    .description("Write all of the clinic's own records, identified, as one CSV file per table with a data dictionary (no passwords or token hashes)")
    .requiredOption("--clinic <name or id>", "the clinic, by its name or id")
    .option("--out <dir>", "folder to write into (created if missing)", "acuback-clinic-export")
    .action(async (options: { clinic: string; out: string }) => {
      const db = await openDatabase(configFromEnv().database);
      try {
        const clinic = await clinicNamed(db, options.clinic, "export clinic");
        if (!clinic) return;
        const { clinicTables, dataDictionary, rowCount, tableCsv } = await import("../services/clinicExport.ts");
        const tables = await clinicTables(db);
        const counts: Record<string, number> = {};
        for (const table of tables) counts[table.file] = await rowCount(db, clinic.id, table);
        await appendAuditEvent(db, { clinicId: clinic.id, userId: null, action: "read", entity: "clinic_export", entityId: "cli", ip: null, detail: { via: "cli", ...counts } });
        const out = resolve(options.out);
        mkdirSync(out, { recursive: true });
        for (const [index, table] of tables.entries()) {
          process.stderr.write(`\r${index + 1}/${tables.length} ${table.file}`.padEnd(60));
          await pipeline(tableCsv(db, clinic.id, table), createWriteStream(join(out, table.file)));
        }
        writeFileSync(join(out, "data_dictionary.csv"), dataDictionary(tables));
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stderr.write("\n");
        console.log(`Wrote ${clinic.name}'s records to ${out}: ${tables.length} files, ${rows} rows, and data_dictionary.csv.`);
      } finally {
        await db.close();
      }
    });
}
