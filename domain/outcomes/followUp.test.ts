import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { milestones } from "./followUp.ts";

const d = (s: string) => s as CalendarDate;
const statuses = (recorded: string[], today: string) => milestones(d("2026-01-01"), recorded.map(d), d(today)).map((m) => `${m.week}:${m.status}`);

describe("follow-up milestones (4, 8, 12 weeks; ±7 days)", () => {
  it("puts the milestones 4, 8 and 12 weeks after intake", () => {
    assert.deepEqual(milestones(d("2026-01-01"), [], d("2026-01-02")).map((m) => m.dueOn), ["2026-01-29", "2026-02-26", "2026-03-26"]);
  });
  it("is upcoming before the window, due inside it, overdue after it", () => {
    assert.deepEqual(statuses([], "2026-01-21"), ["4:upcoming", "8:upcoming", "12:upcoming"]);
    assert.deepEqual(statuses([], "2026-01-22"), ["4:due", "8:upcoming", "12:upcoming"]);
    assert.deepEqual(statuses([], "2026-02-05"), ["4:due", "8:upcoming", "12:upcoming"]);
    assert.deepEqual(statuses([], "2026-02-06"), ["4:overdue", "8:upcoming", "12:upcoming"]);
  });
  it("counts any outcome recorded within the window as done", () => {
    assert.deepEqual(statuses(["2026-02-03"], "2026-03-30"), ["4:done", "8:overdue", "12:due"]);
    assert.deepEqual(statuses(["2026-01-10"], "2026-02-10"), ["4:overdue", "8:upcoming", "12:upcoming"], "too early to count");
  });
});
