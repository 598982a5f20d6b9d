/** A body map with tabs for every view; the views where the highlighted points lie are offered first. */
import { useMemo, useState } from "react";
import { MAP_VIEWS, viewsOf, type ViewId } from "../../../domain/points/maps/views.ts";
import type { MeridianCode } from "../../../domain/points/types.ts";
import { BodyMap } from "./BodyMap.tsx";

export function MapPanel(props: {
  highlight: ReadonlySet<string>;
  selected?: string | undefined;
  channel?: MeridianCode | undefined;
  onPick: (code: string) => void;
  initialView?: ViewId | undefined;
  /** What a click does, said under the map. */
  hint?: string;
}) {
  const { highlight, selected } = props;
  const relevant = useMemo(() => {
    const counts = new Map<ViewId, number>();
    for (const code of selected ? [selected, ...highlight] : highlight) {
      for (const view of viewsOf(code)) counts.set(view, (counts.get(view) ?? 0) + 1);
    }
    return counts;
  }, [highlight, selected]);
  const best = [...relevant.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const [chosen, setChosen] = useState<ViewId | null>(props.initialView ?? null);
  const viewId = chosen ?? best ?? "front";
  const view = MAP_VIEWS.find((v) => v.id === viewId)!;

  return (
    <section className="map-panel" aria-label="Body map">
      <div className="view-tabs" role="tablist" aria-label="Map view">
        {MAP_VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            aria-selected={v.id === viewId}
            className={relevant.has(v.id) ? "has-points" : undefined}
            onClick={() => setChosen(v.id)}
          >
            {v.label}
            {relevant.get(v.id) ? <span className="count">{relevant.get(v.id)}</span> : null}
          </button>
        ))}
      </div>
      <BodyMap view={view} highlight={highlight} selected={selected} channel={props.channel} onPick={props.onPick} />
      <p className="muted small">
        {props.hint ?? "Every point on this view is drawn; click one to open it."} Bilateral points are shown on both sides.
        Positions are approximate guides: locate points on the patient by their landmarks.
      </p>
    </section>
  );
}
