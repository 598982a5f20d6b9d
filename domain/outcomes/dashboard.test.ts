import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { clinicDashboard, type PatientCourse } from "./dashboard.ts";

const d = (s: string) => s as CalendarDate;
const r = (value: number, date: string) => ({ value, recordedOn: d(date), createdAt: `${date}T09:00:00Z` });
const course = (nrs: [number, string][], odi: [number, string][] = []): PatientCourse => ({
  intakeOn: d("2026-01-01"),
  readings: { nrs: nrs.map(([v, date]) => r(v, date)), odi: odi.map(([v, date]) => r(v, date)), rmdq: [] },
  recorded: [...nrs.map(([, date]) => ({ instrument: "nrs", recordedOn: d(date) })), ...odi.map(([, date]) => ({ instrument: "odi", recordedOn: d(date) }))],
});

describe("clinic dashboard", () => {
  it("counts patients measured at each milestone and the share responding", () => {
    const courses = [
      course([[8, "2026-01-01"], [5, "2026-01-29"], [3, "2026-02-26"]]), // responding at 4 and 8 weeks
      course([[6, "2026-01-01"], [6, "2026-01-30"]]), // measured at 4 weeks, not responding
      course([[7, "2026-01-01"]], [[40, "2026-01-01"], [28, "2026-02-27"]]), // ODI responding at 8 weeks only
    ];
    const dashboard = clinicDashboard(courses, d("2026-04-30"));
    assert.equal(dashboard.patients, 3);
    assert.deepEqual(
      dashboard.milestones.map((m) => [m.week, m.measured, m.responding, m.share]),
      [
        [4, 2, 1, 50],
        [8, 2, 2, 100],
        [12, 0, 0, null],
      ],
    );
    // The default schedule asks for NRS at each milestone. Overdue: patient 1 at 12 weeks;
    // patient 2 at 8 and 12; patient 3 at 4, 8 (ODI only, no NRS) and 12.
    assert.equal(dashboard.overdue, 6);
  });

  it("counts overdue by the clinic's schedule: what each milestone asks for, check-ins not counted", () => {
    const odiToo = { weeks: [4, 8, 12], windowDays: 7, milestoneInstruments: ["nrs", "odi"], checkIn: { everyWeeks: 1, instruments: ["nrs"] } };
    const measured = course([[8, "2026-01-01"], [5, "2026-01-29"]], [[40, "2026-01-01"], [30, "2026-01-30"]]);
    const painOnly = course([[8, "2026-01-01"], [5, "2026-01-29"]]);
    assert.equal(clinicDashboard([measured], d("2026-02-06"), odiToo).overdue, 0);
    assert.equal(clinicDashboard([painOnly], d("2026-02-06"), odiToo).overdue, 1, "ODI missing at week 4");
  });

  it("is empty without patients", () => {
    const dashboard = clinicDashboard([], d("2026-04-30"));
    assert.deepEqual(dashboard.milestones.map((m) => m.share), [null, null, null]);
    assert.equal(dashboard.overdue, 0);
  });
});
