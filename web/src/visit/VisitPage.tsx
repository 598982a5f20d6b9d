/** One visit: the chart while it is a draft, the signed note once signed. */
import "./visit.css";
import { Link, useParams } from "react-router";
import type { SafetyFlagState } from "../../../domain/assessment/safetyFlags.ts";
import { api, type Patient } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { ChartEditor } from "./ChartEditor.tsx";
import type { Visit } from "./types.ts";
import { VisitNote } from "./VisitNote.tsx";
import { VisitBilling } from "../coverage/VisitBilling.tsx";
import { useState } from "react";
import { formatDate } from "../../../domain/shared/dateWords.ts";

export default function VisitPage() {
  const { visitId = "" } = useParams();
  const loaded = useLoad(async () => {
    const visit = await api<Visit>("GET", `/api/v1/visits/${visitId}`);
    const [patient, flags] = await Promise.all([
      api<Patient>("GET", `/api/v1/patients/${visit.patientId}`),
      api<SafetyFlagState[]>("GET", `/api/v1/patients/${visit.patientId}/safety-flags`),
    ]);
    return { visit, patient, flags };
  }, visitId);
  const [signed, setSigned] = useState<Visit | null>(null);
  if (loaded.error) return <FormError error={loaded.error} />;
  if (!loaded.data) return <p className="loading">Loading the visit…</p>;
  const { patient, flags } = loaded.data;
  const visit = signed ?? loaded.data.visit;
  // Pregnancy recorded at intake counts as the flag until the flag is set.
  const activeFlags = flags.filter((f) => f.active || f.fromIntake !== null);
  return (
    <section>
      <p className="crumbs">
        <Link to={`/patients/${patient.id}`}>
          ← {patient.familyName}, {patient.givenName}
        </Link>
      </p>
      <div className="page-head">
        <h1>
          Visit {formatDate(visit.chart.visitOn)} <span className={`status ${visit.status}`}>{visit.status === "signed" ? "Signed" : "Draft"}</span>
        </h1>
        {activeFlags.length > 0 && (
          <span className="flag-strip" data-testid="active-flags">
            {activeFlags.map((f) => (
              <span key={f.flag} className="flag-chip">
                {f.label}
              </span>
            ))}
          </span>
        )}
      </div>
      {visit.status === "draft" ? (
        <ChartEditor key={visit.id} initial={visit} flags={flags} onSigned={setSigned} />
      ) : (
        <>
          <VisitBilling visitId={visit.id} refreshKey={String(visit.amendments.length)} />
          <VisitNote visit={visit} onAmended={setSigned} />
        </>
      )}
    </section>
  );
}
