/**
 * A signed visit as it was signed, with its amendments beside it (never
 * merged into it), and the form to add one.
 */
import { useState } from "react";
import { labelOf, ADVERSE_EVENTS, ESTIM_WAVEFORMS, MANIPULATIONS, MODALITIES, ACUPUNCTURE_STYLES, PATIENT_POSITIONS, DRY_NEEDLING_MUSCLES } from "../../../domain/treatment/modalities.ts";
import { chartAsAmended, correctedParts, type ChartCorrection } from "../../../domain/treatment/chartCorrection.ts";
import { siteLabel } from "../../../domain/treatment/treatment.ts";
import type { VisitChart } from "../../../domain/treatment/visit.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useSubmit } from "../useSubmit.ts";
import { ChartCorrectionEditor, correctionOf } from "./ChartCorrectionEditor.tsx";
import { CourseMap } from "./CourseMap.tsx";
import { FindingsPanel } from "./FindingsPanel.tsx";
import type { Visit } from "./types.ts";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

export function VisitNote({ visit, onAmended }: { visit: Visit; onAmended: (visit: Visit) => void }) {
  const { chart } = visit;
  const { treatment } = chart;
  const erroneous = visit.amendments.some((a) => a.enteredInError);
  return (
    <article className={`visit-note${erroneous ? " entered-in-error" : ""}`}>
      {erroneous && <p className="form-error">Marked entered in error: kept for the record, left out of reports.</p>}
      <section className="card">
        <div className="note-head">
          <CourseMap sites={treatment.sites} />
          <dl className="facts">
            <dt>Signed</dt>
            <dd>
              {visit.signedAt ? formatDateTime(visit.signedAt) : "—"} by {visit.practitionerName}
            </dd>
            <dt>Modality</dt>
            <dd>
              {labelOf(MODALITIES, treatment.modality)}
              {treatment.style && `, ${labelOf(ACUPUNCTURE_STYLES, treatment.style)}`}
            </dd>
            <dt>Needles</dt>
            <dd data-testid="needle-count">
              {chart.needleCount.inserted ?? "?"} in, {chart.needleCount.removed ?? "?"} out
              {treatment.needles.gaugeMm && ` · ${treatment.needles.gaugeMm} × ${treatment.needles.lengthMm ?? "?"} mm`}
              {treatment.needles.material && ` · ${treatment.needles.material}`}
            </dd>
            {chart.needleCount.incident && (
              <>
                <dt>Retained needle</dt>
                <dd>{chart.needleCount.incident.description}</dd>
              </>
            )}
            <dt>Pain</dt>
            <dd>
              {chart.painBefore ?? "—"} → {chart.painAfter ?? "—"} /10
            </dd>
            <dt>Position</dt>
            <dd>{labelOf(PATIENT_POSITIONS, chart.position) || "—"}</dd>
            <dt>Face-to-face</dt>
            <dd>
              {chart.faceToFaceMinutes ?? "not recorded"} min
              {chart.increments.length > 0 &&
                ` · ${chart.increments.map((inc, i) => `#${i + 1} ${inc.minutes} min${inc.reinserted ? " re-inserted" : ""}${inc.estim ? " e-stim" : ""}`).join("; ")}`}
            </dd>
          </dl>
        </div>
        <ListTable columns={["Site", "Depth", "Angle", "Stimulation", "De qi", "Retention"]}>
            {treatment.sites.map((site, i) => (
              <ListRow key={i}>
                <td>{siteLabel(site)}</td>
                <td>{site.depth ? `${site.depth.value} ${site.depth.unit}` : "—"}</td>
                <td>{site.angle ?? "—"}</td>
                <td>{[labelOf(MANIPULATIONS, site.manipulation), site.intent].filter(Boolean).join(", ") || "—"}</td>
                <td>{site.deQi === null ? "—" : site.deQi ? "yes" : "no"}</td>
                <td>{site.retentionMinutes !== null ? `${site.retentionMinutes} min` : "—"}</td>
              </ListRow>
            ))}
        </ListTable>
        {treatment.electro && (
          <p>
            E-stim: {treatment.electro.pairs.map((p) => `${p.a.point} ${p.a.side}–${p.b.point} ${p.b.side}`).join("; ")} · {labelOf(ESTIM_WAVEFORMS, treatment.electro.waveform)}{" "}
            {treatment.electro.frequenciesHz.join("/")} Hz · {treatment.electro.intensity === "to-tolerance" ? "to tolerance" : `${treatment.electro.intensity.mA} mA`} ·{" "}
            {treatment.electro.minutes} min
          </p>
        )}
        {treatment.dryNeedling && (
          <p>
            Dry needling ({treatment.dryNeedling.technique}): {treatment.dryNeedling.muscles.map((m) => `${labelOf(DRY_NEEDLING_MUSCLES, m.muscle)} (${m.side})`).join(", ")}
            {treatment.dryNeedling.localTwitchResponse !== null && ` · twitch response ${treatment.dryNeedling.localTwitchResponse ? "yes" : "no"}`}
          </p>
        )}
        {treatment.adjuncts.map((a, i) => (
          <p key={i}>
            {a.kind}
            {a.method && ` (${a.method})`}: {a.site}
            {a.points.length > 0 && ` at ${a.points.join(", ")}`}
            {a.minutes !== null && `, ${a.minutes} min`}
          </p>
        ))}
        {(["subjective", "objective", "assessment", "plan"] as const).map((part) =>
          chart.soap[part] ? (
            <p key={part}>
              <strong>{part[0]!.toUpperCase()}:</strong> {chart.soap[part]}
            </p>
          ) : null,
        )}
        {chart.coInterventions && <p>Co-interventions: {chart.coInterventions}</p>}
        {chart.advice && <p>Advice: {chart.advice}</p>}
        {chart.separateEvaluation && <p>Separate evaluation (E/M-25): {chart.separateEvaluation}</p>}
        {chart.adverseEvents.map((e, i) => (
          <p key={i} className="adverse">
            Adverse event: {labelOf(ADVERSE_EVENTS, e.kind)} ({e.severity}) — {e.action}
          </p>
        ))}
      </section>
      <section className="card">
        <h2>Safety at signing</h2>
        <FindingsPanel findings={visit.findings} overrides={chart.overrides} readOnly />
      </section>
      <Amendments visit={visit} onAmended={onAmended} />
    </article>
  );
}

function Amendments({ visit, onAmended }: { visit: Visit; onAmended: (visit: Visit) => void }) {
  const [reason, setReason] = useState("");
  const [correction, setCorrection] = useState("");
  const [enteredInError, setEnteredInError] = useState(false);
  const asAmended = chartAsAmended(visit.chart, visit.amendments.map((a) => a.chartCorrection));
  // The chart being corrected, from the chart as amended so far; null while only text is written.
  const [corrected, setCorrected] = useState<VisitChart | null>(null);
  const { submit, error, busy } = useSubmit(async () => {
    const chartCorrection = corrected ? correctionOf(corrected) : null;
    onAmended(await api<Visit>("POST", `/api/v1/visits/${visit.id}/amendments`, { reason, correction, chartCorrection, enteredInError }));
    setReason("");
    setCorrection("");
    setEnteredInError(false);
    setCorrected(null);
  });
  return (
    <section className="card" aria-label="Amendments">
      <h2>Amendments</h2>
      {visit.amendments.length === 0 ? (
        <p className="muted small">No amendments. The note above is as it was signed.</p>
      ) : (
        <ol className="amendments">
          {visit.amendments.map((a, i) => (
            <li key={a.id}>
              <strong>{formatDateTime(a.at)}</strong>, {a.authorName}
              {a.enteredInError && <strong> — marked entered in error</strong>}: <em>{a.reason}</em>
              {a.correction && <p>{a.correction}</p>}
              {a.chartCorrection && <CorrectionSummary before={chartAsAmended(visit.chart, visit.amendments.slice(0, i).map((b) => b.chartCorrection))} correction={a.chartCorrection} />}
            </li>
          ))}
        </ol>
      )}
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormError error={error} />
        <label>
          Reason for the amendment
          <LimitedText required max={TEXT_LIMITS.amendmentReason} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label>
          Correction
          <LimitedText as="textarea" max={TEXT_LIMITS.amendmentCorrection} rows={2} value={correction} onChange={(e) => setCorrection(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={corrected !== null} onChange={(e) => setCorrected(e.target.checked ? asAmended : null)} /> Correct the points, e-stim or minutes billed
          (the claim lines are recomputed; the earlier ones stay listed)
        </label>
        {corrected && <ChartCorrectionEditor chart={corrected} onChange={setCorrected} />}
        <label className="inline">
          <input type="checkbox" checked={enteredInError} onChange={(e) => setEnteredInError(e.target.checked)} /> Mark this visit entered in error
        </label>
        <div className="actions">
          <button type="submit" disabled={busy || reason.trim() === ""}>
            Add amendment
          </button>
        </div>
      </form>
    </section>
  );
}

const incrementText = (chart: VisitChart) =>
  chart.increments.length === 0
    ? "no increments"
    : chart.increments.map((i) => `${i.minutes} min${i.reinserted ? " re-inserted" : ""}${i.estim ? " e-stim" : ""}`).join("; ");

/** What an amendment corrected, before → after, in the parts that changed. */
function CorrectionSummary({ before, correction }: { before: VisitChart; correction: ChartCorrection }) {
  const after = chartAsAmended(before, [correction]);
  const parts = correctedParts(before, after);
  return (
    <ul className="small correction-summary">
      {parts.includes("points") && (
        <li>
          Points: {before.treatment.sites.map(siteLabel).join(", ") || "none"} → {after.treatment.sites.map(siteLabel).join(", ") || "none"}
        </li>
      )}
      {(parts.includes("minutes") || parts.includes("e-stim")) && (
        <li>
          Time: {before.faceToFaceMinutes ?? "—"} min ({incrementText(before)}) → {after.faceToFaceMinutes ?? "—"} min ({incrementText(after)})
        </li>
      )}
      {parts.includes("e-stim") && <li>E-stim corrected</li>}
      {parts.includes("evaluation") && <li>Separate evaluation: {after.separateEvaluation ?? "removed"}</li>}
      {parts.includes("treatment") && <li>Needling details corrected</li>}
    </ul>
  );
}
