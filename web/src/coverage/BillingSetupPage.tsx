/**
 * The owner's billing setup: what a superbill names of the clinic and its
 * providers (NPI, credential, licence, who may furnish under NCD 30.3.3), the
 * fee schedule, and the clinic's payer plans as the owner reads them from
 * each payer's policy.
 */
import { useState } from "react";
import { npiProblem } from "../../../domain/directory/npi.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { RemoveDemoClinic } from "./RemoveDemoClinic.tsx";
import { PayerPlans, type Plan } from "./PayerPlans.tsx";
import { NpiCheck, type NpiDirectoryMatch } from "./NpiCheck.tsx";

interface Provider {
  id: string;
  displayName: string;
  furnisher: string;
  credential: string | null;
  npi: string | null;
  licence: string | null;
  /** How the directory lists the saved NPI (server/services/staffNpiMatch.ts). */
  directory?: NpiDirectoryMatch | null;
}
interface Billing {
  clinic: Record<"name" | "addressLine" | "city" | "region" | "postalCode" | "phone" | "taxId" | "npi", string | null>;
  providers: Provider[];
}
const CODES = ["97810", "97811", "97813", "97814", "20560", "20561"];
const PROVIDER_FIELD = { credential: "Credential", npi: "NPI", licence: "Licence" } as const;
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
      {plans.data && <PayerPlans plans={plans.data} onSaved={plans.reload} />}
      <RemoveDemoClinic />
    </section>
  );
}

function DetailsForm({ initial, onSaved }: { initial: Billing; onSaved: () => void }) {
  const [clinic, setClinic] = useState(initial.clinic);
  const [providers, setProviders] = useState(initial.providers);
  const [saved, setSaved] = useState(false);
  const { submit, error, busy } = useSubmit(async () => {
    await api("PUT", "/api/v1/billing-details", { clinic: { ...clinic, name: clinic.name ?? "" }, providers: providers.map(({ displayName: _d, directory: _m, ...p }) => p) });
    // The clinic's name is in the header of every page: show the new one.
    if (clinic.name !== initial.clinic.name) window.location.reload();
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
        {field("Clinic name", "name")}
        {field("Address", "addressLine")}
        {field("City", "city")}
        {field("State", "region")}
        {field("ZIP", "postalCode")}
        {field("Phone", "phone")}
        {field("Tax id (EIN)", "taxId")}
        {field("Clinic NPI (type 2)", "npi")}
        {clinic.npi && npiProblem(clinic.npi.trim()) && <span className="field-error">{npiProblem(clinic.npi.trim())}</span>}
      </fieldset>
      <ListTable className="stack providers" columns={["Provider", "Furnishes as (NCD 30.3.3)", ...Object.values(PROVIDER_FIELD)]}>
          {providers.map((p) => (
            <ListRow key={p.id}>
              <th scope="row">{p.displayName}</th>
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
                  <input
                    aria-label={`${p.displayName} ${key}`}
                    type="text"
                    inputMode={key === "npi" ? "numeric" : undefined}
                    value={p[key] ?? ""}
                    onChange={(e) => setProvider(p.id, { [key]: e.target.value || null })}
                    {...(key === "npi" && { "aria-describedby": `npi-check-${p.id}` })}
                  />
                  {key === "npi" && <NpiCheck id={`npi-check-${p.id}`} typed={p.npi} saved={initial.providers.find((i) => i.id === p.id) ?? null} furnisher={p.furnisher} />}
                </td>
              ))}
            </ListRow>
          ))}
      </ListTable>
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
