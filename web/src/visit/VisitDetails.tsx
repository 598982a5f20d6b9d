/**
 * Everything around the needles: pain before and after, position, the
 * face-to-face minutes and each 15-minute increment as charted (billing reads
 * these and never infers them), adjuncts, advice, the SOAP narrative and
 * adverse events.
 */
import { ADJUNCTS, ADVERSE_EVENT_SEVERITIES, ADVERSE_EVENTS, PATIENT_POSITIONS, type AdjunctId } from "../../../domain/treatment/modalities.ts";
import type { Adjunct } from "../../../domain/treatment/treatment.ts";
import type { AdverseEvent, Soap, TimeIncrement, VisitChart } from "../../../domain/treatment/visit.ts";
import { Choice } from "./Choice.tsx";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

type Change = (update: (chart: VisitChart) => VisitChart) => void;

const pain = (value: string) => (value === "" ? null : Number(value));
export const wholeMinutes = (value: string) => (value === "" ? null : Math.max(0, Math.trunc(Number(value))));

export function VisitDetails({ chart, onChange }: { chart: VisitChart; onChange: Change }) {
  const set = (change: Partial<VisitChart>) => onChange((c) => ({ ...c, ...change }));
  return (
    <>
      <fieldset>
        <legend>Visit</legend>
        <div className="row">
          <label>
            Date
            <input type="date" value={chart.visitOn} onChange={(e) => e.target.value && set({ visitOn: e.target.value as VisitChart["visitOn"] })} />
          </label>
          <label>
            Pain before (0–10)
            <PainSelect label="Pain before" value={chart.painBefore} onChange={(v) => set({ painBefore: v })} />
          </label>
          <label>
            Pain after (0–10)
            <PainSelect label="Pain after" value={chart.painAfter} onChange={(v) => set({ painAfter: v })} />
          </label>
          <label>
            Position
            <Choice label="Position" value={chart.position} options={PATIENT_POSITIONS} onChange={(v) => set({ position: v as VisitChart["position"] })} />
          </label>
          <label>
            Face-to-face minutes
            <input type="number" min={0} value={chart.faceToFaceMinutes ?? ""} onChange={(e) => set({ faceToFaceMinutes: wholeMinutes(e.target.value) })} />
          </label>
          <label>
            Patient's cun (mm)
            <input type="number" min={0} step={0.5} value={chart.cunMm ?? ""} title="Width of the thumb at the joint; lets depths in mm be checked against ranges in cun" onChange={(e) => set({ cunMm: e.target.value ? Number(e.target.value) : null })} />
          </label>
        </div>
        <Increments increments={chart.increments} onChange={(increments) => set({ increments })} />
      </fieldset>
      <Adjuncts adjuncts={chart.treatment.adjuncts} onChange={(adjuncts) => onChange((c) => ({ ...c, treatment: { ...c.treatment, adjuncts } }))} />
      <fieldset>
        <legend>Notes</legend>
        <div className="soap">
          {(["subjective", "objective", "assessment", "plan"] as (keyof Soap)[]).map((part) => (
            <label key={part}>
              {part[0]!.toUpperCase() + part.slice(1)}
              <LimitedText as="textarea" max={TEXT_LIMITS.soapPart} rows={2} value={chart.soap[part] ?? ""} onChange={(e) => set({ soap: { ...chart.soap, [part]: e.target.value || null } })} />
            </label>
          ))}
          <label>
            Co-interventions (exercise, heat, medication changes)
            <LimitedText as="textarea" max={TEXT_LIMITS.visitText} rows={2} value={chart.coInterventions ?? ""} onChange={(e) => set({ coInterventions: e.target.value || null })} />
          </label>
          <label>
            Advice given
            <LimitedText as="textarea" max={TEXT_LIMITS.visitText} rows={2} value={chart.advice ?? ""} onChange={(e) => set({ advice: e.target.value || null })} />
          </label>
          <SeparateEvaluation value={chart.separateEvaluation} onChange={(separateEvaluation) => set({ separateEvaluation })} />
        </div>
      </fieldset>
      <AdverseEvents events={chart.adverseEvents} onChange={(adverseEvents) => set({ adverseEvents })} />
    </>
  );
}

/** Only a written separate evaluation lets billing add an E/M with modifier 25 (clinical-facts §2). */
export function SeparateEvaluation({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  return (
    <label>
      Separate evaluation (billed as E/M with modifier 25)
      <LimitedText
        as="textarea"
        max={TEXT_LIMITS.separateEvaluation}
        rows={2}
        value={value ?? ""}
        placeholder="Only when a significant, separately identifiable evaluation was done today: what was evaluated and found"
        onChange={(e) => onChange(e.target.value || null)}
      />
    </label>
  );
}

function PainSelect({ label, value, onChange }: { label: string; value: number | null; onChange: (value: number | null) => void }) {
  return (
    <select aria-label={label} value={value ?? ""} onChange={(e) => onChange(pain(e.target.value))}>
      <option value="">—</option>
      {Array.from({ length: 11 }, (_, i) => (
        <option key={i} value={i}>
          {i}
        </option>
      ))}
    </select>
  );
}

export function Increments({ increments, onChange }: { increments: TimeIncrement[]; onChange: (increments: TimeIncrement[]) => void }) {
  const set = (i: number, change: Partial<TimeIncrement>) => onChange(increments.map((inc, j) => (j === i ? { ...inc, ...change } : inc)));
  return (
    <div className="increments">
      <p className="small muted">15-minute increments of personal one-on-one contact (CPT 97810–97814 count these, not needle retention).</p>
      {increments.map((inc, i) => (
        <div key={i} className="row">
          <span>Increment {i + 1}</span>
          <label className="inline">
            <input type="number" aria-label={`Increment ${i + 1} minutes`} min={1} max={15} value={inc.minutes} onChange={(e) => set(i, { minutes: Math.min(15, Math.max(1, Number(e.target.value))) })} /> min
          </label>
          <label className="inline">
            <input type="checkbox" checked={inc.reinserted} onChange={(e) => set(i, { reinserted: e.target.checked })} /> needles re-inserted
          </label>
          <label className="inline">
            <input type="checkbox" checked={inc.estim} onChange={(e) => set(i, { estim: e.target.checked })} /> e-stim on
          </label>
          <button type="button" className="link-button" onClick={() => onChange(increments.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...increments, { minutes: 15, reinserted: increments.length > 0, estim: false }])}>
        Add increment
      </button>
    </div>
  );
}

function Adjuncts({ adjuncts, onChange }: { adjuncts: Adjunct[]; onChange: (adjuncts: Adjunct[]) => void }) {
  const set = (i: number, change: Partial<Adjunct>) => onChange(adjuncts.map((a, j) => (j === i ? { ...a, ...change } : a)));
  return (
    <fieldset>
      <legend>Adjuncts</legend>
      {adjuncts.map((adjunct, i) => {
        const kind = ADJUNCTS.find((a) => a.id === adjunct.kind)!;
        return (
          <div key={i} className="row">
            <strong>{kind.label}</strong>
            {kind.methods.length > 0 && (
              <select aria-label={`${kind.label} method`} value={adjunct.method ?? ""} onChange={(e) => set(i, { method: e.target.value || null })}>
                <option value="">how?</option>
                {kind.methods.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
            <label className="grow">
              Where
              <input type="text" value={adjunct.site} onChange={(e) => set(i, { site: e.target.value })} />
            </label>
            {kind.onPoints && (
              <label>
                On points
                <input type="text" value={adjunct.points.join(" ")} placeholder="BL23 GV4" onChange={(e) => set(i, { points: e.target.value.toUpperCase().split(/[\s,]+/).filter(Boolean) })} />
              </label>
            )}
            <label>
              Minutes
              <input type="number" min={0} value={adjunct.minutes ?? ""} onChange={(e) => set(i, { minutes: wholeMinutes(e.target.value) })} />
            </label>
            <button type="button" className="link-button" onClick={() => onChange(adjuncts.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        );
      })}
      <div className="actions">
        {ADJUNCTS.map((a) => (
          <button key={a.id} type="button" onClick={() => onChange([...adjuncts, { kind: a.id as AdjunctId, method: null, points: [], site: "", minutes: null }])}>
            + {a.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function AdverseEvents({ events, onChange }: { events: AdverseEvent[]; onChange: (events: AdverseEvent[]) => void }) {
  const set = (i: number, change: Partial<AdverseEvent>) => onChange(events.map((e, j) => (j === i ? { ...e, ...change } : e)));
  return (
    <fieldset>
      <legend>Adverse events</legend>
      {events.length === 0 && <p className="muted small">None recorded.</p>}
      {events.map((event, i) => (
        <div key={i} className="row">
          <Choice label="Adverse event" value={event.kind} options={ADVERSE_EVENTS} onChange={(kind) => kind && set(i, { kind: kind as AdverseEvent["kind"] })} />
          <select aria-label="Severity" value={event.severity} onChange={(e) => set(i, { severity: e.target.value as AdverseEvent["severity"] })}>
            {ADVERSE_EVENT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <label className="grow">
            Action taken
            <input type="text" value={event.action} onChange={(e) => set(i, { action: e.target.value })} />
          </label>
          <button type="button" className="link-button" onClick={() => onChange(events.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...events, { kind: "bruising-bleeding", severity: "mild", action: "" }])}>
        Record an adverse event
      </button>
    </fieldset>
  );
}
