import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import fc from "fast-check";
import { candidateLines, indexOfCode } from "./lineScanner.ts";

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
});
