// Types of byteScan.mjs (plain JavaScript so scan workers start without the TypeScript loader).

export interface ScannedLine {
  /** 1-based line number (within the range, for a byte range). */
  lineNumber: number;
  /** The line without its line ending. */
  bytes: Buffer;
  /** The line contains the searched code somewhere. */
  hasCode: boolean;
}

export interface ChunkScan {
  candidates: ScannedLine[];
  lineNumber: number;
  /** Where the unfinished last line starts. */
  pos: number;
}

export interface ByteRange {
  start: number;
  end: number;
}

/** Candidate lines of one chunk, packed: line i is bytes.subarray(offsets[i], offsets[i + 1]). */
export interface PackedLines {
  bytes: Uint8Array;
  offsets: number[];
  lineNumbers: number[];
  hasCode: boolean[];
}

export interface RangeScanOptions {
  code: string;
  watched: ReadonlySet<number>;
  /** The range holds the file's header as its line 1. */
  header: boolean;
  chunkBytes: number;
}

export function leadingNpi(chunk: Buffer, start: number, end: number): number;
export function trimEnd(line: Buffer): Buffer;
export function indexOfCode(chunk: Buffer, code: Buffer, from: number): number;
export function scanChunk(chunk: Buffer, from: number, code: Buffer, watched: ReadonlySet<number> | null, firstLine: number, header?: boolean): ChunkScan;
export function scanRange(
  path: string,
  range: ByteRange,
  options: RangeScanOptions,
  emit: (lines: PackedLines, bytesRead: number, linesRead: number) => void,
): { bytesRead: number; linesRead: number };
