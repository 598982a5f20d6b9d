/**
 * The Backups page's API: owners see the server's backups and can take one
 * now; the file lands in the backup folder, is whole, and is audited; other
 * roles are refused; a failure is reported and kept until a backup succeeds;
 * /health/ready tells a monitor when the last one succeeded.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { inspectBackupFile } from "../../backup/backupFile.ts";
import { takeBackup } from "../../backup/backupFolder.ts";
import type { Database } from "../../db/database.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

describe("backups page API", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
    rmSync(t.config.backups.dir, { recursive: true, force: true });
  });

  it("lists nothing at first, then the backup an owner takes now, whole and audited", async () => {
    const { owner, clinicId } = await t.newClinic();
    const empty = await owner.get("/api/v1/backups");
    assert.equal(empty.statusCode, 200, empty.body);
    assert.deepEqual(empty.json().backups, []);
    assert.equal(empty.json().lastSuccessAt, null);

    const taken = await owner.post("/api/v1/backups", {});
    assert.equal(taken.statusCode, 201, taken.body);
    const file = taken.json();
    assert.match(file.name, /^acuback-\d{8}T\d{6}Z-manual\.backup\.gz$/);
    const { end } = await inspectBackupFile(join(t.config.backups.dir, file.name));
    assert.ok(end.rows > 0);

    const listed = (await owner.get("/api/v1/backups")).json();
    assert.deepEqual(listed.backups.map((b: { name: string }) => b.name), [file.name]);
    assert.equal(listed.backups[0].bytes, file.bytes);
    assert.equal(listed.lastSuccessAt, file.takenAt);
    const [audit] = await t.db.query<{ entity_id: string }>("select entity_id from audit_events where clinic_id = $1 and entity = 'backup' and action = 'create'", [clinicId]);
    assert.equal(audit?.entity_id, file.name);

    const ready = (await t.app.inject({ method: "GET", url: "/health/ready" })).json();
    assert.equal(ready.backup.lastSuccessAt, file.takenAt);
  });

  it("is for owners only", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    for (const agent of [practitioner, frontDesk]) {
      assert.equal((await agent.get("/api/v1/backups")).statusCode, 403);
      assert.equal((await agent.post("/api/v1/backups", {})).statusCode, 403);
    }
  });

  it("reports a failed backup, keeps the earlier files, and clears the failure once one succeeds", async () => {
    const { owner } = await t.newClinic();
    const before = (await owner.get("/api/v1/backups")).json().backups;
    const failing = { engine: "pglite", transaction: () => Promise.reject(new Error("No space left on device")) } as unknown as Database;
    await assert.rejects(takeBackup(failing, t.config.backups, "automatic"), /No space left/);
    const after = (await owner.get("/api/v1/backups")).json();
    assert.deepEqual(after.backups, before, "no partial file is listed, and no earlier file was removed");
    assert.match(after.lastFailure.problem, /No space left on device/);
    assert.equal((await t.app.inject({ method: "GET", url: "/health/ready" })).json().backup.lastFailureAt, after.lastFailure.at);
    assert.equal((await owner.post("/api/v1/backups", {})).statusCode, 201);
    assert.equal((await owner.get("/api/v1/backups")).json().lastFailure, null);
  });
});
