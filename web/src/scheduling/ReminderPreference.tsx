/**
 * The patient page's reminder card: whether this patient is sent appointment
 * reminders, who last changed that and when, a button for the desk to record
 * the patient's wish, and the last messages sent to them (never their words).
 */
import { formatDateTime } from "../../../domain/shared/dateWords.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import type { Loaded } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { outcomeWords, PURPOSE_LABELS, type ReminderPreference as Preference } from "./reminderTypes.ts";
import "./reminders.css";

export function ReminderPreference({ patientId, preference, canChange }: { patientId: string; preference: Loaded<Preference>; canChange: boolean }) {
  const change = useSubmit(async (optedOut: boolean) => {
    await api<Preference>("PUT", `/api/v1/patients/${patientId}/reminders`, { optedOut });
    preference.reload();
  });
  const p = preference.data;
  if (!p) return <FormError error={preference.error} />;
  const how = !p.emailConfigured ? "by phone from the front desk (e-mail is not configured)" : p.hasEmail ? "by e-mail" : "by phone from the front desk (no e-mail address on the record)";
  return (
    <section className="card reminder-preference" aria-label="Appointment reminders">
      <h2>Appointment reminders</h2>
      <p>
        <span className="state" data-testid="reminder-state">
          {p.optedOut ? "Off: the patient asked not to be reminded." : `On: reminded ${how}.`}
        </span>
        {p.changedAt && (
          <span className="muted small">
            {" "}
            Changed by {p.changedByName ?? "someone no longer on staff"} on {formatDateTime(p.changedAt)}.
          </span>
        )}
      </p>
      <FormError error={change.error} />
      {canChange && (
        <div className="actions">
          <button type="button" className={p.optedOut ? undefined : "secondary"} disabled={change.busy} onClick={() => void change.submit(!p.optedOut)}>
            {p.optedOut ? "Send reminders again" : "Stop reminders (patient asked)"}
          </button>
        </div>
      )}
      {p.messages.length > 0 && (
        <ul className="small muted" aria-label="Messages sent">
          {p.messages.map((m) => (
            <li key={m.id}>
              {formatDateTime(m.sentAt)}: {PURPOSE_LABELS[m.purpose]} by e-mail — {outcomeWords(m)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
