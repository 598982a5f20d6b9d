import { Link, useParams } from "react-router";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";

type Status = "reported" | "missing" | "not-applicable";

interface SubItem {
  id: string;
  label: string;
  value: string | null;
  status: Status;
  why?: string;
}

interface StrictaRecord {
  patient: { id: string; recordNumber: string; name: string };
  clinic: string;
  visits: number;
  excludedVisits: number;
  firstVisit: string | null;
  lastVisit: string | null;
  counts: Record<Status, number>;
  items: { id: string; label: string; subItems: SubItem[] }[];
}

const STATUS_LABELS: Record<Status, string> = { reported: "Reported", missing: "Missing", "not-applicable": "Not applicable" };

/**
 * The STRICTA 2010 record of a patient's course (MacPherson 2010, PLoS Med):
 * every item and sub-item with what the chart says, or "Missing" with why.
 * Reads well on screen and prints on A4/Letter without the app's chrome.
 */
export function StrictaPage() {
  const { patientId = "" } = useParams();
  const { session } = useSession();
  const { data: record, error } = useLoad(() => api<StrictaRecord>("GET", `/api/v1/patients/${patientId}/stricta`), patientId);

  if (error) return <FormError error={error} />;
  if (!record) return <p className="loading">Loading…</p>;
  const span = record.firstVisit ? (record.firstVisit === record.lastVisit ? record.firstVisit : `${record.firstVisit} to ${record.lastVisit}`) : null;
  return (
    <section className="stricta">
      <p className="crumbs stricta-noprint">
        <Link to={`/patients/${patientId}`}>← {record.patient.name}</Link>
      </p>
      <div className="page-head">
        <h1>STRICTA record</h1>
        <button type="button" className="primary stricta-noprint" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p className="stricta-meta">
        <strong>{record.patient.name}</strong> · record {record.patient.recordNumber} · {record.clinic}
        <br />
        {record.visits === 0 ? "No signed visits yet" : `${record.visits} signed visit${record.visits === 1 ? "" : "s"}${span ? `, ${span}` : ""}`}
        {record.excludedVisits > 0 && ` (${record.excludedVisits} entered in error left out)`} · {record.counts.reported} of 17 sub-items reported,{" "}
        {record.counts.missing} missing, {record.counts["not-applicable"]} not applicable
      </p>
      <p className="muted small">
        Standards for Reporting Interventions in Clinical Trials of Acupuncture (STRICTA 2010; MacPherson et al., PLoS Med 2010), filled from
        this patient&apos;s treatment plans and signed visit notes. Made {calendarDateOf(new Date())} by {session.user.displayName.replace(/\.$/, "")}.
      </p>
      <table className="stricta-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">What it asks</th>
            <th scope="col">From the record</th>
          </tr>
        </thead>
        {record.items.map((item) => (
          <tbody key={item.id}>
            <tr className="stricta-item">
              <th scope="rowgroup" colSpan={3}>
                {item.id}. {item.label}
              </th>
            </tr>
            {item.subItems.map((sub) => (
              <tr key={sub.id} className={`stricta-${sub.status}`}>
                <td className="stricta-id">{sub.id}</td>
                <td className="stricta-label">{sub.label}</td>
                <td>
                  {sub.status === "reported" && sub.value}
                  {sub.status === "not-applicable" && <span className="stricta-na">{sub.value}</span>}
                  {sub.status === "missing" && (
                    <>
                      <span className="stricta-flag">
                        {STATUS_LABELS.missing} — {sub.why}
                      </span>
                      {sub.value && <span className="stricta-partial">So far: {sub.value}</span>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
