/**
 * The importer's fast path: split a byte stream into lines and hand on only
 * the lines the directory can need, without decoding or parsing the rest.
 * Well under 1% of NPPES rows carry the acupuncturist code, so searching the
 * raw bytes for it (memchr-speed Buffer.indexOf) and counting newlines is
 * nearly all the work for ~9 million rows; the CSV parser sees only the
 * candidates. A line is also a candidate when its NPI is "watched" (already in
 * the directory), because a deactivated NPI's row no longer carries its
 * taxonomy and must still be seen to be removed.
 */

import { Worker } from "node:worker_threads";
import type { ScanMessage } from "./scanWorker.ts";

export interface CandidateLine {
  /** 1-based physical line number (the header is line 1). */
  lineNumber: number;
  /** The line without its line ending. */
  bytes: Buffer;
  /** The line contains the searched code somewhere. */
  hasCode: boolean;
}

export interface ScanProgress {
  bytesRead: number;
  linesRead: number;
}

export interface ScanOptions {
  code: string;
  /** NPIs (as numbers) whose rows are wanted even without the code. */
  watched: ReadonlySet<number>;
  progress: ScanProgress;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** The NPI of a line starting `"NNNNNNNNNN"`, as a number, or -1. */
function leadingNpi(chunk: Buffer, start: number, end: number): number {
  if (end - start < 12 || chunk[start] !== QUOTE || chunk[start + 11] !== QUOTE) return -1;
  let n = 0;
  for (let i = start + 1; i <= start + 10; i++) {
    const d = chunk[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function trimEnd(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line;
}

interface ChunkScan {
  candidates: CandidateLine[];
  lineNumber: number;
  /** Where the unfinished last line starts. */
  pos: number;
}

/**
 * The next occurrence of `code` at or after `from`, or -1. Node's multi-byte
 * indexOf ran at ~1.5 GB/s on NPPES rows; a memchr for the code's last byte
 * (rare: it ends each taxonomy code, ~2 per row) and a check of the bytes
 * before it ran ~2× faster on the 10.75 GB benchmark file.
 */
export function indexOfCode(chunk: Buffer, code: Buffer, from: number): number {
  const last = code[code.length - 1]!;
  const before = code.length - 1;
  for (let p = chunk.indexOf(last, from + before); p >= 0; p = chunk.indexOf(last, p + 1)) {
    // Byte by byte from the front: Buffer.compare's argument checks cost more than the comparison (profiled).
    let i = 0;
    const start = p - before;
    while (i < before && chunk[start + i] === code[i]) i++;
    if (i === before) return start;
  }
  return -1;
}

/** The hot loop, kept out of the async generator: one memchr per line for the newline. */
function scanChunk(chunk: Buffer, from: number, code: Buffer, watched: ReadonlySet<number> | null, firstLine: number): ChunkScan {
  const candidates: CandidateLine[] = [];
  let lineNumber = firstLine;
  let pos = from;
  let nextCode = indexOfCode(chunk, code, pos);
  for (;;) {
    const end = chunk.indexOf(NEWLINE, pos);
    if (end < 0) break;
    lineNumber++;
    const hasCode = nextCode >= 0 && nextCode < end;
    if (hasCode || lineNumber === 1 || (watched !== null && watched.has(leadingNpi(chunk, pos, end)))) {
      candidates.push({ lineNumber, bytes: trimEnd(chunk.subarray(pos, end)), hasCode });
    }
    pos = end + 1;
    if (hasCode) nextCode = indexOfCode(chunk, code, pos);
  }
  return { candidates, lineNumber, pos };
}

/**
 * Splits chunks into lines as they come and keeps the candidates; the state
 * between chunks is the line cut by a chunk's end. Used by candidateLines
 * here and by the scan worker (scanWorker.ts).
 */
export class LineSplitter {
  private readonly code: Buffer;
  private readonly watched: ReadonlySet<number> | null;
  private carry: Buffer | null = null;
  lineNumber = 0;
  bytesRead = 0;

  constructor(options: { code: string; watched: ReadonlySet<number> }) {
    this.code = Buffer.from(options.code, "latin1");
    this.watched = options.watched.size > 0 ? options.watched : null;
  }

  private whole(line: Buffer): CandidateLine | null {
    this.lineNumber++;
    const trimmed = trimEnd(line);
    const hasCode = trimmed.indexOf(this.code) >= 0;
    const wanted = this.lineNumber === 1 || hasCode || (this.watched !== null && this.watched.has(leadingNpi(trimmed, 0, trimmed.length)));
    return wanted && trimmed.length ? { lineNumber: this.lineNumber, bytes: trimmed, hasCode } : null;
  }

  push(chunk: Buffer): CandidateLine[] {
    this.bytesRead += chunk.length;
    let pos = 0;
    const out: CandidateLine[] = [];
    if (this.carry) {
      // The line cut by the previous chunk's end: join only that line, never the whole chunk.
      const end = chunk.indexOf(NEWLINE);
      if (end < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return out;
      }
      const line = this.whole(Buffer.concat([this.carry, chunk.subarray(0, end)]));
      this.carry = null;
      if (line) out.push(line);
      pos = end + 1;
    }
    const found = scanChunk(chunk, pos, this.code, this.watched, this.lineNumber);
    this.lineNumber = found.lineNumber;
    for (const c of found.candidates) out.push(c);
    if (found.pos < chunk.length) this.carry = Buffer.from(chunk.subarray(found.pos));
    return out;
  }

  /** A last line without a line ending. */
  finish(): CandidateLine[] {
    const last = this.carry && this.carry.length ? this.whole(this.carry) : null;
    this.carry = null;
    return last ? [last] : [];
  }
}

/** Yields the header line first (hasCode false), then the candidate lines in file order. */
export async function* candidateLines(source: AsyncIterable<Buffer>, options: ScanOptions): AsyncGenerator<CandidateLine> {
  const splitter = new LineSplitter(options);
  for await (const chunk of source) {
    const found = splitter.push(chunk);
    options.progress.bytesRead = splitter.bytesRead;
    options.progress.linesRead = splitter.lineNumber;
    for (const c of found) yield c;
  }
  for (const c of splitter.finish()) yield c;
  options.progress.linesRead = splitter.lineNumber;
}

/**
 * candidateLines for a plain file, with the scan on a worker thread so that it
 * overlaps the parsing and writing on this one. Candidates the worker finds
 * ahead of the writer wait here: at most the file's matching rows (~27,000
 * in the monthly file, ~32 MB), not the file.
 */
export async function* candidateLinesInWorker(path: string, options: ScanOptions & { chunkBytes: number }): AsyncGenerator<CandidateLine> {
  const worker = new Worker(new URL("./scanWorker.mjs", import.meta.url), {
    workerData: { path, code: options.code, watched: [...options.watched], chunkBytes: options.chunkBytes },
  });
  const queue: ScanMessage[] = [];
  let wake: (() => void) | null = null;
  const arrive = (message: ScanMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on("message", arrive);
  worker.on("error", (error: Error) => arrive({ kind: "failed", message: error.message }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const message = queue.shift()!;
      if (message.kind === "failed") throw new Error(message.message);
      options.progress.bytesRead = message.bytesRead;
      options.progress.linesRead = message.linesRead;
      if (message.kind === "done") return;
      for (const line of message.lines) yield { lineNumber: line.lineNumber, bytes: Buffer.from(line.bytes.buffer, line.bytes.byteOffset, line.bytes.byteLength), hasCode: line.hasCode };
    }
  } finally {
    await worker.terminate();
  }
}
