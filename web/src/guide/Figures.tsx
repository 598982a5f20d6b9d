/** The guide's pictures, drawn from the figure data as SVG, each with its text alternative from the same numbers. */
import { FIGURES, figureAlt, outOf100, type EffectSizeFigure, type FigureId, type ResponderFigure } from "../../../domain/evidence/figures.ts";

const COLOURS = ["#1f5f5b", "#6b7f7c", "#a4561a"];
/** One colour per kind of group, the same in every figure: needles, sham, usual care. */
function colourOf(arm: string, index: number): string {
  if (/usual care/i.test(arm)) return COLOURS[2]!;
  if (/sham/i.test(arm)) return COLOURS[1]!;
  return COLOURS[index === 0 ? 0 : index % COLOURS.length]!;
}
/** Drawn at a fixed scale (1.5 px per unit) and shrunk to fit a phone, so every figure's text is the same size. */
const SCALE = 1.5;

export function Figure({ id }: { id: FigureId }) {
  const figure: ResponderFigure | EffectSizeFigure = FIGURES[id];
  return (
    <figure className="guide-figure">
      {figure.kind === "responders" ? <PeopleIcons figure={figure} alt={figureAlt(id)} /> : <EffectBars figure={figure} alt={figureAlt(id)} />}
      <figcaption>{figure.title}{figure.kind === "responders" ? ` (helped: ${figure.measure})` : ""}.</figcaption>
    </figure>
  );
}

/** One row of 100 people per group (10 × 10), the helped ones filled. */
function PeopleIcons({ figure, alt }: { figure: ResponderFigure; alt: string }) {
  const size = 10;
  const gap = 2;
  const block = 10 * (size + gap);
  const width = figure.arms.length * (block + 24);
  return (
    <svg role="img" aria-label={alt} viewBox={`0 0 ${width} ${block + 44}`} width={width * SCALE} className="people-icons">
      {figure.arms.map((arm, a) => {
        const helped = outOf100(arm.percent);
        const x0 = a * (block + 24) + 12;
        const colour = colourOf(arm.arm, a);
        return (
          <g key={arm.arm}>
            {Array.from({ length: 100 }, (_, i) => {
              const row = Math.floor(i / 10);
              const col = i % 10;
              const filled = i < helped;
              return (
                <circle
                  key={i}
                  cx={x0 + col * (size + gap) + size / 2}
                  cy={(9 - row) * (size + gap) + size / 2}
                  r={size / 2 - 0.5}
                  fill={filled ? colour : "none"}
                  stroke={colour}
                  strokeWidth={1}
                />
              );
            })}
            <text x={x0 + block / 2} y={block + 16} textAnchor="middle" className="fig-label">
              {arm.arm}
            </text>
            <text x={x0 + block / 2} y={block + 34} textAnchor="middle" className="fig-value">
              {helped} in 100
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function EffectBars({ figure, alt }: { figure: EffectSizeFigure; alt: string }) {
  const max = 0.8;
  const width = 320;
  const left = 160;
  const scale = (v: number) => left + (v / max) * (width - left - 20);
  return (
    <svg role="img" aria-label={alt} viewBox={`0 0 ${width} ${figure.rows.length * 40 + 36}`} width={width * SCALE} className="effect-bars">
      {figure.rows.map((row, i) => (
        <g key={row.label}>
          <text x={0} y={i * 40 + 22} className="fig-label">
            {row.label}
          </text>
          <rect x={left} y={i * 40 + 8} width={scale(row.sd) - left} height={20} fill={COLOURS[0]} />
          <line x1={scale(row.low)} x2={scale(row.high)} y1={i * 40 + 18} y2={i * 40 + 18} stroke="#1d2a2a" strokeWidth={2} />
          <text x={scale(row.high) + 4} y={i * 40 + 22} className="fig-value">
            {row.sd}
          </text>
        </g>
      ))}
      {[0, 0.2, 0.5, 0.8].map((tick) => (
        <text key={tick} x={scale(tick)} y={figure.rows.length * 40 + 24} textAnchor="middle" className="fig-tick">
          {tick === 0.2 ? "0.2 small" : tick === 0.5 ? "0.5 medium" : tick}
        </text>
      ))}
    </svg>
  );
}
