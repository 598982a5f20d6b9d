/** A trial from the evidence library with its points on the body map (the atlas bundle holds the maps). */
import { useMemo } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { TRIALS } from "../../../domain/evidence/trials.ts";
import { TrialFacts } from "../evidence/TrialFacts.tsx";
import { MapPanel } from "./MapPanel.tsx";

export function TrialPage({ base }: { base: string }) {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const trial = TRIALS.find((t) => t.id === id);
  const highlight = useMemo(() => new Set(trial?.points ?? []), [trial]);
  if (!trial) {
    return (
      <section className="notice">
        <p>No trial “{id}” in the library.</p>
        <Link to="/guide/library">The evidence library</Link>
      </section>
    );
  }
  return (
    <div className="atlas">
      <section className="atlas-search">
        <p className="crumbs">
          <Link to="/guide/library">← Evidence library</Link> · <Link to={base}>Atlas</Link>
        </p>
        <h1 className="trial-title">{trial.title}</h1>
        <TrialFacts trial={trial} mapLink={false} />
      </section>
      <MapPanel highlight={highlight} onPick={(code) => void navigate(`${base}/points/${encodeURIComponent(code)}`)} hint="Click a point to open it." />
    </div>
  );
}
