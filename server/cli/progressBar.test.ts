import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { progressLine } from "./progressBar.ts";

describe("import progress bar", () => {
  it("shows the share read, bytes of total, rows per second and time left", () => {
    const line = progressLine({ bytesRead: 2.5e9, totalBytes: 10e9, linesRead: 2_000_000, elapsedMs: 4000 }, 20);
    assert.equal(line, "[#####---------------]  25.0%  2.50 GB of 10.00 GB  500,000 rows/s  12s left");
  });

  it("says nothing about time left before anything is read", () => {
    assert.match(progressLine({ bytesRead: 0, totalBytes: 10e9, linesRead: 0, elapsedMs: 0 }), /0 rows\/s {2}– left$/);
  });
});
