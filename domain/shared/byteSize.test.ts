import assert from "node:assert/strict";
import { it } from "node:test";
import { formatByteSize } from "./byteSize.ts";

it("says file sizes in decimal units, one decimal below ten", () => {
  assert.equal(formatByteSize(0), "0 bytes");
  assert.equal(formatByteSize(999), "999 bytes");
  assert.equal(formatByteSize(1000), "1.0 kB");
  assert.equal(formatByteSize(4_250_000), "4.3 MB");
  assert.equal(formatByteSize(42_000_000), "42 MB");
  assert.equal(formatByteSize(1_300_000_000), "1.3 GB");
});
