/** Saves the treatment being charted as one of the clinic's own protocols, shared with everyone in the clinic. */
import { useState } from "react";
import type { Treatment } from "../../../domain/treatment/treatment.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";

export function SaveProtocol({ treatment }: { treatment: Treatment }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { submit, error, busy } = useSubmit(async () => {
    // A protocol keeps the plan of the treatment, not what was found on the day.
    const plan: Treatment = { ...treatment, sites: treatment.sites.map((s) => ({ ...s, deQi: null, infectedSite: false })) };
    await api("POST", "/api/v1/protocols", { name, treatment: plan });
    setSaved(name);
    setOpen(false);
    setName("");
  });
  if (!open) {
    return (
      <span className="save-protocol">
        <button type="button" className="link-button" disabled={treatment.sites.length === 0} onClick={() => setOpen(true)}>
          Save these points as a clinic protocol
        </button>
        {saved && <span className="small good"> Saved “{saved}”.</span>}
      </span>
    );
  }
  return (
    <form
      className="row save-protocol"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="grow">
        Protocol name (shared in the clinic)
        <input type="text" required maxLength={120} value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || name.trim() === ""}>
        Save protocol
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <FormError error={error} />
    </form>
  );
}
