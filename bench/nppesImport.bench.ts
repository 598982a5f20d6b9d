/**
 * The NPPES import against the floor of `grep -c 171100000X` on the same file
 * in the same run: the least any importer must do is read every byte and find
 * the code. Each run imports into a fresh, migrated database: an embedded
 * PGlite in this process (so peak RSS includes PGlite), or with DATABASE_URL
 * a PostgreSQL server (the server's memory is its own; peak RSS is the
 * importer's). Runs are interleaved with grep, and the best of each is taken,
 * because other sessions share the machine; the load average is printed.
 *
 *   node --import tsx scripts/nppes/generate.ts --bytes 10.75e9 --out /tmp/acuback-bench/npidata_pfile_20050523-20250608.csv
 *   node --import tsx bench/nppesImport.bench.ts /tmp/acuback-bench/npidata_pfile_20050523-20250608.csv [--runs 3]
 *   DATABASE_URL=postgres://… node --import tsx bench/nppesImport.bench.ts <file>
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/openDatabase.ts";
import { importNppes, type NppesImportReport } from "../server/import/nppes/nppesImport.ts";
import { openNppesSource } from "../server/import/nppes/nppesSource.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "3" }, "scan-threads": { type: "string" } },
});
const file = positionals[0];
if (!file) {
  console.error("usage: nppesImport.bench.ts <npidata_pfile_….csv> [--runs 3] [--scan-threads N]");
  process.exit(2);
}
const bytes = statSync(file).size;
const runs = Number(values.runs);
const databaseUrl = process.env.DATABASE_URL || null;
const scanThreads = values["scan-threads"] === undefined ? undefined : Number(values["scan-threads"]);

function grep(): number {
  const start = performance.now();
  spawnSync("grep", ["-c", "171100000X", file!], { encoding: "utf8" });
  return (performance.now() - start) / 1000;
}

interface Run {
  grepSeconds: number;
  importSeconds: number;
  peakRss: number;
  openedRss: number;
  load: [number, number];
  report: NppesImportReport;
}

async function freshDatabase() {
  if (databaseUrl) {
    const db = await openDatabase({ databaseUrl });
    await db.query("delete from directory_providers");
    await db.query("delete from directory_imports");
    return { db, cleanUp: () => {} };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "acuback-bench-nppes-"));
  // Created and migrated by another process first, as a user's data directory is: PGlite's initdb alone peaks near 1 GB.
  spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "migrate"], { env: { ...process.env, ACUBACK_DATA_DIR: dataDir, DATABASE_URL: "" } });
  // Opened as `acuback import nppes` opens it (openDatabase's import settings).
  const db = await openDatabase({ dataDir }, { purpose: "import" });
  return { db, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
}

grep(); // brings the file into the page cache, as it is for every timed run
const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const loadBefore = loadavg()[0]!;
  const before = grep();
  const { db, cleanUp } = await freshDatabase();
  const openedRss = process.memoryUsage().rss;
  let peakRss = openedRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const opened = await openNppesSource(file);
  if (!opened.ok) throw new Error(opened.problem);
  const start = performance.now();
  const outcome = await importNppes(db, opened.source, scanThreads === undefined ? {} : { scanThreads });
  const importSeconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (!outcome.ok) throw new Error(outcome.detail);
  await db.close();
  cleanUp();
  const after = grep();
  results.push({ grepSeconds: Math.min(before, after), importSeconds, peakRss, openedRss, load: [loadBefore, loadavg()[0]!], report: outcome.value });
}

const r = results[0]!.report;
const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
const engine = databaseUrl ? "PostgreSQL (DATABASE_URL)" : "PGlite in this process";
console.log(`file: ${(bytes / 1e9).toFixed(2)} GB, ${r.rowsRead.toLocaleString("en-US")} rows, ${r.matched.toLocaleString("en-US")} with 171100000X; engine: ${engine}; Node ${process.version}`);
console.log(`| run | grep -c s | import s | ratio | import rows/s | peak RSS | RSS with the database open | load avg (1 min) before → after |`);
console.log(`|---|---|---|---|---|---|---|---|`);
results.forEach((run, i) =>
  console.log(
    `| ${i + 1} | ${run.grepSeconds.toFixed(2)} | ${run.importSeconds.toFixed(2)} | ${(run.importSeconds / run.grepSeconds).toFixed(2)}× | ${Math.round(run.report.rowsRead / run.importSeconds).toLocaleString("en-US")} | ${mib(run.peakRss)} | ${mib(run.openedRss)} | ${run.load[0].toFixed(1)} → ${run.load[1].toFixed(1)} |`,
  ),
);
const bestImport = Math.min(...results.map((x) => x.importSeconds));
const bestGrep = Math.min(...results.map((x) => x.grepSeconds));
console.log(
  `best of ${runs}: import ${bestImport.toFixed(2)} s (${Math.round(r.rowsRead / bestImport).toLocaleString("en-US")} rows/s), grep ${bestGrep.toFixed(2)} s; ratio ${(bestImport / bestGrep).toFixed(2)}×; peak RSS ${mib(Math.max(...results.map((x) => x.peakRss)))} (process maxRSS ${mib(process.resourceUsage().maxRSS * 1024)})`,
);
console.log(`report: matched ${r.matched}, imported ${r.imported}, malformed ${r.malformed.count} (lines ${r.malformed.rows.map((m) => m.line).join(", ")}), location approximate ${r.locationApproximate}`);
