/**
 * PGlite's file system for a data directory on disk, made durable.
 *
 * PGlite starts PostgreSQL with fsync off (`-F` in its default start
 * parameters), and its Node file system (Emscripten's NODEFS) has no fsync
 * operation, so even with fsync on, every sync PostgreSQL asks for returns at
 * once without reaching the disk: measured with
 * `strace -f -e trace=fsync,fdatasync`, 50 commits made 0 syncs (issue 15).
 * A commit survived a killed process (the bytes were in the kernel's page
 * cache) but not a power cut or an OS crash.
 *
 * Here NODEFS gets an fsync that calls the real one on the host file, and
 * openPgliteDatabase starts PostgreSQL with fsync on and
 * `wal_sync_method=fsync`: Emscripten's own fdatasync is a stub that does
 * nothing, while fsync goes through the file system's operation. So a commit
 * is acknowledged only after its WAL is on disk, as on a PostgreSQL server.
 */
import { fsyncSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

type EmscriptenOptions = Awaited<ReturnType<NodeFS["init"]>>["emscriptenOpts"];

interface NodeFsStream {
  nfd?: number;
}

interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: NodeFsStream) => number } };
}

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Partial<EmscriptenOptions>): Promise<{ emscriptenOpts: EmscriptenOptions }> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const preRun = [...((emscriptenOpts.preRun as ((module: EmscriptenModule) => void)[] | undefined) ?? [])];
    preRun.push((module) => {
      module.NODEFS.stream_ops.fsync = (stream) => {
        // A directory opened for fsync has no host descriptor here; its entries are synced with the files' own metadata.
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    });
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as EmscriptenOptions };
  }
}

/** PGlite's start parameters with PostgreSQL's fsync on, syncing the WAL with fsync (see above). */
export function durableStartParams(defaults: readonly string[]): string[] {
  return [...defaults.filter((param) => param !== "-F"), "-c", "fsync=on", "-c", "wal_sync_method=fsync"];
}
