/**
 * The schedule's settings in one page: the clinic's time zone, rooms,
 * appointment types and holidays (owners change them), each practitioner's
 * working hours and time off (owners for anyone, practitioners their own),
 * and calendar feeds. Everyone who books sees them read-only, so the front
 * desk can tell why a time is not offered. Each part is its own small form
 * that keeps what was typed when the server refuses it.
 */
import "./scheduling.css";
import "./settings/scheduleSettings.css";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useCan, useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { AppointmentTypesSettings } from "./settings/AppointmentTypesSettings.tsx";
import { CalendarFeedPanel } from "./settings/CalendarFeedPanel.tsx";
import { Holidays } from "./settings/Holidays.tsx";
import { RoomsSettings } from "./settings/RoomsSettings.tsx";
import type { SettingsWithTimeOff } from "./settings/settingsTypes.ts";
import { TimeOff } from "./settings/TimeOff.tsx";
import { TimeZoneSetting } from "./settings/TimeZoneSetting.tsx";
import { WorkingHours } from "./settings/WorkingHours.tsx";

export function ScheduleSettingsPage() {
  const settings = useLoad(() => api<SettingsWithTimeOff>("GET", "/api/v1/schedule/settings"), "schedule-settings-page");
  const me = useSession().session.user.id;
  const configure = useCan("clinic.configure");
  const ownHours = useCan("hours.own");
  const hasFeed = useCan("calendarFeed.own");
  const keepsHoursOf = (id: string) => configure || (ownHours && id === me);
  const data = settings.data;
  const [chosen, setChosen] = useState<string | null>(null);
  const practitionerId = chosen ?? (data?.practitioners.some((p) => p.id === me) ? me : data?.practitioners[0]?.id);
  const practitioner = data?.practitioners.find((p) => p.id === practitionerId);

  return (
    <section aria-labelledby="settings-heading" className="schedule-settings">
      <div className="page-head">
        <h1 id="settings-heading">Schedule settings</h1>
        <Link to="/schedule">← Schedule</Link>
      </div>
      {!configure && (
        <p className="notice">
          Only an owner changes the clinic's settings{ownHours ? "; you keep your own working hours, time off and calendar feed" : ""}.
        </p>
      )}
      <FormError error={settings.error} />
      {data && (
        <>
          <TimeZoneSetting key={data.timeZone} timeZone={data.timeZone} editable={configure} onSaved={settings.reload} />
          <section className="card" aria-labelledby="practitioners-heading">
            <h2 id="practitioners-heading">Working hours and time off</h2>
            {data.practitioners.length === 0 ? (
              <p className="muted">No active practitioners or owners to schedule.</p>
            ) : (
              <>
                <label className="practitioner-choice">
                  Practitioner
                  <select value={practitionerId} onChange={(e) => setChosen(e.target.value)}>
                    {data.practitioners.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                        {p.id === me ? " (you)" : ""}
                      </option>
                    ))}
                  </select>
                </label>
                {practitioner && (
                  <div className="practitioner-schedule">
                    <section aria-label={`Hours of ${practitioner.name}`}>
                      <h3>Hours of {practitioner.name}</h3>
                      <WorkingHours key={practitioner.id} practitioner={practitioner} editable={keepsHoursOf(practitioner.id)} timeZone={data.timeZone} onSaved={settings.reload} />
                    </section>
                    <section aria-label={`Time off of ${practitioner.name}`}>
                      <h3>Time off of {practitioner.name}</h3>
                      <TimeOff key={practitioner.id} practitioner={practitioner} editable={keepsHoursOf(practitioner.id)} onChanged={settings.reload} />
                    </section>
                  </div>
                )}
              </>
            )}
          </section>
          <RoomsSettings rooms={data.rooms} editable={configure} onChanged={settings.reload} />
          <AppointmentTypesSettings types={data.appointmentTypes} editable={configure} onChanged={settings.reload} />
          <Holidays holidays={data.holidays} editable={configure} onChanged={settings.reload} />
          {hasFeed && <CalendarFeedPanel practitioners={data.practitioners} me={me} configure={configure} />}
        </>
      )}
    </section>
  );
}
