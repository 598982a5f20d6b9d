/**
 * The clinic's time zone, an IANA name. Everything on the calendar is shown
 * in it and working hours are read in it, so a wrong zone moves every
 * appointment: the server checks the name and says so beside the field.
 */
import { useState } from "react";
import { api } from "../../api.ts";
import { FieldError, FormError } from "../../components/FormError.tsx";
import { useSubmit } from "../../useSubmit.ts";

/** The zones this browser knows, offered as suggestions; the server decides. */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

export function TimeZoneSetting({ timeZone, editable, onSaved }: { timeZone: string; editable: boolean; onSaved: () => void }) {
  const [value, setValue] = useState(timeZone);
  const [saved, setSaved] = useState(false);
  // The refusal speaks of the name that was sent: once it is edited, the message would be about something no longer there.
  const [sent, setSent] = useState<string | null>(null);
  const save = useSubmit(async () => {
    setSaved(false);
    setSent(value);
    await api("PUT", "/api/v1/schedule/time-zone", { timeZone: value.trim() });
    setSaved(true);
    onSaved();
  });
  const error = sent === value ? save.error : null;
  if (!editable) {
    return (
      <section className="card" aria-labelledby="zone-heading">
        <h2 id="zone-heading">Time zone</h2>
        <p>
          <span className="mono">{timeZone}</span> <span className="muted small">· set by an owner</span>
        </p>
      </section>
    );
  }
  return (
    <form
      className="card"
      aria-labelledby="zone-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save.submit();
      }}
      noValidate
    >
      <h2 id="zone-heading">Time zone</h2>
      <p className="muted small">Appointments are kept in UTC and shown in this zone; working hours and time off are read in it. Daylight saving follows the zone.</p>
      <FormError error={error} />
      <div className="row">
        <label className={error?.fields.timeZone ? "invalid" : undefined}>
          IANA time zone
          <input
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setSaved(false);
            }}
            list="time-zones"
            placeholder="America/New_York"
            required
            maxLength={64}
            aria-describedby={error?.fields.timeZone ? "timeZone-error" : undefined}
          />
          <FieldError error={error} field="timeZone" />
        </label>
        <datalist id="time-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <button type="submit" className="primary" disabled={save.busy || value.trim() === timeZone}>
          Save time zone
        </button>
      </div>
      {saved && !error && (
        <p className="success" role="status">
          The clinic's time zone is now {value.trim()}.
        </p>
      )}
    </form>
  );
}
