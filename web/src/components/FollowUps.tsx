/** Patients with a measurement due or overdue by the clinic's follow-up schedule, on the patients page. */
import { Link } from "react-router";
import { describeSchedule, instrumentList, type FollowUpSchedule, type Milestone } from "../../../domain/outcomes/followUp.ts";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { FormError } from "./FormError.tsx";
import { formatDate } from "../../../domain/shared/dateWords.ts";

interface FollowUp {
  patientId: string;
  name: string;
  recordNumber: string;
  startedOn: string;
  milestones: Milestone[];
}

const open = (m: Milestone) => m.status === "due" || m.status === "overdue";

export function FollowUps() {
  const { data, error } = useLoad(() => api<FollowUp[]>("GET", "/api/v1/follow-ups"), "follow-ups");
  const schedule = useLoad(() => api<{ schedule: FollowUpSchedule }>("GET", "/api/v1/follow-up-schedule"), "follow-up-schedule");
  if (error) return <FormError error={error} />;
  if (!data || data.length === 0) return null;
  return (
    <section className="card follow-ups" aria-label="Follow-ups due">
      <h2>Follow-ups due ({data.length})</h2>
      <ul>
        {data.map((f) => {
          const checkIns = f.milestones.filter((m) => m.kind === "check-in");
          // Only the current check-in is worth chasing; earlier missed ones are counted.
          const current = checkIns.find((m) => m.status === "due");
          const missed = checkIns.filter((m) => m.status === "overdue").length;
          const ask = [...new Set([...f.milestones.filter((m) => m.kind === "milestone" && open(m)), ...(current ? [current] : [])].flatMap((m) => m.missing))];
          return (
            <li key={f.patientId}>
              <Link to={`/patients/${f.patientId}`}>{f.name}</Link>{" "}
              {f.milestones
                .filter((m) => m.kind === "milestone" && open(m))
                .map((m) => (
                  <span key={m.week} className={`milestone ${m.status}`}>
                    week {m.week} {m.status}: {instrumentList(m.missing)} ({formatDate(m.dueOn)})
                  </span>
                ))}
              {current && (
                <span className="milestone due">
                  check-in due: {instrumentList(current.missing)} ({formatDate(current.dueOn)})
                </span>
              )}
              {missed > 0 && (
                <span className="muted small">
                  {" "}
                  {missed} check-in{missed === 1 ? "" : "s"} missed
                </span>
              )}{" "}
              <Link className="small" to={`/patients/${f.patientId}?ask=${ask.join(",")}`} aria-label={`Send ${f.name} a link for ${instrumentList(ask)}`}>
                Send link
              </Link>
            </li>
          );
        })}
      </ul>
      {schedule.data && (
        <p className="muted small">
          Schedule: {describeSchedule(schedule.data.schedule)} Send a report link or record a questionnaire.
        </p>
      )}
    </section>
  );
}
