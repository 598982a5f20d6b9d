/** `acuback audit verify` as an operator or cron runs it: a real process on a real data directory. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { ClinicId } from "../../domain/shared/brand.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { insertClinic } from "../db/repositories/clinics.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "acuback.mjs");

describe("acuback audit verify", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "acuback-audit-cli-"));
  const verify = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, "audit", "verify", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "", ACUBACK_DATA_DIR: dataDir },
      timeout: 120_000,
    });
    return { code: result.status, out: result.stdout + result.stderr, stdout: result.stdout };
  };
  /** Opens the data directory in this process (the command has exited and let go of it). */
  const withDatabase = async (work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) => {
    const db = await openDatabase({ dataDir });
    try {
      await work(db);
    } finally {
      await db.close();
    }
  };

  before(() =>
    withDatabase(async (db) => {
      for (const name of ["Harbour Acupuncture", "Hillside Clinic"]) {
        const clinic = await insertClinic(db, name);
        for (let i = 0; i < 5; i++) await appendAuditEvent(db, { clinicId: clinic.id as ClinicId, userId: null, action: "read", entity: "patient", ip: null, detail: { n: i } });
      }
    }),
  );
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("says each clinic's chain is intact, with the entries checked and the last hash, and exits 0", () => {
    const run = verify();
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /^Harbour Acupuncture: intact, 5 entries checked \(last entry 5, hash [0-9a-f]{64}\) in \d+\.\d s\.$/m);
    assert.match(run.out, /^Hillside Clinic: intact, 5 entries checked/m);
  });

  it("prints JSON for one clinic named, its check counted among its entries next time", () => {
    const run = verify("--clinic", "hillside clinic", "--json");
    assert.equal(run.code, 0, run.out);
    const result = JSON.parse(run.stdout);
    assert.equal(result.intact, true);
    assert.deepEqual(
      result.clinics.map((c: { clinicName: string; intact: boolean; entriesChecked: number; finding: unknown }) => [c.clinicName, c.intact, c.entriesChecked, c.finding]),
      [["Hillside Clinic", true, 6, null]],
      "5 entries and the audit entry of the first run",
    );
  });

  it("names the entry where a chain breaks and exits 1; other clinics stay intact", async () => {
    await withDatabase(async (db) => {
      await db.exec("alter table audit_events disable trigger audit_events_no_update_delete");
      await db.query("delete from audit_events where clinic_id = (select id from clinics where name = 'Harbour Acupuncture') and chain_seq = 2");
      await db.exec("alter table audit_events enable trigger audit_events_no_update_delete");
    });
    const run = verify();
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /^Harbour Acupuncture: BROKEN at entry 2\. Entry 2 is missing: deleted from the log\. Entry 3 \(audit event \d+\) comes next\. 1 of 6 entries checked sound before it\.$/m);
    assert.match(run.out, /^Hillside Clinic: intact/m);
    const json = JSON.parse(verify("--json").stdout);
    assert.equal(json.intact, false);
    assert.deepEqual(json.clinics[0].finding.kind, "missing");
  });

  it("exits 2 for a clinic that does not exist", () => {
    const run = verify("--clinic", "Nowhere Clinic");
    assert.equal(run.code, 2);
    assert.match(run.out, /no clinic is named or numbered "Nowhere Clinic"/);
  });

  it("checks through the running server while it holds the embedded database", async () => {
    const server = spawn(process.execPath, [BIN, "serve", "--port", "0"], { env: { ...process.env, DATABASE_URL: "", ACUBACK_DATA_DIR: dataDir } });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}`)), 60_000);
        server.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (/open http:\/\/localhost:\d+/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const run = verify("--clinic", "Hillside Clinic");
      assert.equal(run.code, 0, run.out);
      assert.match(run.out, /^Hillside Clinic: intact, \d+ entries checked/m);
      assert.equal(verify().code, 1, "Harbour's chain is still broken");
      assert.equal(verify("--clinic", "Nowhere Clinic").code, 2);
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
  });
});
