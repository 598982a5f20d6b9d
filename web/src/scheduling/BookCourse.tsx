/**
 * "Book the course" on a plan: one click proposes the plan's remaining visits
 * on the practitioner's free slots (nothing is written), the list shows each
 * visit's day, time and room with any Medicare warning, a visit can be left
 * out, and one more click books them all (or, if anything clashed meanwhile,
 * none, with the reasons).
 */
import "./scheduling.css";
import { useState } from "react";
import { isMissed } from "../../../domain/scheduling/appointment.ts";
import { addDays } from "../../../domain/shared/calendarDate.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";
import { NamedSelect } from "./NamedSelect.tsx";
import { useSubmit } from "../useSubmit.ts";
import { clinicToday } from "./clinicClock.ts";
import type { AppointmentListing, CourseProposal, ScheduleSettings } from "./types.ts";

/** Booked, done and missed appointments of a plan, for its card. */
export function planAppointmentCounts(appointments: readonly AppointmentListing[], planId: string) {
  const mine = appointments.filter((a) => a.planId === planId);
  return { booked: mine.filter((a) => a.status === "booked").length, done: mine.filter((a) => a.status === "done").length, missed: mine.filter((a) => isMissed(a.status)).length };
}

/** `practitionerId`: who the course is booked with by default (the plan's author, for the front desk); else the signed-in practitioner. */
export function BookCourse({ planId, practitionerId, onBooked }: { planId: string; practitionerId?: string | null; onBooked: () => void }) {
  const { session } = useSession();
  const [settings, setSettings] = useState<ScheduleSettings | null>(null);
  const [choice, setChoice] = useState({ practitionerId: "", typeId: "", startOn: "" });
  const [proposal, setProposal] = useState<CourseProposal | null>(null);
  const [left, setLeft] = useState<Set<number>>(new Set());
  const [booked, setBooked] = useState<number | null>(null);

  const propose = useSubmit(async (next?: typeof choice) => {
    let loaded = settings;
    if (!loaded) {
      loaded = await api<ScheduleSettings>("GET", "/api/v1/schedule/settings");
      setSettings(loaded);
    }
    const mine = loaded.practitioners.find((p) => p.id === practitionerId) ?? loaded.practitioners.find((p) => p.id === session.user.id);
    const picked = next ?? {
      practitionerId: (mine ?? loaded.practitioners.find((p) => p.hours.length > 0) ?? loaded.practitioners[0])?.id ?? "",
      typeId: (loaded.appointmentTypes.find((t) => t.active && t.kind === "follow-up") ?? loaded.appointmentTypes.find((t) => t.active))?.id ?? "",
      startOn: addDays(clinicToday(loaded.timeZone), 1),
    };
    setChoice(picked);
    setLeft(new Set());
    setBooked(null);
    setProposal(await api<CourseProposal>("POST", `/api/v1/plans/${planId}/course-proposal`, picked));
  });
  const book = useSubmit(async () => {
    if (!proposal) return;
    const visits = proposal.visits.filter((v) => !left.has(v.number)).map((v) => ({ start: v.start, roomId: v.roomId }));
    const done = await api<{ appointments: unknown[] }>("POST", `/api/v1/plans/${planId}/course-booking`, { practitionerId: proposal.practitionerId, typeId: proposal.typeId, visits });
    setBooked(done.appointments.length);
    setProposal(null);
    onBooked();
  });

  if (!proposal) {
    return (
      <div className="actions">
        <button type="button" disabled={propose.busy} onClick={() => void propose.submit()}>
          Book the course
        </button>
        {booked !== null && <span className="small" role="status">Booked {booked} visits.</span>}
        <FormError error={propose.error} />
      </div>
    );
  }
  const chosen = proposal.visits.filter((v) => !left.has(v.number)).length;
  return (
    <div className="course-proposal" role="region" aria-label="Proposed visits">
      <h3>Proposed visits · {proposal.schedule}</h3>
      <div className="form-grid">
        <fieldset>
          <NamedSelect label="Practitioner" value={choice.practitionerId} options={settings?.practitioners ?? []} onChange={(id) => void propose.submit({ ...choice, practitionerId: id })} />
          <label>
            Type
            <select value={choice.typeId} onChange={(e) => void propose.submit({ ...choice, typeId: e.target.value })}>
              {settings?.appointmentTypes
                .filter((t) => t.active)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.minutes} min)
                  </option>
                ))}
            </select>
          </label>
          <label>
            From
            <input type="date" value={choice.startOn} onChange={(e) => e.target.value && void propose.submit({ ...choice, startOn: e.target.value })} />
          </label>
        </fieldset>
      </div>
      <FormError error={propose.error ?? book.error} />
      {proposal.alreadyCounted > 0 && <p className="small muted">{proposal.alreadyCounted} of {proposal.plannedVisits} visits are already done or booked.</p>}
      {proposal.visits.length === 0 && proposal.unplaced.length === 0 && <p className="small">Every visit of the plan is done or booked.</p>}
      <ol>
        {proposal.visits.map((v) => (
          <li key={v.number}>
            <label className="check">
              <input
                type="checkbox"
                checked={!left.has(v.number)}
                onChange={(e) => {
                  const next = new Set(left);
                  if (e.target.checked) next.delete(v.number);
                  else next.add(v.number);
                  setLeft(next);
                }}
              />
              {formatDate(v.localDate)} {v.localTime} · {v.roomName} · week {v.week}
            </label>
            {v.warnings.map((w) => (
              <div key={w} className="small warning">
                ⚠ {w}
              </div>
            ))}
          </li>
        ))}
      </ol>
      {proposal.unplaced.map((u) => (
        <p key={`${u.week}-${u.message}`} className="small warning">
          {u.message}
        </p>
      ))}
      <p className="small muted">Times in {proposal.timeZone}.</p>
      <div className="actions">
        <button type="button" className="primary" disabled={book.busy || chosen === 0} onClick={() => void book.submit()}>
          Book {chosen} visits
        </button>
        <button type="button" onClick={() => setProposal(null)}>
          Not now
        </button>
      </div>
    </div>
  );
}
