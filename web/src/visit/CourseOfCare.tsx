/**
 * The course of care on the patient page: the plans with visits done against
 * planned, the ways to start a visit (repeat the last treatment in one click,
 * a protocol, the plan, or blank), and every visit with its points on a small
 * map, needles, and pain before and after.
 */
import "./visit.css";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { labelOf, MODALITIES } from "../../../domain/treatment/modalities.ts";
import type { Protocol } from "../../../domain/treatment/protocols.ts";
import { siteLabel, type Treatment } from "../../../domain/treatment/treatment.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { CourseMap } from "./CourseMap.tsx";
import { PlanForm, ProtocolOptions } from "./PlanForm.tsx";
import type { Visit, VisitSummary } from "./types.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { BookCourse, planAppointmentCounts } from "../scheduling/BookCourse.tsx";
import type { AppointmentListing } from "../scheduling/types.ts";

export interface ProtocolCatalogue {
  library: Protocol[];
  clinic: { id: string; name: string; treatment: Treatment; note?: string | null }[];
}

interface Plan {
  id: string;
  episodeId: string;
  startOn: string;
  modality: string;
  protocolName: string | null;
  schedule: string;
  plannedVisits: number;
  goals: { instrument: string; change: number }[];
  progress: { done: number; planned: number; nextReEvaluation: string | null; outcome: string | null; summary: string };
}

/** A running plan's scheduling facts, all the front desk reads of it (server/services/coursesToBook.ts). */
interface CourseToBook {
  planId: string;
  startOn: string;
  schedule: string;
  plannedVisits: number;
  signedVisits: number;
  practitionerId: string | null;
}

interface EpisodeLite {
  id: string;
  onsetDate: string;
  carePath: { canStartPlan: boolean; reason: string };
}

export function CourseOfCare({ patientId, onVisits }: { patientId: string; onVisits?: (dates: CalendarDate[]) => void }) {
  const clinical = useCan("patients.clinical.read");
  const visits = useLoad(() => api<Visit[] | VisitSummary[]>("GET", `/api/v1/patients/${patientId}/visits`), patientId);
  useEffect(() => {
    if (clinical && visits.data) onVisits?.((visits.data as Visit[]).filter((v) => v.status === "signed").map((v) => v.chart.visitOn));
  }, [clinical, visits.data, onVisits]);
  if (!clinical) return <VisitSummaries patientId={patientId} visits={(visits.data as VisitSummary[] | null) ?? []} />;
  return <ClinicalCourse patientId={patientId} visits={(visits.data as Visit[] | null) ?? []} error={visits.error} />;
}

function ClinicalCourse({ patientId, visits, error }: { patientId: string; visits: Visit[]; error: ReturnType<typeof useLoad>["error"] }) {
  const navigate = useNavigate();
  const plans = useLoad(() => api<Plan[]>("GET", `/api/v1/patients/${patientId}/plans`), patientId);
  const episodes = useLoad(() => api<EpisodeLite[]>("GET", `/api/v1/patients/${patientId}/episodes`), patientId);
  const protocols = useLoad(() => api<ProtocolCatalogue>("GET", "/api/v1/protocols"), "protocols");
  const appointments = useLoad(() => api<{ appointments: AppointmentListing[]; missed: number }>("GET", `/api/v1/patients/${patientId}/appointments`), `appointments-${patientId}`);
  const [planning, setPlanning] = useState(false);
  const [protocolId, setProtocolId] = useState("cherkin-2009-standardised");
  const openPlan = plans.data?.find((p) => p.progress.done < p.plannedVisits) ?? null;
  const lastSigned = visits.find((v) => v.status === "signed");
  const draft = visits.find((v) => v.status === "draft");
  const gate = episodes.data?.[0]?.carePath;

  const start = useSubmit(async (start: Record<string, string>, planId: string | null = null) => {
    const visit = await api<Visit>("POST", `/api/v1/patients/${patientId}/visits`, { visitOn: calendarDateOf(new Date()), planId, start });
    void navigate(`/visits/${visit.id}`);
  });
  const fromProtocol = () =>
    protocols.data?.clinic.some((p) => p.id === protocolId)
      ? start.submit({ from: "clinic-protocol", protocolId })
      : start.submit({ from: "protocol", protocolId });

  return (
    <section className="card course" aria-label="Treatment">
      <div className="page-head">
        <h2>Treatment</h2>
        <Link to={`/patients/${patientId}/stricta`} className="small">
          STRICTA record
        </Link>
      </div>
      <FormError error={error ?? plans.error ?? start.error} />
      {gate && !gate.canStartPlan && <p className="form-error">{gate.reason}</p>}
      {appointments.data && appointments.data.missed > 0 && (
        <p className="small" data-testid="missed-appointments">
          Missed appointments: {appointments.data.missed} (no-show or late cancellation)
        </p>
      )}
      {plans.data?.map((plan) => (
        <div key={plan.id} className="plan" data-testid="plan">
          <strong>{plan.protocolName ?? labelOf(MODALITIES, plan.modality)}</strong> · {plan.schedule} · from {formatDate(plan.startOn)}
          <div
            className="progress"
            role="progressbar"
            aria-label="Visits of the plan done"
            aria-valuemin={0}
            aria-valuemax={plan.plannedVisits}
            aria-valuenow={Math.min(plan.progress.done, plan.plannedVisits)}
            aria-valuetext={`${plan.progress.done} of ${plan.plannedVisits} visits`}
          >
            <span style={{ width: `${Math.min(100, (plan.progress.done / plan.plannedVisits) * 100)}%` }} />
          </div>
          <span className="small">
            {plan.progress.summary}
            {plan.progress.outcome && ` · outcome: ${plan.progress.outcome}`}
            {plan.goals.length > 0 && ` · goals: ${plan.goals.map((g) => `${g.instrument.toUpperCase()} ${g.change}`).join(", ")}`}
          </span>
          {appointments.data && <PlanAppointments counts={planAppointmentCounts(appointments.data.appointments, plan.id)} />}
          {plan.progress.done < plan.plannedVisits && <BookCourse planId={plan.id} onBooked={appointments.reload} />}
        </div>
      ))}
      <div className="actions start-visit">
        {draft && (
          <Link className="button primary" to={`/visits/${draft.id}`}>
            Continue draft of {formatDate(draft.chart.visitOn)}
          </Link>
        )}
        {lastSigned && (
          <button type="button" className={draft ? undefined : "primary"} disabled={start.busy} onClick={() => void start.submit({ from: "last-visit" }, lastSigned.planId)}>
            Repeat last treatment
          </button>
        )}
        {openPlan && (
          <button type="button" disabled={start.busy} onClick={() => void start.submit({ from: "plan" }, openPlan.id)}>
            Visit from the plan
          </button>
        )}
        <select aria-label="Protocol" value={protocolId} onChange={(e) => setProtocolId(e.target.value)}>
          <ProtocolOptions protocols={protocols.data} />
        </select>
        <button type="button" disabled={start.busy} onClick={() => void fromProtocol()}>
          Visit from protocol
        </button>
        <Link className="small" to={`/protocols/${protocolId}`}>
          The protocol and its trials
        </Link>
        <button type="button" disabled={start.busy} onClick={() => void start.submit({ from: "blank", modality: "manual" })}>
          Blank visit
        </button>
        {!planning && (
          <button type="button" onClick={() => setPlanning(true)}>
            Plan a course
          </button>
        )}
      </div>
      {planning && episodes.data && (
        <PlanForm
          patientId={patientId}
          episodes={episodes.data.map((e) => ({ id: e.id, label: `Episode from ${formatDate(e.onsetDate)}` }))}
          protocols={protocols.data}
          onDone={() => {
            setPlanning(false);
            plans.reload();
          }}
        />
      )}
      <VisitList visits={visits} />
    </section>
  );
}

/** The plan's appointments: booked, done and missed (no-shows and late cancellations). */
function PlanAppointments({ counts }: { counts: { booked: number; done: number; missed: number } }) {
  if (counts.booked + counts.done + counts.missed === 0) return <span className="small muted plan-appointments">No appointments booked for this plan.</span>;
  return (
    <span className="small plan-appointments" data-testid="plan-appointments">
      Appointments: {counts.booked} booked · {counts.done} done · {counts.missed} missed
    </span>
  );
}

function VisitList({ visits }: { visits: Visit[] }) {
  if (visits.length === 0) return <p className="muted">No visits yet.</p>;
  return (
    <ol className="visits">
      {visits.map((visit) => {
        const { chart } = visit;
        const error = visit.amendments.some((a) => a.enteredInError);
        return (
          <li key={visit.id} className={`visit ${visit.status}${error ? " entered-in-error" : ""}`} data-testid="visit">
            <CourseMap sites={chart.treatment.sites} />
            <div>
              <Link to={`/visits/${visit.id}`}>
                <strong>{formatDate(chart.visitOn)}</strong>
              </Link>{" "}
              <span className={`status ${visit.status}`}>{visit.status === "signed" ? "Signed" : "Draft"}</span>
              {visit.amendments.length > 0 && <span className="small"> · {visit.amendments.length} amendment{visit.amendments.length > 1 ? "s" : ""}</span>}
              {chart.overrides.length > 0 && <span className="small"> · block overridden</span>}
              {error && <span className="small"> · entered in error</span>}
              <div className="small">
                {labelOf(MODALITIES, chart.treatment.modality)} · {chart.treatment.sites.map(siteLabel).join(", ") || "no points"}
              </div>
              <div className="small muted">
                Needles {chart.needleCount.inserted ?? "?"} in / {chart.needleCount.removed ?? "?"} out · pain {chart.painBefore ?? "—"} → {chart.painAfter ?? "—"} · {visit.practitionerName}
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The front desk sees that visits happened, and when, not what was done. */
function VisitSummaries({ patientId, visits }: { patientId: string; visits: VisitSummary[] }) {
  const appointments = useLoad(() => api<{ appointments: AppointmentListing[]; missed: number }>("GET", `/api/v1/patients/${patientId}/appointments`), `appointments-${patientId}`);
  const courses = useLoad(() => api<CourseToBook[]>("GET", `/api/v1/patients/${patientId}/courses`), `courses-${patientId}`);
  const upcoming = appointments.data?.appointments.filter((a) => a.status === "booked").length ?? 0;
  return (
    <section className="card" aria-label="Visits">
      <h2>Visits</h2>
      <FormError error={appointments.error ?? courses.error} />
      {appointments.data && (
        <p className="small" data-testid="appointment-counts">
          Appointments: {upcoming} booked · {appointments.data.missed} missed (no-show or late cancellation)
        </p>
      )}
      {courses.data?.map((course) => (
        <div key={course.planId} className="plan" data-testid="plan">
          <strong>Course of care</strong> · {course.schedule} · from {formatDate(course.startOn)} · {course.signedVisits} of {course.plannedVisits} visits done
          {appointments.data && <PlanAppointments counts={planAppointmentCounts(appointments.data.appointments, course.planId)} />}
          <BookCourse planId={course.planId} practitionerId={course.practitionerId} onBooked={appointments.reload} />
        </div>
      ))}
      {visits.length === 0 ? (
        <p className="muted">No visits yet.</p>
      ) : (
        <ul>
          {visits.map((v) => (
            <li key={v.id}>
              {formatDate(v.visitOn)} · {v.status === "signed" ? "signed" : "draft"} · {v.practitionerName}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
