/**
 * Coverage and billing for one visit, from what was charted: the Medicare
 * counter, covered or not with every reason and its clause, warnings, the CPT
 * lines with fees, the diagnosis, and the superbill. Never a suggestion to code
 * more than the record supports.
 */
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { CoverageResult, type CoverageResultView } from "./CoverageResult.tsx";
import { useLoad } from "../useLoad.ts";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";

interface Line {
  code: string;
  units: number;
  modifiers: string[];
  why?: string;
  feeCents: number | null;
}

export interface VisitCoverageView {
  payer: "medicare" | "plan" | "self-pay" | null;
  plan: { name: string; visitsPerPlanYear: number | null } | null;
  counter: string | null;
  coverage: CoverageResultView | null;
  claim: { lines: Line[]; notes?: string[] };
  diagnoses: { code: string; title: string; rule?: string }[];
  totalCents: number | null;
  claims: { computedFor: string; computedAt: string; lines: Line[] }[];
}

export const money = (cents: number | null) => (cents === null ? "—" : `$${(cents / 100).toFixed(2)}`);

const PAYER = { medicare: "Medicare (NCD 30.3.3)", plan: "Insurance plan", "self-pay": "Self-pay" } as const;

export function VisitBilling({ visitId, refreshKey = "" }: { visitId: string; refreshKey?: string }) {
  const { data, error } = useLoad(() => api<VisitCoverageView>("GET", `/api/v1/visits/${visitId}/coverage`), `${visitId}:${refreshKey}`);
  if (error) return <FormError error={error} />;
  if (!data) return <p className="loading">Checking coverage…</p>;
  const { coverage } = data;
  return (
    <section className="card billing" aria-label="Coverage and billing">
      <div className="page-head">
        <h2>Coverage and billing</h2>
        <a className="small" href={`/api/v1/visits/${visitId}/superbill.pdf`} target="_blank" rel="noreferrer">
          Superbill (PDF)
        </a>
      </div>
      <p>
        <strong>{data.plan?.name ?? (data.payer ? PAYER[data.payer] : "No coverage recorded")}</strong>
        {data.counter && <span data-testid="visit-counter"> · {data.counter}</span>}
      </p>
      {coverage && <CoverageResult coverage={coverage} testId="coverage-result" />}
      <ListTable
        className="claim-lines"
        data-testid="claim-lines"
        columns={["Code", "Units", "Modifiers", "Fee", "From the chart"]}
        empty="No billable lines from this record (record the face-to-face increments to bill time)."
      >
          {data.claim.lines.map((line) => (
            <ListRow key={line.code}>
              <td className="mono">{line.code}</td>
              <td>{line.units}</td>
              <td>{line.modifiers.join(", ") || "—"}</td>
              <td>{money(line.feeCents)}</td>
              <td className="small">{line.why ?? ""}</td>
            </ListRow>
          ))}
      </ListTable>
      <p className="small">
        Total {data.totalCents === null ? "— (fees incomplete in the clinic's schedule)" : money(data.totalCents)} · Diagnosis{" "}
        {data.diagnoses.map((d) => (
          <span key={d.code}>
            <span className="mono">{d.code}</span> {d.title}
            {d.rule && <span className="muted"> ({d.rule})</span>}
          </span>
        ))}
      </p>
      {(data.claim.notes ?? []).map((n) => (
        <p key={n} className="small muted">
          {n}
        </p>
      ))}
      {data.claims.length > 1 && (
        <details data-testid="earlier-claims">
          <summary className="small">Earlier claim lines ({data.claims.length - 1})</summary>
          <ul className="small">
            {data.claims.slice(0, -1).map((c) => (
              <li key={c.computedAt}>
                {formatDateTime(c.computedAt)} ({c.computedFor === "signing" ? "at signing" : "after an amendment"}): {c.lines.map((l) => `${l.code}×${l.units}`).join(", ")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
