import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { episodeDuration } from "./duration.ts";
import { mmePerDay, mmeSteps } from "./mme.ts";
import { checkAcknowledgement, acknowledgementReasons } from "./redFlagAcknowledgement.ts";
import { RED_FLAGS, screenRedFlags } from "./redFlags.ts";

const d = (s: string) => s as CalendarDate;
const allNo = () => Object.fromEntries(RED_FLAGS.map((flag) => [flag.id, false]));

describe("episode duration class (COST B13 cut-offs; chronic ≥ 12 weeks as NCD 30.3.3)", () => {
  it("classes by whole days", () => {
    assert.equal(episodeDuration(d("2026-01-01"), d("2026-01-01"))!.durationClass, "acute");
    assert.equal(episodeDuration(d("2026-01-01"), d("2026-02-11"))!.durationClass, "acute"); // 41 days
    assert.equal(episodeDuration(d("2026-01-01"), d("2026-02-12"))!.durationClass, "subacute"); // 42 days
    assert.equal(episodeDuration(d("2026-01-01"), d("2026-03-25"))!.durationClass, "subacute"); // 83 days
    assert.equal(episodeDuration(d("2026-01-01"), d("2026-03-26"))!.durationClass, "chronic"); // 84 days = 12 weeks
    assert.equal(episodeDuration(d("2026-01-01"), d("2026-03-26"))!.weeks, 12);
  });
  it("recomputes as time passes and honours other cut-offs", () => {
    const onset = d("2026-01-01");
    assert.equal(episodeDuration(onset, d("2026-01-29"), { subacuteFromWeeks: 4, chronicFromWeeks: 12 })!.durationClass, "subacute");
    assert.equal(episodeDuration(onset, d("2025-12-31")), null, "onset after today");
  });
  it("never goes back from chronic to acute as days pass", () => {
    const order = { acute: 0, subacute: 1, chronic: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const onset = d("2026-01-01");
        const day = (n: number) => d(new Date(Date.parse("2026-01-01T00:00:00Z") + n * 86_400_000).toISOString().slice(0, 10));
        const [early, late] = a <= b ? [a, b] : [b, a];
        return order[episodeDuration(onset, day(early))!.durationClass] <= order[episodeDuration(onset, day(late))!.durationClass];
      }),
    );
  });
});

describe("red-flag screen (AHCPR 1994; clinical-facts §5)", () => {
  it("is clear only when every question is answered no and the age is 20–50", () => {
    assert.deepEqual(screenRedFlags(allNo(), { ageYears: 35 }), { outcome: "clear", unanswered: [] });
  });
  it("treats an unanswered question as unanswered, not as no", () => {
    const answers = allNo();
    delete answers["saddle-anaesthesia"];
    const screen = screenRedFlags(answers, { ageYears: 35 });
    assert.equal(screen.outcome, "incomplete");
    assert.deepEqual(screen.outcome === "incomplete" && screen.unanswered, ["saddle-anaesthesia"]);
  });
  it("stops with a same-day emergency referral for any cauda equina sign", () => {
    const screen = screenRedFlags({ ...allNo(), "saddle-anaesthesia": true }, { ageYears: 35 });
    assert.equal(screen.outcome, "stop");
    if (screen.outcome !== "stop") return;
    assert.equal(screen.emergency, true);
    assert.equal(screen.actions[0]!.urgency, "same-day emergency");
    assert.match(screen.actions[0]!.action, /emergency care today/);
  });
  it("derives the age flag from the age (over 50 or under 20)", () => {
    for (const [age, stops] of [[51, true], [50, false], [20, false], [19, true]] as const) {
      assert.equal(screenRedFlags(allNo(), { ageYears: age }).outcome, stops ? "stop" : "clear", `age ${age}`);
    }
  });
  it("orders actions by urgency and lists every positive", () => {
    const screen = screenRedFlags({ ...allNo(), "history-of-cancer": true, "major-trauma": true, "major-motor-weakness": true }, { ageYears: 40 });
    assert.equal(screen.outcome, "stop");
    if (screen.outcome !== "stop") return;
    assert.deepEqual(screen.actions.map((a) => a.category), ["cauda equina", "fracture", "cancer or infection"]);
    assert.equal(screen.positives.length, 3);
  });
});

describe("morphine milligram equivalents (CDC 2022 table)", () => {
  it("matches the guideline's worked examples", () => {
    // hydrocodone 5 mg four times a day = 20 mg/day = 20 MME; oxycodone ER 10 mg twice a day = 20 mg/day = 30 MME
    assert.equal(mmePerDay([{ opioid: "hydrocodone", dailyDose: 20 }]), 20);
    assert.equal(mmePerDay([{ opioid: "oxycodone", dailyDose: 20 }]), 30);
  });
  it("adds several opioids and uses mcg/hr for transdermal fentanyl", () => {
    assert.equal(mmePerDay([{ opioid: "tramadol", dailyDose: 200 }, { opioid: "codeine", dailyDose: 60 }]), 49);
    assert.equal(mmePerDay([{ opioid: "fentanyl transdermal", dailyDose: 25 }]), 60);
    assert.equal(mmePerDay([]), 0);
  });
  it("follows the total over time: starts, stops and dose changes become steps", () => {
    const d = (s: string) => s as CalendarDate;
    const steps = mmeSteps(
      [
        // known before the chart, tapered from 150 to 100 mg/day on 03-15
        { opioid: "tramadol", dailyDose: 150, startedOn: null, stoppedOn: d("2026-03-15") },
        { opioid: "tramadol", dailyDose: 100, startedOn: d("2026-03-15"), stoppedOn: null },
        // oxycodone for a week, then stopped
        { opioid: "oxycodone", dailyDose: 10, startedOn: d("2026-03-20"), stoppedOn: d("2026-03-27") },
        // after the chart's end: not shown
        { opioid: "morphine", dailyDose: 30, startedOn: d("2026-05-01"), stoppedOn: null },
      ],
      d("2026-03-01"),
      d("2026-04-01"),
    );
    assert.deepEqual(steps, [
      { from: "2026-03-01", mmePerDay: 30 },
      { from: "2026-03-15", mmePerDay: 20 },
      { from: "2026-03-20", mmePerDay: 35 },
      { from: "2026-03-27", mmePerDay: 20 },
    ]);
    assert.deepEqual(mmeSteps([], d("2026-03-01"), d("2026-04-01")), [{ from: "2026-03-01", mmePerDay: 0 }]);
  });
});

describe("acknowledging a lone weak red flag (decision record 0011)", () => {
  it("offers reasons only when exactly one flag is positive and it is weak alone", () => {
    assert.deepEqual(
      acknowledgementReasons(["no-improvement-1-month"])!.map((r) => r.id),
      ["long-standing-unchanged", "no-suspicion-on-examination", "physician-reviewed"],
    );
    assert.equal(acknowledgementReasons(["age-over-50-or-under-20", "no-improvement-1-month"]), null, "two weak flags together");
    for (const strong of RED_FLAGS.filter((flag) => !flag.weakAlone)) assert.equal(acknowledgementReasons([strong.id]), null, strong.id);
    assert.equal(acknowledgementReasons([]), null);
  });
  it("marks no cauda equina sign, and no fracture flag, as weak", () => {
    assert.deepEqual(
      RED_FLAGS.filter((flag) => flag.weakAlone).map((flag) => flag.id),
      ["age-over-50-or-under-20", "pain-worse-lying-night", "no-improvement-1-month"],
    );
  });
  it("needs a listed reason for that flag and the safety-net confirmed", () => {
    const lone = ["pain-worse-lying-night"];
    assert.equal(checkAcknowledgement(lone, { reasonId: "position-related-night-pain", safetyNetted: true }).ok, true);
    assert.equal(checkAcknowledgement(lone, { reasonId: "age-only", safetyNetted: true }).ok, false);
    assert.equal(checkAcknowledgement(lone, { reasonId: "position-related-night-pain", safetyNetted: false }).ok, false);
    const two = checkAcknowledgement(["age-over-50-or-under-20", "pain-worse-lying-night"], { reasonId: "age-only", safetyNetted: true });
    assert.equal(two.ok, false);
    assert.match(!two.ok ? two.message : "", /together they need a referral/);
  });
  it("says what raised each flag", () => {
    const screen = screenRedFlags({ ...allNo(), "long-term-steroids": true }, { ageYears: 17 });
    assert.equal(screen.outcome, "stop");
    assert.deepEqual(
      screen.outcome === "stop" && screen.raised.map((r) => r.raisedBy),
      ["Answered yes: Long-term corticosteroid use.", "Age 17 at the screen (under 20), worked out from the date of birth."],
    );
  });
});
