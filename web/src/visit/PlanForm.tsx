/**
 * A course of care for an episode: modality and style, a protocol, how often
 * ("2/week × 3 then 1/week × 4"), goals and re-evaluation dates. The server
 * refuses it while the episode's red-flag gate is closed, and says why.
 */
import { useState } from "react";
import { ACUPUNCTURE_STYLES, MODALITIES } from "../../../domain/treatment/modalities.ts";
import { parseSchedule } from "../../../domain/treatment/plan.ts";
import { addDays, calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";
import { Choice, Options } from "./Choice.tsx";
import type { ProtocolCatalogue } from "./CourseOfCare.tsx";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

export function PlanForm({ patientId, episodes, protocols, onDone }: { patientId: string; episodes: { id: string; label: string }[]; protocols: ProtocolCatalogue | null; onDone: () => void }) {
  const today = calendarDateOf(new Date());
  const [form, setForm] = useState({
    episodeId: episodes[0]?.id ?? "",
    startOn: today as string,
    modality: "manual",
    style: "tcm",
    protocolId: "cherkin-2009-standardised",
    schedule: "2/week × 3 then 1/week × 4",
    reEvaluations: `${addDays(today, 21)}, ${addDays(today, 49)}`,
    nrsGoal: "-2",
    odiGoal: "-10",
    rationale: "",
  });
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  const schedule = parseSchedule(form.schedule);
  const { submit, error, busy } = useSubmit(async () => {
    await api("POST", `/api/v1/patients/${patientId}/plans`, {
      episodeId: form.episodeId,
      startOn: form.startOn,
      modality: form.modality,
      style: form.style || null,
      protocolId: form.protocolId || null,
      schedule: form.schedule,
      reEvaluations: form.reEvaluations.split(/[\s,]+/).filter(Boolean),
      goals: [
        ...(form.nrsGoal ? [{ instrument: "nrs", change: Number(form.nrsGoal) }] : []),
        ...(form.odiGoal ? [{ instrument: "odi", change: Number(form.odiGoal) }] : []),
      ],
      rationale: form.rationale || null,
    });
    onDone();
  });
  return (
    <form
      className="form-grid plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={error} />
      <fieldset>
        <label>
          Episode
          <select value={form.episodeId} onChange={(e) => set({ episodeId: e.target.value })}>
            {episodes.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Starts
          <input type="date" value={form.startOn} onChange={(e) => set({ startOn: e.target.value })} />
        </label>
        <label>
          Modality
          <select value={form.modality} onChange={(e) => set({ modality: e.target.value })}>
            <Options options={MODALITIES} />
          </select>
        </label>
        <label>
          Style
          <Choice label="Style" value={form.style || null} options={ACUPUNCTURE_STYLES} onChange={(style) => set({ style: style ?? "" })} />
        </label>
        <label>
          Protocol
          <select value={form.protocolId} onChange={(e) => set({ protocolId: e.target.value })}>
            <option value="">None (chart each visit)</option>
            <ProtocolOptions protocols={protocols} />
          </select>
          {/* A library protocol from TARA's table shares its id with the trial's record in the evidence library. */}
          {form.protocolId.startsWith("tara-") && (
            <a className="small" href={`/atlas/trials/${form.protocolId}`} target="_blank" rel="noreferrer">
              Its trial and points on the map
            </a>
          )}
          {form.protocolId && (
            <a className="small" href={`/protocols/${form.protocolId}`} target="_blank" rel="noreferrer">
              Trials that used its points
            </a>
          )}
          {form.protocolId === "cherkin-2009-standardised" && (
            <a className="small" href="/guide/does-it-work#s-cherkin" target="_blank" rel="noreferrer">
              The trial in the patient guide
            </a>
          )}
        </label>
        <label>
          How often
          <input type="text" value={form.schedule} onChange={(e) => set({ schedule: e.target.value })} />
          <span className={schedule.ok ? "small muted" : "field-error"}>{schedule.ok ? `${schedule.visits} visits` : schedule.message}</span>
        </label>
        <label>
          Re-evaluations (dates)
          <input type="text" value={form.reEvaluations} onChange={(e) => set({ reEvaluations: e.target.value })} />
        </label>
        <label>
          Goal: NRS change
          <input type="number" max={0} value={form.nrsGoal} onChange={(e) => set({ nrsGoal: e.target.value })} />
        </label>
        <label>
          Goal: ODI change (points)
          <input type="number" max={0} value={form.odiGoal} onChange={(e) => set({ odiGoal: e.target.value })} />
        </label>
      </fieldset>
      <label>
        Reasoning and sources (STRICTA 1b)
        <LimitedText as="textarea" max={TEXT_LIMITS.planRationale} rows={2} value={form.rationale} onChange={(e) => set({ rationale: e.target.value })} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !schedule.ok || !form.episodeId}>
          Start the plan
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ProtocolOptions({ protocols }: { protocols: ProtocolCatalogue | null }) {
  if (!protocols) return null;
  return (
    <>
      <optgroup label="From trials">
        {protocols.library.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </optgroup>
      {protocols.clinic.length > 0 && (
        <optgroup label="This clinic's">
          {protocols.clinic.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}
