/**
 * One map view as SVG: the figure, every point placed on it, a highlighted
 * set, and optionally a channel's path. Clicking a point picks it. Positions
 * come from data (domain/points/maps), never from this component.
 */
import { memo } from "react";
import { ATLAS } from "../../../domain/points/atlas.ts";
import { positionsOf, type MapView } from "../../../domain/points/maps/views.ts";
import type { MeridianCode } from "../../../domain/points/types.ts";

interface Props {
  view: MapView;
  /** Points drawn larger and coloured (search results, a treatment's points). */
  highlight?: ReadonlySet<string>;
  /** The point in focus, drawn largest. */
  selected?: string | undefined;
  /** Draw this channel's path through its points in order. */
  channel?: MeridianCode | undefined;
  onPick?: (code: string) => void;
  /** Show only highlighted points (a small map on a point's page). */
  highlightedOnly?: boolean;
  className?: string;
}

interface Dot {
  code: string;
  /** The group a level belongs to (EX-B2 for each Huatuojiaji level): highlighting the group lights its levels. */
  group: string | undefined;
  x: number;
  y: number;
}

/** Every point's positions on every view, computed once. */
const DOTS_BY_VIEW = new Map<string, Dot[]>();
function dotsOn(view: MapView): Dot[] {
  let dots = DOTS_BY_VIEW.get(view.id);
  if (!dots) {
    // A group (EX-B2) is drawn through its levels, not as extra dots of its own.
    const groups = new Set(ATLAS.points.flatMap((point) => (point.group ? [point.group.code] : [])));
    dots = ATLAS.points
      .filter((point) => !groups.has(point.code))
      .flatMap((point) =>
        (positionsOf(point.code)[view.id] ?? []).map(([x, y]) => ({
          code: point.code,
          group: point.group?.code,
          x: x * view.width,
          y: y * view.height,
        })),
      );
    DOTS_BY_VIEW.set(view.id, dots);
  }
  return dots;
}

/** The channel's path on this view: its points in order, on the viewer's right side of the figure. */
function channelPath(view: MapView, channel: MeridianCode): string {
  const segments: string[] = [];
  let current: string[] = [];
  for (const point of ATLAS.channel(channel)) {
    const positions = positionsOf(point.code)[view.id];
    if (!positions?.length) {
      if (current.length > 1) segments.push(current.join(" "));
      current = [];
      continue;
    }
    const [x, y] = positions.reduce((a, b) => (b[0] > a[0] ? b : a));
    current.push(`${current.length ? "L" : "M"}${(x * view.width).toFixed(2)},${(y * view.height).toFixed(2)}`);
  }
  if (current.length > 1) segments.push(current.join(" "));
  return segments.join(" ");
}

export const BodyMap = memo(function BodyMap({ view, highlight, selected, channel, onPick, highlightedOnly, className }: Props) {
  const scale = view.width / 100;
  const radius = (view.detail ? 1.9 : 0.75) * scale;
  const dots = dotsOn(view);
  const stateOf = (dot: Dot): "plain" | "highlighted" | "selected" =>
    dot.code === selected || (dot.group !== undefined && dot.group === selected)
      ? "selected"
      : highlight?.has(dot.code) || (dot.group !== undefined && highlight?.has(dot.group))
        ? "highlighted"
        : "plain";
  const rank = { plain: 0, highlighted: 1, selected: 2 } as const;
  const shown = highlightedOnly ? dots.filter((dot) => stateOf(dot) !== "plain") : dots;
  // Draw highlighted points last so they sit on top.
  const ordered = shown.map((dot) => ({ dot, state: stateOf(dot) })).sort((a, b) => rank[a.state] - rank[b.state]);
  return (
    <svg
      className={`body-map ${className ?? ""}`}
      viewBox={`0 0 ${view.width} ${view.height}`}
      role="img"
      aria-label={`${view.label} view${selected ? `, ${selected} marked` : ""}`}
      data-view={view.id}
    >
      {view.figure.body.map((d, i) => (
        <path key={`b${i}`} className="figure" d={d} />
      ))}
      {view.figure.detail.map((d, i) => (
        <path key={`d${i}`} className="figure-detail" d={d} />
      ))}
      {channel && <path className="channel-path" d={channelPath(view, channel)} />}
      {ordered.map(({ dot, state }, i) => {
        const r = state === "selected" ? radius * 2.2 : state === "highlighted" ? radius * 1.6 : radius;
        return (
          <circle
            key={`${dot.code}-${i}`}
            className={`point ${state}`}
            cx={dot.x}
            cy={dot.y}
            r={r}
            data-code={dot.code}
            onClick={onPick ? () => onPick(dot.code) : undefined}
          >
            <title>{pointTitle(dot.code)}</title>
          </circle>
        );
      })}
    </svg>
  );
});

function pointTitle(code: string): string {
  const point = ATLAS.resolve(code);
  return point ? `${point.code} ${point.pinyin} — ${point.english}` : code;
}
