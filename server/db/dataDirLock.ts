/**
 * PGlite has no lock of its own: two processes opening one data directory would
 * both write to it and corrupt it. We take an exclusive lock file first and fail
 * at once, with a message a person can act on, when another live process holds it.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
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

export function lockDataDir(dataDir: string): DataDirLock {
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
      const holder = readHolder(path);
      if (holder !== null && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
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

