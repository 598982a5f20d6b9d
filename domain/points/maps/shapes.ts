/** Small helpers that turn outline points into SVG path data (pure string building). */
export type Point2 = readonly [number, number];

/** A closed smooth curve through the points (Catmull–Rom converted to cubic Béziers). */
export function smoothClosed(points: readonly Point2[]): string {
  const n = points.length;
  const at = (i: number) => points[(i + n) % n]!;
  let d = `M${at(0)[0]},${at(0)[1]}`;
  for (let i = 0; i < n; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1: Point2 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Point2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C${r(c1[0])},${r(c1[1])} ${r(c2[0])},${r(c2[1])} ${r(p2[0])},${r(p2[1])}`;
  }
  return `${d} Z`;
}

/** A right-half outline (x ≥ 50, top to bottom) mirrored into a whole symmetric outline. */
export function mirroredOutline(rightHalf: readonly Point2[], axis = 50): string {
  const leftHalf = [...rightHalf].reverse().map(([x, y]): Point2 => [2 * axis - x, y]);
  return smoothClosed([...rightHalf, ...leftHalf.slice(1, -1)]);
}

/** A finger or toe: a capsule from (x1, y1) to (x2, y2) of radius `w`. */
export function capsule(x1: number, y1: number, x2: number, y2: number, w: number): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const nx = (-dy / len) * w;
  const ny = (dx / len) * w;
  return `M${r(x1 + nx)},${r(y1 + ny)} L${r(x2 + nx)},${r(y2 + ny)} A${w},${w} 0 0 0 ${r(x2 - nx)},${r(y2 - ny)} L${r(x1 - nx)},${r(y1 - ny)} A${w},${w} 0 0 0 ${r(x1 + nx)},${r(y1 + ny)} Z`;
}

export function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx},${cy} A${rx},${ry} 0 1 0 ${cx + rx},${cy} A${rx},${ry} 0 1 0 ${cx - rx},${cy} Z`;
}

export function mirrorPath(points: readonly Point2[], width: number): Point2[] {
  return points.map(([x, y]) => [width - x, y]);
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
