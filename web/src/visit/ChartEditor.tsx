/**
 * Charting a draft visit: points from the keyboard bar or the map, each
 * site's needling, the modality, needle counts, and the safety findings live
 * as the treatment changes. Signing sends the chart as it stands; the server
 * checks it all again.
 */
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { flagsInForce, type SafetyFlagState } from "../../../domain/assessment/safetyFlags.ts";
import { ATLAS } from "../../../domain/points/atlas.ts";
import type { SafetyOverride } from "../../../domain/treatment/overrides.ts";
import { checkSafety } from "../../../domain/treatment/safety.ts";
import { newSite, plannedNeedleCount, type NeedleSite, type Treatment } from "../../../domain/treatment/treatment.ts";
import { signingProblems } from "../../../domain/treatment/visit.ts";
import { api, ApiError } from "../api.ts";
import { MapPanel } from "../atlas/MapPanel.tsx";
import { FormError } from "../components/FormError.tsx";
import { FindingsPanel } from "./FindingsPanel.tsx";
import { ModalityPanel } from "./ModalityPanel.tsx";
import { NeedleCountPanel } from "./NeedleCountPanel.tsx";
import { PointBar } from "./PointBar.tsx";
import { ChartTrials } from "./ChartTrials.tsx";
import { SaveProtocol } from "./SaveProtocol.tsx";
import { SitesTable } from "./SitesTable.tsx";
import type { Visit } from "./types.ts";
import { useDraft } from "./useDraft.ts";
import { VisitDetails } from "./VisitDetails.tsx";
import { VisitBilling } from "../coverage/VisitBilling.tsx";

const SAVE_TEXT = { saved: "Draft saved", pending: "Saving…", saving: "Saving…", failed: "Not saved" } as const;

export function ChartEditor({ initial, flags, onSigned }: { initial: Visit; flags: SafetyFlagState[]; onSigned: (visit: Visit) => void }) {
  const { visit, chart, setChart, saveState, error, sign } = useDraft(initial);
  const [signError, setSignError] = useState<ApiError | null>(null);
  const [signing, setSigning] = useState(false);
  const navigate = useNavigate();
  const active = useMemo(() => flagsInForce(flags), [flags]);
  const findings = useMemo(() => checkSafety({ flags: active, treatment: chart.treatment, cunMm: chart.cunMm }), [active, chart.treatment, chart.cunMm]);
  const problems = useMemo(() => signingProblems(chart, findings), [chart, findings]);
  const planned = plannedNeedleCount(chart.treatment);
  const highlight = useMemo(() => new Set(chart.treatment.sites.flatMap((s) => (s.point ? [s.point] : []))), [chart.treatment.sites]);

  const setTreatment = (update: (t: Treatment) => Treatment) =>
    setChart((c) => {
      const treatment = update(c.treatment);
      const before = plannedNeedleCount(c.treatment);
      // The count going in follows the points while nobody has typed a different one.
      const inserted = c.needleCount.inserted === null || c.needleCount.inserted === before ? plannedNeedleCount(treatment) || null : c.needleCount.inserted;
      return { ...c, treatment, needleCount: { ...c.needleCount, inserted } };
    });
  const addSites = (sites: NeedleSite[]) =>
    setTreatment((t) => {
      const kept = t.sites.filter((s) => !sites.some((n) => n.point !== null && n.point === s.point));
      return { ...t, sites: [...kept, ...sites] };
    });
  const togglePoint = (code: string) => {
    if (chart.treatment.sites.some((s) => s.point === code)) {
      setTreatment((t) => ({ ...t, sites: t.sites.filter((s) => s.point !== code) }));
      return;
    }
    const point = ATLAS.resolve(code);
    if (!point) return;
    addSites([newSite(point.code, point.meridian === "GV" || point.meridian === "CV" ? "midline" : "bilateral")]);
  };
  const setOverride = (override: SafetyOverride) =>
    setChart((c) => ({ ...c, overrides: [...c.overrides.filter((o) => o.rule !== override.rule), override] }));

  async function signNow() {
    setSigning(true);
    try {
      onSigned(await sign());
      setSignError(null);
    } catch (caught) {
      setSignError(caught instanceof ApiError ? caught : new ApiError(0, "UNKNOWN", String(caught)));
    } finally {
      setSigning(false);
    }
  }

  async function discard() {
    if (!window.confirm("Discard this draft visit? Nothing of it is kept.")) return;
    await api("DELETE", `/api/v1/visits/${initial.id}`);
    void navigate(`/patients/${initial.patientId}`);
  }

  return (
    <div className="visit-chart">
      <div className="visit-form">
        <section className="card">
          <PointBar
            onAdd={(entries) => addSites(entries.map((e) => newSite(e.point, e.side, e.ashiRegion)))}
            onRemoveLast={() => setTreatment((t) => ({ ...t, sites: t.sites.slice(0, -1) }))}
          />
          <SitesTable
            sites={chart.treatment.sites}
            onChange={(i, site) => setTreatment((t) => ({ ...t, sites: t.sites.map((s, j) => (j === i ? site : s)) }))}
            onRemove={(i) => setTreatment((t) => ({ ...t, sites: t.sites.filter((_, j) => j !== i) }))}
          />
          <SaveProtocol treatment={chart.treatment} />
        </section>
        <section className="card" aria-label="Safety findings">
          <h2>Safety</h2>
          <FindingsPanel findings={findings} overrides={chart.overrides} onOverride={setOverride} />
        </section>
        <section className="card">
          <ModalityPanel treatment={chart.treatment} onChange={(treatment) => setTreatment(() => treatment)} />
          <NeedleCountPanel count={chart.needleCount} planned={planned} onChange={(needleCount) => setChart((c) => ({ ...c, needleCount }))} />
        </section>
        <section className="card">
          <VisitDetails chart={chart} onChange={setChart} />
        </section>
        <VisitBilling visitId={initial.id} refreshKey={String(visit.version)} />
        <section className="card sign-bar">
          {problems.length > 0 && (
            <ul className="problems small">
              {problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          )}
          <FormError error={signError ?? error} />
          <div className="actions">
            <button type="button" className="primary" disabled={signing || problems.length > 0} onClick={() => void signNow()}>
              Sign visit
            </button>
            <span className={`small ${saveState === "failed" ? "field-error" : "muted"}`} role="status">
              {SAVE_TEXT[saveState]}
            </span>
            <button type="button" className="link-button" onClick={() => void discard()}>
              Discard draft
            </button>
          </div>
          <p className="small muted">A signed visit never changes; corrections are added as amendments beside it.</p>
        </section>
        <ChartTrials points={[...highlight]} />
      </div>
      <aside className="visit-map">
        <MapPanel highlight={highlight} onPick={togglePoint} initialView="back" hint="Click a point to add it (both sides, or midline); click a highlighted point to take it off." />
      </aside>
    </div>
  );
}
