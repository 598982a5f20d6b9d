import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DataDirLockedError, lockDataDir } from "./dataDirLock.ts";

describe("data directory lock", () => {
  const dir = mkdtempSync(join(tmpdir(), "acuback-lock-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is exclusive while held and free once released", () => {
    const lock = lockDataDir(dir);
    assert.ok(existsSync(join(dir, "acuback.lock")));
    lock.release();
    assert.ok(!existsSync(join(dir, "acuback.lock")));
    lockDataDir(dir).release();
  });

  it("refuses a directory that another live process holds, naming it", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(join(dir, "acuback.lock"), String(other.pid));
      assert.throws(
        () => lockDataDir(dir),
        (error: unknown) =>
          error instanceof DataDirLockedError && error.holderPid === other.pid && error.message.includes("ACUBACK_DATA_DIR"),
      );
    } finally {
      other.kill();
      rmSync(join(dir, "acuback.lock"), { force: true });
    }
  });

  it("takes over a stale lock left by a process that died (kill -9)", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(join(dir, "acuback.lock"), String(dead.pid));
    const lock = lockDataDir(dir);
    lock.release();
  });
});
