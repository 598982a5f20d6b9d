/**
 * `acuback import nppes <file>` and `acuback directory search`: the national
 * provider directory from the terminal. The import prints a progress bar on a
 * terminal and a report at the end (`--json` for scripts); exit code 2 when the
 * file is not NPPES at all, 1 when it could not be read or the import failed
 * (the directory is then as it was).
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { formatPhone, ENTITY_TYPES, type EntityType } from "../../domain/directory/provider.ts";
import { PAGE_SIZE, RADIUS_MILES, searchZip } from "../../domain/directory/search.ts";
import { NPI_DISCLAIMER } from "../../domain/directory/verification.ts";
import { configFromEnv } from "../config.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { importNppes, type ImportMode, type NppesImportReport } from "../import/nppes/nppesImport.ts";
import { openNppesSource } from "../import/nppes/nppesSource.ts";
import { searchDirectory } from "../services/directory.ts";
import { terminalProgress } from "./progressBar.ts";

function describeReport(r: NppesImportReport): string {
  const onlyLocations = r.secondaryLocations !== null && r.secondaryLocations.file === r.file;
  const lines = onlyLocations ? [`Imported ${r.file} (secondary practice locations, ${r.mode} file) in ${r.seconds.toFixed(1)} s: ${r.rowsRead.toLocaleString("en-US")} rows read.`] : [
    `Imported ${r.file} (${r.mode} file) in ${r.seconds.toFixed(1)} s: ${r.rowsRead.toLocaleString("en-US")} rows read (${(r.bytesRead / 1e9).toFixed(2)} GB), ${r.matched.toLocaleString("en-US")} with taxonomy 171100000X.`,
    `  new ${r.imported}, updated ${r.updated}, removed ${r.removed} (deactivated ${r.removedBy.deactivated}, taxonomy dropped ${r.removedBy.taxonomyDropped}, no longer in the full file ${r.removedBy.absentFromFullFile})`,
    `  skipped: unchanged ${r.skipped.unchanged}, older than stored ${r.skipped.olderThanStored}, deactivated and not listed ${r.skipped.deactivated}`,
    `  location approximate (ZIP without a census centroid): ${r.locationApproximate}`,
  ];
  if (r.secondaryLocations) {
    const s = r.secondaryLocations;
    lines.push(`  secondary practice locations (${s.file}): ${s.locations} stored for ${s.providers} providers; ${s.unknownNpi} rows of NPIs not in the directory skipped; ${s.cleared} providers' locations cleared; ${s.locationApproximate} location approximate`);
  }
  if (r.malformed.count) {
    lines.push(`  malformed rows skipped: ${r.malformed.count}`);
    for (const m of r.malformed.rows.slice(0, 20)) lines.push(`    ${m.file ? `${m.file} ` : ""}line ${m.line}: ${m.reason}`);
    if (r.malformed.count > 20) lines.push(`    … ${r.malformed.count - 20} more (--json lists up to ${r.malformed.rows.length})`);
  }
  return lines.join("\n");
}

const radius = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < RADIUS_MILES.min || n > RADIUS_MILES.max) throw new InvalidArgumentError(`the radius is ${RADIUS_MILES.min} to ${RADIUS_MILES.max} miles`);
  return n;
};
const zip = (value: string) => {
  const z = searchZip(value);
  if (!z) throw new InvalidArgumentError("a ZIP is five digits, e.g. 98101");
  return z;
};
const count = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > PAGE_SIZE.max) throw new InvalidArgumentError(`1 to ${PAGE_SIZE.max}`);
  return n;
};

export function addDirectoryCommands(program: Command): void {
  const importer = program.command("import").description("Import public data files");
  importer
    .command("nppes")
    .description("Import acupuncturists (taxonomy 171100000X) from CMS's NPPES file: the monthly npidata_pfile_….csv or its .zip, a weekly file, or a pl_pfile_….csv of secondary practice locations")
    .argument("<file>", "npidata_pfile_….csv, pl_pfile_….csv, or the NPPES_Data_Dissemination_….zip as downloaded (its pl_pfile is read too)")
    .addOption(new Option("--mode <mode>", "full: the file lists everyone (removes providers it no longer lists); weekly: only changes").choices(["full", "weekly"]))
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nThe mode defaults from the file name: npidata_pfile_20050523-… is the monthly full file, anything else weekly.\nThe whole import is one transaction: if it fails or is interrupted, the directory stays as it was.")
    .action(async (file: string, options: { mode?: ImportMode; json?: boolean }) => {
      const opened = await openNppesSource(file);
      if (!opened.ok) {
        console.error(`acuback import nppes: ${opened.problem}`);
        process.exitCode = 1;
        return;
      }
      const db = await openDatabase(configFromEnv().database, { purpose: "import" });
      try {
        const onProgress = options.json ? undefined : terminalProgress();
        const outcome = await importNppes(db, opened.source, { ...(options.mode && { mode: options.mode }), ...(onProgress && { onProgress }) });
        if (onProgress) process.stderr.write("\n");
        if (!outcome.ok) {
          console.error(`acuback import nppes: ${outcome.detail}`);
          process.exitCode = 2;
          return;
        }
        console.log(options.json ? JSON.stringify(outcome.value, null, 2) : describeReport(outcome.value));
      } catch (error) {
        throw new Error(`the import stopped (${error instanceof Error ? error.message : String(error)}); the directory is as it was before.`);
      } finally {
        await db.close();
      }
    });

  const directory = program.command("directory").description("The national directory of acupuncturists (from NPPES)");
  directory
    .command("search")
    .description("Acupuncturists within a radius of a ZIP, nearest first")
    .requiredOption("--zip <zip>", "five-digit ZIP", zip)
    .option("--radius <miles>", `${RADIUS_MILES.min} to ${RADIUS_MILES.max} miles`, radius, RADIUS_MILES.default)
    .addOption(new Option("--entity <entity>", "individual or organization").choices(ENTITY_TYPES))
    .option("--name <words>", "words in the name")
    .option("--limit <n>", `most results (1–${PAGE_SIZE.max})`, count, PAGE_SIZE.default)
    .option("--json", "print the API's JSON")
    .action(async (options: { zip: string; radius: number; entity?: EntityType; name?: string; limit: number; json?: boolean }) => {
      const db = await openDatabase(configFromEnv().database);
      try {
        const outcome = await searchDirectory(db, {
          zip: options.zip,
          radiusMiles: options.radius,
          limit: options.limit,
          offset: 0,
          ...(options.entity && { entity: options.entity }),
          ...(options.name && { name: options.name }),
        });
        if (!outcome.ok) {
          console.error(`acuback directory search: ${outcome.detail}`);
          process.exitCode = 2;
          return;
        }
        const answer = outcome.value;
        if (options.json) return console.log(JSON.stringify(answer, null, 2));
        if (answer.directory.providers === 0) console.log("The directory is empty: run `acuback import nppes <file>` with CMS's NPPES file first.");
        console.log(`${answer.total} within ${answer.radiusMiles} miles of ${options.zip}${answer.total > answer.results.length ? ` (nearest ${answer.results.length} shown)` : ""}:`);
        for (const r of answer.results) {
          const licence = r.license.number ? `licence ${r.license.state ?? "?"} ${r.license.number}` : "no licence number given";
          console.log(`${r.miles.toFixed(1).padStart(6)} mi  ${r.name}${r.credential ? `, ${r.credential}` : ""}  (NPI ${r.npi}, ${licence})`);
          console.log(`           ${[r.address.line1, r.address.line2, r.address.city, r.address.state, r.address.postalCode].filter(Boolean).join(", ")}${r.phone ? `  ${formatPhone(r.phone)}` : ""}${r.locationApproximate ? "  (location approximate)" : ""}${r.practiceMiles !== null && r.matchedLocation === "secondary" ? `  ${r.practiceMiles.toFixed(1)} mi` : ""}`);
          for (const l of r.secondaryLocations) {
            const where = [l.address.line1, l.address.line2, l.address.city, l.address.state, l.address.postalCode].filter(Boolean).join(", ");
            console.log(`           also practises at ${where}${l.miles !== null ? `  ${l.miles.toFixed(1)} mi` : ""}${l.matched ? "  (within the radius: the distance shown)" : ""}`);
          }
        }
        console.log(`\n${NPI_DISCLAIMER}`);
      } finally {
        await db.close();
      }
    });
}
