/**
 * NRS pain over time as an SVG line chart: the baseline, and the line below
 * which the change is clinically important (MCID), so "is this working?" can be
 * seen at a glance. Drawn by hand: no chart library to load on a cheap tablet.
 */
import { nrsMcidTarget, NRS_MAX, type PainScore } from "../../../domain/outcomes/painScore.ts";
import { daysBetween } from "../../../domain/shared/calendarDate.ts";

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 16, top: 16, bottom: 36 };

export function PainChart({ scores }: { scores: PainScore[] }) {
  if (scores.length === 0) return <p className="muted chart-empty">No pain scores yet. Record the first one below.</p>;
  const first = scores[0]!;
  const last = scores[scores.length - 1]!;
  const span = Math.max(1, daysBetween(first.recordedOn, last.recordedOn));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (date: PainScore["recordedOn"]) =>
    PAD.left + (scores.length === 1 ? plotW / 2 : (daysBetween(first.recordedOn, date) / span) * plotW);
  const y = (score: number) => PAD.top + plotH - (score / NRS_MAX) * plotH;
  const target = nrsMcidTarget(first.score);
  const path = scores.map((s, i) => `${i === 0 ? "M" : "L"}${x(s.recordedOn).toFixed(1)},${y(s.score).toFixed(1)}`).join(" ");
  const ticks = dateTicks(scores);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Pain scores from ${first.recordedOn} to ${last.recordedOn}`}>
        {[0, 2, 4, 6, 8, 10].map((value) => (
          <g key={value} className="grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} />
            <text x={PAD.left - 8} y={y(value) + 4} textAnchor="end">
              {value}
            </text>
          </g>
        ))}
        {target !== null && scores.length > 1 && (
          <g className="mcid">
            <rect x={PAD.left} width={plotW} y={y(target)} height={y(0) - y(target)} />
            <text x={WIDTH - PAD.right - 4} y={y(target) + 14} textAnchor="end">
              clinically important improvement
            </text>
          </g>
        )}
        <g className="baseline">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(first.score)} y2={y(first.score)} />
          <text x={PAD.left + 4} y={y(first.score) - 6}>
            baseline {first.score}
          </text>
        </g>
        {ticks.map((date) => (
          <text key={date} className="tick" x={x(date)} y={HEIGHT - 12} textAnchor="middle">
            {date.slice(5)}
          </text>
        ))}
        <path className="line" d={path} />
        {scores.map((score) => (
          <circle key={score.id} className="point" cx={x(score.recordedOn)} cy={y(score.score)} r={5} data-score={score.score}>
            <title>
              {score.recordedOn}: {score.score}/10{score.note ? ` — ${score.note}` : ""}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted small">
        NRS pain, 0 (none) to 10 (worst imaginable), by date. Shaded: at least 2 points or 30% below baseline, the
        minimal clinically important difference for low back pain (Ostelo et al., Spine 2008).
      </figcaption>
    </figure>
  );
}

/** At most six date labels, always the first and last. */
function dateTicks(scores: PainScore[]): PainScore["recordedOn"][] {
  const dates = [...new Set(scores.map((s) => s.recordedOn))];
  if (dates.length <= 6) return dates;
  const step = (dates.length - 1) / 5;
  return Array.from({ length: 6 }, (_, i) => dates[Math.round(i * step)]!);
}
