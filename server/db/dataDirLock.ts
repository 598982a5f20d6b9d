/**
 * PGlite has no lock of its own: two processes opening one data directory would
 * both write to it and corrupt it. We take an exclusive lock file first and fail
 * at once, with a message a person can act on, when another live process holds it.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "../processAlive.ts";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Acuback process (pid ${holderPid}). ` +
        `Stop that process first, or give this one its own directory with ACUBACK_DATA_DIR.`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  release(): void;
}

const LOCK_NAME = "acuback.lock";
/**
 * How long a start waits for a holder that is still alive. A server restarted
 * right after its predecessor was killed can find it still exiting; a holder
 * that is really serving is still there after this and is refused.
 */
export const LOCK_WAIT_MS = 3_000;
const LOCK_POLL_MS = 100;

export async function lockDataDir(dataDir: string, waitMs = LOCK_WAIT_MS): Promise<DataDirLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return takeLock(dataDir);
    } catch (error) {
      if (!(error instanceof DataDirLockedError) || Date.now() >= deadline) throw error;
      await sleep(LOCK_POLL_MS);
    }
  }
}

/** The live process holding the directory, if any (the CLI then talks to that server instead of opening the files). */
export function dataDirHolder(dataDir: string): number | null {
  const holder = readHolder(join(dataDir, LOCK_NAME));
  return holder !== null && holder !== process.pid && isProcessAlive(holder) ? holder : null;
}

function takeLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = dataDirHolder(dataDir);
      if (holder !== null) throw new DataDirLockedError(dataDir, holder);
      // A lock left by a process that died (kill -9, power loss) is stale: take it over.
      try {
        unlinkSync(path);
      } catch {
        // another process removed it first; retry the exclusive create
      }
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

