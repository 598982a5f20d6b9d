/**
 * Chart layout: tick labels that name the year, ticks that never collide, and
 * margin labels that never cover a reading. The overlap case is the demo's
 * Maria Alvarez (pain 7 → 3 over eight weeks, tramadol tapered 40 → 30 → 20
 * MME/day), whose "clinically important improvement" label used to sit on the
 * plot across her opioid line.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { boxesIntersect, chooseTicks, niceCeiling, placeMarginLabels, textWidth, tickLabel, timeScale, type Box } from "./chartLayout.ts";
import { layoutOutcomeChart, POINT_RADIUS, type LayoutInput } from "./outcomeChartLayout.ts";

const d = (text: string) => text as CalendarDate;

describe("tick labels", () => {
  it("leave out this year's year and name any other", () => {
    assert.deepEqual(tickLabel(d("2026-03-04"), d("2026-11-20")), { date: "2026-03-04", day: "Mar 4", year: null });
    assert.deepEqual(tickLabel(d("2025-12-29"), d("2026-01-05")), { date: "2025-12-29", day: "Dec 29", year: "2025" });
    assert.deepEqual(tickLabel(d("2027-01-02"), d("2026-12-30")), { date: "2027-01-02", day: "Jan 2", year: "2027" });
  });
});

describe("choosing ticks", () => {
  const x = timeScale(d("2026-01-01"), d("2026-03-01"), 0, 300);
  it("keeps the first and the last, and only dates a label's width apart", () => {
    const dates = Array.from({ length: 60 }, (_, i) => addDays(d("2026-01-01"), i));
    const ticks = chooseTicks(dates, x, 50);
    assert.equal(ticks[0], "2026-01-01");
    assert.equal(ticks.at(-1), "2026-03-01");
    for (let i = 1; i < ticks.length; i++) assert.ok(x(ticks[i]!) - x(ticks[i - 1]!) >= 50, `${ticks[i - 1]} → ${ticks[i]}`);
    assert.ok(ticks.length >= 5, "uses the room there is");
  });
  it("drops a date bunched against the last one rather than overprint it", () => {
    assert.deepEqual(chooseTicks([d("2026-01-01"), d("2026-02-27"), d("2026-03-01")], x, 50), ["2026-01-01", "2026-03-01"]);
    assert.deepEqual(chooseTicks([d("2026-03-01"), d("2026-03-01")], x, 50), ["2026-03-01"]);
  });
});

describe("margin labels", () => {
  it("are pushed a line apart, in order, inside the panel", () => {
    // Roland-Morris baseline 3: the MCID target (2.1) is under a pixel line away from the baseline.
    const placed = placeMarginLabels(
      [
        { id: "baseline", text: "baseline", y: 150 },
        { id: "mcid", text: "MCID", y: 156 },
      ],
      18,
      10,
      200,
    );
    assert.deepEqual(placed.map((l) => l.id), ["baseline", "mcid"]);
    assert.ok(placed[1]!.y - placed[0]!.y >= 18);
    assert.equal(placed[0]!.y, 150, "the upper one stays where it was wanted");
  });
  it("move up when the bottom leaves no room", () => {
    const placed = placeMarginLabels(
      [
        { id: "a", text: "a", y: 195 },
        { id: "b", text: "b", y: 199 },
      ],
      18,
      10,
      200,
    );
    assert.equal(placed[1]!.y, 200);
    assert.equal(placed[0]!.y, 182);
  });
});

it("axis tops are round numbers at or above the highest value", () => {
  assert.deepEqual([40, 30, 20, 50, 51, 7, 0.3, 0].map(niceCeiling), [50, 50, 20, 50, 100, 10, 0.5, 1]);
});

/** Maria Alvarez as the demo draws her: weekly pain and visit scores, and her tramadol taper. */
function maria(width: number): LayoutInput {
  const today = d("2026-05-20");
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  const weekly = [7, 6, 6, 5, 4, 4, 3, 3].map((value, week) => ({ value, recordedOn: day((7 - week) * 7) }));
  const visits = [
    [20, 4, 2],
    [17, 4, 3],
    [13, 4, 2],
    [10, 3, 2],
    [6, 3, 2],
    [3, 3, 2],
  ].flatMap(([ago, before, after]) => [
    { value: before!, recordedOn: day(ago!) },
    { value: after!, recordedOn: day(ago!) },
  ]);
  const readings = [...weekly, ...visits].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn)).map((r, i) => ({ id: String(i), ...r }));
  return {
    width,
    scale: { max: 10, step: 2 },
    readings,
    target: 5, // 7 − min(2 points, 30% of 7)
    companion: [
      { from: day(49), value: 40 },
      { from: day(35), value: 30 },
      { from: day(14), value: 20 },
    ],
    visits: visits.map((v) => v.recordedOn),
    today,
    fontPx: 13,
  };
}

describe("an outcome chart with opioids alongside (Maria Alvarez)", () => {
  it("used to print the MCID label across her opioid line", () => {
    // The old chart: a 640 × 260 viewBox, plot 40–596 × 16–224, the label right-aligned at (592, y(5) + 14), the MME axis 0–50 on the same plot.
    const y = (v: number) => 224 - (v / 10) * 208;
    const label: Box = { left: 592 - textWidth("clinically important improvement", 12), right: 592, top: y(5) + 14 - 12, bottom: y(5) + 14 + 2 };
    const x = timeScale(maria(640).readings[0]!.recordedOn, d("2026-05-20"), 40, 596);
    const riser = x(d("2026-05-06")); // 30 → 20 MME/day two weeks ago
    const mmeY = (v: number) => 224 - (v / 50) * 208;
    assert.ok(boxesIntersect(label, { left: riser - 1, right: riser + 1, top: mmeY(30), bottom: mmeY(20) }));
  });

  for (const width of [340, 1000]) {
    it(`keeps every label off the readings and the opioids on their own panel at ${width} px`, () => {
      const layout = layoutOutcomeChart(maria(width));
      const pointBoxes = layout.points.map((p) => ({ left: p.x - POINT_RADIUS, right: p.x + POINT_RADIUS, top: p.y - POINT_RADIUS, bottom: p.y + POINT_RADIUS }));
      assert.deepEqual(layout.marginLabels.map((l) => l.id), ["baseline", "mcid"], "baseline above the band it is the top of");
      for (const label of layout.marginLabels) {
        for (const point of pointBoxes) assert.ok(!boxesIntersect(label.box, point), `${label.id} covers a reading`);
        assert.ok(label.box.left > layout.plot.right + POINT_RADIUS, `${label.id} is in the margin, clear of the line`);
        assert.ok(label.box.right <= width, `${label.id} fits`);
      }
      const [a, b] = layout.marginLabels;
      assert.ok(!boxesIntersect(a!.box, b!.box), "the two labels do not cover each other");
      const panel = layout.companion!;
      assert.ok(panel.plot.top > layout.plot.bottom + 12, "the MME panel is below the pain panel, clear of the visit marks");
      assert.ok(panel.points.every((p) => p.y >= panel.plot.top && p.y <= panel.plot.bottom));
      assert.deepEqual(panel.grid.map((g) => g.value), [0, 25, 50]);
      assert.ok(layout.tickY > panel.plot.bottom, "one time axis, under both panels");
      for (let i = 1; i < layout.ticks.length; i++) {
        const gap = layout.ticks[i]!.x - layout.ticks[i - 1]!.x;
        assert.ok(gap >= textWidth(layout.ticks[i]!.label.day, 13), `ticks ${i - 1} and ${i} do not overprint`);
      }
      assert.ok(layout.ticks.every((t) => t.label.year === null), "all this year");
    });
  }

  it("names the year on the time axis when the course began last year", () => {
    const input = maria(340);
    const layout = layoutOutcomeChart({ ...input, today: d("2027-01-10") });
    assert.ok(layout.ticks.every((t) => t.label.year === "2026"));
    assert.ok(layout.height > layoutOutcomeChart(input).height, "room for the year line");
  });
});
