/**
 * How the needles are used: the modality and style, and the parameters each
 * modality takes (e-stim leads, frequency and intensity; dry-needling muscles
 * and technique), plus the needles used. Lists come from domain/treatment/modalities.ts.
 */
import {
  ACUPUNCTURE_STYLES,
  DRY_NEEDLING_MUSCLES,
  DRY_NEEDLING_TECHNIQUES,
  ESTIM_WAVEFORMS,
  MODALITIES,
  type DryNeedlingMuscle,
  type ModalityId,
} from "../../../domain/treatment/modalities.ts";
import type { ElectroStimulation, SiteRef, Treatment } from "../../../domain/treatment/treatment.ts";
import { Choice, Options } from "./Choice.tsx";

/** Every needled site on each of its sides, as e-stim lead ends. */
function leadEnds(treatment: Treatment): SiteRef[] {
  return treatment.sites.flatMap((site): SiteRef[] => {
    if (!site.point) return [];
    if (site.side === "bilateral") return [{ point: site.point, side: "left" }, { point: site.point, side: "right" }];
    return [{ point: site.point, side: site.side }];
  });
}
const refKey = (r: SiteRef) => `${r.point}|${r.side}`;
const fromKey = (key: string): SiteRef => {
  const [point, side] = key.split("|");
  return { point: point!, side: side as SiteRef["side"] };
};

const NEW_ELECTRO: ElectroStimulation = { pairs: [], waveform: "dense-disperse", frequenciesHz: [2, 100], intensity: "to-tolerance", minutes: 20 };

export function ModalityPanel({ treatment, onChange }: { treatment: Treatment; onChange: (treatment: Treatment) => void }) {
  const set = (change: Partial<Treatment>) => onChange({ ...treatment, ...change });
  const setModality = (modality: ModalityId) =>
    set({
      modality,
      electro: modality === "electro" ? (treatment.electro ?? NEW_ELECTRO) : treatment.electro,
      dryNeedling: modality === "dry-needling" ? (treatment.dryNeedling ?? { muscles: [], technique: "static", localTwitchResponse: null }) : treatment.dryNeedling,
      style: modality === "dry-needling" ? "western-medical" : treatment.style,
    });
  return (
    <fieldset className="modality" aria-label="Modality">
      <legend>Modality</legend>
      <div className="row">
        <label>
          Kind
          <select value={treatment.modality} onChange={(e) => setModality(e.target.value as ModalityId)}>
            <Options options={MODALITIES} />
          </select>
        </label>
        <label>
          Style
          <Choice label="Style" value={treatment.style} options={ACUPUNCTURE_STYLES} onChange={(style) => set({ style: style as Treatment["style"] })} />
        </label>
        <label>
          Needle gauge (mm)
          <input type="number" step={0.01} min={0} value={treatment.needles.gaugeMm ?? ""} onChange={(e) => set({ needles: { ...treatment.needles, gaugeMm: e.target.value ? Number(e.target.value) : null } })} />
        </label>
        <label>
          Length (mm)
          <input type="number" min={0} value={treatment.needles.lengthMm ?? ""} onChange={(e) => set({ needles: { ...treatment.needles, lengthMm: e.target.value ? Number(e.target.value) : null } })} />
        </label>
        <label className="grow">
          Material or maker
          <input type="text" value={treatment.needles.material ?? ""} onChange={(e) => set({ needles: { ...treatment.needles, material: e.target.value || null } })} />
        </label>
      </div>
      {(treatment.modality === "electro" || treatment.electro) && <ElectroFields treatment={treatment} onChange={(electro) => set({ electro })} />}
      {treatment.modality === "dry-needling" && treatment.dryNeedling && (
        <DryNeedlingFields value={treatment.dryNeedling} onChange={(dryNeedling) => set({ dryNeedling })} />
      )}
    </fieldset>
  );
}

function ElectroFields({ treatment, onChange }: { treatment: Treatment; onChange: (electro: ElectroStimulation | null) => void }) {
  const electro = treatment.electro ?? NEW_ELECTRO;
  const ends = leadEnds(treatment);
  const set = (change: Partial<ElectroStimulation>) => onChange({ ...electro, ...change });
  const waveform = ESTIM_WAVEFORMS.find((w) => w.id === electro.waveform)!;
  return (
    <div className="electro">
      <h3>Electroacupuncture</h3>
      <ul className="pairs">
        {electro.pairs.map((pair, i) => (
          <li key={i} className="row">
            {(["a", "b"] as const).map((end) => (
              <select key={end} aria-label={`Lead ${i + 1} end ${end}`} value={refKey(pair[end])} onChange={(e) => set({ pairs: electro.pairs.map((p, j) => (j === i ? { ...p, [end]: fromKey(e.target.value) } : p)) })}>
                {ends.map((r) => (
                  <option key={refKey(r)} value={refKey(r)}>
                    {r.point} {r.side}
                  </option>
                ))}
              </select>
            ))}
            <button type="button" className="link-button" onClick={() => set({ pairs: electro.pairs.filter((_, j) => j !== i) })}>
              Remove lead
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" disabled={ends.length < 2} onClick={() => set({ pairs: [...electro.pairs, { a: ends[0]!, b: ends[1]! }] })}>
          Add electrode pair
        </button>
        <label>
          Waveform
          <select value={electro.waveform} onChange={(e) => {
            const next = ESTIM_WAVEFORMS.find((w) => w.id === e.target.value)!;
            set({ waveform: next.id, frequenciesHz: next.frequencies === 2 ? [electro.frequenciesHz[0] ?? 2, electro.frequenciesHz[1] ?? 100] : [electro.frequenciesHz[0] ?? 2] });
          }}>
            <Options options={ESTIM_WAVEFORMS} />
          </select>
        </label>
        {Array.from({ length: waveform.frequencies }, (_, i) => (
          <label key={i}>
            {waveform.frequencies === 2 ? (i === 0 ? "Low Hz" : "High Hz") : "Hz"}
            <input type="number" min={0} value={electro.frequenciesHz[i] ?? ""} onChange={(e) => set({ frequenciesHz: electro.frequenciesHz.map((f, j) => (j === i ? Number(e.target.value) : f)) })} />
          </label>
        ))}
        <label>
          Intensity
          <select value={electro.intensity === "to-tolerance" ? "to-tolerance" : "mA"} onChange={(e) => set({ intensity: e.target.value === "to-tolerance" ? "to-tolerance" : { mA: 1 } })}>
            <option value="to-tolerance">To tolerance</option>
            <option value="mA">mA</option>
          </select>
        </label>
        {electro.intensity !== "to-tolerance" && (
          <label>
            mA
            <input type="number" step={0.1} min={0} value={electro.intensity.mA} onChange={(e) => set({ intensity: { mA: Number(e.target.value) } })} />
          </label>
        )}
        <label>
          Minutes
          <input type="number" min={1} value={electro.minutes} onChange={(e) => set({ minutes: Number(e.target.value) })} />
        </label>
        {treatment.modality !== "electro" && (
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            No e-stim
          </button>
        )}
      </div>
    </div>
  );
}

function DryNeedlingFields({ value, onChange }: { value: NonNullable<Treatment["dryNeedling"]>; onChange: (value: NonNullable<Treatment["dryNeedling"]>) => void }) {
  const chosen = new Map(value.muscles.map((m) => [m.muscle, m.side]));
  const toggle = (muscle: DryNeedlingMuscle, on: boolean) =>
    onChange({ ...value, muscles: on ? [...value.muscles, { muscle, side: "bilateral" }] : value.muscles.filter((m) => m.muscle !== muscle) });
  return (
    <div className="dry-needling">
      <h3>Dry needling: muscles treated ({chosen.size}; billing counts 1–2 or 3+)</h3>
      <div className="muscles">
        {DRY_NEEDLING_MUSCLES.map((m) => (
          <div key={m.id} className="muscle">
            <label className="inline">
              <input type="checkbox" checked={chosen.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} /> {m.label}
            </label>
            {chosen.has(m.id) && (
              <select aria-label={`${m.label} side`} value={chosen.get(m.id)} onChange={(e) => onChange({ ...value, muscles: value.muscles.map((x) => (x.muscle === m.id ? { ...x, side: e.target.value as "left" | "right" | "bilateral" } : x)) })}>
                <option value="bilateral">Both</option>
                <option value="left">Left</option>
                <option value="right">Right</option>
              </select>
            )}
          </div>
        ))}
      </div>
      <div className="row">
        <label>
          Technique
          <select value={value.technique} onChange={(e) => onChange({ ...value, technique: e.target.value as typeof value.technique })}>
            <Options options={DRY_NEEDLING_TECHNIQUES} />
          </select>
        </label>
        <label>
          Local twitch response
          <select value={value.localTwitchResponse === null ? "" : value.localTwitchResponse ? "yes" : "no"} onChange={(e) => onChange({ ...value, localTwitchResponse: e.target.value === "" ? null : e.target.value === "yes" })}>
            <option value="">—</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </label>
      </div>
    </div>
  );
}
