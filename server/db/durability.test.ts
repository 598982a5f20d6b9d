/**
 * The embedded database syncs every acknowledged commit to disk: PostgreSQL
 * runs with fsync on, and under strace each of 50 commits makes a sync call
 * on the host (it made none before durableNodeFs.ts). strace is a Debian
 * package .ci/run installs; without it (a developer's machine) that part is
 * skipped with a notice.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { openPgliteDatabase } from "./pgliteDatabase.ts";

const COMMITS = 50;
const hasStrace = spawnSync("strace", ["-V"]).status === 0;

describe("embedded database durability", () => {
  const dir = mkdtempSync(join(tmpdir(), "acuback-durable-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("runs PostgreSQL with fsync on and the WAL synced by fsync", async () => {
    const db = await openPgliteDatabase(join(dir, "settings"));
    try {
      const [fsync] = await db.query<{ fsync: string }>("show fsync");
      const [method] = await db.query<{ wal_sync_method: string }>("show wal_sync_method");
      const [commit] = await db.query<{ synchronous_commit: string }>("show synchronous_commit");
      assert.deepEqual([fsync!.fsync, method!.wal_sync_method, commit!.synchronous_commit], ["on", "fsync", "on"]);
    } finally {
      await db.close();
    }
  });

  it(`makes at least one sync system call for each of ${COMMITS} commits`, { skip: !hasStrace && "strace is not installed (apt-get install strace)" }, () => {
    const script = join(dir, "commits.mts");
    writeFileSync(
      script,
      [
        `import { openPgliteDatabase } from ${JSON.stringify(join(import.meta.dirname, "pgliteDatabase.ts"))};`,
        `const db = await openPgliteDatabase(${JSON.stringify(join(dir, "traced"))});`,
        `await db.exec("create table counted (id int primary key)");`,
        // The markers are writes strace sees, so only the syncs between them are counted.
        `process.stderr.write("BEGIN-COMMITS\\n");`,
        `for (let i = 0; i < ${COMMITS}; i++) await db.query("insert into counted values ($1)", [i]);`,
        `process.stderr.write("END-COMMITS\\n");`,
        `await db.close();`,
      ].join("\n"),
    );
    const trace = join(dir, "strace.out");
    const run = spawnSync("strace", ["-f", "-e", "trace=fsync,fdatasync,write", "-o", trace, process.execPath, "--import", "tsx", script], { encoding: "utf8", timeout: 120_000 });
    assert.equal(run.status, 0, run.stderr);
    let counting = false;
    let syncs = 0;
    for (const line of readFileSync(trace, "utf8").split("\n")) {
      if (line.includes("BEGIN-COMMITS")) counting = true;
      else if (line.includes("END-COMMITS")) counting = false;
      else if (counting && /\b(fsync|fdatasync)\(/.test(line)) syncs++;
    }
    console.log(`# ${syncs} sync calls during ${COMMITS} commits`);
    assert.ok(syncs >= COMMITS, `${syncs} syncs for ${COMMITS} commits`);
  });
});
