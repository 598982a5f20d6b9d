/**
 * An outcome measure over time: the baseline, and the band below which the
 * change is clinically important (MCID, clinical-facts §4), so "is this
 * working?" can be seen at a glance. Lower is better on every measure charted
 * here. A second series with another unit (opioid MME/day) gets its own small
 * panel and axis below, on the same time axis, so the two are never read as
 * one scale. Drawn by hand at the chart's real width (text stays 13 px on a
 * phone); no chart library to load on a cheap tablet.
 */
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { useId } from "react";
import { MCID, mcidTarget, type Measure } from "../../../domain/outcomes/trajectory.ts";
import { calendarDateOf, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { layoutOutcomeChart, POINT_RADIUS, type OutcomeChartLayout } from "./outcomeChartLayout.ts";
import { useMeasuredWidth } from "./useMeasuredWidth.ts";
import "./charts.css";

/** Chart text in CSS pixels; charts.css sets the same size. */
const FONT_PX = 13;

export interface ChartReading {
  id: string;
  value: number;
  recordedOn: CalendarDate;
  note?: string | null;
}

const SCALES: Record<Measure, { max: number; step: number; name: string; axis: string; unit: string }> = {
  nrs: { max: 10, step: 2, name: "NRS pain, 0 (none) to 10 (worst imaginable)", axis: "Pain, NRS 0–10", unit: "/10" },
  odi: { max: 100, step: 20, name: "Oswestry Disability Index, 0–100%", axis: "Oswestry, %", unit: "%" },
  rmdq: { max: 24, step: 4, name: "Roland-Morris, 0–24 statements", axis: "Roland-Morris, 0–24", unit: "/24" },
};

/** A second series with its own unit, drawn as steps on its own panel (e.g. opioid MME/day under pain). */
export interface CompanionSeries {
  name: string;
  unit: string;
  /** Where the values come from, for the legend. */
  source?: string;
  steps: { from: CalendarDate; value: number }[];
}

export function MeasureChart({
  measure,
  readings,
  empty,
  alongside,
  visits = [],
}: {
  measure: Measure;
  readings: ChartReading[];
  empty: string;
  alongside?: CompanionSeries | undefined;
  /** Days of signed visits, marked along the bottom so change can be read against treatment. */
  visits?: readonly CalendarDate[] | undefined;
}) {
  if (readings.length === 0) return <p className="muted chart-empty">{empty}</p>;
  return <ChartFigure measure={measure} readings={readings} alongside={alongside} visits={visits} />;
}

function ChartFigure({ measure, readings, alongside, visits }: { measure: Measure; readings: ChartReading[]; alongside: CompanionSeries | undefined; visits: readonly CalendarDate[] }) {
  const [frame, width] = useMeasuredWidth<HTMLDivElement>();
  const scale = SCALES[measure];
  const mcid = MCID[measure];
  const first = readings[0]!;
  const last = readings[readings.length - 1]!;
  const companion = alongside && alongside.steps.some((s) => s.value > 0) ? alongside : undefined;
  return (
    <figure className="chart" data-measure={measure}>
      <div ref={frame} className="chart-frame">
        {width !== null && width > 0 && (
          <ChartSvg
            measure={measure}
            readings={readings}
            companion={companion}
            layout={layoutOutcomeChart({
              width,
              scale,
              readings,
              target: mcidTarget(measure, first.value),
              companion: companion?.steps ?? null,
              visits,
              today: calendarDateOf(new Date()),
              fontPx: FONT_PX,
            })}
          />
        )}
      </div>
      <figcaption className="small">
        <ul className="chart-legend">
          <li>
            <span className="key key-line" aria-hidden="true" /> {scale.name}
          </li>
          <li>
            <span className="key key-baseline" aria-hidden="true" /> baseline: the first reading, {first.value} on {formatDate(first.recordedOn)}
          </li>
          {readings.length > 1 && mcidTarget(measure, first.value) !== null && (
            <li>
              <span className="key key-mcid" aria-hidden="true" /> MCID, shaded: a clinically important improvement, at least {mcid.points} points or {mcid.percent}% below
              baseline ({mcid.source})
            </li>
          )}
          {companion && (
            <li>
              <span className="key key-companion" aria-hidden="true" /> lower panel, on its own scale: {companion.name.toLowerCase()} in {companion.unit}
              {companion.source && ` (${companion.source})`}
            </li>
          )}
          {visits.some((date) => date >= first.recordedOn && date <= last.recordedOn) && (
            <li>
              <span className="key key-visit" aria-hidden="true" /> acupuncture visit
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

function ChartSvg({ measure, readings, companion, layout }: { measure: Measure; readings: ChartReading[]; companion: CompanionSeries | undefined; layout: OutcomeChartLayout }) {
  const id = useId();
  const scale = SCALES[measure];
  const { plot } = layout;
  const first = readings[0]!;
  const last = readings[readings.length - 1]!;
  const lastStep = companion?.steps.at(-1);
  return (
    <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{`${scale.name}, ${formatDate(first.recordedOn)} to ${formatDate(last.recordedOn)}`}</title>
      <desc id={`${id}-desc`}>
        {`${readings.length} reading${readings.length === 1 ? "" : "s"}: baseline ${first.value}${scale.unit}, latest ${last.value}${scale.unit}.`}
        {companion && lastStep ? ` Below, on its own scale: ${companion.name}, ${lastStep.value} ${companion.unit} at the end.` : ""}
      </desc>
      <g className="panel measure-panel" data-panel="measure">
        <text className="axis-title" x={plot.left} y={layout.titleY}>
          {scale.axis}
        </text>
        {layout.band && <rect className="mcid-band" x={plot.left} width={plot.right - plot.left} y={layout.band.top} height={layout.band.bottom - layout.band.top} />}
        {layout.grid.map((g) => (
          <g key={g.value} className="grid">
            <line x1={plot.left} x2={plot.right} y1={g.y} y2={g.y} />
            <text x={plot.left - 8} y={g.y} dominantBaseline="middle" textAnchor="end">
              {g.value}
            </text>
          </g>
        ))}
        <line className="baseline" x1={plot.left} x2={plot.right} y1={layout.baselineY} y2={layout.baselineY} />
        {layout.visitMarks.map((mark) => (
          <path key={`visit-${mark.date}`} className="visit-mark" d={`M${mark.x.toFixed(1)},${(mark.y + 1).toFixed(1)} l-4,8 h8 z`}>
            <title>Visit {formatDate(mark.date)}</title>
          </path>
        ))}
        <path className="line" d={layout.line} />
        {layout.points.map((p, i) => (
          <circle key={p.id} className="point" cx={p.x} cy={p.y} r={POINT_RADIUS} data-value={p.value}>
            <title>
              {formatDate(p.recordedOn)}: {p.value}
              {scale.unit}
              {readings[i]?.note ? ` — ${readings[i]!.note}` : ""}
            </title>
          </circle>
        ))}
      </g>
      {layout.marginLabels.map((label) => (
        <text key={label.id} className={`margin-label margin-${label.id}`} data-label={label.id} x={label.x} y={label.y} dominantBaseline="middle">
          {label.text}
        </text>
      ))}
      {layout.companion && companion && (
        <g className="panel companion-panel" data-panel="companion" data-series={companion.name}>
          <text className="axis-title" x={layout.companion.plot.left} y={layout.companion.titleY}>
            {companion.name}, {companion.unit}
          </text>
          {layout.companion.grid.map((g) => (
            <g key={g.value} className="grid">
              <line x1={layout.companion!.plot.left} x2={layout.companion!.plot.right} y1={g.y} y2={g.y} />
              <text x={layout.companion!.plot.left - 8} y={g.y} dominantBaseline="middle" textAnchor="end">
                {g.value}
              </text>
            </g>
          ))}
          <path className="companion-area" d={layout.companion.area} />
          <path className="companion-line" d={layout.companion.path} />
          {layout.companion.points.map((p) => (
            <circle key={p.from} className="companion-point" cx={p.x} cy={p.y} r={3.5}>
              <title>
                {p.from}: {p.value} {companion.unit}
              </title>
            </circle>
          ))}
        </g>
      )}
      <g className="time-axis">
        {layout.ticks.map((tick) => (
          <text key={tick.label.date} className="tick" x={tick.x} y={layout.tickY} textAnchor="middle">
            <tspan x={tick.x}>{tick.label.day}</tspan>
            {tick.label.year && (
              <tspan x={tick.x} dy="1.3em">
                {tick.label.year}
              </tspan>
            )}
          </text>
        ))}
      </g>
    </svg>
  );
}
