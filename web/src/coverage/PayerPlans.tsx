/**
 * The clinic's payer plans: each plan's rules as the owner reads them from the
 * payer's policy (visit cap, plan year, prior authorisation, covered
 * modalities, the disputed code pairings and the time rule), added and edited
 * in one form. The coverage engine (domain/coverage/payerPlan.ts) reads them.
 */
import { useState } from "react";
import type { PlanRules as Rules } from "../../../domain/coverage/payerPlan.ts";
import { COVERAGE_MODALITIES, type CoverageModality } from "../../../domain/coverage/types.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";

/** A plan as the API returns it. */
export interface Plan {
  id: string;
  name: string;
  rules: Rules;
}

const MODALITY_TEXT: Record<CoverageModality, string> = { acupuncture: "acupuncture", electroacupuncture: "electroacupuncture", "dry-needling": "dry needling" };

const NEW_RULES: Rules = {
  visitsPerPlanYear: null,
  planYearStart: "01-01",
  priorAuthorization: { required: false, number: null, from: null, to: null },
  coveredModalities: [...COVERAGE_MODALITIES],
  allow97811With97813: true,
  allow97814With97810: true,
  timeRule: "more-than-half",
};

export function PayerPlans({ plans, onSaved }: { plans: Plan[]; onSaved: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="plans-heading">
      <h2 id="plans-heading">Payer plans</h2>
      {plans.length === 0 && <p className="muted">No plans yet.</p>}
      <ul className="plans">
        {plans.map((p) =>
          editing === p.id ? (
            <li key={p.id}>
              <PlanForm
                plan={p}
                onDone={() => {
                  setEditing(null);
                  onSaved();
                }}
              />
            </li>
          ) : (
            <li key={p.id}>
              <strong>{p.name}</strong>: {p.rules.visitsPerPlanYear === null ? "no visit cap" : `${p.rules.visitsPerPlanYear} visits`} per plan year from {p.rules.planYearStart} · prior
              authorisation {p.rules.priorAuthorization.required ? "required" : "not required"} · covers {p.rules.coveredModalities.map((m) => MODALITY_TEXT[m]).join(", ")}
              {!p.rules.allow97811With97813 && " · no 97811 after 97813"}
              {!p.rules.allow97814With97810 && " · no 97814 after 97810"}
              {p.rules.timeRule === "full-increment" && " · full 15 minutes per unit"}{" "}
              <button type="button" className="link-button" onClick={() => setEditing(p.id)}>
                Edit
              </button>
            </li>
          ),
        )}
      </ul>
      {editing === null && (
        <details>
          <summary>Add a plan</summary>
          <PlanForm plan={null} onDone={onSaved} />
        </details>
      )}
      <p className="small muted">Enter each plan's rules from the payer's own policy; Acuback holds no payer's rules of its own.</p>
    </section>
  );
}

function PlanForm({ plan, onDone }: { plan: Plan | null; onDone: () => void }) {
  const [name, setName] = useState(plan?.name ?? "");
  const [rules, setRules] = useState<Rules>(plan?.rules ?? NEW_RULES);
  const set = (change: Partial<Rules>) => setRules((r) => ({ ...r, ...change }));
  const { submit, error, busy } = useSubmit(async () => {
    if (plan) await api("PUT", `/api/v1/payer-plans/${plan.id}`, { name, rules });
    else await api("POST", "/api/v1/payer-plans", { name, rules });
    if (!plan) {
      setName("");
      setRules(NEW_RULES);
    }
    onDone();
  });
  const toggleModality = (m: CoverageModality, on: boolean) =>
    set({ coveredModalities: on ? COVERAGE_MODALITIES.filter((x) => x === m || rules.coveredModalities.includes(x)) : rules.coveredModalities.filter((x) => x !== m) });
  return (
    <form
      className="form-grid plan-form"
      aria-label={plan ? `Edit ${plan.name}` : "New plan"}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormError error={error} />
      <div className="row">
        <label className="grow">
          Plan name
          <input type="text" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Visits per plan year
          <input
            type="number"
            min={1}
            placeholder="no cap"
            value={rules.visitsPerPlanYear ?? ""}
            onChange={(e) => set({ visitsPerPlanYear: e.target.value === "" ? null : Math.trunc(Number(e.target.value)) })}
          />
        </label>
        <label>
          Plan year starts (MM-DD)
          <input type="text" inputMode="numeric" pattern="\d{2}-\d{2}" value={rules.planYearStart} onChange={(e) => set({ planYearStart: e.target.value })} />
        </label>
      </div>
      <fieldset>
        <legend>Covers</legend>
        {COVERAGE_MODALITIES.map((m) => (
          <label key={m} className="inline">
            <input type="checkbox" checked={rules.coveredModalities.includes(m)} onChange={(e) => toggleModality(m, e.target.checked)} /> {MODALITY_TEXT[m]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Rules</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={rules.priorAuthorization.required}
            onChange={(e) => set({ priorAuthorization: { ...rules.priorAuthorization, required: e.target.checked } })}
          />{" "}
          Prior authorisation required (each patient's number and dates go on their coverage)
        </label>
        <label className="inline">
          <input type="checkbox" checked={rules.allow97811With97813} onChange={(e) => set({ allow97811With97813: e.target.checked })} /> 97811 may follow 97813
        </label>
        <label className="inline">
          <input type="checkbox" checked={rules.allow97814With97810} onChange={(e) => set({ allow97814With97810: e.target.checked })} /> 97814 may follow 97810
        </label>
        <label>
          A unit of time is billed
          <select value={rules.timeRule} onChange={(e) => set({ timeRule: e.target.value as Rules["timeRule"] })}>
            <option value="more-than-half">once more than half of the 15 minutes has passed (CPT time rule)</option>
            <option value="full-increment">only for the full 15 minutes (this payer's policy)</option>
          </select>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !name.trim() || rules.coveredModalities.length === 0}>
          {plan ? "Save plan" : "Add plan"}
        </button>
        {plan && (
          <button type="button" className="link-button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
