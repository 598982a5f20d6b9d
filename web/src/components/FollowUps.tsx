/** Patients whose 4-, 8- or 12-week measurement is due or overdue, on the patients page. */
import { Link } from "react-router";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { FormError } from "./FormError.tsx";

interface FollowUp {
  patientId: string;
  name: string;
  recordNumber: string;
  startedOn: string;
  milestones: { week: number; dueOn: string; status: "done" | "due" | "overdue" | "upcoming" }[];
}

export function FollowUps() {
  const { data, error } = useLoad(() => api<FollowUp[]>("GET", "/api/v1/follow-ups"), "follow-ups");
  if (error) return <FormError error={error} />;
  if (!data || data.length === 0) return null;
  return (
    <section className="card follow-ups" aria-label="Follow-ups due">
      <h2>Follow-ups due ({data.length})</h2>
      <ul>
        {data.map((f) => (
          <li key={f.patientId}>
            <Link to={`/patients/${f.patientId}`}>{f.name}</Link>{" "}
            {f.milestones
              .filter((m) => m.status === "due" || m.status === "overdue")
              .map((m) => (
                <span key={m.week} className={`milestone ${m.status}`}>
                  week {m.week} {m.status} ({m.dueOn})
                </span>
              ))}
          </li>
        ))}
      </ul>
      <p className="muted small">Measure at 4, 8 and 12 weeks after intake (±7 days); send a report link or record a questionnaire.</p>
    </section>
  );
}
