import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticNppesLines } from "../../../scripts/nppes/syntheticNppes.ts";
import { candidateLines, candidateLinesInWorkers, indexOfCode, splitAtLines } from "./lineScanner.ts";

const CODE = Buffer.from("171100000X");

describe("line scanner", () => {
  it("finds the code exactly where Buffer.indexOf does", () => {
    const text = fc.array(fc.constantFrom("1", "7", "0", "X", '"', ",", "171100000X", "71100000X", "17110000X", "\n"), { maxLength: 60 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(40), (s, from) => {
        const b = Buffer.from(s);
        assert.equal(indexOfCode(b, CODE, from), b.indexOf(CODE, from));
      }),
    );
  });

  it("numbers lines across chunk boundaries, yields the header, coded lines and watched NPIs, and counts every line", async () => {
    const lines = ['"NPI","X"', '"1234567893","171100000X"', '"1111111111","207Q00000X"', '"2222222222","none"', '"3333333333","171100000X"'];
    const bytes = Buffer.from(lines.join("\r\n"));
    for (const size of [1, 3, 7, 1000]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const progress = { bytesRead: 0, linesRead: 0 };
      const found = [];
      for await (const line of candidateLines(Readable.from(chunks), { code: "171100000X", watched: new Set([2222222222]), progress })) {
        found.push([line.lineNumber, line.bytes.toString(), line.hasCode]);
      }
      assert.deepEqual(found, [
        [1, lines[0], false],
        [2, lines[1], true],
        [4, lines[3], false],
        [5, lines[4], true],
      ], `chunks of ${size}`);
      assert.equal(progress.linesRead, 5);
      assert.equal(progress.bytesRead, bytes.length);
    }
  });

  it("scans a plain file in byte ranges on worker threads with the same lines, numbers and counts as the stream scan", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acuback-scan-"));
    try {
      const path = join(dir, "npidata_pfile_20250602-20250608.csv");
      // CRLF, malformed rows, a high share of matches, and no newline after the last row.
      const text = [...syntheticNppesLines({ rows: 600, acupuncturistShare: 0.2, crlf: true, malformed: 4, seed: 7 })].join("").replace(/\r\n$/, "");
      writeFileSync(path, text);
      const bytes = readFileSync(path);
      const watched = new Set([Number(text.split("\n")[10]!.slice(1, 11))]);
      const expected: [number, string, boolean][] = [];
      const streamed = { bytesRead: 0, linesRead: 0 };
      for await (const line of candidateLines(Readable.from([bytes]), { code: "171100000X", watched, progress: streamed })) expected.push([line.lineNumber, line.bytes.toString(), line.hasCode]);
      assert.ok(expected.length > 100 && expected.some(([n]) => n === 11));
      // 700-byte reads are shorter than a row, so the read buffer must grow; 3 threads cut the file in three.
      for (const [threads, chunkBytes] of [[1, 1 << 20], [2, 700], [2, 4096], [3, 5000]] as const) {
        const progress = { bytesRead: 0, linesRead: 0 };
        const found: [number, string, boolean][] = [];
        for await (const line of candidateLinesInWorkers(path, bytes.length, { code: "171100000X", watched, progress, chunkBytes, threads })) found.push([line.lineNumber, line.bytes.toString(), line.hasCode]);
        assert.deepEqual(found, expected, `${threads} threads, ${chunkBytes}-byte reads`);
        assert.deepEqual(progress, streamed, `${threads} threads, ${chunkBytes}-byte reads`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("cuts a file into byte ranges at line starts, and a small file into one", () => {
    const dir = mkdtempSync(join(tmpdir(), "acuback-split-"));
    try {
      const path = join(dir, "f.csv");
      const text = "header\n" + Array.from({ length: 50 }, (_, i) => `line ${i}`.padEnd(10 + (i % 7), "x")).join("\n") + "\n";
      writeFileSync(path, text);
      for (const parts of [1, 2, 3, 7]) {
        const ranges = splitAtLines(path, text.length, parts);
        assert.equal(ranges.length, parts);
        assert.equal(ranges[0]!.start, 0);
        assert.equal(ranges.at(-1)!.end, text.length);
        for (const [i, range] of ranges.entries()) {
          if (i > 0) assert.equal(text[range.start - 1], "\n");
          if (i > 0) assert.equal(range.start, ranges[i - 1]!.end);
        }
      }
      writeFileSync(path, "one line only");
      assert.deepEqual(splitAtLines(path, 13, 2), [{ start: 0, end: 13 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
