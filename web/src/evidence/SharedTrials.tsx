/**
 * "Trials that used these points": the library trials sharing points with a
 * protocol or a visit's chart, closest first, each linked to its page with the
 * points on the body map, and each point to the library filtered by it.
 */
import { useState } from "react";
import { Link } from "react-router";
import { trialCountsByPoint, trialsSharingPoints } from "../../../domain/evidence/trialMatch.ts";
import { TRIALS, trialCitation } from "../../../domain/evidence/trials.ts";

/** Enough to compare at a glance; the rest behind one click. */
const FIRST = 8;

export function SharedTrials({ points, compact = false }: { points: readonly (string | null)[]; compact?: boolean }) {
  const [all, setAll] = useState(false);
  const matches = trialsSharingPoints(points);
  const counts = trialCountsByPoint(points);
  if (counts.length === 0) return <p className="muted small">No charted acupoints yet (ashi points have no code to look up).</p>;
  const shown = all ? matches : matches.slice(0, compact ? 5 : FIRST);
  return (
    <div className="shared-trials">
      <p className="small point-counts">
        {counts.map(({ code, count }, i) => (
          <span key={code}>
            {i > 0 && " · "}
            <Link to={`/guide/library?point=${code}`} aria-label={`${code}: ${count} trial${count === 1 ? "" : "s"} in the evidence library`}>
              {code}
            </Link>{" "}
            <span className="muted">{count}</span>
          </span>
        ))}
      </p>
      {matches.length === 0 ? (
        <p className="muted small">None of the {TRIALS.length} pain trials in the evidence library used these points.</p>
      ) : (
        <>
          <ol className="trial-matches">
            {shown.map(({ trial, shared }) => (
              <li key={trial.id}>
                <Link to={`/atlas/trials/${trial.id}`}>{trialCitation(trial)}</Link>{" "}
                <span className="small muted">
                  {trial.condition}, {trial.size ?? "?"} people · shared {shared.join(", ")} ({shared.length} of its {trial.points.length})
                </span>
              </li>
            ))}
          </ol>
          {matches.length > shown.length && (
            <button type="button" className="link-button small" onClick={() => setAll(true)}>
              Show all {matches.length} trials
            </button>
          )}
        </>
      )}
    </div>
  );
}
