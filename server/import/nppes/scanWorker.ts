/**
 * The byte scan on a second core: reads a plain NPPES file and posts only the
 * candidate lines (copied, so the read buffers can go), while the main thread
 * parses and writes the previous ones. Started by candidateLinesInWorker.
 */
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { LineSplitter, type CandidateLine } from "./lineScanner.ts";

export interface ScanRequest {
  path: string;
  code: string;
  watched: number[];
  chunkBytes: number;
}

export type ScanMessage =
  | { kind: "lines"; lines: { lineNumber: number; bytes: Uint8Array; hasCode: boolean }[]; bytesRead: number; linesRead: number }
  | { kind: "done"; bytesRead: number; linesRead: number }
  | { kind: "failed"; message: string };

const request = workerData as ScanRequest;
const port = parentPort!;
const copy = (c: CandidateLine) => ({ lineNumber: c.lineNumber, bytes: Uint8Array.prototype.slice.call(c.bytes), hasCode: c.hasCode });

try {
  const splitter = new LineSplitter({ code: request.code, watched: new Set(request.watched) });
  for await (const chunk of createReadStream(request.path, { highWaterMark: request.chunkBytes })) {
    const lines = splitter.push(chunk as Buffer).map(copy);
    port.postMessage({ kind: "lines", lines, bytesRead: splitter.bytesRead, linesRead: splitter.lineNumber } satisfies ScanMessage);
  }
  port.postMessage({ kind: "lines", lines: splitter.finish().map(copy), bytesRead: splitter.bytesRead, linesRead: splitter.lineNumber } satisfies ScanMessage);
  port.postMessage({ kind: "done", bytesRead: splitter.bytesRead, linesRead: splitter.lineNumber } satisfies ScanMessage);
} catch (error) {
  port.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) } satisfies ScanMessage);
}
