/**
 * The NPPES import against the floor of `grep -c 171100000X` on the same file
 * in the same run: the least any importer must do is read every byte and find
 * the code. Imports into a fresh embedded database (PGlite) in this process,
 * so peak RSS is the importer's own.
 *
 *   node --import tsx scripts/nppes/generate.ts --bytes 10.75e9 --out /tmp/acuback-bench/npidata_pfile_20050523-20250608.csv
 *   node --import tsx bench/nppesImport.bench.ts /tmp/acuback-bench/npidata_pfile_20050523-20250608.csv
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../server/db/openDatabase.ts";
import { importNppes } from "../server/import/nppes/nppesImport.ts";
import { candidateLines } from "../server/import/nppes/lineScanner.ts";
import { openNppesSource } from "../server/import/nppes/nppesSource.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: nppesImport.bench.ts <npidata_pfile_….csv>");
  process.exit(2);
}
const bytes = statSync(file).size;

function grepFloor(): { seconds: number; count: number } {
  const start = performance.now();
  const run = spawnSync("grep", ["-c", "171100000X", file!], { encoding: "utf8" });
  return { seconds: (performance.now() - start) / 1000, count: Number(run.stdout.trim()) };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const warm = grepFloor(); // also brings the file into the page cache, as it is for grep's timed run
const floor = grepFloor();
const dataDir = mkdtempSync(join(tmpdir(), "acuback-bench-nppes-"));
// Created and migrated by another process first, as a user's data directory is: PGlite's initdb alone peaks near 1 GB.
spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "migrate"], { env: { ...process.env, ACUBACK_DATA_DIR: dataDir, DATABASE_URL: "" } });
const db = await openDatabase({ dataDir });
const openedRss = process.memoryUsage().rss;
const opened = await openNppesSource(file);
if (!opened.ok) throw new Error(opened.problem);
const start = performance.now();
const outcome = await importNppes(db, opened.source);
const seconds = (performance.now() - start) / 1000;
if (!outcome.ok) throw new Error(outcome.detail);
const after = grepFloor();
// The importer's byte scan alone (read, count lines, find the code), to show where the rest goes.
const scanStart = performance.now();
const scanned = await openNppesSource(file);
if (!scanned.ok) throw new Error(scanned.problem);
let candidates = 0;
for await (const _ of candidateLines(scanned.source.stream, { code: "171100000X", watched: new Set(), progress: { bytesRead: 0, linesRead: 0 } })) candidates++;
const scanSeconds = (performance.now() - scanStart) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
await db.close();
rmSync(dataDir, { recursive: true, force: true });

const r = outcome.value;
const grepSeconds = Math.min(floor.seconds, after.seconds);
console.log(`file: ${(bytes / 1e9).toFixed(2)} GB, ${r.rowsRead.toLocaleString("en-US")} rows, ${warm.count.toLocaleString("en-US")} lines with 171100000X`);
console.log(`| run | seconds | rows/s | GB/s |`);
console.log(`|---|---|---|---|`);
console.log(`| grep -c 171100000X (floor, best of 2 warm runs) | ${grepSeconds.toFixed(1)} | ${Math.round(r.rowsRead / grepSeconds).toLocaleString("en-US")} | ${(bytes / 1e9 / grepSeconds).toFixed(2)} |`);
console.log(`| importer's byte scan alone (${candidates} candidate lines) | ${scanSeconds.toFixed(1)} | ${Math.round(r.rowsRead / scanSeconds).toLocaleString("en-US")} | ${(bytes / 1e9 / scanSeconds).toFixed(2)} |`);
console.log(`| acuback import nppes (fresh PGlite) | ${seconds.toFixed(1)} | ${Math.round(r.rowsRead / seconds).toLocaleString("en-US")} | ${(bytes / 1e9 / seconds).toFixed(2)} |`);
console.log(`ratio import / grep: ${(seconds / grepSeconds).toFixed(2)}×; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (of which ${(openedRss / 2 ** 20).toFixed(0)} MiB with the database open, before importing)`);
console.log(`report: matched ${r.matched}, imported ${r.imported}, malformed ${r.malformed.count}, location approximate ${r.locationApproximate}`);
