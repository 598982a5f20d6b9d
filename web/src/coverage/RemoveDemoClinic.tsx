/**
 * When the clinic goes live: the demo's owner removes the demo clinic, with
 * all its synthetic staff, patients and records, in one step confirmed by
 * typing its name. The server keeps a record of the removal; everyone is
 * signed out, and the sign-in page then says how to create the first owner.
 */
import { useState } from "react";
import { api } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";
import { useSubmit } from "../useSubmit.ts";

export function RemoveDemoClinic() {
  const { session } = useSession();
  const [typed, setTyped] = useState("");
  const { submit, error, busy } = useSubmit(async () => {
    await api("DELETE", "/api/v1/clinic", { confirmName: typed });
    window.location.assign("/login");
  });
  if (!session.clinic.demo) return null;
  return (
    <form
      className="card danger-zone"
      aria-label="Remove the demo clinic"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>Going live: remove the demo clinic</h2>
      <p>
        This clinic is Acuback's demo, filled with made-up staff and patients. When your own clinic is set up, remove it: every
        demo account, patient, visit and log entry goes at once, and other clinics are not touched. The removal itself is recorded.
      </p>
      <FormError error={error} />
      <label>
        Type “{session.clinic.name}” to confirm
        <input type="text" name="confirmName" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        <FieldError error={error} field="confirmName" />
      </label>
      <div className="actions">
        <button type="submit" className="danger" disabled={busy || typed.trim() !== session.clinic.name}>
          Remove the demo clinic
        </button>
      </div>
    </form>
  );
}
