/**
 * An outcome measure over time as an SVG line chart: the baseline, and the band
 * below which the change is clinically important (MCID, clinical-facts §4), so
 * "is this working?" can be seen at a glance. Lower is better on every measure
 * charted here. Drawn by hand: no chart library to load on a cheap tablet.
 */
import { MCID, mcidTarget, type Measure } from "../../../domain/outcomes/trajectory.ts";
import { daysBetween, type CalendarDate } from "../../../domain/shared/calendarDate.ts";

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 44, top: 16, bottom: 36 };

export interface ChartReading {
  id: string;
  value: number;
  recordedOn: CalendarDate;
  note?: string | null;
}

const SCALES: Record<Measure, { max: number; step: number; name: string; unit: string }> = {
  nrs: { max: 10, step: 2, name: "NRS pain, 0 (none) to 10 (worst imaginable)", unit: "/10" },
  odi: { max: 100, step: 20, name: "Oswestry Disability Index, 0–100%", unit: "%" },
  rmdq: { max: 24, step: 4, name: "Roland-Morris, 0–24 statements", unit: "/24" },
};

/** A second series drawn as steps against its own axis on the right (e.g. opioid MME/day beside pain). */
export interface CompanionSeries {
  name: string;
  unit: string;
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
  alongside?: CompanionSeries;
  /** Days of signed visits, marked along the bottom so change can be read against treatment. */
  visits?: readonly CalendarDate[];
}) {
  if (readings.length === 0) return <p className="muted chart-empty">{empty}</p>;
  const scale = SCALES[measure];
  const first = readings[0]!;
  const last = readings[readings.length - 1]!;
  const span = Math.max(1, daysBetween(first.recordedOn, last.recordedOn));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (date: CalendarDate) => PAD.left + (readings.length === 1 ? plotW / 2 : (daysBetween(first.recordedOn, date) / span) * plotW);
  const y = (value: number) => PAD.top + plotH - (value / scale.max) * plotH;
  const target = mcidTarget(measure, first.value);
  const path = readings.map((r, i) => `${i === 0 ? "M" : "L"}${x(r.recordedOn).toFixed(1)},${y(r.value).toFixed(1)}`).join(" ");
  const grid = Array.from({ length: scale.max / scale.step + 1 }, (_, i) => i * scale.step);
  const mcid = MCID[measure];

  return (
    <figure className="chart" data-measure={measure}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${scale.name} from ${first.recordedOn} to ${last.recordedOn}`}>
        {grid.map((value) => (
          <g key={value} className="grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} />
            <text x={PAD.left - 8} y={y(value) + 4} textAnchor="end">
              {value}
            </text>
          </g>
        ))}
        {target !== null && readings.length > 1 && (
          <g className="mcid">
            <rect x={PAD.left} width={plotW} y={y(target)} height={y(0) - y(target)} />
            <text x={WIDTH - PAD.right - 4} y={y(target) + 14} textAnchor="end">
              clinically important improvement
            </text>
          </g>
        )}
        <g className="baseline">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(first.value)} y2={y(first.value)} />
          <text x={PAD.left + 4} y={y(first.value) - 6}>
            baseline {first.value}
          </text>
        </g>
        {dateTicks(readings).map((date) => (
          <text key={date} className="tick" x={x(date)} y={HEIGHT - 12} textAnchor="middle">
            {date.slice(5)}
          </text>
        ))}
        {visits
          .filter((date) => date >= first.recordedOn && date <= last.recordedOn)
          .map((date) => (
            <path key={`visit-${date}`} className="visit-mark" d={`M${x(date).toFixed(1)},${(PAD.top + plotH).toFixed(1)} l-4,8 h8 z`}>
              <title>Visit {date}</title>
            </path>
          ))}
        {alongside && <CompanionSteps series={alongside} x={x} first={first.recordedOn} last={last.recordedOn} plotH={plotH} />}
        <path className="line" d={path} />
        {readings.map((reading) => (
          <circle key={reading.id} className="point" cx={x(reading.recordedOn)} cy={y(reading.value)} r={5} data-value={reading.value}>
            <title>
              {reading.recordedOn}: {reading.value}
              {scale.unit}
              {reading.note ? ` — ${reading.note}` : ""}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted small">
        {scale.name}, by date. Shaded: at least {mcid.points} points or {mcid.percent}% below baseline, the minimal clinically
        important difference for low back pain ({mcid.source}).
        {alongside && ` Dashed, right-hand axis: ${alongside.name} (${alongside.unit}).`}
        {visits.length > 0 && " Triangles: acupuncture visits."}
      </figcaption>
    </figure>
  );
}

/** At most six date labels, always the first and last. */
function dateTicks(readings: ChartReading[]): CalendarDate[] {
  const dates = [...new Set(readings.map((r) => r.recordedOn))];
  if (dates.length <= 6) return dates;
  const step = (dates.length - 1) / 5;
  return Array.from({ length: 6 }, (_, i) => dates[Math.round(i * step)]!);
}

/** The companion series as a dashed step line; its axis runs from 0 to a round number above its highest value. */
function CompanionSteps({
  series,
  x,
  first,
  last,
  plotH,
}: {
  series: CompanionSeries;
  x: (date: CalendarDate) => number;
  first: CalendarDate;
  last: CalendarDate;
  plotH: number;
}) {
  const highest = Math.max(0, ...series.steps.map((s) => s.value));
  if (highest === 0) return null;
  const top = niceCeiling(highest);
  const y = (value: number) => PAD.top + plotH - (value / top) * plotH;
  const right = WIDTH - PAD.right;
  // One horizontal run per step, up to the next step (or the last reading), joined by vertical risers.
  const d = series.steps
    .map((step, i) => {
      const start = x(step.from < first ? first : step.from);
      const end = x(series.steps[i + 1]?.from ?? last);
      return `${i === 0 ? "M" : "L"}${start.toFixed(1)},${y(step.value).toFixed(1)} H${end.toFixed(1)}`;
    })
    .join(" ");
  return (
    <g className="companion" data-series={series.name}>
      {[0, top / 2, top].map((value) => (
        <text key={value} x={right + 6} y={y(value) + 4}>
          {value}
        </text>
      ))}
      <path d={d} />
      {series.steps.map((step) => (
        <circle key={step.from} cx={x(step.from < first ? first : step.from)} cy={y(step.value)} r={3}>
          <title>
            {step.from < first ? first : step.from}: {step.value} {series.unit}
          </title>
        </circle>
      ))}
    </g>
  );
}

/** 1, 2 or 5 times a power of ten, at or above the value. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value)!;
}
