/**
 * Backups: a backup of the demo clinic restores into an empty database of
 * either engine with every table's rows and content hash equal; a restore
 * refuses a non-empty target, a newer schema, and a damaged or cut-short
 * file, changing nothing; a crash mid-backup leaves the previous backup usable.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import type { Database } from "../db/database.ts";
import { loadDemoClinic } from "../demo/demoClinic.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import { walkAuditChain } from "../services/auditChainWalk.ts";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { backupBytes, inspectBackupFile, saveAtomically } from "./backupFile.ts";
import { BackupFileError } from "./backupFormat.ts";
import { restoreBackup, RestoreRefused } from "./restoreBackup.ts";
import { writeBackup } from "./writeBackup.ts";
import { PassThrough } from "node:stream";

const withPostgres = Boolean(process.env.ACUBACK_TEST_DATABASE_URL);

/** Every clinic's audit chain verifies (decision record 0020), and how many entries each holds. */
async function auditChains(db: Database): Promise<Record<string, number>> {
  const chains: Record<string, number> = {};
  for (const { id } of await db.query<{ id: ClinicId }>("select id from clinics order by id")) {
    const walk = await walkAuditChain(db, id);
    assert.ok(walk.intact, walk.finding?.message);
    chains[id] = walk.entriesChecked;
  }
  return chains;
}

/** Each table's row count and SHA-256, as a backup of `db` reports them. */
async function tableHashes(db: Database): Promise<Map<string, string>> {
  const sink = new PassThrough();
  sink.resume();
  const summary = await writeBackup(db, sink);
  return new Map(summary.tables.map((table) => [table.tableEnd, `${table.rows}:${table.sha256}`]));
}

describe("backup and restore", () => {
  let source: TestDatabase;
  let dir: string;
  let file: string;
  const opened: TestDatabase[] = [];
  const empty = async (engine: "pglite" | "postgres") => {
    const target = await openTestDatabase({ engine, migrated: false });
    opened.push(target);
    return target.db;
  };

  before(async () => {
    source = await openTestDatabase({ engine: "pglite" });
    await loadDemoClinic(source.db, { password: "demo-password-for-backup-tests", today: new Date("2026-11-02T12:00:00Z") });
    dir = mkdtempSync(join(tmpdir(), "acuback-backup-"));
    file = join(dir, "demo.acuback.gz");
    await saveAtomically(file, backupBytes(source.db));
  });
  after(async () => {
    for (const target of opened) await target.dispose();
    await source.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a whole, self-describing file", async () => {
    const { header, end } = await inspectBackupFile(file);
    assert.equal(header.engine, "pglite");
    assert.ok(header.migrations.includes("0001_foundation"));
    assert.ok(end.tables >= 38, `${end.tables} tables`);
    const [patients] = await source.db.query<{ n: number }>("select count(*)::int as n from patients");
    assert.ok(end.rows > patients!.n, "every table's rows, not only patients");
  });

  it("restores into an empty embedded database with every table's rows and content hash equal", async () => {
    const target = await empty("pglite");
    const restored = await restoreBackup(target, file);
    assert.deepEqual(await tableHashes(target), await tableHashes(source.db));
    assert.equal(restored.migratedAfter.length, 0);
    // Identity counters continue after the restored rows.
    const [{ max } = { max: "0" }] = await target.query<{ max: string }>("select max(id)::text as max from audit_events");
    await target.query("insert into audit_events (clinic_id, action, entity) select id, 'read', 'patient' from clinics limit 1");
    const [{ id } = { id: "0" }] = await target.query<{ id: string }>("select max(id)::text as id from audit_events");
    assert.ok(BigInt(id) > BigInt(max));
    // The audit chain comes back as it was, and the entry just written follows it.
    const chains = await auditChains(target);
    assert.equal(Object.values(chains).reduce((a, b) => a + b, 0), Object.values(await auditChains(source.db)).reduce((a, b) => a + b, 0) + 1);
  });

  it("refuses a database that already has rows, and leaves it as it was", async () => {
    const target = await empty("pglite");
    await restoreBackup(target, file);
    const before = await tableHashes(target);
    await assert.rejects(restoreBackup(target, file), (error: Error) => error instanceof RestoreRefused && /not empty/.test(error.message));
    assert.deepEqual(await tableHashes(target), before);
  });

  it("refuses a cut-short or damaged file and restores nothing", async () => {
    const whole = gunzipSync(readFileSync(file)).toString("utf8");
    const cutShort = join(dir, "cut.acuback.gz");
    writeFileSync(cutShort, gzipSync(whole.slice(0, Math.floor(whole.length * 0.6))));
    const damaged = join(dir, "damaged.acuback.gz");
    const bytes = readFileSync(file);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const edited = join(dir, "edited.acuback.gz");
    writeFileSync(edited, gzipSync(whole.replace(/"family_name": "[^"]+"/, '"family_name": "Tampered"')));
    for (const bad of [cutShort, damaged, edited]) {
      const target = await empty("pglite");
      await assert.rejects(restoreBackup(target, bad), BackupFileError, bad);
      const [row] = await target.query<{ n: number }>("select count(*)::int as n from clinics");
      assert.equal(row!.n, 0, `${bad}: no row was left behind`);
    }
  });

  it("refuses a file that is not a backup, and a backup from a newer schema", async () => {
    const notBackup = join(dir, "not.gz");
    writeFileSync(notBackup, gzipSync("npi,name\n1,Someone\n"));
    await assert.rejects(restoreBackup(await empty("pglite"), notBackup), BackupFileError);
    const newer = join(dir, "newer.acuback.gz");
    const whole = gunzipSync(readFileSync(file)).toString("utf8");
    writeFileSync(newer, gzipSync(whole.replace('"migrations":["0001_foundation"', '"migrations":["9999_from_the_future","0001_foundation"')));
    await assert.rejects(restoreBackup(await empty("pglite"), newer), (error: Error) => error instanceof RestoreRefused && /newer Acuback/.test(error.message));
  });

  it("leaves the previous backup usable when a backup dies part-way", async () => {
    const before = readFileSync(file);
    const dying = new Readable({
      read() {
        this.push(before.subarray(0, 1000));
        this.destroy(new Error("the process was killed"));
      },
    });
    await assert.rejects(saveAtomically(file, dying), /killed/);
    assert.deepEqual(readFileSync(file), before);
    assert.ok(!existsSync(`${file}.partial`), "the partial file is removed");
    await inspectBackupFile(file);
  });

  it("moves a clinic from the embedded database to PostgreSQL and back without losing a row", { skip: !withPostgres && "needs ACUBACK_TEST_DATABASE_URL" }, async () => {
    const server = await empty("postgres");
    await restoreBackup(server, file);
    const expected = await tableHashes(source.db);
    assert.deepEqual(await tableHashes(server), expected);
    assert.deepEqual(await auditChains(server), await auditChains(source.db), "the audit chain made on PGlite verifies on PostgreSQL");
    const fromServer = join(dir, "from-postgres.acuback.gz");
    await saveAtomically(fromServer, backupBytes(server));
    assert.equal((await inspectBackupFile(fromServer)).header.engine, "postgres");
    const embedded = await empty("pglite");
    await restoreBackup(embedded, fromServer);
    assert.deepEqual(await tableHashes(embedded), expected);
  });
});
