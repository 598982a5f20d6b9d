/**
 * `acuback backup`, `restore`, `set-password` and `reset-two-factor` as an administrator runs
 * them: against a server that holds the embedded database (through its
 * control socket), and a restore into a new data directory that refuses to
 * run twice.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

const BIN = join(import.meta.dirname, "..", "..", "bin", "acuback.mjs");
const DEMO_PASSWORD = "backup test demo passphrase";

function acuback(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ACUBACK_PASSWORD: "", ...env },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe("backup, restore and set-password from the command line", () => {
  const root = mkdtempSync(join(tmpdir(), "acuback-bk-"));
  const served = { ACUBACK_DATA_DIR: join(root, "data"), ACUBACK_BACKUP_DIR: join(root, "backups"), ACUBACK_BACKUP_HOURS: "0" };
  const file = join(root, "taken-while-serving.backup.gz");
  let server: ChildProcessWithoutNullStreams;
  let origin = "";

  before(async () => {
    const demo = acuback(["demo", "--password", DEMO_PASSWORD], served);
    assert.equal(demo.code, 0, demo.out);
    server = spawn(process.execPath, [BIN, "serve", "--port", "0"], { env: { ...process.env, DATABASE_URL: "", ...served } });
    let out = "";
    origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}`)), 60_000);
      server.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const open = /open (http:\/\/localhost:\d+)/.exec(out);
        if (open) {
          clearTimeout(timer);
          resolve(open[1]!);
        }
      });
      server.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  });
  after(async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    rmSync(root, { recursive: true, force: true });
  });

  const signIn = (password: string) =>
    fetch(`${origin}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "owner@demo.acuback.org", password }) });

  it("backs up through the running server, which keeps answering", async () => {
    const backup = acuback(["backup", "--out", file], served);
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /through the running server: \d+ tables, \d+ rows/);
    assert.ok(existsSync(file));
    assert.equal((await fetch(`${origin}/health`)).status, 200);
  });

  it("writes a dated file into the backup folder when no --out is given", () => {
    const backup = acuback(["backup"], served);
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /backups\/acuback-\d{8}T\d{6}Z-manual\.backup\.gz/);
  });

  it("sets a password through the running server: the new one signs in, the old one no longer does", async () => {
    assert.equal((await signIn(DEMO_PASSWORD)).status, 200);
    const weak = acuback(["set-password", "--email", "owner@demo.acuback.org", "--password", "short"], served);
    assert.equal(weak.code, 1, weak.out);
    const changed = acuback(["set-password", "--email", "owner@demo.acuback.org", "--password", "lantern quiver oatmeal basalt"], served);
    assert.equal(changed.code, 0, changed.out);
    assert.equal((await signIn("lantern quiver oatmeal basalt")).status, 200);
    assert.equal((await signIn(DEMO_PASSWORD)).status, 401);
  });

  it("clears a second factor through the running server too", () => {
    const reset = acuback(["reset-two-factor", "--email", "frontdesk@demo.acuback.org"], served);
    assert.equal(reset.code, 0, reset.out);
    assert.match(reset.out, /does not use two-factor sign-in; nothing changed/);
    assert.equal(acuback(["reset-two-factor", "--email", "nobody@demo.acuback.org"], served).code, 1);
  });

  it("restores into a new data directory, and refuses to restore over it again", () => {
    const target = { ACUBACK_DATA_DIR: join(root, "restored") };
    const restored = acuback(["restore", file], target);
    assert.equal(restored.code, 0, restored.out);
    assert.match(restored.out, /Restored \d+ tables, \d+ rows \(every table's count and content hash checked\) from a backup of the embedded database/);
    const again = acuback(["restore", file], target);
    assert.equal(again.code, 2, again.out);
    assert.match(again.out, /not empty/);
    // The restored copy is the clinic as it was when the backup was taken: the demo password still signs in there.
    const demo = acuback(["demo"], target);
    assert.match(demo.out, /already/i);
  });

  it("refuses a file that is not a backup, with exit code 2", () => {
    const restored = acuback(["restore", BIN], { ACUBACK_DATA_DIR: join(root, "other") });
    assert.equal(restored.code, 2, restored.out);
    assert.match(restored.out, /Not a usable Acuback backup/);
  });
});
