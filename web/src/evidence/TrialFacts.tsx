/** One trial's facts, the same on the library's list and the trial's map page. */
import { Link } from "react-router";
import { STRICTA_READ, TRIAL_MODALITIES, trialCitation, type TrialRecord } from "../../../domain/evidence/trials.ts";
import { STRICTA_LABELS } from "../../../domain/treatment/stricta.ts";

export function modalityText(t: TrialRecord): string {
  return t.modalities.map((m) => TRIAL_MODALITIES.find((x) => x.id === m)!.label).join(" + ");
}

export function needlingSummary(t: TrialRecord): string {
  const parts = [
    t.needling.depth && `depth ${t.needling.depth}`,
    t.needling.minutes !== null && `${t.needling.minutes} min`,
    t.needling.hz.length > 0 && `${t.needling.hz.join(", ")} Hz`,
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "not given in the record";
}

export function TrialFacts({ trial, mapLink }: { trial: TrialRecord; mapLink: boolean }) {
  const missing = STRICTA_READ.filter((id) => !trial.stricta.includes(id));
  return (
    <dl className="trial-facts">
      <dt>Design</dt>
      <dd>
        {trial.design}, {trial.size ?? "?"} people{trial.country ? `, ${trial.country}` : ""}
      </dd>
      <dt>Condition</dt>
      <dd>{trial.condition}</dd>
      <dt>Compared with</dt>
      <dd>{trial.comparators.join(", ")}</dd>
      <dt>Kind</dt>
      <dd>{modalityText(trial)}</dd>
      <dt>Needling</dt>
      <dd>{needlingSummary(trial)}</dd>
      <dt>Points</dt>
      <dd>
        {trial.points.length === 0 && trial.unresolved.length === 0 && "not listed in the record"}
        {trial.points.map((code, i) => (
          <span key={code}>
            {i > 0 && ", "}
            <Link to={`/atlas/points/${code}`}>{code}</Link>
          </span>
        ))}
        {trial.unresolved.length > 0 && <span className="muted"> (also: {trial.unresolved.join(", ")})</span>}
        {mapLink && trial.points.length > 0 && (
          <>
            {" · "}
            <Link to={`/atlas/trials/${trial.id}`}>on the body map</Link>
          </>
        )}
      </dd>
      <dt>STRICTA items stated</dt>
      <dd className="small">
        {trial.stricta.length ? trial.stricta.map((id) => `${id} ${STRICTA_LABELS[id].toLowerCase()}`).join("; ") : "none"}
        {missing.length > 0 && <span className="muted"> · not stated: {missing.join(", ")}</span>}
      </dd>
      <dt>Source</dt>
      <dd className="small">
        {trialCitation(trial)}
        {trial.venue ? `, ${trial.venue}` : ""}. {trial.doi && <a href={`https://doi.org/${trial.doi}`}>doi:{trial.doi}</a>}{" "}
        <span className="muted">(TARA row {trial.taraId})</span>
      </dd>
    </dl>
  );
}
