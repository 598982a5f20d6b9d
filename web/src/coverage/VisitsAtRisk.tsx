/** The clinic's Medicare patients whose next visit is at risk under NCD 30.3.3, with what to do about each. */
import { Link } from "react-router";
import { DEFAULT_AT_RISK_SETTINGS } from "../../../domain/coverage/atRisk.ts";
import { NCD_VISITS_PER_YEAR } from "../../../domain/coverage/ncd30_3_3.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useLoad } from "../useLoad.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";

interface PatientAtRisk {
  patientId: string;
  name: string;
  lastVisitOn: string;
  visitInWindow: number;
  visitInYear: number;
  window: { from: string; to: string };
  status: string;
  risks: { kind: string; message: string }[];
}

export function VisitsAtRisk() {
  const { data, error } = useLoad(() => api<PatientAtRisk[]>("GET", "/api/v1/coverage/at-risk"), "at-risk");
  return (
    <section className="card" aria-labelledby="at-risk-heading" data-testid="visits-at-risk">
      <h2 id="at-risk-heading">Medicare visits at risk</h2>
      <FormError error={error} />
      {data && data.length === 0 && <p className="muted">No Medicare patient is near a visit limit, not improving, or unmeasured before visit 13.</p>}
      {data && data.length > 0 && (
        <ListTable className="at-risk" columns={["Patient", "Next visit", "Why"]}>
            {data.map((p) => (
              <ListRow key={p.patientId} className={p.risks.some((r) => r.kind === "not-improving") ? "stop" : undefined}>
                <td>
                  <Link to={`/patients/${p.patientId}`}>{p.name}</Link>
                  <div className="small muted">last visit {formatDate(p.lastVisitOn)}</div>
                </td>
                <td>
                  {p.visitInWindow} in window · {p.visitInYear} of {NCD_VISITS_PER_YEAR} this year
                </td>
                <td>
                  <ul className="small">
                    {p.risks.map((r) => (
                      <li key={r.kind}>{r.message}</li>
                    ))}
                  </ul>
                </td>
              </ListRow>
            ))}
        </ListTable>
      )}
      <p className="small muted">
        NCD 30.3.3: 12 visits in 90 days, 8 more only with documented improvement, 20 a year; stop if not improving. Near means within {DEFAULT_AT_RISK_SETTINGS.nearVisits}{" "}
        visits of a limit (Acuback's setting, not Medicare's).
      </p>
    </section>
  );
}
