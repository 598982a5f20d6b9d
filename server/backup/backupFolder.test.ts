/** The backup folder: dated names, retention of automatic backups only, and the schedule taking one when due and not before. */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import type { Database } from "../db/database.ts";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { backupFileName, listBackups, takeBackup } from "./backupFolder.ts";
import { backupDue, scheduleBackups } from "./backupSchedule.ts";

describe("backup folder and schedule", () => {
  let test: TestDatabase;
  let db: Database;
  const dirs: string[] = [];
  const folder = (keep = 3, everyHours = 24) => {
    const dir = mkdtempSync(join(tmpdir(), "acuback-folder-"));
    dirs.push(dir);
    return { dir, keep, everyHours, automatic: true };
  };
  before(async () => {
    test = await openTestDatabase();
    db = test.db;
  });
  after(async () => {
    await test.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("names files by the moment in UTC, and lists them newest first, ignoring other files", async () => {
    const settings = folder();
    assert.equal(backupFileName(new Date("2026-12-04T03:05:09.123Z"), "automatic"), "acuback-20261204T030509Z.backup.gz");
    assert.equal(backupFileName(new Date("2026-12-04T03:05:09Z"), "manual"), "acuback-20261204T030509Z-manual.backup.gz");
    writeFileSync(join(settings.dir, "acuback-20261201T020000Z.backup.gz"), "x");
    writeFileSync(join(settings.dir, "acuback-20261203T020000Z-manual.backup.gz"), "xy");
    writeFileSync(join(settings.dir, "notes.txt"), "not a backup");
    const listed = await listBackups(settings.dir);
    assert.deepEqual(listed.map((f) => [f.takenAt, f.kind, f.bytes]), [
      ["2026-12-03T02:00:00Z", "manual", 2],
      ["2026-12-01T02:00:00Z", "automatic", 1],
    ]);
  });

  it("keeps the newest automatic backups and every manual one", async () => {
    const settings = folder(2);
    for (const day of ["01", "02", "03"]) writeFileSync(join(settings.dir, `acuback-202611${day}T020000Z.backup.gz`), "old");
    writeFileSync(join(settings.dir, "acuback-20261001T020000Z-manual.backup.gz"), "before the upgrade");
    await takeBackup(db, settings, "automatic", new Date("2026-11-04T02:00:00Z"));
    assert.deepEqual(readdirSync(settings.dir).sort(), [
      "acuback-20261001T020000Z-manual.backup.gz",
      "acuback-20261103T020000Z.backup.gz",
      "acuback-20261104T020000Z.backup.gz",
    ]);
  });

  it("is due when the newest backup is the interval old, and the schedule takes one then and not again", async () => {
    const settings = folder(3, 24);
    assert.equal(await backupDue(settings), true, "an empty folder is due");
    writeFileSync(join(settings.dir, backupFileName(new Date(Date.now() - 25 * 3_600_000), "automatic")), "old");
    assert.equal(await backupDue(settings), true);
    const taken: string[] = [];
    const stop = scheduleBackups(db, settings, { firstCheckMs: 1, checkEveryMs: 20, onBackup: (file) => taken.push(file.name), onError: (error) => assert.fail(error as Error) });
    try {
      for (let waited = 0; taken.length === 0 && waited < 30_000; waited += 50) await sleep(50);
      await sleep(200);
    } finally {
      await stop();
    }
    assert.equal(taken.length, 1, "one backup, then none while the new one is fresh");
    assert.equal(await backupDue(settings), false);
  });
});
