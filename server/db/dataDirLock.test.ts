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

  it("is exclusive while held and free once released", async () => {
    const lock = await lockDataDir(dir);
    assert.ok(existsSync(join(dir, "acuback.lock")));
    lock.release();
    assert.ok(!existsSync(join(dir, "acuback.lock")));
    (await lockDataDir(dir)).release();
  });

  it("refuses a directory that another live process holds, naming it, after waiting briefly", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(join(dir, "acuback.lock"), String(other.pid));
      const started = Date.now();
      await assert.rejects(
        lockDataDir(dir, 300),
        (error: unknown) =>
          error instanceof DataDirLockedError && error.holderPid === other.pid && error.message.includes("ACUBACK_DATA_DIR"),
      );
      assert.ok(Date.now() - started >= 300, "it waited for the holder before refusing");
    } finally {
      other.kill();
      rmSync(join(dir, "acuback.lock"), { force: true });
    }
  });

  it("takes over a stale lock left by a process that died (kill -9)", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(join(dir, "acuback.lock"), String(dead.pid));
    const lock = await lockDataDir(dir, 0);
    lock.release();
  });

  it("takes the lock when the holder was killed and is not yet reaped (a zombie), without waiting", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    await new Promise((resolve) => child.once("spawn", resolve));
    writeFileSync(join(dir, "acuback.lock"), String(child.pid));
    // Node reaps the child only when its event loop runs, so right after the signal it is a zombie.
    child.kill("SIGKILL");
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline) {
      try {
        const state = (await import("node:fs")).readFileSync(`/proc/${child.pid}/stat`, "utf8");
        if (/\) Z /.test(state)) break;
      } catch {
        break;
      }
    }
    const lock = await lockDataDir(dir, 0);
    lock.release();
  });

  it("waits for a holder that is still exiting and then takes the lock", async () => {
    const exiting = spawn(process.execPath, ["-e", "setTimeout(() => {}, 400)"]);
    await new Promise((resolve) => exiting.once("spawn", resolve));
    writeFileSync(join(dir, "acuback.lock"), String(exiting.pid));
    const lock = await lockDataDir(dir, 5_000);
    lock.release();
  });
});
