import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import { nppesHeaderLine, syntheticNppesLines } from "../../scripts/nppes/syntheticNppes.ts";
import { insertClinic } from "../db/repositories/clinics.ts";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import type { Actor } from "./actor.ts";
import { DirectoryUploads, type DirectoryUpload } from "./directoryUploads.ts";

describe("directory uploads: progress as the file arrives and is read", () => {
  let test: TestDatabase;
  let owner: Actor;
  const tempDir = mkdtempSync(join(tmpdir(), "acuback-uploads-"));
  before(async () => {
    test = await openTestDatabase();
    const clinic = await insertClinic(test.db, "Uploads clinic");
    owner = { userId: null as unknown as UserId, clinicId: clinic.id as ClinicId, role: "owner", ip: "127.0.0.1" };
  });
  after(() => test.dispose());

  it("tells its followers each phase, with bytes received growing, and ends with the report", async () => {
    const lines = [...syntheticNppesLines({ rows: 3000, acupuncturistShare: 0.02, seed: 5 })];
    const file = Buffer.from(lines.join(""));
    assert.ok(lines[0]!.startsWith(nppesHeaderLine().slice(0, 10)), "the generator writes the header first");
    const uploads = new DirectoryUploads(test.db, { maxBytes: 64 * 1024 * 1024, tempDir });
    const created = uploads.create(owner, { fileName: "npidata_pfile_20250602-20250608.csv", size: file.length });
    assert.ok(created.ok);
    const seen: DirectoryUpload[] = [];
    assert.ok(uploads.follow(owner, created.value.id, (v) => seen.push(v)).ok);
    // Ten pieces a quarter of a second apart, as a slow connection would deliver them.
    const pieces = Array.from({ length: 10 }, (_, i) => file.subarray(Math.floor((i * file.length) / 10), Math.floor(((i + 1) * file.length) / 10)));
    const slow = Readable.from(
      (async function* () {
        for (const piece of pieces) {
          await new Promise((r) => setTimeout(r, 250));
          yield piece;
        }
      })(),
    );
    const received = await uploads.receive(owner, created.value.id, slow, file.length);
    assert.ok(received.ok);
    await uploads.idle();
    const phases = [...new Set(seen.map((v) => v.phase))];
    assert.deepEqual(phases, ["waiting", "receiving", "importing", "done"]);
    const receiving = seen.filter((v) => v.phase === "receiving").map((v) => v.bytesReceived);
    assert.ok(receiving.length >= 4, `progress while receiving: ${receiving.join(", ")}`);
    assert.deepEqual(receiving, [...receiving].sort((a, b) => a - b));
    const done = seen.at(-1)!;
    assert.equal(done.bytesReceived, file.length);
    assert.equal(done.report?.rowsRead, 3000);
    assert.equal(done.rowsRead, 3000);
    assert.ok(done.report!.imported > 0);
    assert.deepEqual(readdirSync(tempDir), []);
  });
});
