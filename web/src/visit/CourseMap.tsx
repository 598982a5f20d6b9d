/** A small back-view map of one visit's points, for the course list and the signed note. */
import { memo, useMemo } from "react";
import { MAP_VIEWS, viewsOf } from "../../../domain/points/maps/views.ts";
import type { NeedleSite } from "../../../domain/treatment/treatment.ts";
import { BodyMap } from "../atlas/BodyMap.tsx";

export const CourseMap = memo(function CourseMap({ sites }: { sites: readonly NeedleSite[] }) {
  const codes = useMemo(() => new Set(sites.flatMap((s) => (s.point ? [s.point] : []))), [sites]);
  // The view that shows most of the points: the back for most low-back treatments.
  const view = useMemo(() => {
    const counts = new Map<string, number>();
    for (const code of codes) for (const id of viewsOf(code)) if (!MAP_VIEWS.find((v) => v.id === id)?.detail) counts.set(id, (counts.get(id) ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "back";
    return MAP_VIEWS.find((v) => v.id === best)!;
  }, [codes]);
  return <BodyMap view={view} highlight={codes} highlightedOnly className="course-map" />;
});
