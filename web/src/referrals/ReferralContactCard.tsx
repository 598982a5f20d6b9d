/** One saved referral contact: the details as saved, the note, and how the directory's entry stands now. */
import { useState } from "react";
import { formatPhone } from "../../../domain/directory/provider.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSubmit } from "../useSubmit.ts";
import type { ReferralContact, Snapshot } from "./types.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

const FIELD_LABEL = { name: "Name", credential: "Credential", address: "Address", phone: "Phone", licence: "Licence" } as const;

const addressOf = (s: Snapshot) => [s.address.line1, s.address.line2, `${s.address.city}${s.address.state ? `, ${s.address.state}` : ""} ${s.address.postalCode?.slice(0, 5) ?? ""}`].filter(Boolean);

export function ReferralContactCard({ contact: c, canManage, onChanged }: { contact: ReferralContact; canManage: boolean; onChanged: () => void }) {
  const s = c.snapshot;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(c.note ?? "");
  const [confirming, setConfirming] = useState(false);
  const { submit, error, busy } = useSubmit(async (change: { note?: string; takeCurrentDetails?: boolean } | "remove") => {
    if (change === "remove") await api("DELETE", `/api/v1/referral-contacts/${c.id}`);
    else await api("PATCH", `/api/v1/referral-contacts/${c.id}`, change);
    setEditing(false);
    setConfirming(false);
    onChanged();
  });
  const phone = formatPhone(s.phone);
  return (
    <li className={`referral-card directory-${c.directory.kind}`} aria-label={s.name}>
      <h3>
        {s.name}
        {s.credential && <span className="credential">, {s.credential}</span>}
      </h3>
      <p className="muted small">
        {s.entity === "organization" ? "Organisation" : "Individual"} · NPI {s.npi}
        {s.license.number && ` · licence ${s.license.state ?? ""} ${s.license.number}`}
      </p>
      <address>
        {addressOf(s).map((line) => (
          <span key={line}>{line}</span>
        ))}
      </address>
      {phone && (
        <p>
          <a href={`tel:${s.phone}`}>{phone}</a>
        </p>
      )}
      <Standing contact={c} />
      <FormError error={error} />
      {editing ? (
        <form className="referral-note" onSubmit={(e) => (e.preventDefault(), void submit({ note }))}>
          <label>
            Note
            <LimitedText as="textarea" value={note} onChange={(e) => setNote(e.target.value)} max={TEXT_LIMITS.referralNote} rows={2} autoFocus />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Save note
            </button>
            <button type="button" onClick={() => (setEditing(false), setNote(c.note ?? ""))}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        c.note && <p className="referral-note-text">{c.note}</p>
      )}
      <p className="muted small">
        Saved {c.savedAt.slice(0, 10)}
        {c.savedByName && ` by ${c.savedByName}`}
      </p>
      {canManage && !editing && (
        <div className="actions">
          {c.directory.kind === "changed" && (
            <button type="button" disabled={busy} onClick={() => void submit({ takeCurrentDetails: true })}>
              Use the directory's current details
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            {c.note ? "Edit note" : "Add a note"}
          </button>
          {confirming ? (
            <>
              <button type="button" className="danger" disabled={busy} onClick={() => void submit("remove")}>
                Yes, remove {s.name}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Remove
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function Standing({ contact: c }: { contact: ReferralContact }) {
  const d = c.directory;
  if (d.kind === "unchanged") return <p className="good small">As the directory lists it now.</p>;
  if (d.kind === "gone") {
    return (
      <p className="referral-warning" role="status">
        No longer in the directory: the NPI was deactivated, dropped the acupuncturist taxonomy, or left CMS's latest full file. Check before referring.
      </p>
    );
  }
  return (
    <div className="referral-warning" role="status">
      <p>The directory's entry has changed since this contact was saved:</p>
      <dl className="referral-changes">
        {d.changes.map((change) => (
          <div key={change.field}>
            <dt>{FIELD_LABEL[change.field]}</dt>
            <dd>
              <span className="was">{change.saved ?? "(none)"}</span> → <strong>{change.now ?? "(none)"}</strong>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
