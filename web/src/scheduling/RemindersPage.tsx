/**
 * The front desk's reminders: who is due one now (the clinic's lead time
 * before their appointment), and for each whether it goes by e-mail or must
 * be phoned. Without e-mail configured the page says so plainly and the list
 * is the call list. With e-mail, it also shows what was sent and what failed.
 */
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { clinicMoment, outcomeWords, PURPOSE_LABELS, type DueReminders, type SentMessage } from "./reminderTypes.ts";
import "./reminders.css";

export function RemindersPage() {
  const due = useLoad(() => api<DueReminders>("GET", "/api/v1/reminders/due"), "reminders-due");
  if (!due.data) return due.error ? <FormError error={due.error} /> : <p className="loading">Loading…</p>;
  const { emailConfigured, timeZone } = due.data;
  const toCall = due.data.due.filter((d) => d.action === "call");
  const toEmail = due.data.due.filter((d) => d.action === "email");
  return (
    <section className="reminders">
      <div className="page-head">
        <h1>Reminders</h1>
        <span className="muted">Times in {timeZone}</span>
      </div>
      {emailConfigured ? (
        <p className="muted">Reminders are e-mailed through the clinic's mail server, a few minutes apart. Those that cannot be e-mailed are listed to phone.</p>
      ) : (
        <p className="notice" role="status" data-testid="email-not-configured">
          E-mail is not configured on this server, so no reminders are e-mailed. Phone the patients below. (Whoever runs the server can set ACUBACK_SMTP_URL
          and ACUBACK_SMTP_FROM; see the README.)
        </p>
      )}
      <LeadTime hours={due.data.leadHours} onSaved={due.reload} />
      <section className="card" aria-label="To phone">
        <h2>To phone ({toCall.length})</h2>
        <ListTable columns={["Appointment", "Patient", "Phone", "With", "Why"]} empty="No one to phone now." data-testid="reminders-to-call">
          {toCall.map((d) => (
            <ListRow key={d.appointmentId}>
              <td className="nowrap">{clinicMoment(d.start, timeZone)}</td>
              <th scope="row">
                <Link to={`/patients/${d.patientId}`}>{d.patientName}</Link> <span className="muted mono small">{d.recordNumber}</span>
              </th>
              <td>{d.phone ? <a href={`tel:${d.phone.replace(/[^\d+]/g, "")}`}>{d.phone}</a> : <span className="muted">no phone on the record</span>}</td>
              <td>{d.practitionerName}</td>
              <td className="small">{d.reason}</td>
            </ListRow>
          ))}
        </ListTable>
        {due.data.optedOut > 0 && (
          <p className="muted small">
            {due.data.optedOut} {due.data.optedOut === 1 ? "patient" : "patients"} with an appointment soon asked not to be reminded, and {due.data.optedOut === 1 ? "is" : "are"} not listed.
          </p>
        )}
      </section>
      {emailConfigured && (
        <>
          <section className="card" aria-label="To be e-mailed">
            <h2>To be e-mailed ({toEmail.length})</h2>
            <ListTable columns={["Appointment", "Patient", "With", "Status"]} empty="Nothing waiting.">
              {toEmail.map((d) => (
                <ListRow key={d.appointmentId}>
                  <td className="nowrap">{clinicMoment(d.start, timeZone)}</td>
                  <th scope="row">
                    <Link to={`/patients/${d.patientId}`}>{d.patientName}</Link>
                  </th>
                  <td>{d.practitionerName}</td>
                  <td className="small">{d.reason}</td>
                </ListRow>
              ))}
            </ListTable>
          </section>
          <SentLately timeZone={timeZone} />
        </>
      )}
    </section>
  );
}

/** The lead time, and for owners a field to change it. */
function LeadTime({ hours, onSaved }: { hours: number; onSaved: () => void }) {
  const configures = useCan("clinic.configure");
  const [value, setValue] = useState(String(hours));
  const save = useSubmit(async () => {
    await api("PUT", "/api/v1/reminders/settings", { leadHours: Number(value) });
    onSaved();
  });
  const said = `A reminder is due ${hours} hours before each appointment${hours === 24 ? " (Acuback's default: a choice, not a clinical rule)" : ""}.`;
  if (!configures) return <p className="muted small">{said}</p>;
  return (
    <form
      className="row lead-time"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit();
      }}
    >
      <p className="muted small grow">{said}</p>
      <label>
        Hours before
        <input type="number" name="leadHours" min={1} max={336} step={1} required value={value} onChange={(e) => setValue(e.target.value)} inputMode="numeric" />
        <FieldError error={save.error} field="leadHours" />
      </label>
      <button type="submit" disabled={save.busy || value === String(hours)}>
        Save
      </button>
      <FormError error={save.error} />
    </form>
  );
}

function SentLately({ timeZone }: { timeZone: string }) {
  const sent = useLoad(() => api<SentMessage[]>("GET", "/api/v1/reminders/sent?days=7"), "reminders-sent");
  return (
    <section className="card" aria-label="Sent in the last 7 days">
      <h2>Sent in the last 7 days</h2>
      <FormError error={sent.error} />
      {sent.data && (
        <ListTable columns={["When", "Patient", "What", "Outcome"]} empty="Nothing was sent in the last 7 days." data-testid="reminders-sent">
          {sent.data.map((m) => (
            <ListRow key={m.id} className={m.outcome === "failed" ? "failed" : undefined}>
              <td className="nowrap">{clinicMoment(m.sentAt, timeZone)}</td>
              <th scope="row">
                <Link to={`/patients/${m.patientId}`}>{m.patientName}</Link>
              </th>
              <td>
                {PURPOSE_LABELS[m.purpose]}
                {m.appointmentStart && <span className="muted small"> for {clinicMoment(m.appointmentStart, timeZone)}</span>}
                {m.sentByName && <span className="muted small"> · by {m.sentByName}</span>}
              </td>
              <td>{outcomeWords(m)}</td>
            </ListRow>
          ))}
        </ListTable>
      )}
    </section>
  );
}
