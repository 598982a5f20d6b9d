/**
 * Needles in and needles out, counted at every visit (NPSA/NRLS: retained
 * needles are among the commonest incidents). The count in is proposed from
 * the points charted; the count out is always entered, or confirmed with one
 * click once every needle is out.
 */
import { reconcileNeedles, type NeedleCount } from "../../../domain/treatment/needleCount.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

export function NeedleCountPanel({ count, planned, onChange }: { count: NeedleCount; planned: number; onChange: (count: NeedleCount) => void }) {
  const check = reconcileNeedles(count);
  const missing = count.inserted !== null && count.removed !== null && count.removed < count.inserted;
  const number = (value: string) => (value === "" ? null : Math.max(0, Math.trunc(Number(value))));
  return (
    <fieldset className="needle-count" aria-label="Needle count">
      <legend>Needles in = needles out</legend>
      <div className="row">
        <label>
          Inserted
          <input type="number" min={0} value={count.inserted ?? ""} onChange={(e) => onChange({ ...count, inserted: number(e.target.value) })} />
        </label>
        <label>
          Removed
          <input type="number" min={0} value={count.removed ?? ""} onChange={(e) => onChange({ ...count, removed: number(e.target.value) })} />
        </label>
        {count.inserted !== null && count.removed !== count.inserted && (
          <button type="button" className="primary" onClick={() => onChange({ ...count, removed: count.inserted, incident: null })}>
            All {count.inserted} out
          </button>
        )}
        {planned > 0 && count.inserted !== planned && (
          <span className="small muted">The points charted take {planned} needles.</span>
        )}
      </div>
      <p className={check.ok ? "success small" : "form-error small"} role="status">
        {check.message}
      </p>
      {missing && (
        <div className="incident">
          <label>
            Retained-needle incident: where it was left, what was done
            <LimitedText
              as="textarea"
              max={TEXT_LIMITS.incidentDescription}
              rows={2}
              value={count.incident?.description ?? ""}
              onChange={(e) => onChange({ ...count, incident: e.target.value.trim() ? { description: e.target.value, found: count.incident?.found ?? false } : null })}
            />
          </label>
          <label className="inline">
            <input type="checkbox" checked={count.incident?.found ?? false} disabled={!count.incident} onChange={(e) => count.incident && onChange({ ...count, incident: { ...count.incident, found: e.target.checked } })} />
            Needle found
          </label>
        </div>
      )}
    </fieldset>
  );
}
