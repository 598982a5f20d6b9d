/**
 * Correcting what a signed visit billed: the points and their needling, the
 * modality (e-stim, dry-needling muscles), the face-to-face minutes with their
 * increments, and a separate evaluation. It edits a copy of the chart as
 * amended so far; the amendment sends only these parts, and the server
 * recomputes the claim lines from them.
 */
import type { ChartCorrection } from "../../../domain/treatment/chartCorrection.ts";
import { newSite, type Treatment } from "../../../domain/treatment/treatment.ts";
import type { VisitChart } from "../../../domain/treatment/visit.ts";
import { ModalityPanel } from "./ModalityPanel.tsx";
import { PointBar } from "./PointBar.tsx";
import { SitesTable } from "./SitesTable.tsx";
import { Increments, SeparateEvaluation, wholeMinutes } from "./VisitDetails.tsx";

export function correctionOf(chart: VisitChart): ChartCorrection {
  return { treatment: chart.treatment, faceToFaceMinutes: chart.faceToFaceMinutes, increments: chart.increments, separateEvaluation: chart.separateEvaluation };
}

export function ChartCorrectionEditor({ chart, onChange }: { chart: VisitChart; onChange: (chart: VisitChart) => void }) {
  const setTreatment = (update: (t: Treatment) => Treatment) => onChange({ ...chart, treatment: update(chart.treatment) });
  return (
    <div className="chart-correction">
      <fieldset>
        <legend>Points as actually needled</legend>
        <PointBar
          onAdd={(entries) =>
            setTreatment((t) => ({
              ...t,
              sites: [...t.sites.filter((s) => !entries.some((e) => e.point !== null && e.point === s.point)), ...entries.map((e) => newSite(e.point, e.side, e.ashiRegion))],
            }))
          }
          onRemoveLast={() => setTreatment((t) => ({ ...t, sites: t.sites.slice(0, -1) }))}
        />
        <SitesTable
          sites={chart.treatment.sites}
          onChange={(i, site) => setTreatment((t) => ({ ...t, sites: t.sites.map((s, j) => (j === i ? site : s)) }))}
          onRemove={(i) => setTreatment((t) => ({ ...t, sites: t.sites.filter((_, j) => j !== i) }))}
        />
      </fieldset>
      <ModalityPanel treatment={chart.treatment} onChange={(treatment) => onChange({ ...chart, treatment })} />
      <fieldset>
        <legend>Time billed</legend>
        <label>
          Face-to-face minutes
          <input
            type="number"
            min={0}
            value={chart.faceToFaceMinutes ?? ""}
            onChange={(e) => onChange({ ...chart, faceToFaceMinutes: wholeMinutes(e.target.value) })}
          />
        </label>
        <Increments increments={chart.increments} onChange={(increments) => onChange({ ...chart, increments })} />
        <SeparateEvaluation value={chart.separateEvaluation} onChange={(separateEvaluation) => onChange({ ...chart, separateEvaluation })} />
      </fieldset>
    </div>
  );
}
