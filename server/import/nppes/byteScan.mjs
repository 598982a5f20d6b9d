// The byte scan's hot loops, in plain JavaScript so that a scan worker starts
// without the TypeScript loader: a worker that registers tsx took ~0.5 s to
// post its first message on this machine, a plain one ~0.06 s
// (bench/README.md). Types: byteScan.d.mts. Used by lineScanner.ts (streams,
// zips) and scanWorker.mjs (byte ranges of a plain file).
import { closeSync, openSync, readSync } from "node:fs";

const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** The NPI of a line starting `"NNNNNNNNNN"`, as a number, or -1. */
export function leadingNpi(chunk, start, end) {
  if (end - start < 12 || chunk[start] !== QUOTE || chunk[start + 11] !== QUOTE) return -1;
  let n = 0;
  for (let i = start + 1; i <= start + 10; i++) {
    const d = chunk[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The line without a trailing carriage return. */
export function trimEnd(line) {
  return line.length && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line;
}

/**
 * The next occurrence of `code` at or after `from`, or -1. Node's multi-byte
 * indexOf ran at ~1.5 GB/s on NPPES rows; a memchr for the code's last byte
 * (rare: it ends each taxonomy code, ~2 per row) and a check of the bytes
 * before it ran ~2× faster on the 10.75 GB benchmark file.
 */
export function indexOfCode(chunk, code, from) {
  const last = code[code.length - 1];
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

/**
 * The hot loop: one memchr per line for the newline. `firstLine` is the number
 * of the line before `from`; line 1 (the header) is always a candidate unless
 * `header` is false (a byte range that starts inside the file numbers its own
 * lines from 1). Candidate bytes are views into `chunk`.
 */
export function scanChunk(chunk, from, code, watched, firstLine, header = true) {
  const candidates = [];
  let lineNumber = firstLine;
  let pos = from;
  let nextCode = indexOfCode(chunk, code, pos);
  for (;;) {
    const end = chunk.indexOf(NEWLINE, pos);
    if (end < 0) break;
    lineNumber++;
    const hasCode = nextCode >= 0 && nextCode < end;
    if (hasCode || (header && lineNumber === 1) || (watched !== null && watched.has(leadingNpi(chunk, pos, end)))) {
      candidates.push({ lineNumber, bytes: trimEnd(chunk.subarray(pos, end)), hasCode });
    }
    pos = end + 1;
    if (hasCode) nextCode = indexOfCode(chunk, code, pos);
  }
  return { candidates, lineNumber, pos };
}

/** Copies candidate lines into one buffer of their own (transferable: not the shared pool). */
function pack(found) {
  let total = 0;
  for (const line of found) total += line.bytes.length;
  const bytes = Buffer.allocUnsafeSlow(total);
  const offsets = [0];
  let at = 0;
  for (const line of found) {
    at += line.bytes.copy(bytes, at);
    offsets.push(at);
  }
  return { bytes, offsets, lineNumbers: found.map((l) => l.lineNumber), hasCode: found.map((l) => l.hasCode) };
}

/**
 * Scans the byte range [start, end) of the file at `path`, which starts at a
 * line's first byte and ends after a newline or at the end of the file.
 * Reads with readSync into one reused buffer (a stream allocates a fresh one
 * per chunk: page faults and garbage collection at GB/s), and calls `emit`
 * once per chunk with that chunk's candidate lines packed, and the running
 * counts. Lines are numbered from 1 within the range.
 */
export function scanRange(path, range, options, emit) {
  const code = Buffer.from(options.code, "latin1");
  const watched = options.watched.size > 0 ? options.watched : null;
  let buffer = Buffer.allocUnsafeSlow(options.chunkBytes);
  let kept = 0; // bytes of an unfinished line moved to the buffer's front
  let offset = range.start;
  let lineNumber = 0;
  let bytesRead = 0;
  const fd = openSync(path, "r");
  try {
    for (;;) {
      if (kept === buffer.length) {
        // One line longer than the buffer (a damaged file): grow rather than cut it.
        const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const want = Math.min(buffer.length - kept, range.end - offset);
      const n = want > 0 ? readSync(fd, buffer, kept, want, offset) : 0;
      offset += n;
      bytesRead += n;
      const length = kept + n;
      const view = buffer.subarray(0, length);
      if (n === 0) {
        // The end of the range: a last line without a newline (only at the end of the file).
        const found = [];
        if (length > 0) {
          lineNumber++;
          const line = trimEnd(view);
          const hasCode = indexOfCode(line, code, 0) >= 0;
          const wanted = hasCode || (options.header && lineNumber === 1) || (watched !== null && watched.has(leadingNpi(line, 0, line.length)));
          if (wanted && line.length) found.push({ lineNumber, bytes: line, hasCode });
        }
        emit(pack(found), bytesRead, lineNumber);
        return { bytesRead, linesRead: lineNumber };
      }
      const scan = scanChunk(view, 0, code, watched, lineNumber, options.header);
      lineNumber = scan.lineNumber;
      emit(pack(scan.candidates), bytesRead, lineNumber);
      kept = length - scan.pos;
      if (kept) buffer.copyWithin(0, scan.pos, length);
    }
  } finally {
    closeSync(fd);
  }
}
