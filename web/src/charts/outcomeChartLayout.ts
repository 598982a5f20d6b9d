/**
 * Where everything in an outcome chart goes, in CSS pixels at the chart's real
 * width: the measure's panel (readings, baseline, the band of clinically
 * important improvement), an optional panel below it for a second series on
 * its own scale (opioid MME/day), sharing the time axis at the bottom. Labels
 * for the baseline and the band sit in the right-hand margin, outside the
 * plotted area, so no label ever covers a reading or a line.
 */
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { chooseTicks, niceCeiling, placeMarginLabels, textWidth, tickLabel, timeScale, type Box, type MarginLabel, type TickLabel } from "./chartLayout.ts";

export interface LayoutInput {
  /** The chart's width in CSS pixels. */
  width: number;
  /** The measure's axis: 0 to max, a grid line every step. */
  scale: { max: number; step: number };
  /** Oldest first. */
  readings: readonly { id: string; value: number; recordedOn: CalendarDate }[];
  /** The value at or below which the change from baseline is clinically important; null draws no band. */
  target: number | null;
  /** A second series drawn as steps on its own panel (MME/day); null or all zero: no panel. */
  companion: readonly { from: CalendarDate; value: number }[] | null;
  visits: readonly CalendarDate[];
  today: CalendarDate;
  fontPx: number;
}

export interface PlacedLabel extends MarginLabel {
  x: number;
  box: Box;
}

export interface CompanionPanel {
  plot: Box;
  titleY: number;
  grid: { value: number; y: number }[];
  path: string;
  area: string;
  points: { from: CalendarDate; value: number; x: number; y: number }[];
}

export interface OutcomeChartLayout {
  width: number;
  height: number;
  plot: Box;
  titleY: number;
  grid: { value: number; y: number }[];
  points: { id: string; value: number; recordedOn: CalendarDate; x: number; y: number }[];
  line: string;
  band: { top: number; bottom: number } | null;
  baselineY: number;
  marginLabels: PlacedLabel[];
  visitMarks: { date: CalendarDate; x: number; y: number }[];
  ticks: { label: TickLabel; x: number }[];
  tickY: number;
  companion: CompanionPanel | null;
}

export const POINT_RADIUS = 5;
/** The panel for the second series: small, since it is read for its steps, not its exact values. */
const COMPANION_HEIGHT = 64;

export function layoutOutcomeChart(input: LayoutInput): OutcomeChartLayout {
  const { width, scale, readings, target, fontPx } = input;
  const lineHeight = Math.round(fontPx * 1.35);
  const companionTop = niceCeiling(Math.max(0, ...(input.companion ?? []).map((s) => s.value)));
  const hasCompanion = (input.companion ?? []).some((s) => s.value > 0);
  const axisLabels = [String(scale.max), ...(hasCompanion ? [String(companionTop)] : [])];
  const left = Math.ceil(Math.max(...axisLabels.map((t) => textWidth(t, fontPx)))) + 10;
  const right = width - Math.ceil(textWidth("baseline", fontPx)) - 14;
  // Taller on a wide screen, but the panel stays readable at phone width.
  const plotHeight = width < 520 ? 170 : 210;
  const titleY = lineHeight - 2;
  const plot: Box = { left, right, top: titleY + 10, bottom: titleY + 10 + plotHeight };
  const first = readings[0]!;
  const last = readings[readings.length - 1]!;
  const x = timeScale(first.recordedOn, last.recordedOn, plot.left, plot.right);
  const y = (value: number) => plot.bottom - (value / scale.max) * plotHeight;

  const points = readings.map((r) => ({ id: r.id, value: r.value, recordedOn: r.recordedOn, x: x(r.recordedOn), y: y(r.value) }));
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const grid = Array.from({ length: Math.floor(scale.max / scale.step) + 1 }, (_, i) => ({ value: i * scale.step, y: y(i * scale.step) }));
  const band = target !== null && readings.length > 1 ? { top: y(target), bottom: plot.bottom } : null;
  const baselineY = y(first.value);

  const wanted: MarginLabel[] = [{ id: "baseline", text: "baseline", y: baselineY }, ...(band ? [{ id: "mcid", text: "MCID", y: band.top }] : [])];
  const marginX = plot.right + POINT_RADIUS + 6;
  const marginLabels = placeMarginLabels(wanted, lineHeight, plot.top + lineHeight / 2, plot.bottom - lineHeight / 2).map((label) => ({
    ...label,
    x: marginX,
    box: { left: marginX, right: marginX + textWidth(label.text, fontPx), top: label.y - lineHeight / 2, bottom: label.y + lineHeight / 2 },
  }));

  const visitMarks = input.visits
    .filter((date) => date >= first.recordedOn && date <= last.recordedOn)
    .map((date) => ({ date, x: x(date), y: plot.bottom }));

  let bottom = plot.bottom + 12; // room for the visit triangles under the plot
  let companion: CompanionPanel | null = null;
  if (hasCompanion) {
    const panelTitleY = bottom + lineHeight + 4;
    const panel: Box = { left, right, top: panelTitleY + 10, bottom: panelTitleY + 10 + COMPANION_HEIGHT };
    const cy = (value: number) => panel.bottom - (value / companionTop) * COMPANION_HEIGHT;
    const steps = input.companion!.map((s) => ({ ...s, from: s.from < first.recordedOn ? first.recordedOn : s.from }));
    const runs = steps.map((step, i) => ({ step, start: x(step.from), end: x(steps[i + 1]?.from ?? last.recordedOn) }));
    const path = runs.map(({ step, start, end }, i) => `${i === 0 ? "M" : "L"}${start.toFixed(1)},${cy(step.value).toFixed(1)} H${end.toFixed(1)}`).join(" ");
    const area = `${path} V${panel.bottom.toFixed(1)} H${(runs[0]?.start ?? panel.left).toFixed(1)} Z`;
    companion = {
      plot: panel,
      titleY: panelTitleY,
      grid: [0, companionTop / 2, companionTop].map((value) => ({ value, y: cy(value) })),
      path,
      area,
      points: steps.map((s) => ({ from: s.from, value: s.value, x: x(s.from), y: cy(s.value) })),
    };
    bottom = panel.bottom;
  }

  // Dates under the last panel; the year goes on a second line, so a tick is never wider than "Sep 30".
  const tickSpacing = textWidth("Sep 30", fontPx) + 12;
  const ticks = chooseTicks(
    readings.map((r) => r.recordedOn),
    x,
    tickSpacing,
  ).map((date) => ({ label: tickLabel(date, input.today), x: x(date) }));
  const tickY = bottom + lineHeight + 2;
  const height = tickY + (ticks.some((t) => t.label.year) ? lineHeight : 0) + 6;
  return { width, height, plot, titleY, grid, points, line, band, baselineY, marginLabels, visitMarks, ticks, tickY, companion };
}
