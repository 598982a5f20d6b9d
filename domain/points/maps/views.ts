/**
 * The map views and where each point lies on them. Positions are data
 * (domain/points/content/positions.json, normalised 0–1 per view), generated from
 * a landmark model by scripts/atlas/positions/build.ts.
 */
import positionData from "../content/positions.json" with { type: "json" };
import { FIGURES, type Figure } from "./figures.ts";
import { VIEW_IDS, VIEW_META, type ViewId } from "./viewIds.ts";

export { VIEW_IDS, type ViewId };

export interface MapView {
  id: ViewId;
  label: string;
  /** Size in the figure's units; positions are fractions of these. */
  width: number;
  height: number;
  figure: Figure;
  /** Full-body views are shown first; details on demand. */
  detail: boolean;
}

export const MAP_VIEWS: MapView[] = VIEW_IDS.map((id) => ({
  id,
  ...VIEW_META[id],
  figure: FIGURES[id],
  detail: !["front", "back", "left", "right"].includes(id),
}));

export type NormalisedPosition = readonly [number, number];
const POSITIONS = positionData as unknown as Record<string, Partial<Record<ViewId, NormalisedPosition[]>>>;

/** Where a point lies on each view it appears on (both sides for bilateral points). */
export function positionsOf(code: string): Partial<Record<ViewId, NormalisedPosition[]>> {
  return POSITIONS[code] ?? {};
}

/** The views a point appears on, full-body views first. */
export function viewsOf(code: string): ViewId[] {
  const placed = positionsOf(code);
  return VIEW_IDS.filter((view) => placed[view]?.length);
}
