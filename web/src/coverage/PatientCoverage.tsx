/** The patient's coverage: payer, plan, member id, prior authorisation and the supervising provider for incident-to visits. */
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { useState } from "react";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { CoverageResult, type CoverageResultView } from "./CoverageResult.tsx";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";

interface Coverage {
  payer: "medicare" | "plan" | "self-pay";
  planId: string | null;
  memberId: string | null;
  priorAuthNumber: string | null;
  priorAuthFrom: string | null;
  priorAuthTo: string | null;
  supervisorId: string | null;
}

interface Setup {
  coverage: Coverage | null;
  plans: { id: string; name: string }[];
  providers: { id: string; displayName: string; furnisher: string; credential: string | null }[];
}

const PAYER_TEXT = { medicare: "Medicare", plan: "Insurance plan", "self-pay": "Self-pay" } as const;

export function PatientCoverage({ patientId }: { patientId: string }) {
  const { data, error, reload } = useLoad(async (): Promise<Setup> => {
    const [coverage, plans, billing] = await Promise.all([
      api<Coverage | null>("GET", `/api/v1/patients/${patientId}/coverage`),
      api<{ id: string; name: string }[]>("GET", "/api/v1/payer-plans"),
      api<{ providers: Setup["providers"] }>("GET", "/api/v1/billing-details"),
    ]);
    return { coverage, plans, providers: billing.providers };
  }, patientId);
  const [editing, setEditing] = useState(false);
  const canEdit = useCan("patients.demographics.write");
  const seesClinical = useCan("patients.clinical.read");
  if (error) return <FormError error={error} />;
  // The card is drawn before its data arrives, so the cards below it do not jump when it fills in.
  if (!data) {
    return (
      <section className="card" aria-label="Coverage" aria-busy="true">
        <h2>Coverage</h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }
  const { coverage, plans, providers } = data;
  const supervisor = providers.find((p) => p.id === coverage?.supervisorId);
  return (
    <section className="card" aria-label="Coverage">
      <div className="page-head">
        <h2>Coverage</h2>
        {canEdit && !editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {coverage ? "Edit coverage" : "Record coverage"}
          </button>
        )}
      </div>
      {!editing &&
        (coverage ? (
          <p data-testid="coverage-summary">
            <strong>{coverage.payer === "plan" ? (plans.find((p) => p.id === coverage.planId)?.name ?? "Plan") : PAYER_TEXT[coverage.payer]}</strong>
            {coverage.memberId && ` · member ${coverage.memberId}`}
            {coverage.priorAuthNumber && ` · prior authorisation ${coverage.priorAuthNumber} (${coverage.priorAuthFrom ? formatDate(coverage.priorAuthFrom) : "?"} → ${coverage.priorAuthTo ? formatDate(coverage.priorAuthTo) : "?"})`}
            {supervisor && ` · supervised by ${supervisor.displayName}${supervisor.credential ? `, ${supervisor.credential}` : ""}`}
          </p>
        ) : (
          <p className="muted">No coverage recorded: visits are treated as self-pay.</p>
        ))}
      {!editing && coverage && coverage.payer !== "self-pay" && seesClinical && <NextVisit patientId={patientId} refreshKey={JSON.stringify(coverage)} />}
      {editing && (
        <CoverageForm
          patientId={patientId}
          initial={coverage}
          plans={plans}
          supervisors={providers.filter((p) => p.furnisher !== "acupuncturist")}
          onDone={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </section>
  );
}

function CoverageForm({ patientId, initial, plans, supervisors, onDone }: { patientId: string; initial: Coverage | null; plans: Setup["plans"]; supervisors: Setup["providers"]; onDone: () => void }) {
  const [form, setForm] = useState<Coverage>(initial ?? { payer: "medicare", planId: null, memberId: null, priorAuthNumber: null, priorAuthFrom: null, priorAuthTo: null, supervisorId: null });
  const set = (change: Partial<Coverage>) => setForm((f) => ({ ...f, ...change }));
  const { submit, error, busy } = useSubmit(async () => {
    await api("PUT", `/api/v1/patients/${patientId}/coverage`, { ...form, planId: form.payer === "plan" ? form.planId : null });
    onDone();
  });
  const textInput = (label: string, key: keyof Coverage, type = "text") => (
    <label>
      {label}
      <input type={type} value={form[key] ?? ""} onChange={(e) => set({ [key]: e.target.value || null })} />
    </label>
  );
  return (
    <form
      className="form-grid"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={error} />
      <fieldset>
        <label>
          Payer
          <select value={form.payer} onChange={(e) => set({ payer: e.target.value as Coverage["payer"] })}>
            <option value="medicare">Medicare</option>
            <option value="plan">Insurance plan</option>
            <option value="self-pay">Self-pay</option>
          </select>
        </label>
        {form.payer === "plan" && (
          <label>
            Plan
            <select value={form.planId ?? ""} onChange={(e) => set({ planId: e.target.value || null })}>
              <option value="">Choose…</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {textInput("Member id", "memberId")}
        {textInput("Prior authorisation number", "priorAuthNumber")}
        {textInput("Authorised from", "priorAuthFrom", "date")}
        {textInput("Authorised to", "priorAuthTo", "date")}
        <label>
          Supervising provider (incident-to)
          <select value={form.supervisorId ?? ""} onChange={(e) => set({ supervisorId: e.target.value || null })}>
            <option value="">None</option>
            {supervisors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.credential ? `, ${p.credential}` : ""}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save coverage
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface NextVisitView {
  visitOn: string;
  counter: string | null;
  coverage: CoverageResultView | null;
  risks: { kind: string; message: string }[];
  reEvaluation: string | null;
}

/** The next visit as the coverage engine judges it today: the counter, covered or not, and the re-evaluation the NCD needs. */
function NextVisit({ patientId, refreshKey }: { patientId: string; refreshKey: string }) {
  const { data, error } = useLoad(() => api<NextVisitView | null>("GET", `/api/v1/patients/${patientId}/coverage/next`), `${patientId}:${refreshKey}`);
  if (error) return <FormError error={error} />;
  if (!data?.coverage) return null;
  const title = (
    <>
      <strong>Next visit{data.coverage.covered ? "" : ": not covered"}</strong>
      {data.counter && ` · ${data.counter}`}
    </>
  );
  return (
    <CoverageResult coverage={data.coverage} title={title} testId="next-visit-coverage">
      {data.reEvaluation && <p className="small">{data.reEvaluation}</p>}
    </CoverageResult>
  );
}
