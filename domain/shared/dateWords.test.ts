import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDate, formatDateTime } from "./dateWords.ts";

describe("dates as the app shows them", () => {
  it("shows a calendar date with the month in words and never shifts it by a time zone", () => {
    assert.equal(formatDate("2026-03-05"), "Mar 5, 2026");
    assert.equal(formatDate("1971-12-31"), "Dec 31, 1971");
    assert.equal(formatDate("2026-01-01"), "Jan 1, 2026");
  });
  it("passes through what is not a calendar date rather than inventing one", () => {
    assert.equal(formatDate("unknown"), "unknown");
    assert.equal(formatDateTime("not a time"), "not a time");
  });
  it("shows a moment with its date and time", () => {
    assert.match(formatDateTime("2026-03-05T12:00:00Z"), /^Mar [45], 2026, \d{1,2}:\d{2}\s?[AP]M$/);
  });
});
