/**
 * What syncing every commit to disk costs on the embedded database
 * (durableNodeFs.ts, issue 15), on the same disk in the same process:
 *
 * - Acuback's PGlite: fsync on, WAL synced with fsync through the host;
 * - PGlite as it starts by default (fsync off, no sync reaches the disk): what
 *   Acuback did before, and the floor for the database's own work;
 * - the disk alone: write 8 kB to a file and fsync it, the floor for a sync.
 *
 * Each inserts COMMITS single-row transactions one after another and reports
 * the time per commit. The directory is on the same file system as the data
 * directory would be (the system's temp directory unless given).
 *
 *   node --import tsx bench/commitDurability.bench.ts [commits=500] [dir]
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openPgliteDatabase } from "../server/db/pgliteDatabase.ts";

const COMMITS = Number(process.argv[2] ?? 500);
const root = mkdtempSync(join(process.argv[3] ?? tmpdir(), "acuback-commit-bench-"));

function summary(name: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  return { name, "mean ms": mean.toFixed(2), "p50 ms": at(0.5).toFixed(2), "p99 ms": at(0.99).toFixed(2), "commits/s": Math.round(1000 / mean) };
}

async function timeCommits(insert: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await insert(-1 - i); // warm-up, untimed
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const started = performance.now();
    await insert(i);
    times.push(performance.now() - started);
  }
  return times;
}

try {
  const results = [];

  const durable = await openPgliteDatabase(join(root, "durable"));
  await durable.exec("create table bench (id int primary key, note text)");
  results.push(summary("Acuback PGlite (every commit synced)", await timeCommits((i) => durable.query("insert into bench values ($1, 'a note of some length')", [i]))));
  await durable.close();

  const unsynced = await PGlite.create(join(root, "unsynced"));
  await unsynced.exec("create table bench (id int primary key, note text)");
  results.push(summary("PGlite default (fsync off; floor)", await timeCommits((i) => unsynced.query("insert into bench values ($1, 'a note of some length')", [i]))));
  await unsynced.close();

  const fd = openSync(join(root, "disk.bin"), "w");
  const page = Buffer.alloc(8192, 1);
  results.push(
    summary(
      "disk alone: write 8 kB + fsync (floor)",
      await timeCommits(async (i) => {
        writeSync(fd, page, 0, page.length, Math.max(0, i) * page.length);
        fsyncSync(fd);
      }),
    ),
  );
  closeSync(fd);

  console.log(`${COMMITS} single-row commits each, in ${root}`);
  console.table(results);
} finally {
  rmSync(root, { recursive: true, force: true });
}
