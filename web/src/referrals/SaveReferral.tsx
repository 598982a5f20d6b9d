/** On a directory result inside the clinic app: save it as a referral contact, with an optional note. */
import { useState } from "react";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import type { DirectoryResult } from "../directory/types.ts";
import { useSubmit } from "../useSubmit.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

export function SaveReferral({ result, saved, onSaved }: { result: DirectoryResult; saved: boolean; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { submit, error, busy } = useSubmit(async () => {
    await api("POST", "/api/v1/referral-contacts", { npi: result.npi, note: note.trim() || null });
    setOpen(false);
    onSaved();
  });
  if (saved) return <p className="good small">In your referral contacts.</p>;
  if (!open) {
    return (
      <button type="button" className="save-referral" onClick={() => setOpen(true)}>
        Save as referral contact
      </button>
    );
  }
  return (
    <form className="referral-note" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <FormError error={error} />
      <label>
        Note for the clinic (optional)
        <LimitedText as="textarea" value={note} onChange={(e) => setNote(e.target.value)} max={TEXT_LIMITS.referralNote} rows={2} autoFocus placeholder="e.g. takes Medicare; evening hours" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save {result.name}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
