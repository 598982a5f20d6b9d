/**
 * Results drawn around the searched place by compass bearing and distance:
 * a plain SVG, so the page calls no tile server (the CSP allows none) and
 * works offline. Numbers match the list.
 */
import type { DirectoryResult } from "./types.ts";

const SIZE = 320;
const C = SIZE / 2;
const R = C - 18;

export function DistanceMap({ results, radiusMiles, first }: { results: DirectoryResult[]; radiusMiles: number; first: number }) {
  const rings = [0.25, 0.5, 1];
  return (
    <figure className="distance-map">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Map of ${results.length} results within ${radiusMiles} miles, by direction and distance`}>
        {rings.map((f) => (
          <g key={f} className="ring">
            <circle cx={C} cy={C} r={R * f} />
            <text x={C + 3} y={C - R * f + 12}>
              {Math.round(radiusMiles * f * 10) / 10} mi
            </text>
          </g>
        ))}
        <text className="compass" x={C} y={12} textAnchor="middle">
          N
        </text>
        <circle className="centre" cx={C} cy={C} r={5} />
        {results.map((r, i) => {
          const d = (Math.min(r.miles, radiusMiles) / radiusMiles) * R;
          const a = (r.bearing * Math.PI) / 180;
          const x = C + d * Math.sin(a);
          const y = C - d * Math.cos(a);
          return (
            <a key={r.npi} href={`#provider-${r.npi}`} aria-label={`${first + i}. ${r.name}, ${r.miles} miles`}>
              <circle className={r.locationApproximate ? "provider approximate" : "provider"} cx={x} cy={y} r={9} data-npi={r.npi} />
              <text className="provider-number" x={x} y={y + 4} textAnchor="middle">
                {first + i}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption className="muted small">You are at the centre; north is up. Hollow circles: location approximate (ZIP area only).</figcaption>
    </figure>
  );
}
