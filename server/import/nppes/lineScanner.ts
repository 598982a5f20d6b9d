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

import { closeSync, openSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { indexOfCode, leadingNpi, scanChunk, trimEnd, type ByteRange, type PackedLines } from "./byteScan.mjs";

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

export { indexOfCode };

/**
 * Splits chunks into lines as they come and keeps the candidates; the state
 * between chunks is the line cut by a chunk's end. Used by candidateLines
 * for streams (a zip's entry); a plain file is scanned in byte ranges
 * (candidateLinesInWorkers).
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

/** What candidateLinesInWorkers asks of a scan worker (scanWorker.mjs). */
export interface ScanRequest {
  path: string;
  range: ByteRange;
  header: boolean;
  code: string;
  watched: number[];
  chunkBytes: number;
}

/** What a scan worker posts: each chunk's candidates (lines) with running counts, then done, or failed. */
export type ScanMessage =
  | { kind: "lines"; lines: PackedLines; bytesRead: number; linesRead: number }
  | { kind: "done"; bytesRead: number; linesRead: number }
  | { kind: "failed"; message: string };

/**
 * Cuts a file of `size` bytes into at most `parts` byte ranges of about equal
 * size, each starting at a line's first byte, so no line is split between two
 * scan workers. A cut that would fall inside the last line is dropped: a
 * small file gets one range.
 */
export function splitAtLines(path: string, size: number, parts: number): ByteRange[] {
  const starts = [0];
  const fd = openSync(path, "r");
  try {
    const probe = Buffer.allocUnsafe(64 << 10);
    for (let k = 1; k < parts; k++) {
      let at = Math.max(Math.floor((size * k) / parts), starts[starts.length - 1]!);
      let start = -1;
      while (at < size) {
        const n = readSync(fd, probe, 0, probe.length, at);
        if (n <= 0) break;
        const newline = probe.subarray(0, n).indexOf(NEWLINE);
        if (newline >= 0) {
          start = at + newline + 1;
          break;
        }
        at += n;
      }
      if (start < 0 || start >= size) break;
      if (start > starts[starts.length - 1]!) starts.push(start);
    }
  } finally {
    closeSync(fd);
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
}

/**
 * candidateLines for a plain file, scanned in byte ranges on worker threads
 * (one per core, two at most by default) while this thread parses and writes.
 * Lines come out in file order with their line numbers in the whole file:
 * a later range's lines wait here until the ranges before it are done and
 * their line counts known. What waits is at most the later ranges' candidate
 * lines (about half the monthly file's ~27,000 matching rows, ~16 MB), never
 * the file.
 */
export async function* candidateLinesInWorkers(
  path: string,
  size: number,
  options: ScanOptions & { chunkBytes: number; threads: number },
): AsyncGenerator<CandidateLine> {
  const ranges = splitAtLines(path, size, Math.max(1, options.threads));
  const watched = [...options.watched];
  const inbox = ranges.map(() => [] as ScanMessage[]);
  const totals = ranges.map(() => ({ bytesRead: 0, linesRead: 0 }));
  let wake: (() => void) | null = null;
  let failure: string | null = null;
  const workers = ranges.map((range, i) => {
    const worker = new Worker(new URL("./scanWorker.mjs", import.meta.url), {
      // Plain JavaScript: without the parent's loader flags (tsx) it starts ~8× sooner.
      execArgv: [],
      workerData: { path, range, header: i === 0, code: options.code, watched, chunkBytes: options.chunkBytes } satisfies ScanRequest,
    });
    const arrive = (message: ScanMessage) => {
      if (message.kind === "failed") failure ??= message.message;
      else totals[i] = { bytesRead: message.bytesRead, linesRead: message.linesRead };
      inbox[i]!.push(message);
      wake?.();
    };
    worker.on("message", arrive);
    worker.on("error", (error: Error) => arrive({ kind: "failed", message: error.message }));
    return worker;
  });
  const report = () => {
    options.progress.bytesRead = totals.reduce((sum, t) => sum + t.bytesRead, 0);
    options.progress.linesRead = totals.reduce((sum, t) => sum + t.linesRead, 0);
  };
  try {
    let linesBefore = 0;
    for (let i = 0; i < ranges.length; i++) {
      for (;;) {
        // A failure in any range ends the import at once, not when its turn comes.
        if (failure !== null) throw new Error(failure);
        if (inbox[i]!.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const message = inbox[i]!.shift();
        if (!message) continue;
        report();
        if (message.kind === "failed") continue;
        if (message.kind === "done") {
          linesBefore += message.linesRead;
          break;
        }
        const { bytes, offsets, lineNumbers, hasCode } = message.lines;
        for (let k = 0; k < lineNumbers.length; k++) {
          yield {
            lineNumber: linesBefore + lineNumbers[k]!,
            bytes: Buffer.from(bytes.buffer, bytes.byteOffset + offsets[k]!, offsets[k + 1]! - offsets[k]!),
            hasCode: hasCode[k]!,
          };
        }
      }
    }
    report();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
