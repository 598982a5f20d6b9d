/** The clinic's outcomes at a glance: who responds at 4, 8 and 12 weeks, and which follow-ups are overdue. */
import { Link } from "react-router";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { VisitsAtRisk } from "../coverage/VisitsAtRisk.tsx";
import { useLoad } from "../useLoad.ts";

interface Dashboard {
  patients: number;
  milestones: { week: number; measured: number; responding: number; share: number | null }[];
  overdue: number;
}

export function DashboardPage() {
  const { data, error } = useLoad(() => api<Dashboard>("GET", "/api/v1/dashboard"), "dashboard");
  return (
    <section>
      <h1>Outcomes dashboard</h1>
      <FormError error={error} />
      {data && (
        <>
          <p className="muted">
            {data.patients} patient{data.patients === 1 ? "" : "s"} with a back-pain episode. Responding means better by the
            minimal clinically important difference on NRS, ODI or RMDQ (Ostelo 2008: 2 points, 10 points and 5 points, or 30%), none worse, at a measurement within
            7 days of the milestone.
          </p>
          <div className="milestones">
            {data.milestones.map((m) => (
              <div key={m.week} className="card milestone-card" data-testid={`milestone-${m.week}`}>
                <h2>{m.week} weeks</h2>
                {m.share === null ? (
                  <p className="muted">No one measured yet.</p>
                ) : (
                  <>
                    <p className="big-number">{m.share}%</p>
                    <div className="bar" role="img" aria-label={`${m.share}% responding`}>
                      <div className="fill" style={{ width: `${m.share}%` }} />
                    </div>
                    <p className="muted small">
                      {m.responding} of {m.measured} measured patients responding
                    </p>
                  </>
                )}
              </div>
            ))}
          </div>
          <p className={data.overdue > 0 ? "status status-not-improving" : "status"} data-testid="overdue">
            <strong>{data.overdue}</strong> follow-up measurement{data.overdue === 1 ? "" : "s"} overdue.{" "}
            {data.overdue > 0 && <Link to="/patients">See who on the patients page.</Link>}
          </p>
          <VisitsAtRisk />
        </>
      )}
    </section>
  );
}
