import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { DEFAULT_FOLLOW_UP_SCHEDULE, describeSchedule, milestones, type FollowUpSchedule } from "./followUp.ts";

const d = (s: string) => s as CalendarDate;
const nrsOn = (...dates: string[]) => dates.map((date) => ({ instrument: "nrs", recordedOn: d(date) }));
const statuses = (recorded: string[], today: string) => milestones(d("2026-01-01"), nrsOn(...recorded), d(today)).map((m) => `${m.week}:${m.status}`);

describe("follow-up milestones (default: NRS at 4, 8, 12 weeks; ±7 days)", () => {
  it("puts the milestones 4, 8 and 12 weeks after intake", () => {
    assert.deepEqual(milestones(d("2026-01-01"), [], d("2026-01-02")).map((m) => m.dueOn), ["2026-01-29", "2026-02-26", "2026-03-26"]);
  });
  it("is upcoming before the window, due inside it, overdue after it", () => {
    assert.deepEqual(statuses([], "2026-01-21"), ["4:upcoming", "8:upcoming", "12:upcoming"]);
    assert.deepEqual(statuses([], "2026-01-22"), ["4:due", "8:upcoming", "12:upcoming"]);
    assert.deepEqual(statuses([], "2026-02-05"), ["4:due", "8:upcoming", "12:upcoming"]);
    assert.deepEqual(statuses([], "2026-02-06"), ["4:overdue", "8:upcoming", "12:upcoming"]);
  });
  it("counts a measurement recorded within the window as done", () => {
    assert.deepEqual(statuses(["2026-02-03"], "2026-03-30"), ["4:done", "8:overdue", "12:due"]);
    assert.deepEqual(statuses(["2026-01-10"], "2026-02-10"), ["4:overdue", "8:upcoming", "12:upcoming"], "too early to count");
  });
});

describe("follow-up schedules per instrument, with check-ins", () => {
  const schedule: FollowUpSchedule = { ...DEFAULT_FOLLOW_UP_SCHEDULE, weeks: [4, 8], milestoneInstruments: ["nrs", "odi"], checkIn: { everyWeeks: 1, instruments: ["nrs"] } };

  it("a milestone is done only when every instrument it asks for was recorded, and names what is missing", () => {
    const [week4] = milestones(d("2026-01-01"), nrsOn("2026-01-29"), d("2026-01-30"), schedule);
    assert.deepEqual(week4, { kind: "milestone", week: 4, dueOn: "2026-01-29", status: "due", missing: ["odi"] });
    const recorded = [...nrsOn("2026-01-29"), { instrument: "odi", recordedOn: d("2026-02-02") }];
    assert.equal(milestones(d("2026-01-01"), recorded, d("2026-01-30"), schedule)[0]!.status, "done");
  });

  it("adds a check-in every week between milestones, with a window half the spacing", () => {
    const all = milestones(d("2026-01-01"), nrsOn("2026-01-08", "2026-01-18"), d("2026-01-27"), schedule);
    const checkIns = all.filter((m) => m.kind === "check-in");
    // Weeks 1–7 except the week-4 milestone; the last milestone (8) ends them.
    assert.deepEqual(checkIns.map((m) => m.week), [1, 2, 3, 5, 6, 7]);
    assert.deepEqual(
      checkIns.slice(0, 3).map((m) => `${m.week}:${m.status}`),
      ["1:done", "2:done", "3:overdue"],
      "week 2 is due 01-15 (window 01-12 to 01-18); week 3 is due 01-22 and nothing came from 01-19 to 01-25",
    );
  });

  it("says the schedule in one sentence", () => {
    assert.equal(describeSchedule(DEFAULT_FOLLOW_UP_SCHEDULE), "NRS at 4, 8 and 12 weeks after intake (±7 days).");
    assert.equal(describeSchedule(schedule), "NRS and ODI at 4 and 8 weeks after intake (±7 days). NRS every week in between.");
  });

  it("more measurements never turn a done point back into due (property over random days)", () => {
    for (let trial = 0; trial < 200; trial++) {
      const days = Array.from({ length: 1 + (trial % 6) }, (_, i) => `2026-0${1 + ((trial + i) % 3)}-${String(1 + ((trial * 7 + i * 11) % 28)).padStart(2, "0")}`);
      const before = milestones(d("2026-01-01"), nrsOn(...days.slice(1)), d("2026-03-31"), schedule);
      const after = milestones(d("2026-01-01"), nrsOn(...days), d("2026-03-31"), schedule);
      before.forEach((m, i) => {
        if (m.status === "done") assert.equal(after[i]!.status, "done");
      });
    }
  });
});
