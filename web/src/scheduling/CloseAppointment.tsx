/** Done in one click; a cancellation, late cancellation or no-show asks for the reason first. */
import { useState } from "react";
import { STATUS_LABELS, type AppointmentStatus } from "../../../domain/scheduling/appointment.ts";
import { api } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";
import type { Appointment } from "./types.ts";

type Closing = Exclude<AppointmentStatus, "booked" | "done">;

export function CloseAppointment({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const [closing, setClosing] = useState<Closing | null>(null);
  const [reason, setReason] = useState("");
  const send = useSubmit(async (status: AppointmentStatus, why: string | null) => {
    await api("POST", `/api/v1/appointments/${appointment.id}/status`, { status, reason: why, version: appointment.version });
    setClosing(null);
    onDone();
  });
  if (closing) {
    return (
      <form
        className="form-grid narrow"
        onSubmit={(e) => {
          e.preventDefault();
          void send.submit(closing, reason);
        }}
      >
        <FormError error={send.error} />
        <label>
          Why ({STATUS_LABELS[closing]})
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required autoFocus />
          <FieldError error={send.error} field="reason" />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={send.busy}>
            Record {STATUS_LABELS[closing]}
          </button>
          <button type="button" onClick={() => setClosing(null)}>
            Back
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="actions">
      <FormError error={send.error} />
      <button type="button" className="small" disabled={send.busy} onClick={() => void send.submit("done", null)}>
        Done
      </button>
      {(["no-show", "late-cancel", "cancelled"] as const).map((status) => (
        <button key={status} type="button" className="small" onClick={() => setClosing(status)}>
          {status === "cancelled" ? "Cancel" : STATUS_LABELS[status][0]!.toUpperCase() + STATUS_LABELS[status].slice(1)}
        </button>
      ))}
    </div>
  );
}
