/**
 * The clinic's referral contacts, and the directory search to add more: the
 * same search as the public /find page, each result with "Save as referral
 * contact". Everyone on the staff reads the list; owners and practitioners
 * change it. Owners also reach the NPPES import from here.
 */
import { Link } from "react-router";
import { can } from "../../../domain/access/roles.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { DirectorySearch } from "../directory/FindPage.tsx";
import "../directory/directory.css";
import { useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { ReferralContactCard } from "./ReferralContactCard.tsx";
import { SaveReferral } from "./SaveReferral.tsx";
import type { ReferralContact } from "./types.ts";
import "./referrals.css";

export function ReferralsPage() {
  const { session } = useSession();
  const canManage = can(session.user.role, "referrals.manage");
  const contacts = useLoad(() => api<ReferralContact[]>("GET", "/api/v1/referral-contacts"), "referrals");
  // The search starts at the clinic's own ZIP when the billing details have one.
  const clinic = useLoad(() => api<{ clinic: { postalCode: string | null } }>("GET", "/api/v1/billing-details"), "clinic-zip");
  const saved = new Set((contacts.data ?? []).map((c) => c.snapshot.npi));
  const attention = (contacts.data ?? []).filter((c) => c.directory.kind !== "unchanged").length;
  return (
    <section className="referrals find">
      <div className="page-head">
        <h1>Referral contacts</h1>
        {can(session.user.role, "directory.import") && <Link to="/directory/import">Update the directory from an NPPES file</Link>}
      </div>
      <FormError error={contacts.error} />
      {contacts.data && contacts.data.length === 0 && <p className="muted">No referral contacts yet: search the directory below and save the providers you refer to.</p>}
      {attention > 0 && (
        <p className="referral-warning">
          {attention} contact{attention === 1 ? "" : "s"} changed or left the directory since saved.
        </p>
      )}
      {contacts.data && contacts.data.length > 0 && (
        <ul className="referral-list">
          {contacts.data.map((c) => (
            <ReferralContactCard key={`${c.id}-${c.snapshot.lastUpdateDate}-${c.note}`} contact={c} canManage={canManage} onChanged={contacts.reload} />
          ))}
        </ul>
      )}
      <h2>Add from the directory</h2>
      {clinic.data || clinic.error ? (
        <DirectorySearch
          {...(clinic.data?.clinic.postalCode && { initialZip: clinic.data.clinic.postalCode.slice(0, 5) })}
          {...(canManage && { action: (r) => <SaveReferral result={r} saved={saved.has(r.npi)} onSaved={contacts.reload} /> })}
        />
      ) : (
        <p className="loading">Loading…</p>
      )}
    </section>
  );
}
