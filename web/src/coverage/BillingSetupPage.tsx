/**
 * The owner's billing setup: what a superbill names of the clinic and its
 * providers (NPI, credential, licence, who may furnish under NCD 30.3.3), the
 * fee schedule, and the clinic's payer plans as the owner reads them from
 * each payer's policy.
 */
import { useState } from "react";
import { COVERAGE_MODALITIES } from "../../../domain/coverage/types.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";

interface Provider {
  id: string;
  displayName: string;
  furnisher: string;
  credential: string | null;
  npi: string | null;
  licence: string | null;
}
interface Billing {
  clinic: Record<"name" | "addressLine" | "city" | "region" | "postalCode" | "phone" | "taxId" | "npi", string | null>;
  providers: Provider[];
}
interface Plan {
  id: string;
  name: string;
  rules: { visitsPerPlanYear: number | null; priorAuthorization: { required: boolean }; coveredModalities: string[]; timeRule: string };
}

const CODES = ["97810", "97811", "97813", "97814", "20560", "20561"];
const FURNISHERS = [
  ["acupuncturist", "Licensed acupuncturist"],
  ["physician", "Physician"],
  ["nurse-practitioner", "Nurse practitioner"],
  ["physician-assistant", "Physician assistant"],
  ["clinical-nurse-specialist", "Clinical nurse specialist"],
] as const;

export function BillingSetupPage() {
  const billing = useLoad(() => api<Billing>("GET", "/api/v1/billing-details"), "billing");
  const fees = useLoad(() => api<Record<string, number>>("GET", "/api/v1/fee-schedule"), "fees");
  const plans = useLoad(() => api<Plan[]>("GET", "/api/v1/payer-plans"), "plans");
  return (
    <section>
      <h1>Billing</h1>
      <FormError error={billing.error ?? fees.error ?? plans.error} />
      {billing.data && <DetailsForm initial={billing.data} onSaved={billing.reload} />}
      {fees.data && <FeesForm initial={fees.data} onSaved={fees.reload} />}
      {plans.data && <Plans plans={plans.data} onSaved={plans.reload} />}
    </section>
  );
}

function DetailsForm({ initial, onSaved }: { initial: Billing; onSaved: () => void }) {
  const [clinic, setClinic] = useState(initial.clinic);
  const [providers, setProviders] = useState(initial.providers);
  const [saved, setSaved] = useState(false);
  const { submit, error, busy } = useSubmit(async () => {
    const { name: _name, ...details } = clinic;
    await api("PUT", "/api/v1/billing-details", { clinic: details, providers: providers.map(({ displayName: _d, ...p }) => p) });
    setSaved(true);
    onSaved();
  });
  const field = (label: string, key: keyof Billing["clinic"]) => (
    <label>
      {label}
      <input type="text" value={clinic[key] ?? ""} onChange={(e) => (setSaved(false), setClinic({ ...clinic, [key]: e.target.value || null }))} />
    </label>
  );
  const setProvider = (id: string, change: Partial<Provider>) => (setSaved(false), setProviders(providers.map((p) => (p.id === id ? { ...p, ...change } : p))));
  return (
    <form className="card form-grid" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h2>Clinic and providers on claims</h2>
      <FormError error={error} />
      <fieldset>
        {field("Address", "addressLine")}
        {field("City", "city")}
        {field("State", "region")}
        {field("ZIP", "postalCode")}
        {field("Phone", "phone")}
        {field("Tax id (EIN)", "taxId")}
        {field("Clinic NPI (type 2)", "npi")}
      </fieldset>
      <table className="list">
        <thead>
          <tr>
            <th>Provider</th>
            <th>Furnishes as (NCD 30.3.3)</th>
            <th>Credential</th>
            <th>NPI</th>
            <th>Licence</th>
          </tr>
        </thead>
        <tbody>
          {providers.map((p) => (
            <tr key={p.id}>
              <td>{p.displayName}</td>
              <td>
                <select aria-label={`${p.displayName} furnishes as`} value={p.furnisher} onChange={(e) => setProvider(p.id, { furnisher: e.target.value })}>
                  {FURNISHERS.map(([id, label]) => (
                    <option key={id} value={id}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
              {(["credential", "npi", "licence"] as const).map((key) => (
                <td key={key}>
                  <input aria-label={`${p.displayName} ${key}`} type="text" value={p[key] ?? ""} onChange={(e) => setProvider(p.id, { [key]: e.target.value || null })} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">Physicians, NPs, PAs and CNSs must hold the degree and licence NCD 30.3.3 requires; a licensed acupuncturist's Medicare visits are billed incident-to a supervising provider.</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save billing details
        </button>
        {saved && <span className="good small">Saved.</span>}
      </div>
    </form>
  );
}

function FeesForm({ initial, onSaved }: { initial: Record<string, number>; onSaved: () => void }) {
  const [fees, setFees] = useState(() => Object.fromEntries(CODES.map((c) => [c, initial[c] !== undefined ? (initial[c]! / 100).toFixed(2) : ""])));
  const [saved, setSaved] = useState(false);
  const { submit, error, busy } = useSubmit(async () => {
    const cents = Object.fromEntries(Object.entries(fees).filter(([, v]) => v !== "").map(([c, v]) => [c, Math.round(Number(v) * 100)]));
    await api("PUT", "/api/v1/fee-schedule", cents);
    setSaved(true);
    onSaved();
  });
  return (
    <form className="card form-grid" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h2>Fee schedule</h2>
      <FormError error={error} />
      <fieldset>
        {CODES.map((code) => (
          <label key={code}>
            {code} fee ($ per unit)
            <input type="number" min={0} step={0.01} value={fees[code]} onChange={(e) => (setSaved(false), setFees({ ...fees, [code]: e.target.value }))} />
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save fees
        </button>
        {saved && <span className="good small">Saved.</span>}
      </div>
    </form>
  );
}

function Plans({ plans, onSaved }: { plans: Plan[]; onSaved: () => void }) {
  const [name, setName] = useState("");
  const [visits, setVisits] = useState("20");
  const [auth, setAuth] = useState(true);
  const { submit, error, busy } = useSubmit(async () => {
    await api("POST", "/api/v1/payer-plans", {
      name,
      rules: {
        visitsPerPlanYear: visits ? Number(visits) : null,
        planYearStart: "01-01",
        priorAuthorization: { required: auth, number: null, from: null, to: null },
        coveredModalities: [...COVERAGE_MODALITIES],
        allow97811With97813: true,
        allow97814With97810: true,
        timeRule: "more-than-half",
      },
    });
    setName("");
    onSaved();
  });
  return (
    <section className="card">
      <h2>Payer plans</h2>
      {plans.length === 0 ? (
        <p className="muted">No plans yet.</p>
      ) : (
        <ul>
          {plans.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>: {p.rules.visitsPerPlanYear ?? "no"} visit cap per plan year · prior authorisation {p.rules.priorAuthorization.required ? "required" : "not required"} · covers{" "}
              {p.rules.coveredModalities.join(", ")}
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={(e) => (e.preventDefault(), void submit())}>
        <FormError error={error} />
        <label className="grow">
          Plan name
          <input type="text" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Visits per plan year
          <input type="number" min={1} value={visits} onChange={(e) => setVisits(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={auth} onChange={(e) => setAuth(e.target.checked)} /> prior authorisation required
        </label>
        <button type="submit" disabled={busy || !name.trim()}>
          Add plan
        </button>
      </form>
      <p className="small muted">Enter each plan's rules from the payer's own policy; Acuback holds no payer's rules of its own.</p>
    </section>
  );
}
